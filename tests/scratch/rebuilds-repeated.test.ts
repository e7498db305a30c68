/**
 * Rebuild after rebuild with unchanged input gives the same bytes, every file. Once, 2 of about 30
 * rebuilds differed from the build before by a token colour in a code listing: Shiki stops
 * tokenizing a line after 500 ms of wall-clock time, and on a loaded machine the first line of a
 * listing (170–200 ms here when idle) now and then ran out of it. So every third rebuild runs
 * under tests/support/stalled-tokenizer.mjs, which makes each line's time check see 600 ms more
 * than it measured; and one clean build does too, for code blocks in a post's Markdown, which
 * are highlighted when the MDX is compiled (and, on a rebuild, come from the MDX cache).
 *
 * REBUILDS sets how many rebuilds (default 20, at least 10); each takes about 5.5 s here, the whole
 * test about 2 min 10 s.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { fileTree } from '../support/file-tree.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';

const REBUILDS = Math.max(10, Number(process.env.REBUILDS ?? 20));
const STALLED_TOKENIZER = fileURLToPath(new URL('../support/stalled-tokenizer.mjs', import.meta.url));

/** A second post with a code block in its Markdown, besides the first post's listings (<SourceListing>). */
const CODE_BLOCK_POST = [
  '---',
  'title: A Code Block',
  'date: 2026-01-02',
  'description: A post with a code block written in its Markdown.',
  '---',
  '',
  'The decay, as a loop:',
  '',
  '```ts',
  "import { arange, cumprod, full, linspace } from '~/lib/numeric.ts';",
  'const steps = arange(1, 7);',
  'export const decay = cumprod(full(steps.length, 0.25)).map((g, i) => ({ step: steps[i], gradient: g }));',
  '```',
  '',
].join('\n');

let site: ScratchSite;
let scratch: string;
beforeAll(async () => {
  site = await scratchSite({ withPosts: true });
  await site.write('content/posts/nlp/a-code-block/index.mdx', CODE_BLOCK_POST);
  scratch = await mkdtemp(join(tmpdir(), 'rebuilds-'));
});
afterAll(async () => {
  await site?.remove();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The environment of a build whose Shiki sees every line stall; the marker file lists the modules the stall was put in. */
function stalled(marker: string, extra: Record<string, string> = {}): Record<string, string> {
  const options = [process.env.NODE_OPTIONS, `--import=${STALLED_TOKENIZER}`].filter(Boolean).join(' ');
  return { NODE_OPTIONS: options, STALLED_TOKENIZER_MARKER: marker, ...extra };
}

/** The files that differ from `reference` (missing, extra or other bytes), with where the first difference is. */
function differences(reference: Map<string, Buffer>, tree: Map<string, Buffer>): string[] {
  const paths = new Set([...reference.keys(), ...tree.keys()]);
  return [...paths].sort().flatMap((path) => {
    const [a, b] = [reference.get(path), tree.get(path)];
    if (!a || !b) return [`${path}: ${a ? 'missing' : 'extra'}`];
    if (a.equals(b)) return [];
    let at = 0;
    while (a[at] === b[at]) at += 1;
    return [`${path}: differs at byte ${at}: …${a.subarray(at, at + 60).toString()}… became …${b.subarray(at, at + 60).toString()}…`];
  });
}

test(
  `${REBUILDS} rebuilds in a row with unchanged input give the same bytes as the first build, also when Shiki's clock stalls`,
  async () => {
    const build = async (name: string, env: Record<string, string> = {}) => {
      const outDir = join(scratch, name);
      await buildSite(outDir, site.root, env);
      const tree = await fileTree(outDir);
      await rm(outDir, { recursive: true, force: true });
      return tree;
    };
    const reference = await build('dist-first');
    expect(reference.size).toBeGreaterThan(5);
    // Both kinds of highlighted code are there: the code block (one theme) and the listings (two).
    expect(reference.get('/posts/nlp/a-code-block/index.html')!.toString()).toMatch(
      /data-language="ts"><code><span class="line"><span style="color:/,
    );
    expect(reference.get('/posts/nlp/rnns-and-vanishing-gradients/index.html')!.toString()).toContain('--shiki-dark:');

    const marker = join(scratch, 'stalled-modules.txt');
    const found: string[] = [];
    for (let i = 1; i <= REBUILDS; i += 1) {
      const tree = await build(`dist-${i}`, i % 3 === 0 ? stalled(marker) : {});
      found.push(...differences(reference, tree).map((line) => `rebuild ${i}${i % 3 === 0 ? ' (stalled)' : ''}: ${line}`));
    }
    // A clean build, every cache empty, so the code block is highlighted again, under the stall.
    const caches = ['CHART_CACHE_DIR', 'FEED_CACHE_DIR', 'MDX_CACHE_DIR', 'OFFLINE_CACHE_DIR'];
    const empty = Object.fromEntries(caches.map((name) => [name, join(scratch, 'empty-caches', name)]));
    found.push(
      ...differences(reference, await build('dist-clean-stalled', stalled(marker, empty))).map((line) => `clean, stalled: ${line}`),
    );

    // The stall was in place: the tokenizer was rewritten in the stalled builds.
    expect(await readFile(marker, 'utf8')).toContain('vscode-textmate');
    expect(found).toEqual([]);
  },
  REBUILDS * 30_000 + 120_000,
);
