/**
 * The second fixture post, "Word Statistics of a Famous Opening" (tests/fixtures/posts/nlp/
 * word-statistics/), written with the builders alone: bars (and bars of each half side by side,
 * checked in fixture-multiples.test.ts), a histogram, a labelled scatter plot, a heatmap and a
 * line with a band. Built once for the fixtures project, its tables hold what is drawn; in Chromium, at a phone's and a
 * laptop's width, light and dark, every chart comes alive without a layout shift, shows a tooltip
 * where it is hovered, and axe finds nothing. Screenshots go to test-results/ to be looked at.
 *
 * Its top-words table (<TableFigure>) and the other fixture's gradient table are checked there too:
 * numbers right-aligned in tabular figures, text left, a table wider than a phone's column
 * scrolling in its own box while the page never scrolls sideways, axe, print, and the CSV link
 * with no script running, from the server and from the offline file on disk.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'd3-format';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as figures from '../fixtures/posts/nlp/word-statistics/figures.ts';
import { readPage } from '../support/site.ts';
import { chartFigureIds, chartPayload, dataTableCells } from '../support/figure-checks.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, openWatchedPage, shiftsSoFar } from '../support/page-watch.ts';
import { axeReport, axeViolations } from '../support/axe.ts';

const PAGE = 'posts/nlp/word-statistics/';
const CHARTS = ['top-words', 'top-words-by-half', 'word-lengths', 'word-map', 'transitions', 'loss-over-seeds', 'first-letters'] as const;
/** The figure of small multiples among them, a <vega-chart> per panel: checked in fixture-multiples.test.ts. */
const MULTIPLES = 'top-words-by-half';
/** The charts drawn in one <vega-chart> each. */
const SINGLE = CHARTS.filter((id) => id !== MULTIPLES);
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
/** The top words as a <TableFigure>, and the other fixture's table (a narrow one, with negative numbers). */
const TABLE = 'top-words-table';
const GRADIENT_PAGE = 'posts/nlp/activations-tanh-relu/';

/** The fixture posts, built once for the project (tests/support/fixture-site.ts). */
const dist = inject('fixtureDist');
let document: Document;

beforeAll(async () => {
  ({ document } = await readPage(dist, PAGE));
});

describe('the builders fixture post, as built', () => {
  test('has its seven charts, in order', () => {
    expect(chartFigureIds(document)).toEqual([...CHARTS]);
  });

  test('each table holds what is drawn: the top words, the bins, the cells, the band', () => {
    expect(dataTableCells(document, 'top-words').map((row) => row[0])).toEqual(figures.top.map(([word]) => word));
    // A bin per word length, their counts summing to the words.
    const bins = dataTableCells(document, 'word-lengths');
    expect(bins).toHaveLength(Math.max(...figures.tokens.map((word) => word.length)));
    expect(bins.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(figures.tokens.length);
    expect(dataTableCells(document, 'transitions')).toHaveLength(36);
    expect(dataTableCells(document, 'word-map')).toHaveLength(new Set(figures.tokens).size);
    expect(document.querySelectorAll('#loss-over-seeds .chart__data thead th').length).toBe(5);
  });

  test('a hand-written spec that counts for itself: its table and CSV hold the counts it draws, not the words', () => {
    const byLetter = new Map<string, number>();
    for (const word of figures.tokens) byLetter.set(word[0]!, (byLetter.get(word[0]!) ?? 0) + 1);
    const expected = [...byLetter].sort(([a], [b]) => a.localeCompare(b));
    const cells = dataTableCells(document, 'first-letters').sort(([a], [b]) => a!.localeCompare(b!));
    expect(cells).toEqual(expected.map(([letter, count]) => [letter, String(count)]));
    expect([...document.querySelectorAll('#first-letters .chart__data thead th')].map((th) => th.textContent)).toEqual([
      'First letter',
      'Words',
    ]);
    const { drawn } = chartPayload(document, 'first-letters');
    expect(drawn?.[0]?.map((row) => [row['First letter'], row.Words]).sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual(
      expected,
    );
    // A builder's chart draws its rows as they are: no second copy of them.
    expect(chartPayload(document, 'top-words').drawn).toBeUndefined();
  });

  test('each chart says what it shows, written from its data', () => {
    for (const id of CHARTS) expect(document.querySelector(`#${id}-summary`)?.textContent?.length, id).toBeGreaterThan(40);
    const [word, count] = figures.top[0]!;
    expect(document.querySelector('#top-words-summary')?.textContent).toMatch(
      new RegExp(`^Count by word: "${word}" is largest at ${count},`),
    );
  });
});

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('the builders fixture post in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each([
    [1280, 'light'],
    [360, 'light'],
    [375, 'light'],
    [1280, 'dark'],
    [375, 'dark'],
  ] as const)('at %i px, %s', (width, scheme) => {
    test('every chart comes alive with no layout shift, shows a tooltip where hovered, and axe finds nothing', async () => {
      const { context, page, watch } = await openWatchedPage(browser, `${server.origin}/${PAGE}`, { width, scheme });
      await bringChartsToLife(page, SINGLE);
      for (const id of SINGLE) {
        const chart = page.locator(`#${id} vega-chart`);
        await chart.scrollIntoViewIfNeeded();
        const svg = (await chart.locator('.chart__live svg').boundingBox())!;
        const tooltip = chart.locator('.chart-tooltip');
        // Bars, bins and cells answer where a mark is: try a few places until one is.
        for (const [fx, fy] of [
          [0.3, 0.5],
          [0.5, 0.7],
          [0.2, 0.3],
          [0.6, 0.4],
          [0.15, 0.85],
        ] as const) {
          await page.mouse.move(svg.x + svg.width * fx, svg.y + svg.height * fy);
          if (await tooltip.isVisible().catch(() => false)) break;
          await page.waitForTimeout(100);
        }
        await expect.poll(() => tooltip.isVisible(), { message: `${id}: a tooltip where hovered` }).toBe(true);
        expect((await tooltip.innerText()).trim().length, id).toBeGreaterThan(3);
        await chart.screenshot({ path: new URL(`builders-${id}-${width}-${scheme}.png`, ARTIFACTS).pathname });
      }
      await page.mouse.move(0, 0);
      await page.waitForTimeout(200);
      expect(await shiftsSoFar(page)).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, axeReport(violations)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();
    }, 60_000);
  });
});

