/**
 * A small static file server bound to 127.0.0.1 on a free port, shared by the browser tests
 * (through tests/support/static-server.ts) and `npm run bench`. It serves a folder the way a plain
 * static host does: index.html for folders, 404 for anything else it cannot find (with the site's
 * 404.html as the page, where there is one, as GitHub Pages and Netlify do), nothing outside the
 * folder. With `gzip`, text is compressed (level 9, once per file) for clients that ask, as a
 * host with precompressed files would; the bench measures what such a host sends.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing: woff2 and png are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface StaticServerOptions {
  /** Headers added to every HTML response (a CSP, say). */
  headers?: Readonly<Record<string, string>>;
  /** Gzip text (level 9) when the request accepts it. */
  gzip?: boolean;
}

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** The file a URL path names under `root` (a folder's index.html), or null outside it or when missing. */
async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    return info.isDirectory() ? join(path, 'index.html') : path;
  } catch {
    return null;
  }
}

/** Serves the folder `root` on 127.0.0.1 until close() is called. */
export async function serveStatic(root: string, { headers = {}, gzip = false }: StaticServerOptions = {}): Promise<StaticServer> {
  root = resolve(root);
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    try {
      const file = await resolveFile(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const head: Record<string, string> = { 'Content-Type': type, ...(type.startsWith('text/html') ? headers : {}) };
      if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        res.writeHead(200, { ...head, 'Content-Encoding': 'gzip' });
        res.end(compressed.get(file));
        return;
      }
      res.writeHead(200, head);
      res.end(body);
    } catch {
      const page = await readFile(join(root, '404.html')).catch(() => undefined);
      res.writeHead(404, page ? { 'Content-Type': TYPES['.html']!, ...headers } : { 'Content-Type': 'text/plain' });
      res.end(page ?? 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // A browser keeps idle connections open; without this, close() would wait for them.
        server.closeAllConnections();
      }),
  };
}
