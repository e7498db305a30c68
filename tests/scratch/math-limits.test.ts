/**
 * The math check's limits (src/lib/markdown/katex-options.ts) leave room for real math, and the
 * whole pipeline after KaTeX (MDX, Astro's render, the feed) copes with a formula at the limit:
 * a post with one nested as deep as allowed, 29 nested fractions, and 70 of KaTeX's own macros
 * builds, its math typeset with no error in red.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_MATH_NESTING } from '../../src/lib/markdown/katex-options.ts';
import { buildSite } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';
import { FILE, post } from './case-kit.ts';

let site: ScratchSite;
beforeAll(async () => {
  site = await scratchSite();
});
afterAll(async () => {
  await site?.remove();
});

test('math at the limits builds', async () => {
  const deepest = `${'{'.repeat(MAX_MATH_NESTING - 1)}x${'}'.repeat(MAX_MATH_NESTING - 1)}`;
  const fractions = `${'\\frac{1}{'.repeat(29)}x${'}'.repeat(29)}`;
  const macros = '\\dots\\ldots\\cdots\\neq\\implies\\iff\\coloneqq'.repeat(10);
  await site.write(FILE, post(`Deep: $${deepest}$.\n\n$$\n${fractions}\n$$\n\n$$\n${macros}\n$$`));
  await buildSite(join(site.root, 'dist'), site.root);
  const page = await readFile(join(site.root, 'dist', 'posts', 'nlp', 'bad-post', 'index.html'), 'utf8');
  expect(page.split('class="katex"').length - 1).toBe(3);
  expect(page).not.toContain('katex-error');
  expect(page).not.toContain('#cc0000');
});
