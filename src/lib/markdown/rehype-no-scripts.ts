/**
 * A rehype plugin that stops the build when a post carries code of its own: a <script>, an
 * `on…=` event handler attribute, or a link (or src) whose target is not a web, mail, page or
 * site address (javascript:, data:, vbscript:, ...), naming the file and the line.
 *
 * The pages' CSP would block all of these anyway (scripts come only from the site, no inline
 * code), so such markup can only ever be a broken page, or an attack on a reader who saved the
 * file. Charts and interactive figures are the site's own components, never inline code.
 *
 * It sees the three shapes markup takes in a post: HTML elements (Markdown links and images, and
 * raw HTML once parsed), MDX's JSX elements (`<script>` or `<a onClick="…">` in an .mdx file) and
 * raw HTML strings not parsed yet (parsed here to be checked).
 */
import type { Root } from 'hast';
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import { isSafeLink } from '../safe-link.ts';

/** Attributes holding a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlinkhref', 'xlink:href', 'action', 'formaction', 'poster', 'data']);

/** What is wrong with one element (its tag name and attributes), in words, or undefined. */
export function scriptProblem(tagName: string, attributes: Readonly<Record<string, unknown>>): string | undefined {
  if (tagName.toLowerCase() === 'script') {
    return 'a <script> is not allowed in a post (the page would block it anyway); interactive figures are components';
  }
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = name.toLowerCase();
    if (/^on/.test(attribute)) {
      return `the ${name} attribute on <${tagName}> is inline code, which is not allowed in a post (the page would block it anyway)`;
    }
    if (URL_ATTRIBUTES.has(attribute) && typeof value === 'string' && !isSafeLink(value)) {
      return `<${tagName} ${name}=${JSON.stringify(value)}> leads to a script or a local file; links may lead only to the web (http or https), mail, or this site`;
    }
  }
  return undefined;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** An MDX JSX element's attributes by name: literal values as strings, expressions as true. */
function jsxAttributes(attributes: readonly JsxAttribute[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    named[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
  }
  return named;
}

function fail(file: VFile, line: number | undefined, problem: string): never {
  const inFile = line === undefined ? undefined : line + linesBeforeBody(file);
  throw new Error(`${file.path ?? 'a post'}${inFile ? `:${inFile}` : ''}: ${problem}`);
}

/**
 * How many lines of the file come before the text the plugin was given: Astro renders a .md
 * post's body without its frontmatter, so positions count from the body's first line.
 */
function linesBeforeBody(file: VFile): number {
  const body = String(file.value ?? '');
  const text = body.trimStart();
  if (!file.path || !text || body.startsWith('---')) return 0;
  let whole: string;
  try {
    whole = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  const at = whole.indexOf(text.slice(0, 200));
  if (at <= 0) return 0;
  const newlines = (part: string) => part.split('\n').length - 1;
  // Lines before the body's first text in the file, less those before it in the body.
  return newlines(whole.slice(0, at)) - newlines(body.slice(0, body.length - text.length));
}

/** The first problem in a fragment of raw HTML, parsed as a browser would. */
function rawProblem(html: string): string | undefined {
  let problem: string | undefined;
  visit(fromHtml(html, { fragment: true }), 'element', (element) => {
    problem ??= scriptProblem(element.tagName, rawAttributes(element.properties ?? {}));
  });
  return problem;
}

/** hast properties by their HTML attribute names (onClick → onclick), with lists joined. */
function rawAttributes(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(' ') : value]),
  );
}

/** The fields of the nodes this plugin reads, across hast's and MDX's node types. */
interface PostNode {
  type: string;
  position?: { start: { line: number } };
  tagName?: string;
  properties?: Record<string, unknown>;
  value?: string;
  name?: string | null;
  attributes?: readonly JsxAttribute[];
}

export default function rehypeNoScripts() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (visited) => {
      // MDX adds node types of its own (mdxJsx*) that hast's types do not list.
      const node = visited as unknown as PostNode;
      const line = node.position?.start.line;
      let problem: string | undefined;
      if (node.type === 'element') problem = scriptProblem(node.tagName ?? '', rawAttributes(node.properties ?? {}));
      else if (node.type === 'raw') problem = rawProblem(node.value ?? '');
      else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
        problem = scriptProblem(node.name, jsxAttributes(node.attributes ?? []));
      }
      if (problem) fail(file, line, problem);
    });
  };
}
