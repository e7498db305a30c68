/**
 * Proof of reuse: a second post, written from the shared helpers, builders and components alone,
 * builds into the same kind of page as the first. The post, "Tanh and ReLU", is a fixture
 * (tests/fixtures/posts/nlp/activations-tanh-relu/), never published: this test copies it into a
 * scratch site's content/posts, builds it, and checks its figures the way tests/build/post.test.ts
 * checks the first post's, with the shared checks in tests/support/figure-checks.ts.
 */
import { format } from 'd3-format';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import * as figures from '../fixtures/posts/nlp/activations-tanh-relu/figures.ts';
import { extractRegion } from '../../src/lib/source-region.ts';
import { ROOT } from '../support/build-site.ts';
import { readPage } from '../support/site.ts';
import type { ChartPayload } from '../../src/lib/charts/embed.ts';
import { runExplorable } from '../../src/lib/explorable.ts';
import { chartFigureIds, dataTableCells, listingTexts, outsideReferences, printedTexts } from '../support/figure-checks.ts';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'posts', 'nlp', 'activations-tanh-relu');
const PAGE = 'posts/nlp/activations-tanh-relu/';

/** The fixture's one chart figure, small multiples: a panel per activation, and the helper values each draws. */
const FIGURE = {
  id: 'activations',
  caption: 'Three Activations Side by Side. Sigmoid, tanh and ReLU with their gradients, on shared scales.',
  panels: [
    { title: 'Sigmoid', series: { Activation: figures.sigmoidActivations, Gradient: figures.sigmoidGradients } },
    { title: 'Tanh', series: { Activation: figures.tanhActivations, Gradient: figures.tanhGradients } },
    { title: 'ReLU', series: { Activation: figures.reluActivations, Gradient: figures.reluGradients } },
  ],
} as const;

/** The payload of the figure's panel i (0-based), which embeds that panel's data. */
const panelPayload = (i: number): ChartPayload =>
  JSON.parse(document.querySelectorAll(`#${FIGURE.id} .chart__panels vega-chart`)[i]!.querySelector('script.chart__payload')!.textContent!);

/** The text of each tick label of a static SVG's axis, in order ("x" or "y": the axis' role in Vega's markup). */
const tickLabels = (svg: Element, axis: 'x' | 'y') =>
  [...svg.querySelectorAll(`.role-axis`)]
    .filter((group) => (group.getAttribute('aria-label') ?? '').startsWith(axis === 'x' ? 'X-axis' : 'Y-axis'))
    .flatMap((group) => [...group.querySelectorAll('.role-axis-label text')].map((text) => text.textContent));

/** The fixture posts, built once for the project (tests/support/fixture-site.ts). */
const dist = inject('fixtureDist');
let document: Document;

beforeAll(async () => {
  ({ document } = await readPage(dist, PAGE));
});

