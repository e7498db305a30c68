/**
 * Turns a built page into one self-contained HTML file: stylesheets inlined with the fonts the
 * page uses as data: URIs, scripts inlined (the chart runtime too), links pointed at the web, and
 * a CSP that allows nothing but what the file holds.
 */
import { posix } from 'node:path';
import { cspMetaTag, offlinePolicy, sha256Source } from './csp.ts';
import { pruneKatexFontFaces, usedKatexFaces } from './katex-fonts.ts';

export interface OfflineInput {
  /** The built page, its URLs relative (see relative-urls.ts). */
  readonly html: string;
  /** The page's path in the output folder, e.g. "posts/nlp/a/index.html". */
  readonly file: string;
  /** The site's address on the web, with its base, e.g. "https://example.org/blog/". */
  readonly siteUrl: string;
  /** Scripts to add at the end of the body (paths in the output folder), e.g. the chart runtime. */
  readonly appendScripts?: readonly string[];
  /** Reads a file of the output folder. */
  readonly read: (path: string) => Promise<Uint8Array>;
  /** Work shared with the other pages of the same build; see SharedWork. */
  readonly shared?: SharedWork;
}

/**
 * What the pages of one build can share, remembered between calls of buildOfflineHtml: the
 * inlined stylesheets, scripts and icons, and the hashes of inline code. Every post inlines the
 * same chart runtime; without this each one would decode, escape and hash the same 400 KB again.
 * Make one per build: it assumes the output folder's assets do not change while it lives.
 */
export class SharedWork {
  private readonly inlined = new Map<string, Promise<string>>();
  private readonly hashes = new Map<string, string>();

  /** `make()`'s result, made once per key. */
  inline(key: string, make: () => Promise<string>): Promise<string> {
    let text = this.inlined.get(key);
    if (!text) this.inlined.set(key, (text = make()));
    return text;
  }

  /** The CSP hash source of an inline text, computed once per text. */
  hash(text: string): string {
    let source = this.hashes.get(text);
    if (!source) this.hashes.set(text, (source = sha256Source(text)));
    return source;
  }
}

