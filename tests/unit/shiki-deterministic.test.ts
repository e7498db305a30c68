/**
 * Shiki stops tokenizing a line after 500 ms of wall-clock time and colours the rest of it as one
 * token, so a listing's colours depended on how busy the machine was. With the
 * deterministicTokenizing transformer (src/lib/shiki-deterministic.ts) a clock that jumps 600 ms
 * at every look, as a stalled process sees it, gives the same HTML as a calm one; without it the
 * same clock changes the colours (which shows the stall reaches the tokenizer).
 */
import { readFile } from 'node:fs/promises';
import { unified } from '@astrojs/markdown-remark';
import { afterEach, expect, test, vi } from 'vitest';
import { deterministicTokenizing } from '../../src/lib/shiki-deterministic.ts';
import { extractRegion } from '../../src/lib/source-region.ts';

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** The post's first listing, whose first line is the slowest to tokenize (the grammar is compiled then). */
async function listing(): Promise<string> {
  const figures = await readFile(new URL('../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts', import.meta.url), 'utf8');
  return extractRegion(figures, 'imports', 'figures.ts');
}

/** The listing as a fenced code block through the site's MDX pipeline, highlighted by Shiki as <Code> highlights it. */
async function highlighted(transformers: unknown[]): Promise<string> {
  const processor = unified({});
  const shared = { syntaxHighlight: 'shiki', shikiConfig: { themes: THEMES, transformers } } as never;
  const renderer = await processor.createMdxRenderer!(shared, { optimize: false });
  const { code } = await renderer.process(`\`\`\`ts\n${await listing()}\n\`\`\`\n`, '/site/post.mdx', {});
  return code;
}

/** Date.now jumping 600 ms further at every call: each line's time limit runs out after its first step. */
function stallingClock(): void {
  const start = Date.now();
  let calls = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => start + 600 * ++calls);
}

afterEach(() => {
  vi.restoreAllMocks();
});

test('a stalling clock does not change a listing’s colours', async () => {
  const calm = await highlighted([deterministicTokenizing]);
  expect(calm).toContain('"--shiki-dark"');
  stallingClock();
  expect(await highlighted([deterministicTokenizing])).toBe(calm);
});

test('without the transformer, the same clock does (the case the transformer is for)', async () => {
  const calm = await highlighted([]);
  stallingClock();
  const stalled = await highlighted([]);
  expect(stalled).not.toBe(calm);
  // The same text, in other tokens and colours.
  const text = (code: string) => [...code.matchAll(/children: "((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]).join('');
  expect(text(calm)).toContain("import { PLOT } from '~/lib/charts/theme.ts';");
  expect(text(stalled)).toBe(text(calm));
});