describe('the fixture post', () => {
  test('uses every component src/components/index.ts exports', async () => {
    const barrel = await readFile(join(ROOT, 'src', 'components', 'index.ts'), 'utf8');
    const exported = [...barrel.matchAll(/export \{ default as (\w+) \}/g)].map((m) => m[1]!);
    expect(exported).toEqual(expect.arrayContaining(['VegaChart', 'SourceListing', 'PrintedOutput']));
    const mdx = await readFile(join(FIXTURE, 'index.mdx'), 'utf8');
    const imported = /import \{ ([^}]+) \} from '~\/components\/index\.ts';/.exec(mdx)?.[1]?.split(', ') ?? [];
    // FigureCaption is the caption line of every chart and table figure; the post uses it through them.
    for (const name of exported.filter((name) => name !== 'FigureCaption')) {
      expect(imported, `the fixture imports ${name}`).toContain(name);
      expect(mdx, `the fixture uses <${name}>`).toContain(`<${name} `);
    }
    expect(document.querySelectorAll('figure .figure-caption')).toHaveLength(3);
  });

  test('its helper values are the activations numpy computes (tests/reference/numpy_reference.json)', async () => {
    const reference = JSON.parse(await readFile(join(ROOT, 'tests', 'reference', 'numpy_reference.json'), 'utf8')) as Record<
      string,
      number[]
    >;
    expect(figures.x).toEqual(reference.activation_x);
    expect(figures.reluActivations).toEqual(reference.relu);
    expect(figures.reluGradients).toEqual(reference.relu_gradient);
    figures.tanhActivations.forEach((a, i) =>
      expect(Math.abs(a - reference.tanh![i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(reference.tanh![i]!)),
    );
    figures.tanhGradients.forEach((g, i) => expect(Math.abs(g - reference.tanh_gradient![i]!)).toBeLessThanOrEqual(2 ** -52));
    // The sigmoid, against its other closed form e^x / (1 + e^x), and its gradient at most 1/4.
    figures.x.forEach((x, i) => expect(figures.sigmoidActivations[i]).toBeCloseTo(Math.exp(x) / (1 + Math.exp(x)), 14));
    expect(Math.max(...figures.sigmoidGradients)).toBe(0.25);
  });

  test('has one figure of three panels: one caption and number, a <vega-chart> and inline SVGs per panel, titled by its activation', () => {
    // Its panels, and an explorable histogram (tests/scratch/fixture-explorable.test.ts).
    expect(chartFigureIds(document)).toEqual([FIGURE.id, 'saturation']);
    const figure = document.getElementById(FIGURE.id)!;
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.getAttribute('aria-labelledby')).toBe(`${FIGURE.id}-caption`);
    expect(figure.querySelectorAll('figcaption')).toHaveLength(1);
    expect(figure.querySelector('.figure-caption')?.textContent).toBe(`Figure 1: ${FIGURE.caption}`);
    const panels = [...figure.querySelectorAll('.chart__panels > .chart__grid--3 > vega-chart')];
    expect(panels.map((panel) => panel.getAttribute('data-chart-id'))).toEqual([
      'activations-panel-1',
      'activations-panel-2',
      'activations-panel-3',
    ]);
    panels.forEach((panel, i) => {
      const [wide, narrow] = [
        panel.querySelector(':scope > svg.chart__static--wide')!,
        panel.querySelector(':scope > svg.chart__static--narrow')!,
      ];
      // Each panel in its own two layouts: a third of the laptop's row, and the phone's width.
      expect([wide.getAttribute('viewBox'), narrow.getAttribute('viewBox')]).toEqual([
        '0 0 216 240',
        `0 0 ${PLOT.layouts.narrow.width} 220`,
      ]);
      for (const svg of [wide, narrow]) {
        expect(svg.querySelectorAll('.mark-line path')).toHaveLength(2);
        expect(svg.querySelector('.role-title-text text')?.textContent).toBe(FIGURE.panels[i]!.title);
        // Named by the figure's caption and its own title, described by its own data in words.
        const panelId = `activations-panel-${i + 1}`;
        expect(svg.getAttribute('aria-labelledby')).toBe(`activations-caption ${panelId}-title`);
        expect(document.getElementById(`${panelId}-title`)?.textContent).toBe(FIGURE.panels[i]!.title);
        expect(document.getElementById(svg.getAttribute('aria-describedby')!)?.textContent).toMatch(/^Activation rises from /);
      }
    });
  });

  test('draws one legend for the figure, above the panels, and none in them', () => {
    const figure = document.getElementById(FIGURE.id)!;
    const items = [...figure.querySelectorAll('.chart__legend li')];
    expect(items.map((li) => li.textContent?.trim())).toEqual(['Activation', 'Gradient']);
    expect(items.map((li) => li.querySelector('line')?.getAttribute('stroke'))).toEqual([PLOT.colors.blue, PLOT.colors.red]);
    expect(items.map((li) => li.querySelector('line')?.getAttribute('stroke-dasharray') ?? null)).toEqual([
      null,
      PLOT.dashes[1]!.join(' '),
    ]);
    expect(figure.firstElementChild?.classList.contains('chart__legend')).toBe(true);
    for (const panel of figure.querySelectorAll('.chart__panels vega-chart')) {
      expect(panel.innerHTML).not.toContain('role-legend');
      // Nor does any panel name its lines at their ends: the legend does.
      expect(panel.innerHTML).not.toContain('mark-text role-mark');
    }
  });

  test('draws every panel on the same scales: the same ticks on x and on y', () => {
    for (const layout of ['wide', 'narrow'] as const) {
      const svgs = [...document.querySelectorAll(`#${FIGURE.id} vega-chart > svg.chart__static--${layout}`)];
      expect(svgs).toHaveLength(3);
      for (const axis of ['x', 'y'] as const) {
        const ticks = svgs.map((svg) => tickLabels(svg, axis));
        expect(ticks[0]!.length, `${layout} ${axis}`).toBeGreaterThan(1);
        expect(ticks[1], `${layout} ${axis}`).toEqual(ticks[0]);
        expect(ticks[2], `${layout} ${axis}`).toEqual(ticks[0]);
      }
    }
    // ReLU reaches 5 and tanh −1: every panel's y axis spans both.
    const y = tickLabels(document.querySelector(`#${FIGURE.id} vega-chart > svg.chart__static--wide`)!, 'y');
    expect(y).toContain('4');
    expect(y).toContain('0');
  });

  test('says what the whole figure shows, written from its data', () => {
    const summary = document.getElementById(`${FIGURE.id}-summary`)?.textContent ?? '';
    expect(summary).toMatch(
      /^Three panels, one per activation, on the same scales: x from −5 to 5, and f\(x\) and its gradient from −0\.9999 to 5\. /,
    );
    for (const { title } of FIGURE.panels) expect(summary).toContain(`${title}: Activation `);
    expect(summary).toContain('peak of 0.25 at x\u00a0=\u00a00');
  });

  test("embeds each panel's data once, equal to the fixture's helper values, exactly", () => {
    FIGURE.panels.forEach((panel, i) => {
      const rows = panelPayload(i).datasets.series!;
      expect([...new Set(rows.map((row) => row.series))]).toEqual(Object.keys(panel.series));
      for (const [name, y] of Object.entries(panel.series)) {
        const drawn = rows.filter((row) => row.series === name);
        expect({ x: drawn.map((row) => row.x), y: drawn.map((row) => row.y) }).toEqual({ x: figures.x, y });
      }
      // The compiled spec refers to the data by name; the values are not repeated in it.
      // A value inside the data (an end of it is also the end of the shared y domain, in the spec).
      const long = panel.series.Activation.find((value, j) => j > 50 && String(value).length > 8)!;
      expect(JSON.stringify(panelPayload(i).vega)).not.toContain(String(long));
    });
    expect(document.querySelectorAll(`#${FIGURE.id} script.chart__payload`)).toHaveLength(3);
  });

  test("shows every panel's rows in one table, the activation first, rounded as the tooltip rounds", () => {
    const [x, y] = [format('.3~f'), format('.4~g')];
    const expected = FIGURE.panels.flatMap((panel) =>
      Object.entries(panel.series).flatMap(([name, ys]) => ys.map((value, i) => [panel.title, name, x(figures.x[i]!), y(value)])),
    );
    expect(expected).toHaveLength(606);
    expect(document.querySelectorAll(`#${FIGURE.id} .chart__data`)).toHaveLength(1);
    expect([...document.querySelectorAll(`#${FIGURE.id} .chart__data thead th`)].map((th) => th.textContent)).toEqual([
      'Activation',
      'Series',
      'x',
      'f(x) and its gradient',
    ]);
    expect(document.querySelector(`#${FIGURE.id} .chart__data-title`)?.textContent).toMatch(/^Data \(606 rows,/);
    expect(dataTableCells(document, FIGURE.id)).toEqual(expected);
  });

  test('shows the figure as one Vega-Lite spec: the panels concatenated, three to a row, their data by panel', () => {
    const spec = JSON.parse(document.querySelector(`#${FIGURE.id} .chart__spec code`)!.textContent!) as {
      columns: number;
      concat: { title: string; data: { name: string } }[];
    };
    expect(spec.columns).toBe(3);
    expect(spec.concat.map((panel) => [panel.title, panel.data.name])).toEqual([
      ['Sigmoid', 'series_1'],
      ['Tanh', 'series_2'],
      ['ReLU', 'series_3'],
    ]);
  });

  test('shows the printed block computed at build time', () => {
    expect(printedTexts(document)).toEqual([figures.printedGradients, runExplorable(figures.saturation, { spread: 1 }).printed]);
    expect(figures.printedGradients).toContain('tanh : largest 1.00000');
  });

  test('shows code listings cut from the files that ran', async () => {
    const source = await readFile(join(FIXTURE, 'figures.ts'), 'utf8');
    const activations = await readFile(join(ROOT, 'src', 'lib', 'activations.ts'), 'utf8');
    expect(listingTexts(document)).toEqual([
      extractRegion(source, 'imports'),
      extractRegion(source, 'data'),
      extractRegion(activations, 'tanh-gradient'),
      extractRegion(source, 'tanh'),
      extractRegion(activations, 'relu-gradient'),
      extractRegion(source, 'relu'),
      extractRegion(source, 'side-by-side'),
      extractRegion(source, 'small-gradients'),
      extractRegion(source, 'table'),
      extractRegion(source, 'saturation'),
    ]);
  });

  test('numbers its charts "Figure N" and its table "Table N", each in page order, with the caption above the table', () => {
    const numbers = [...document.querySelectorAll('.figure-caption__number')].map((span) => span.textContent);
    expect(numbers).toEqual(['Figure 1:', 'Table 1:', 'Figure 2:']);
    const figure = document.querySelector('figure.table-figure#gradients-at-a-glance')!;
    expect(figure.getAttribute('aria-labelledby')).toBe('gradients-at-a-glance-caption');
    expect(document.getElementById('gradients-at-a-glance-caption')?.textContent).toBe('Table 1: Both gradients at a few inputs.');
    expect([...figure.children].map((child) => child.tagName.toLowerCase())).toEqual(['figcaption', 'div', 'details']);
  });

  test('shows the gradient table with <TableFigure>: its column titles and formats, numbers right-aligned, the minus sign', () => {
    const figure = document.querySelector('#gradients-at-a-glance')!;
    const region = figure.querySelector('.table-figure__scroll[role="region"][tabindex="0"]');
    expect(region?.getAttribute('aria-labelledby')).toBe('gradients-at-a-glance-caption');
    const heads = [...figure.querySelectorAll('table thead th')];
    expect(heads.map((th) => [th.getAttribute('scope'), th.textContent])).toEqual([
      ['col', 'x'],
      ['col', 'tanh gradient'],
      ['col', 'ReLU gradient'],
    ]);
    const rows = [...figure.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
    const [tanh, relu] = [format('.4f'), format('d')];
    expect(rows.map((tds) => tds.map((td) => td.textContent))).toEqual(
      figures.gradientTable.map((row) => [String(row.x).replace('-', '\u2212'), tanh(row.tanh), relu(row.relu)]),
    );
    expect(rows[0]!.map((td) => td.textContent)).toEqual(['\u22122', '0.0707', '0']);
    for (const cell of [...heads, ...rows.flat()]) expect(cell.classList.contains('table-figure__number'), cell.textContent!).toBe(true);
  });

  test("the table's CSV is a link that saves every digit, with no script", () => {
    const link = document.querySelector<HTMLAnchorElement>('#gradients-at-a-glance details.table-figure__more a[download]')!;
    expect(document.querySelector('#gradients-at-a-glance details.table-figure__more summary')?.textContent).toBe('Data and downloads');
    expect(link.getAttribute('download')).toBe('gradients-at-a-glance.csv');
    const href = link.getAttribute('href')!;
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1));
    expect(csv).toBe(['x,tanh,relu', ...figures.gradientTable.map((row) => `${row.x},${row.tanh},${row.relu}`)].join('\r\n') + '\r\n');
  });

  test('typesets its math with KaTeX at build time', () => {
    const annotations = [...document.querySelectorAll('.katex annotation')].map((a) => a.textContent);
    expect(annotations).toContain("\\tanh'(x) = 1 - \\tanh^2(x)");
  });

  test('is listed on the home page', async () => {
    const { document: home } = await readPage(dist, '');
    const link = [...home.querySelectorAll('a')].find((a) => a.getAttribute('href')?.endsWith(PAGE));
    expect(link?.textContent?.trim()).toBe('Tanh and ReLU');
  });
});

test('the built site loads nothing from outside itself', async () => {
  expect(await outsideReferences(dist)).toEqual([]);
});