describe('the top-words table figure, as built', () => {
  test('its cells are the rows of figures.ts in the columns’ formats; its numbers are marked right-aligned, its words not', () => {
    const figure = document.querySelector(`figure.table-figure#${TABLE}`)!;
    expect(document.getElementById(`${TABLE}-caption`)?.textContent).toMatch(/^Table 1: The ten most frequent words/);
    expect([...figure.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(figures.topWordColumns.map((c) => c.title));
    const cells = [...figure.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
    const [count, share, zipf] = [format(',d'), format('.1%'), format('.3f')];
    expect(cells.map((tds) => tds.map((td) => td.textContent))).toEqual(
      figures.topWordRows.map((row) => [
        String(row.rank),
        row.word,
        count(row.count),
        share(row.share),
        share(row.cumulative),
        zipf(row.zipf),
        count(row.first),
        String(row.letters),
      ]),
    );
    expect(cells.at(-1)![4]!.textContent).toBe(share(figures.top.reduce((sum, [, n]) => sum + n, 0) / figures.tokens.length));
    expect(cells[0]!.map((td) => td.classList.contains('table-figure__number'))).toEqual([true, false, true, true, true, true, true, true]);
  });
});

describe.skipIf(skipReason)('table figures in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** How a table figure lays out: its cells' alignment and figures, its box against its table, the page's width. */
  const layout = (page: Page, id: string) =>
    page.locator(`#${id}`).evaluate((figure) => {
      const box = figure.querySelector<HTMLElement>('.table-figure__scroll')!;
      const cells = [...figure.querySelectorAll('tbody tr:first-child td')];
      return {
        align: cells.map((td) => getComputedStyle(td).textAlign),
        headAlign: [...figure.querySelectorAll('thead th')].map((th) => getComputedStyle(th).textAlign),
        numeric: getComputedStyle(cells[0]!).fontVariantNumeric,
        minus: cells.map((td) => td.textContent).join(' '),
        box: { client: box.clientWidth, scroll: box.scrollWidth, right: box.getBoundingClientRect().right },
        page: { scroll: document.documentElement.scrollWidth, viewport: window.innerWidth },
      };
    });

  describe.each([
    [1280, 'light'],
    [360, 'light'],
    [1280, 'dark'],
    [360, 'dark'],
  ] as const)('at %i px, %s', (width, scheme) => {
    test('numbers right-aligned in tabular figures, text left; a wide table scrolls in its box, never the page; axe finds nothing', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
      const top = await layout(page, TABLE);
      expect(top.align).toEqual(['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right']);
      expect(top.headAlign).toEqual(top.align);
      expect(top.numeric).toContain('tabular-nums');
      expect(top.page.scroll, 'the page never scrolls sideways').toBeLessThanOrEqual(top.page.viewport);
      expect(top.box.right).toBeLessThanOrEqual(top.page.viewport);
      if (width === 360) {
        // Eight columns do not fit a phone's column: the box scrolls, and the reader can scroll it.
        expect(top.box.scroll).toBeGreaterThan(top.box.client);
        const scrolled = await page.locator(`#${TABLE} .table-figure__scroll`).evaluate((box) => {
          box.scrollLeft = 80;
          return box.scrollLeft;
        });
        expect(scrolled).toBeGreaterThan(0);
        await page.locator(`#${TABLE} .table-figure__scroll`).evaluate((box) => (box.scrollLeft = 0));
      } else expect(top.box.scroll, 'on a laptop the table fits its column').toBeLessThanOrEqual(top.box.client);
      await page.locator(`#${TABLE} details.table-figure__more > summary`).click();
      await page.locator(`#${TABLE}`).screenshot({ path: new URL(`table-${TABLE}-${width}-${scheme}.png`, ARTIFACTS).pathname });
      const violations = await axeViolations(page);
      expect(violations, axeReport(violations)).toEqual([]);

      await page.goto(`${server.origin}/${GRADIENT_PAGE}`, { waitUntil: 'load' });
      const gradients = await layout(page, 'gradients-at-a-glance');
      expect(gradients.align).toEqual(['right', 'right', 'right']);
      expect(gradients.minus).toBe('\u22122 0.0707 0');
      expect(gradients.box.scroll).toBeLessThanOrEqual(gradients.box.client);
      expect(gradients.page.scroll).toBeLessThanOrEqual(gradients.page.viewport);
      await page
        .locator('#gradients-at-a-glance')
        .screenshot({ path: new URL(`table-gradients-${width}-${scheme}.png`, ARTIFACTS).pathname });
      const gradientViolations = await axeViolations(page);
      expect(gradientViolations, axeReport(gradientViolations)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  });

  test('in print: the whole table in light colours, no scroll box and no disclosure, kept on one page, its header a repeating group', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator(`#${TABLE}`).evaluate((figure) => {
      const style = (selector: string) => getComputedStyle(figure.querySelector(selector)!);
      const table = figure.querySelector('table')!;
      return {
        overflow: style('.table-figure__scroll').overflowX,
        details: style('details').display,
        head: style('thead').display,
        row: style('tbody tr').breakInside,
        text: style('td').color,
        // Ten rows stay on one page with their caption; a long table would break between rows.
        whole: getComputedStyle(figure).breakInside,
        fits: table.getBoundingClientRect().right <= document.body.getBoundingClientRect().right,
      };
    });
    // Light colours whatever the theme; nothing to open; nothing clipped.
    expect(printed).toEqual({
      overflow: 'visible',
      details: 'none',
      head: 'table-header-group',
      row: 'avoid',
      text: 'rgb(31, 35, 40)',
      whole: 'avoid',
      fits: true,
    });
    await page.locator(`#${TABLE}`).screenshot({ path: new URL(`table-${TABLE}-print.png`, ARTIFACTS).pathname });
    await context.close();
  });

  test('the CSV link saves every digit with no script running, from the server and from the offline file on disk', async () => {
    const expected = [
      'rank,word,count,share,cumulative,zipf,first,letters',
      ...figures.topWordRows.map((r) => [r.rank, r.word, r.count, r.share, r.cumulative, r.zipf, r.first, r.letters].join(',')),
    ].join('\r\n');
    for (const url of [`${server.origin}/${PAGE}`, pathToFileURL(join(dist, PAGE, 'offline.html')).href]) {
      const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.locator(`#${TABLE} details.table-figure__more > summary`).click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${TABLE} a[download]`).click()]);
      expect(file.suggestedFilename(), url).toBe(`${TABLE}.csv`);
      expect(await readFile((await file.path())!, 'utf8'), url).toBe(`${expected}\r\n`);
      await context.close();
    }
  });
});
