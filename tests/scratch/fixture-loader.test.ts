/**
 * A data loader in a post: the gradients-through-time fixture (tests/fixtures/posts/nlp/
 * gradients-through-time/) trains a small RNN in gradients.data.ts and draws what it measured.
 * As built, the figure's numbers are numpy's (tests/reference/rnn_reference.json); built again
 * after a prose edit, the site runs no loader, and the page has the new prose and the same figure.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { readPage } from '../support/site.ts';
import { buildSite } from '../support/build-site.ts';

const PAGE = 'posts/nlp/gradients-through-time/';
const dist = inject('fixtureDist');
const siteRoot = dirname(dist);

interface Reference {
  activations: Record<'sigmoid' | 'tanh', { normTrained: number[] }>;
}
const reference = JSON.parse(await readFile(new URL('../reference/rnn_reference.json', import.meta.url), 'utf8')) as Reference;

/** The rows of the figure's dataset, as the page carries them. */
async function figureRows(outDir: string): Promise<{ series: string; x: number; y: number }[]> {
  const { document } = await readPage(outDir, PAGE);
  const payload = JSON.parse(document.querySelector('#gradient-norms script.chart__payload')!.textContent!) as {
    datasets: Record<string, { series: string; x: number; y: number }[]>;
  };
  return Object.values(payload.datasets)[0]!;
}

const relativeError = (ours: number, theirs: number) => Math.abs(ours - theirs) / Math.abs(theirs);

describe('a post that imports a data loader’s result', () => {
  test('its figure draws numpy’s gradient norms, for sigmoid and tanh, 50 steps back', async () => {
    const rows = await figureRows(dist);
    for (const [series, activation] of [
      ['Sigmoid RNN', 'sigmoid'],
      ['Tanh RNN', 'tanh'],
    ] as const) {
      const line = rows.filter((row) => row.series === series);
      const expected = reference.activations[activation].normTrained;
      expect(line.map((row) => row.x)).toEqual(expected.map((_, k) => k));
      const worst = Math.max(...line.map((row, k) => relativeError(row.y, expected[k]!)));
      expect(worst, series).toBeLessThan(1e-9);
    }
    // The bound starts where the sigmoid network does and falls by a quarter a step.
    const bound = rows.filter((row) => row.series === '0.25ⁿ bound');
    expect(relativeError(bound[49]!.y, reference.activations.sigmoid.normTrained[0]! * 0.25 ** 49)).toBeLessThan(1e-12);
  });

  test('the loader’s source is shown as it ran, and its result is cached in the project', async () => {
    const { document } = await readPage(dist, PAGE);
    const listings = [...document.querySelectorAll('pre')].map((pre) => pre.textContent ?? '');
    expect(listings.some((text) => text.includes('export default dataLoader(({ progress }) =>'))).toBe(true);
    const entries = await readdir(join(siteRoot, 'node_modules', '.cache', 'loaders'));
    expect(entries.filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  test('after a prose edit the build runs no loader, and the page has the new prose and the same figure', async () => {
    const post = join(siteRoot, 'content', PAGE, 'index.mdx');
    const prose = await readFile(post, 'utf8');
    await writeFile(post, prose.replace('is trained to remember the first of 50 inputs', 'is trained to recall the first of 50 inputs'));
    const warm = join(siteRoot, 'dist-after-prose-edit');
    const { stdout, stderr } = await buildSite(warm, siteRoot);
    expect(`${stdout}${stderr}`).not.toMatch(/gradients\.data\.ts/);
    const { document } = await readPage(warm, PAGE);
    expect(document.querySelector('main')?.textContent).toContain('is trained to recall the first of 50 inputs');
    expect(await figureRows(warm)).toEqual(await figureRows(dist));
  });
});
