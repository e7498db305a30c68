/**
 * The built post, read as HTML: figures with inline SVGs, data equal to the helpers' values, the
 * printed block, KaTeX, code listings from the file that ran, and nothing from outside the site.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import * as figures from '../support/seed-figures.ts';
import { chartPayload, embeddedSeries, outsideReferences } from '../support/figure-checks.ts';
import { extractRegion } from '../../src/lib/source-region.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');
let html: string;
let document: Document;

beforeAll(async () => {
  ({ html, document } = await readPage(distDir, POST_PATH));
});

const rowsOf = (figureId: string, series: string) => embeddedSeries(document, figureId, series);
const payload = (figureId: string) => chartPayload(document, figureId);

describe('the post at /posts/nlp/rnns-and-vanishing-gradients/', () => {
  test('has every section of the seed post, in order', () => {
    const headings = [...document.querySelectorAll('article h2, article h3, article h4')].map((h) => h.textContent?.trim());
    const seedSections = [
      'Vanishing Gradients',
      'Background',
      'Imports',
      'Set Up',
      'Middle',
      'The Data',
      'The Sigmoid',
      'The Gradient',
      'Plotting the Sigmoid',
      'The Numerical Impact',
      'Multiplication & Decay',
      'A Decay Simulation',
      'Input data',
      'Plot The Decay',
      'So, How Do You Fix This?',
    ];
    expect(headings).toEqual(seedSections);
  });

  test("keeps the seed's links", () => {
    const hrefs = [...document.querySelectorAll('article a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://numpy.org/doc/stable/reference/generated/numpy.linspace.html');
    expect(hrefs.some((href) => href?.startsWith('https://en.wikipedia.org/wiki/Sigmoid_function'))).toBe(true);
  });

  test('has both figures, each a <figure> with a caption and an inline SVG', () => {
    for (const [id, caption] of [
      ['sigmoid-and-tangent', 'Sigmoid and Tangent'],
      ['cumulative-gradient', 'Cumulative Gradient'],
    ] as const) {
      const figure = document.querySelector(`figure#${id}`);
      expect(figure, id).not.toBeNull();
      expect(figure!.querySelector('figcaption')?.textContent).toContain(caption);
      // Numbered in page order by the component, not typed by the author.
      expect(figure!.querySelector(`#${id}-caption`)?.textContent).toMatch(
        new RegExp(`^Figure ${id === 'sigmoid-and-tangent' ? 1 : 2}: ${caption}\\.`),
      );
      const svg = figure!.querySelector('vega-chart > svg.chart__static--wide');
      expect(svg?.getAttribute('viewBox')).toBe(`0 0 ${PLOT.layouts.wide.width} ${PLOT.layouts.wide.height}`);
      const narrow = figure!.querySelector('vega-chart > svg.chart__static--narrow');
      expect(narrow?.getAttribute('viewBox')).toBe(`0 0 ${PLOT.layouts.narrow.width} ${PLOT.layouts.narrow.height}`);
      expect(narrow?.getAttribute('aria-labelledby')).toBe(`${id}-caption`);
      expect(narrow!.querySelectorAll('.mark-line path').length).toBe(id === 'sigmoid-and-tangent' ? 3 : 1);
      expect(svg?.getAttribute('aria-labelledby')).toBe(`${id}-caption`);
      // The lines are drawn: three for figure 1, one for figure 2.
      expect(svg!.querySelectorAll('.mark-line path').length).toBe(id === 'sigmoid-and-tangent' ? 3 : 1);
    }
  });

  test("embeds figure 1's data equal to the helpers' values, once", () => {
    expect(rowsOf('sigmoid-and-tangent', 'Sigmoid')).toEqual({ x: figures.x, y: figures.activations });
    expect(rowsOf('sigmoid-and-tangent', 'Gradient')).toEqual({ x: figures.x, y: figures.gradients });
    expect(rowsOf('sigmoid-and-tangent', 'Tangent')).toEqual({ x: figures.tangentPlotX, y: figures.tangentPlotY });
    // The compiled spec refers to the data by name; the values are not repeated in it.
    expect(JSON.stringify(payload('sigmoid-and-tangent').vega)).not.toContain(String(figures.activations[1]));
  });

  test("embeds figure 2's data: 0.25 multiplied over steps 1..6", () => {
    expect(rowsOf('cumulative-gradient', 'Gradient')).toEqual({ x: figures.steps, y: figures.decayingValues });
  });

  test("shows each figure's data as a table, rounded as the tooltip rounds and with the axes' minus sign", () => {
    const cells = (id: string) =>
      [...document.querySelectorAll(`#${id} table tbody tr`)].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells('cumulative-gradient')).toEqual([
      ['Gradient', '1', '0.25'],
      ['Gradient', '2', '0.0625'],
      ['Gradient', '3', '0.01563'],
      ['Gradient', '4', '0.003906'],
      ['Gradient', '5', '0.0009766'],
      ['Gradient', '6', '0.0002441'],
    ]);
    const sigmoid = cells('sigmoid-and-tangent');
    expect(sigmoid).toHaveLength(300);
    expect(sigmoid[0]).toEqual(['Sigmoid', '\u221210', '0.0000454']);
    expect(sigmoid[1]).toEqual(['Sigmoid', '\u22129.798', '0.00005556']);
    expect(sigmoid.flat().join('')).not.toContain('-');
    const headers = [...document.querySelectorAll('#sigmoid-and-tangent table thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Series', 'x', 'σ(x), σ′(x) and the tangent']);
  });

  test('under each chart: the caption, then one closed disclosure with the downloads, the table and the spec', () => {
    for (const id of ['sigmoid-and-tangent', 'cumulative-gradient']) {
      const caption = document.querySelector(`figure#${id} > figcaption`)!;
      const disclosures = caption.querySelectorAll(':scope > details');
      expect(disclosures.length, id).toBe(1);
      const more = disclosures[0]!;
      expect(more.hasAttribute('open')).toBe(false);
      expect(more.querySelector(':scope > summary')?.textContent).toBe('Data and downloads');
      for (const part of ['.chart__downloads', '.chart__data table', 'details.chart__spec'])
        expect(more.querySelector(part), `${id} ${part}`).not.toBeNull();
      // Nothing of it sits between the chart and its caption.
      expect(document.querySelector(`figure#${id} vega-chart .chart__downloads, figure#${id} vega-chart details`)).toBeNull();
    }
  });

  test('embeds the Vega-Lite spec for the reader to look at', () => {
    const spec = JSON.parse(document.querySelector('#sigmoid-and-tangent .chart__spec code')?.textContent ?? '');
    // No title in the chart: the caption is its title.
    expect(spec.title).toBeUndefined();
    expect(spec.layer[0].encoding.y.title).toBe('σ(x), σ′(x) and the tangent');
    expect(spec.data).toEqual({ name: 'series' });
  });

  test('shows the printed block computed at build time', () => {
    expect(document.querySelector('.printed__text')?.textContent).toBe(figures.printedInputs);
    expect(figures.printedInputs).toContain('sigmoid : 0.50000');
  });

  test('typesets the inline math with KaTeX at build time', () => {
    const annotation = [...document.querySelectorAll('.katex annotation')].map((a) => a.textContent);
    expect(annotation).toContain('\\sigma(x=0) \\implies 0.5');
    expect(document.querySelector('.katex .katex-html')).not.toBeNull();
  });

  test('shows code listings cut from the files that ran', async () => {
    const source = await readFile(new URL('../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts', import.meta.url), 'utf8');
    const listings = [...document.querySelectorAll('.listing pre')].map((pre) => pre.textContent);
    for (const region of ['imports', 'data', 'tangent', 'decay-inputs', 'decay-plot']) {
      expect(listings).toContain(extractRegion(source, region));
    }
  });

  test('has no "Figure Missing"', () => {
    expect(html).not.toMatch(/Figure Missing/i);
  });
});

describe('the built site', () => {
  async function files(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  test('loads no script, style or font from outside the site', async () => {
    expect(await outsideReferences(distDir)).toEqual([]);
  });

  test('serves KaTeX fonts itself, woff2 only', async () => {
    const fonts = (await files(distDir)).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.endsWith('.woff2'))).toBe(true);
  });

  test('home page lists the post', async () => {
    const { document: home } = await readPage(distDir, '');
    // Relative, so the site also works from a sub-folder and from disk.
    const link = home.querySelector(`a[href="${POST_PATH}"]`);
    expect(link?.textContent).toBe('RNNs and Vanishing Gradients');
  });
});

describe("the post's figure code", () => {
  test('sits beside the post and nowhere else: the feed, which renders every post again, records none', async () => {
    const files = (await readdir(distDir, { recursive: true })).filter((file) => file.endsWith('figure-code.js'));
    expect(files).toEqual([join(POST_PATH, 'figure-code.js')]);
    const { document } = await readPage(distDir, POST_PATH);
    expect([...document.querySelectorAll('vega-chart[data-figure-code]')].map((chart) => chart.getAttribute('data-figure-code'))).toEqual([
      'figure-code.js',
      'figure-code.js',
    ]);
  });
});
