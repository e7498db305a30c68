/**
 * After the build: makes every page readable from disk (root-relative URLs become relative), and
 * writes next to each post a self-contained `offline.html` that needs nothing but itself, from the
 * cache when the page and what it inlines are unchanged (src/lib/html/offline-cache.ts).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { relativizeCss, relativizeHtml } from '../lib/html/relative-urls.ts';
import { buildOfflineHtml, SharedWork } from '../lib/html/offline.ts';
import { fingerprint } from '../lib/build-cache.ts';
import { filesUnder } from '../lib/files.ts';
import { assetsFingerprint, OfflineCache, offlineCacheKey } from '../lib/html/offline-cache.ts';
import { RUNTIME_FILE } from '../client/protocol.ts';
import { CHART_SCRIPTS_DIR } from './chart-runtime.ts';

/** The self-contained file's name, next to the post's index.html. */
export const OFFLINE_FILE = 'offline.html';

/** The code that makes an offline file: a change to any of it makes every cached one stale. */
const OFFLINE_SOURCES = ['../lib/html/', './portable-html.ts', '../client/protocol.ts'];

/** A fingerprint of the offline pipeline's sources. */
async function offlineCodeVersion(): Promise<string> {
  const files: string[] = [];
  for (const source of OFFLINE_SOURCES) {
    const path = fileURLToPath(new URL(source, import.meta.url));
    if (source.endsWith('/'))
      files.push(
        ...(await readdir(path))
          .filter((name) => name.endsWith('.ts'))
          .sort()
          .map((name) => join(path, name)),
      );
    else files.push(path);
  }
  return fingerprint(
    await Promise.all(
      files.map(async (file) => [relative(fileURLToPath(new URL('../', import.meta.url)), file), await readFile(file)] as const),
    ),
  );
}

/** Runs `task` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Pages are rewritten a few at a time: one by one, the step mostly waited on the disk, and all at
 * once, a large site would hold every page and its self-contained copy in memory together.
 */
const PAGES_AT_ONCE = 8;

/**
 * Pages a host serves at any address (404.html, for whatever address has no file): their URLs stay
 * root-relative with the base path, since a relative one would resolve against the address asked for.
 */
const SERVED_AT_ANY_ADDRESS = new Set(['404.html']);

/** Posts are the pages under posts/ (their offline files are written by this step). */
function isPostPage(file: string): boolean {
  return /^posts\/.+\/index\.html$/.test(file);
}

export default function portableHtml(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost/';
  return {
    name: 'portable-html',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site ?? site).href;
      },
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const files = await filesUnder(root);
        for (const file of files.filter((f) => f.endsWith('.css'))) {
          await writeFile(join(root, file), relativizeCss(await readFile(join(root, file), 'utf8'), file, base));
        }
        // Every post inlines the same stylesheets, fonts and scripts: read each once (after the
        // stylesheets above were rewritten; nothing below writes an asset).
        const assets = new Map<string, Promise<Uint8Array>>();
        const shared = new SharedWork();
        const cache = new OfflineCache();
        const [version, assetsVersion] = await Promise.all([offlineCodeVersion(), assetsFingerprint(root, files)]);
        const read = (file: string) => {
          let bytes = assets.get(file);
          if (!bytes) assets.set(file, (bytes = readFile(join(root, file))));
          return bytes;
        };
        await eachLimited(
          files.filter((f) => f.endsWith('.html')),
          PAGES_AT_ONCE,
          async (file) => {
            if (SERVED_AT_ANY_ADDRESS.has(file)) return;
            const html = relativizeHtml(await readFile(join(root, file), 'utf8'), file, base);
            await writeFile(join(root, file), html);
            if (!isPostPage(file)) return;
            const key = offlineCacheKey({ version, assets: assetsVersion, siteUrl: site, file, html });
            await cache.write(join(root, file.replace(/index\.html$/, OFFLINE_FILE)), key, () =>
              buildOfflineHtml({ html, file, siteUrl: site, appendScripts: [`${CHART_SCRIPTS_DIR}/${RUNTIME_FILE}`], read, shared }),
            );
          },
        );
        await cache.prune();
      },
    },
  };
}
