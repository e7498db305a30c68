/**
 * The post with JavaScript off: both figures show their static SVGs, captions and the summaries
 * written from the data, and each figure's data table opens from its <details> with no script.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { POST_PATH } from '../support/site.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

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

  test.each(FIGURES)('$id: the static SVG is visible at the chart\'s proportions', async ({ id }) => {
    const svg = page.locator(`#${id} vega-chart > svg`);
    await svg.scrollIntoViewIfNeeded();
    expect(await svg.isVisible()).toBe(true);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height / box.width).toBeCloseTo(750 / 900, 2);
    // The lines are drawn.
    expect(await svg.locator('.mark-line path').count()).toBeGreaterThan(0);
  });

  test.each(FIGURES)('$id: the caption and the summary written from the data are visible', async ({ id, caption, description }) => {
    const figcaption = page.locator(`#${id} figcaption`);
    expect(await figcaption.isVisible()).toBe(true);
    expect(await figcaption.innerText()).toContain(caption);
    const summary = page.locator(`#${id} .chart__summary`);
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toBe(description);
    expect((await summary.boundingBox())!.height).toBeGreaterThan(0);
  });

  test.each(FIGURES)('$id: the data table opens from its summary, with no script', async ({ id, rows }) => {
    const details = page.locator(`#${id} details.chart__data`);
    const table = details.locator('table');
    expect(await table.isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.getAttribute('open')).not.toBeNull();
    await table.scrollIntoViewIfNeeded();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(rows);
    expect(await table.locator('thead th').allTextContents()).toEqual(
      id === 'sigmoid-and-tangent' ? ['Series', 'X', 'Y'] : ['Series', 'Step', 'Gradient'],
    );
    // The first row is on screen, with its numbers.
    const firstRow = table.locator('tbody tr').first();
    expect(await firstRow.isVisible()).toBe(true);
    expect((await firstRow.locator('td').allTextContents()).length).toBe(3);
  });

  test('the Vega-Lite spec opens from its summary too', async () => {
    const details = page.locator('#cumulative-gradient details.chart__spec');
    await details.locator('summary').click();
    const code = details.locator('code');
    expect(await code.isVisible()).toBe(true);
    expect(JSON.parse((await code.textContent()) ?? '').description).toBe(cumulativeGradient.description);
  });
});
