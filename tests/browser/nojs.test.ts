/**
 * The post with JavaScript off: both figures show their static SVGs, captions and the summaries
 * written from the data, and each figure's data table opens from its <details> with no script.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { POST_PATH } from '../support/site.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

const FIGURES = [
  { id: 'sigmoid-and-tangent', caption: 'Figure 1: Sigmoid and Tangent.', description: sigmoidAndTangent.description!, rows: 300 },
  { id: 'cumulative-gradient', caption: 'Figure 2: Cumulative Gradient.', description: cumulativeGradient.description!, rows: 6 },
] as const;

describe.skipIf(skipReason)('the post with JavaScript off', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${server.origin}/${POST_PATH}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('scripts really are off: no chart was brought to life', async () => {
    for (const { id } of FIGURES) {
      expect(await page.locator(`#${id} vega-chart`).getAttribute('data-state'), id).toBeNull();
      expect(await page.locator(`#${id} .chart__live`).count(), id).toBe(0);
    }
  });

  test.each(FIGURES)("$id: the static SVG is visible at the chart's proportions", async ({ id }) => {
    const svg = page.locator(`#${id} vega-chart > svg.chart__static--wide`);
    await svg.scrollIntoViewIfNeeded();
    expect(await svg.isVisible()).toBe(true);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height / box.width).toBeCloseTo(PLOT.layouts.wide.height / PLOT.layouts.wide.width, 2);
    // The lines are drawn.
    expect(await svg.locator('.mark-line path').count()).toBeGreaterThan(0);
  });

  test.each(FIGURES)(
    '$id: the caption is visible; the summary written from the data shows in the disclosure',
    async ({ id, caption, description }) => {
      const figcaption = page.locator(`#${id} figcaption`);
      expect(await figcaption.isVisible()).toBe(true);
      expect(await figcaption.innerText()).toContain(caption);
      expect(await page.locator(`#${id} .chart__summary`).textContent()).toBe(description);
      const details = page.locator(`#${id} details.chart__more`);
      const inWords = details.locator('.chart__in-words');
      expect(await inWords.isVisible()).toBe(false);
      await details.locator(':scope > summary').click();
      expect(await inWords.isVisible()).toBe(true);
      expect(await inWords.textContent()).toBe(description);
      await details.locator(':scope > summary').click();
    },
  );

  test.each(FIGURES)('$id: the data table opens from its summary, with no script', async ({ id, rows }) => {
    const details = page.locator(`#${id} details.chart__more`);
    const table = details.locator('table');
    expect(await table.isVisible()).toBe(false);
    await details.locator(':scope > summary').click();
    expect(await details.getAttribute('open')).not.toBeNull();
    await table.scrollIntoViewIfNeeded();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(rows);
    expect(await table.locator('thead th').allTextContents()).toEqual(
      id === 'sigmoid-and-tangent' ? ['Series', 'x', 'σ(x), σ′(x) and the tangent'] : ['Series', 'Step', 'Cumulative gradient'],
    );
    // The first row is on screen, with its numbers.
    const firstRow = table.locator('tbody tr').first();
    expect(await firstRow.isVisible()).toBe(true);
    expect((await firstRow.locator('td').allTextContents()).length).toBe(3);
  });

  test('the Vega-Lite spec opens from its summary too', async () => {
    const details = page.locator('#cumulative-gradient details.chart__spec');
    const more = page.locator('#cumulative-gradient details.chart__more');
    if ((await more.getAttribute('open')) === null) await more.locator(':scope > summary').click();
    await details.locator('summary').click();
    const code = details.locator('code');
    expect(await code.isVisible()).toBe(true);
    expect(JSON.parse((await code.textContent()) ?? '').description).toBe(cumulativeGradient.description);
  });
});
