/**
 * The synthetic posts `npm run bench` builds. Each has the same words, a little math and, unless
 * it is a baseline post, two charts made like the real post's: a layered line chart (three series
 * of 100 points, tooltips, zoom) and a decay chart (six steps). Post `n` scales x by a factor of
 * its own, so no two posts share a chart (or a cache entry). The bench also renders the charts in
 * process, to time one render; the posts' figures.ts import benchFigures from here.
 */
import { sigmoid, sigmoidGradient } from '../../lib/activations.ts';
import { decayChart, layeredLineChart } from '../../lib/charts/builders.ts';
import { PLOT } from '../../lib/charts/theme.ts';
import { arange, cumprod, full, linspace } from '../../lib/numeric.ts';

/** Post `n`'s two chart specs: the line chart and the decay chart, with x scaled by 1 + n/1000. */
export function benchFigures(n: number) {
  const scale = 1 + n / 1000;
  const x = linspace(-10, 10, 100);
  const activations = x.map((xi) => sigmoid(xi * scale));
  const gradients = activations.map(sigmoidGradient);
  const tangentX = linspace(-2, 2, 100);
  const tangentY = tangentX.map((xi) => 0.5 + 0.25 * scale * xi);
  const lines = layeredLineChart(
    [
      { name: 'Sigmoid', x, y: activations, color: PLOT.colors.blue },
      { name: 'Gradient', x, y: gradients, color: PLOT.colors.red },
      { name: 'Tangent', x: tangentX, y: tangentY, color: PLOT.colors.tan },
    ],
    { xTitle: 'x', yTitle: `sigmoid ${n}`, zoom: true },
  );
  const steps = arange(1, 7);
  const decay = decayChart({ name: 'Gradient', steps, values: cumprod(full(steps.length, 0.25 / scale)) }, { yTitle: `Decay ${n}` });
  return { lines, decay };
}

const PARAGRAPH =
  'Adding layers to a network multiplies small gradients together on the way back, so the first ' +
  'layers learn slowly or not at all. The numbers below are computed when the site is built, and ' +
  'the charts are drawn from them, so what the reader sees is what ran.';

/** A synthetic post: the same words with or without its two charts. */
export function syntheticPost(n: number, withCharts: boolean): string {
  const date = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const chart = (id: string, spec: string, caption: string) => `<VegaChart id="${id}" spec={${spec}} caption="${caption}" />\n`;
  return [
    '---',
    `title: Bench post ${n}`,
    `date: ${date}`,
    `description: Synthetic post ${n} for npm run bench.`,
    'tags: [bench]',
    '---',
    '',
    ...(withCharts ? ["import { VegaChart } from '~/components/index.ts';", "import { lines, decay } from './figures.ts';", ''] : []),
    '## The sigmoid',
    '',
    `${PARAGRAPH} The sigmoid is $\\sigma(x) = 1 / (1 + e^{-x})$ and its gradient $\\sigma(x)(1 - \\sigma(x))$.`,
    '',
    PARAGRAPH,
    '',
    withCharts ? chart('lines', 'lines', `Figure 1 of post ${n}: the sigmoid, its gradient and a tangent.`) : '',
    '## Decay',
    '',
    "$$\n\\prod_{k=1}^{n} \\sigma'(0) = 0.25^n\n$$",
    '',
    PARAGRAPH,
    '',
    withCharts ? chart('decay', 'decay', `Figure 2 of post ${n}: the gradient multiplied over six steps.`) : '',
    PARAGRAPH,
    '',
  ].join('\n');
}

/** Post `n`'s figures.ts: its two specs, from benchFigures. */
export const syntheticFigures = (n: number) =>
  `import { benchFigures } from '~/cli/bench/synthetic-posts.ts';\n\nexport const { lines, decay } = benchFigures(${n});\n`;

/** Writes posts 1..count under content/posts/bench/ in a scratch site. */
export async function writeSyntheticPosts(
  site: { write(path: string, text: string): Promise<void> },
  count: number,
  withCharts: boolean,
): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const folder = `content/posts/bench/${syntheticPostSlug(n)}`;
    await site.write(`${folder}/index.mdx`, syntheticPost(n, withCharts));
    if (withCharts) await site.write(`${folder}/figures.ts`, syntheticFigures(n));
  }
}

/** post-001, post-002, ... */
export const syntheticPostSlug = (n: number) => `post-${String(n).padStart(3, '0')}`;