const MEDIA_TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The output-folder path of a URL written relative to `fromFile`. */
function resolvePath(fromFile: string, url: string): string {
  return posix.normalize(posix.join(posix.dirname(fromFile), url.split(/[?#]/)[0]!));
}

async function dataUri(path: string, read: OfflineInput['read']): Promise<string> {
  const type = MEDIA_TYPES[posix.extname(path)];
  if (!type) throw new Error(`cannot inline ${path}: unknown media type`);
  return `data:${type};base64,${Buffer.from(await read(path)).toString('base64')}`;
}

/** Replaces every match of `pattern` with the result of an async function of the match. */
async function replaceAsync(text: string, pattern: RegExp, replace: (...groups: string[]) => Promise<string>): Promise<string> {
  const matches = [...text.matchAll(pattern)];
  const replacements = await Promise.all(matches.map((m) => replace(...(m as unknown as string[]))));
  let result = '';
  let last = 0;
  matches.forEach((m, i) => {
    result += text.slice(last, m.index) + replacements[i];
    last = m.index! + m[0].length;
  });
  return result + text.slice(last);
}

/** Inline text must not close its element early. */
function safeInline(text: string, element: 'script' | 'style'): string {
  return text.replace(new RegExp(`</${element}`, 'gi'), `<\\/${element}`);
}

/** The stylesheet's text, ready to inline: only the KaTeX fonts the page uses, each as a data: URI. */
async function inlineStylesheet(input: OfflineInput, href: string): Promise<string> {
  const cssFile = resolvePath(input.file, href);
  const css = new TextDecoder().decode(await input.read(cssFile));
  const faces = usedKatexFaces(css, input.html);
  const make = async () => {
    const pruned = pruneKatexFontFaces(css, faces);
    const inlined = await replaceAsync(pruned, /url\((["']?)([^"')]+)\1\)/g, async (match, _quote, url) =>
      url!.startsWith('data:') ? match! : `url(${await dataUri(resolvePath(cssFile, url!), input.read)})`,
    );
    return safeInline(inlined, 'style');
  };
  return input.shared ? input.shared.inline(`style ${cssFile} ${[...faces].sort().join(',')}`, make) : make();
}

/** Builds the self-contained file for one page. */
export async function buildOfflineHtml(input: OfflineInput): Promise<string> {
  const canonical = new URL(input.file.replace(/index\.html$/, ''), input.siteUrl).href;

  // Links to other pages lead to the web; the link to this very file becomes "read it online".
  // Done before anything is inlined: the page is a fifth of the finished file, and the inlined
  // code is not markup to rewrite.
  let html = input.html.replace(/<a\b[^>]*\bdata-offline-link\b[^>]*>[^<]*<\/a>/g, `<a href="${canonical}">Read this post online</a>`);
  html = html.replace(/(<a\b[^>]*\shref=")([^"#][^"]*)"/g, (match, start: string, href: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(href) ? match : `${start}${new URL(href, canonical).href}"`,
  );

  html = await replaceAsync(html, /<link\b[^>]*\brel="stylesheet"[^>]*>/g, async (tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag!)![1]!;
    return `<style>${await inlineStylesheet(input, href)}</style>`;
  });

  html = await replaceAsync(html, /<link\b[^>]*\brel="icon"[^>]*>/g, async (tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag!)![1]!;
    const path = resolvePath(input.file, href);
    const make = () => dataUri(path, input.read);
    const uri = await (input.shared ? input.shared.inline(`uri ${path}`, make) : make());
    return tag!.replace(`href="${href}"`, () => `href="${uri}"`);
  });

  // The scripts this file may run: exactly the project's own, which it inlines here. Any other
  // inline script (an author's, say, which the web page's CSP blocks too) gets no hash, so it
  // never runs.
  const ownScripts = new Set<string>();
  const inlineScript = async (path: string) => {
    const make = async () => `<script>${safeInline(new TextDecoder().decode(await input.read(path)), 'script')}</script>`;
    const tag = await (input.shared ? input.shared.inline(`script ${path}`, make) : make());
    ownScripts.add(tag.slice('<script>'.length, -'</script>'.length));
    return tag;
  };
  html = await replaceAsync(html, /<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g, (_, src) =>
    inlineScript(resolvePath(input.file, src!)),
  );
  // An explorable figure's code (figure-code.js beside the page) is fetched by the loader where
  // the page is served; here it is inlined after the runtime, and the attribute left empty: the
  // chart still waits for its figure's code, and the loader fetches nothing.
  const figureCode = new Set<string>();
  html = html.replace(
    /\sdata-figure-code="([^"]+)"/g,
    (_, src: string) => (figureCode.add(resolvePath(input.file, src)), ' data-figure-code=""'),
  );
  const appended = await Promise.all([...(input.appendScripts ?? []), ...figureCode].map(inlineScript));
  // Function replacers throughout: a string replacement would expand "$&" or "$'" found in the code.
  html = html.replace('</body>', () => `${appended.join('')}</body>`);

  // Hashes in document order, read from the finished file: the inlining above runs concurrently,
  // and collecting as it went would order them by which file was read first.
  const inlineCode = (element: 'script' | 'style') =>
    [...html.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))].map((m) => m[1]!);
  const hash = input.shared ? (text: string) => input.shared!.hash(text) : sha256Source;
  const scripts = inlineCode('script').filter((text) => ownScripts.has(text));
  const meta = cspMetaTag(offlinePolicy({ scripts, styles: inlineCode('style') }, hash));
  html = html.includes('http-equiv="Content-Security-Policy"')
    ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => meta)
    : html.replace('<head>', () => `<head>${meta}`);

  const leftover = /<(?:script|img|link|source|iframe)\b[^>]*\s(?:src|href)="(?!data:|https?:|#)([^"]*)"/.exec(html);
  if (leftover) throw new Error(`${input.file}: the offline file still refers to "${leftover[1]}"`);
  return html;
}
