import { describe, expect, test } from 'vitest';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import rehypeNoScripts, { scriptProblem } from '../../src/lib/markdown/rehype-no-scripts.ts';

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 2 } });
const tree = (...children: unknown[]) => ({ type: 'root', children }) as unknown as Root;
const check = (root: Root) => () => rehypeNoScripts()(root, new VFile({ path: 'content/posts/nlp/p/index.mdx' }));

describe('a post carries no code of its own', () => {
  test('scriptProblem: scripts, on… handlers and unsafe link targets; ordinary markup passes', () => {
    expect(scriptProblem('SCRIPT', {})).toMatch(/a <script> is not allowed/);
    expect(scriptProblem('img', { src: 'x.png', onerror: 'alert(1)' })).toMatch(/the onerror attribute on <img> is inline code/);
    expect(scriptProblem('a', { href: 'javascript:alert(1)' })).toMatch(/leads to a script or a local file/);
    expect(scriptProblem('a', { href: ' jav\tascript:alert(1)' })).toBeDefined();
    expect(scriptProblem('iframe', { src: 'data:text/html,<script>x</script>' })).toBeDefined();
    expect(scriptProblem('a', { href: 'https://example.org', title: 'on the web' })).toBeUndefined();
    expect(scriptProblem('a', { href: '#figure-1' })).toBeUndefined();
    expect(scriptProblem('VegaChart', { id: 'a', spec: true, caption: 'A chart.' })).toBeUndefined();
  });

  test('an HTML element (a Markdown link) names the file and line', () => {
    const link = { type: 'element', tagName: 'a', properties: { href: 'javascript:alert(1)' }, children: [], position: at(7) };
    expect(check(tree({ type: 'element', tagName: 'p', properties: {}, children: [link], position: at(7) }))).toThrow(
      /^content\/posts\/nlp\/p\/index\.mdx:7: <a href="javascript:alert\(1\)"> leads to a script/,
    );
  });

  test('MDX JSX elements: <script> and onClick="…"; expression attributes are not text to check', () => {
    expect(check(tree({ type: 'mdxJsxFlowElement', name: 'script', attributes: [], children: [], position: at(3) }))).toThrow(
      /index\.mdx:3: a <script>/,
    );
    const handler = { type: 'mdxJsxAttribute', name: 'onClick', value: 'alert(1)' };
    expect(check(tree({ type: 'mdxJsxTextElement', name: 'button', attributes: [handler], children: [], position: at(4) }))).toThrow(
      /index\.mdx:4: the onClick attribute on <button>/,
    );
    const spec = { type: 'mdxJsxAttribute', name: 'spec', value: { type: 'mdxJsxAttributeValueExpression', value: 'chart' } };
    expect(check(tree({ type: 'mdxJsxFlowElement', name: 'VegaChart', attributes: [spec], children: [], position: at(5) }))).not.toThrow();
  });

  test('raw HTML is parsed as a browser would and checked', () => {
    expect(check(tree({ type: 'raw', value: '<p>hi <IMG SRC=x OnError="alert(1)"></p>', position: at(9) }))).toThrow(
      /index\.mdx:9: the onerror attribute on <img>/,
    );
    expect(check(tree({ type: 'raw', value: '<script>alert(1)</script>', position: at(2) }))).toThrow(/a <script>/);
    expect(check(tree({ type: 'raw', value: '<em>fine</em> <a href="/posts/">posts</a>', position: at(2) }))).not.toThrow();
  });
});

test("a Markdown post's line counts from the top of its file, frontmatter included (Astro hands the plugin the body alone)", async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const folder = await mkdtemp(join(tmpdir(), 'no-scripts-'));
  const path = join(folder, 'index.md');
  const body = '\nSome text.\n\n<img src="x.png" onerror="alert(1)">\n';
  await writeFile(path, `---\ntitle: T\ndate: 2026-01-01\ndescription: D.\n---\n${body}`);
  const root = {
    type: 'root',
    children: [
      {
        type: 'raw',
        value: '<img src="x.png" onerror="alert(1)">',
        position: { start: { line: 4, column: 1 }, end: { line: 4, column: 2 } },
      },
    ],
  } as unknown as Root;
  expect(() => rehypeNoScripts()(root, new VFile({ path, value: body }))).toThrow(`${path}:9: the onerror attribute on <img>`);
  await rm(folder, { recursive: true });
});
