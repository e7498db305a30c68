/**
 * The third fixture post, "A Map of Ten Thousand Word Vectors" (tests/fixtures/posts/nlp/
 * embedding-map/): a 10,000-point scatter plot of PCA-projected vectors, a confusion matrix and a
 * per-class table, all from the builders and the shared helpers. Built in a scratch site, its
 * page stays under 300 KB gzipped and its tables hold what is drawn; in Chromium, at a phone's and
 * a laptop's width, light and dark, both charts come alive without a layout shift, the scatter
 * shows a tooltip where hovered and zooms with Ctrl + wheel, and axe finds nothing. Screenshots go
 * to test-results/ to be looked at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as figures from '../fixtures/posts/nlp/embedding-map/figures.ts';
import { readPage } from '../support/site.ts';
import { chartFigureIds, chartPayload, dataTableCells } from '../support/figure-checks.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, openWatchedPage, shiftsSoFar } from '../support/page-watch.ts';
import { axeReport, axeViolations } from '../support/axe.ts';
import { MAX_TABLE_ROWS } from '../../src/lib/charts/table.ts';

const PAGE = 'posts/nlp/embedding-map/';
const CHARTS = ['word-vectors', 'confusion'] as const;
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
/** Issue 13's weight for a post with a 10,000-point embedding plot. */
const MAX_PAGE_GZIP_BYTES = 300_000;

/** The fixture posts, built once for the project (tests/support/fixture-site.ts). */
const dist = inject('fixtureDist');
let document: Document;

beforeAll(async () => {
  ({ document } = await readPage(dist, PAGE));
});

describe('the embedding fixture post, as built', () => {
  test(`weighs at most ${MAX_PAGE_GZIP_BYTES / 1000} KB gzipped, with every point in the static SVGs and the payload`, async () => {
    const html = await readFile(join(dist, PAGE, 'index.html'));
    expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(MAX_PAGE_GZIP_BYTES);
    expect(chartFigureIds(document)).toEqual([...CHARTS]);
    expect(chartPayload(document, 'word-vectors').datasets.series).toHaveLength(figures.words.length);
    for (const layout of ['wide', 'narrow']) {
      const points = document.querySelectorAll(`#word-vectors svg.chart__static--${layout} .layer_0_marks path`);
      expect(points.length, layout).toBe(figures.words.length);
    }
  });

  test('the scatter’s table shows its first rows and says the CSV has them all; the matrix’s has every cell', () => {
    expect(dataTableCells(document, 'word-vectors')).toHaveLength(MAX_TABLE_ROWS);
    expect(document.querySelector('#word-vectors .chart__data-title')?.textContent).toBe(
      'Data (the first 1,000 of 10,000 rows, rounded as the chart shows them; the CSV has every row and digit)',
    );
    const cells = dataTableCells(document, 'confusion');
    expect(cells).toHaveLength(figures.CLASSES.length ** 2);
    const counted = cells.reduce((sum, row) => sum + Number(row.at(-1)), 0);
    expect(counted).toBe(2000);
  });

  test('each chart says what it shows, and the per-class table holds the classifier’s counts', () => {
    expect(document.querySelector('#word-vectors-summary')?.textContent).toMatch(
      /^10000 points in 8 classes \(noun, verb, adjective, adverb, pronoun, preposition, determiner, numeral\), First principal component from −?\d/,
    );
    expect(document.querySelector('#confusion-summary')?.textContent?.length).toBeGreaterThan(40);
    const rows = [...document.querySelectorAll('#per-class tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows.map((row) => row[0])).toEqual(figures.CLASSES);
    expect(rows.map((row) => Number(row[1]))).toEqual(figures.perClass.map((row) => row.words));
  });
});

const skipReason = browserSkipReason();

/** The scatter's x-axis labels in the live view, as numbers. */
async function xLabels(page: Page): Promise<number[]> {
  const texts = await page.locator('#word-vectors .chart__live g.role-axis[aria-label^="X-axis"] .role-axis-label text').allTextContents();
  return texts.map((text) => Number(text.replace('\u2212', '-'))).sort((a, b) => a - b);
}

describe.skipIf(skipReason)('the embedding fixture post in Chromium', () => {
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
    [375, 'light'],
    [1280, 'dark'],
    [375, 'dark'],
  ] as const)('at %i px, %s', (width, scheme) => {
    test('both charts come alive with no layout shift; the scatter shows a tooltip and zooms; axe finds nothing', async () => {
      const { context, page, watch } = await openWatchedPage(browser, `${server.origin}/${PAGE}`, { width, scheme });
      await bringChartsToLife(page, CHARTS);

      const scatter = page.locator('#word-vectors vega-chart');
      await scatter.scrollIntoViewIfNeeded();
      const svg = (await scatter.locator('.chart__live svg').boundingBox())!;
      // The live view draws every point.
      expect(await scatter.locator('.chart__live .layer_0_marks path').count()).toBe(figures.words.length);
      await page.mouse.move(svg.x + svg.width * 0.5, svg.y + svg.height * 0.6);
      const tooltip = scatter.locator('.chart-tooltip');
      await expect.poll(() => tooltip.isVisible(), { message: 'a tooltip where hovered' }).toBe(true);
      expect(await tooltip.innerText()).toMatch(
        /^Part of speech: [a-z]+\nFirst principal component: \S+\nSecond principal component: \S+$/,
      );
      await scatter.screenshot({ path: new URL(`embedding-word-vectors-${width}-${scheme}.png`, ARTIFACTS).pathname });

      if (width === 1280) {
        const before = await xLabels(page);
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -300);
        await page.keyboard.up('Control');
        await expect.poll(() => xLabels(page), { message: 'Ctrl + wheel zooms x' }).not.toEqual(before);
        const zoomed = await xLabels(page);
        expect(zoomed.at(-1)! - zoomed[0]!).toBeLessThan(before.at(-1)! - before[0]!);
        await page.mouse.dblclick(svg.x + svg.width * 0.5, svg.y + svg.height * 0.6);
        await expect.poll(() => xLabels(page), { message: 'a double click shows it all again' }).toEqual(before);
      }

      const matrix = page.locator('#confusion vega-chart');
      await matrix.scrollIntoViewIfNeeded();
      const cells = (await matrix.locator('.chart__live svg').boundingBox())!;
      await page.mouse.move(cells.x + cells.width * 0.5, cells.y + cells.height * 0.4);
      await expect.poll(() => matrix.locator('.chart-tooltip').isVisible(), { message: 'the matrix: a tooltip where hovered' }).toBe(true);
      await matrix.screenshot({ path: new URL(`embedding-confusion-${width}-${scheme}.png`, ARTIFACTS).pathname });

      await page.mouse.move(0, 0);
      await page.waitForTimeout(200);
      expect(await shiftsSoFar(page)).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, axeReport(violations)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();
    }, 120_000);
  });
});
