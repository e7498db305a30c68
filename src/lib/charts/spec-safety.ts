/**
 * What a chart may not do, whatever its spec says: load anything (data from a URL or a file, an
 * image), link anywhere but the web, or carry text that XML cannot hold.
 *
 * A chart's data comes from the post's TypeScript. A spec that names a URL would be fetched (or
 * a file:// path read) at build time, silently, and in the browser the page's CSP would then
 * block the same load and the live view would draw nothing. These checks refuse such a spec by
 * name; the build's Vega view also gets a loader that refuses every request (refusingLoader), so
 * a load the checks miss still reaches neither the network nor the disk.
 */
import type { Spec as VegaSpec } from 'vega';
import { isSafeLink } from '../safe-link.ts';
import { codePointName, NOT_IN_XML } from '../xml-text.ts';

export { isSafeLink };

/** A data set that names where to load it from. */
interface DataEntry {
  name?: string;
  url?: unknown;
}

interface MarkNode {
  type?: string;
  name?: string;
  data?: readonly DataEntry[];
  marks?: readonly MarkNode[];
  encode?: Record<string, Record<string, unknown> | undefined>;
}

/** Each mark, nested group marks included, with the path to it. */
function eachMark(node: MarkNode, visit: (mark: MarkNode) => void): void {
  for (const mark of node.marks ?? []) {
    visit(mark);
    eachMark(mark, visit);
  }
}

/**
 * What in the compiled Vega spec would load something, in words, or undefined. Vega-Lite writes
 * a `data.url` as a Vega data set with a `url`, and an image mark (or a `url` encoding) as an
 * image mark.
 */
export function externalResource(vega: VegaSpec): string | undefined {
  const root = vega as MarkNode;
  const found: string[] = [];
  const checkData = (node: MarkNode) => {
    for (const entry of node.data ?? []) {
      if (entry.url !== undefined) found.push(`its data set "${entry.name ?? '?'}" would be loaded from ${JSON.stringify(entry.url)}`);
    }
  };
  checkData(root);
  eachMark(root, (mark) => {
    checkData(mark);
    if (mark.type === 'image') found.push('it has an image mark, which loads its picture from a URL');
  });
  return found[0];
}

/** The first link in a rendered SVG that a chart may not have, or undefined. */
export function unsafeSvgLink(svg: string): string | undefined {
  for (const match of svg.matchAll(/\s(?:xlink:)?href="([^"]*)"/g)) {
    const href = decodeEntities(match[1]!);
    if (!isSafeLink(href)) return href;
  }
  return undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Where in a chart (its data rows, by data set, row and field; then the rest of its spec) a string
 * holds a character XML cannot hold, in words, or undefined.
 */
export function unprintableText(spec: unknown, datasets: Readonly<Record<string, readonly unknown[]>>): string | undefined {
  for (const [name, rows] of Object.entries(datasets)) {
    for (let row = 0; row < rows.length; row++) {
      const found = firstBadString(rows[row], '');
      if (found) return `the data set "${name}" row ${row}${found.path ? ` field "${found.path}"` : ''} has ${describe(found)}`;
    }
  }
  const found = firstBadString(spec, '');
  return found ? `the spec at /${found.path} has ${describe(found)}` : undefined;
}

interface BadString {
  readonly path: string;
  readonly text: string;
}

function describe({ text }: BadString): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return `a control character (${codePointName(text)}) in the text ${shown}; feeds and SVG cannot carry it, so remove it`;
}

/** The first string (or key) in `value` that XML cannot hold, with its path. Iterative: no stack to overflow. */
function firstBadString(value: unknown, start: string): BadString | undefined {
  const stack: [unknown, string][] = [[value, start]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (NOT_IN_XML.test(node)) return { path, text: node };
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}/${i}`]);
    } else if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (NOT_IN_XML.test(key)) return { path: `${path}/${key}`, text: key };
        stack.push([child, path ? `${path}/${key}` : key]);
      }
    }
  }
  return undefined;
}

/** A Vega loader that loads nothing, and what was asked of it. */
export interface RefusingLoader {
  /** The loader to give a Vega View. */
  readonly loader: {
    load(uri: string): Promise<never>;
    sanitize(uri: string, options?: { context?: string }): Promise<{ href: string }>;
    http(uri: string): Promise<never>;
    file(path: string): Promise<never>;
  };
  /** The URIs and paths something asked to load (data, images), in order. */
  readonly refused: readonly string[];
  /** The link targets that isSafeLink refused, in order. */
  readonly unsafeLinks: readonly string[];
}

/**
 * A Vega loader that loads nothing: no network, no disk. Vega turns a failed data load into a
 * warning and an empty data set, so the caller checks `refused` after running the view.
 *
 * Vega also asks the loader to sanitize every link (`href`) and image URL as it draws, and reads
 * the answer without checking it: a rejection there is an uncaught TypeError that ends the
 * process. So those get an answer, always: a safe link itself, anything else an empty target,
 * noted in `unsafeLinks` or `refused` for the caller to report.
 */
export function refusingLoader(): RefusingLoader {
  const refused: string[] = [];
  const unsafeLinks: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(String(uri));
    return Promise.reject(new Error(`charts load nothing; "${String(uri)}" was refused`));
  };
  const sanitize = (uri: string, options?: { context?: string }) => {
    const text = String(uri);
    if (options?.context === 'href') {
      if (isSafeLink(text)) return Promise.resolve({ href: text });
      unsafeLinks.push(text);
    } else refused.push(text);
    return Promise.resolve({ href: '' });
  };
  return { loader: { load: refuse, sanitize, http: refuse, file: refuse }, refused, unsafeLinks };
}
