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
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as figures from '../fixtures/posts/nlp/activations-tanh-relu/figures.ts';
import { extractRegion } from '../../src/lib/source-region.ts';
import { ROOT } from '../support/build-site.ts';
import type { ScratchSite } from '../support/scratch-site.ts';
import { builtFixtureSite } from '../support/fixture-site.ts';
import { readPage } from '../support/site.ts';
import {
  chartFigureIds,
  chartPayload,
  dataTableCells,
  embeddedSeries,
  embeddedSeriesNames,
  expectChartFigure,
  listingTexts,
  outsideReferences,
  printedTexts,
} from '../support/figure-checks.ts';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'posts', 'nlp', 'activations-tanh-relu');
const PAGE = 'posts/nlp/activations-tanh-relu/';

/** Each chart of the fixture: its id, caption, and the helper values of each series it draws. */
const CHARTS = [
  {
    id: 'tanh-and-gradient',
    caption: 'Tanh and Its Gradient. Tanh (blue) and its gradient (red).',
    series: { Tanh: figures.tanhActivations, 'Tanh gradient': figures.tanhGradients },
  },
  {
    id: 'relu-and-gradient',
    caption: 'ReLU and Its Gradient. ReLU (blue) and its gradient (red).',
    series: { ReLU: figures.reluActivations, 'ReLU gradient': figures.reluGradients },
  },
] as const;

let site: ScratchSite;
let dist: string;
let document: Document;

beforeAll(async () => {
  ({ site, dist } = await builtFixtureSite());
  ({ document } = await readPage(dist, PAGE));
}, 240_000);

afterAll(async () => {
  await site?.remove();
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
  });

  test('has its two charts, each a <figure> with a caption and an inline SVG', () => {
    expect(chartFigureIds(document)).toEqual(CHARTS.map((chart) => chart.id));
    for (const chart of CHARTS)
      expectChartFigure(document, chart.id, {
        caption: chart.caption,
        lines: 2,
        viewBox: `0 0 ${PLOT.layouts.wide.width} ${PLOT.layouts.wide.height}`,
      });
  });

  test("embeds each chart's data equal to the fixture's helper values, exactly", () => {
    for (const chart of CHARTS) {
      expect(embeddedSeriesNames(document, chart.id)).toEqual(Object.keys(chart.series));
      for (const [name, y] of Object.entries(chart.series)) expect(embeddedSeries(document, chart.id, name)).toEqual({ x: figures.x, y });
    }
    // The compiled spec refers to the data by name; the values are not repeated in it.
    expect(JSON.stringify(chartPayload(document, 'tanh-and-gradient').vega)).not.toContain(String(figures.tanhActivations[1]));
  });

  test("shows each chart's data as a table, rounded as its tooltip rounds (the builders' default formats)", () => {
    const [x, y] = [format('.3~f'), format('.4~g')];
    for (const chart of CHARTS) {
      const expected = Object.entries(chart.series).flatMap(([name, ys]) => ys.map((value, i) => [name, x(figures.x[i]!), y(value)]));
      expect(expected).toHaveLength(202);
      expect(dataTableCells(document, chart.id)).toEqual(expected);
    }
  });

  test('shows the printed block computed at build time', () => {
    expect(printedTexts(document)).toEqual([figures.printedGradients]);
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
      extractRegion(source, 'small-gradients'),
      extractRegion(source, 'table'),
    ]);
  });

  test('numbers its charts "Figure N" and its table "Table N", each in page order, with the caption above the table', () => {
    const numbers = [...document.querySelectorAll('.figure-caption__number')].map((span) => span.textContent);
    expect(numbers).toEqual(['Figure 1:', 'Figure 2:', 'Table 1:']);
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
