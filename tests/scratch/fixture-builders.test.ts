/**
 * The second fixture post, "Word Statistics of a Famous Opening" (tests/fixtures/posts/nlp/
 * word-statistics/), written with the builders alone: bars, a histogram, a labelled scatter plot,
 * a heatmap and a line with a band. Built in a scratch site, its tables hold what is drawn; in Chromium, at a phone's and a
 * laptop's width, light and dark, every chart comes alive without a layout shift, shows a tooltip
 * where it is hovered, and axe finds nothing. Screenshots go to test-results/ to be looked at.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import * as figures from '../fixtures/posts/nlp/word-statistics/figures.ts';
import type { ScratchSite } from '../support/scratch-site.ts';
import { builtFixtureSite } from '../support/fixture-site.ts';
import { readPage } from '../support/site.ts';
import { chartFigureIds, dataTableCells } from '../support/figure-checks.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, shiftsSoFar, watchShifts } from '../support/page-watch.ts';
import { axeReport, axeViolations } from '../support/axe.ts';

const PAGE = 'posts/nlp/word-statistics/';
const CHARTS = ['top-words', 'word-lengths', 'word-map', 'transitions', 'loss-over-seeds'] as const;
const ARTIFACTS = new URL('../../test-results/', import.meta.url);

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

describe('the builders fixture post, as built', () => {
  test('has its four charts, in order', () => {
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
    [1280, 'dark'],
    [375, 'dark'],
  ] as const)('at %i px, %s', (width, scheme) => {
    test('every chart comes alive with no layout shift, shows a tooltip where hovered, and axe finds nothing', async () => {
      // axe goes in as an inline script, which the page's CSP would refuse.
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await watchShifts(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
      await bringChartsToLife(page, CHARTS);
      for (const id of CHARTS) {
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
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  });
});
