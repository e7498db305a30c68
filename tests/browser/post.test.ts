/**
 * The post in headless Chromium, served on 127.0.0.1: both charts come alive at the size of their
 * static SVGs, show tooltips, zoom figure 1 with the wheel, log no errors and fetch nothing from
 * outside the machine.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { POST_PATH } from '../support/site.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

const ARTIFACTS = new URL('../../test-results/', import.meta.url);

describe.skipIf(skipReason)('the post in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  let firstStaticBox: { x: number; y: number; width: number; height: number } | null = null;

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Every request that would leave the machine is counted and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin) || url.startsWith('data:')) return route.continue();
      outsideRequests.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Figure 1's static SVG, measured with scripts off so it cannot have come alive yet.
    const noScript = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const staticPage = await noScript.newPage();
    await staticPage.goto(`${server.origin}/${POST_PATH}`);
    firstStaticBox = await staticPage.locator('#sigmoid-and-tangent vega-chart > svg.chart__static--wide').boundingBox();
    await noScript.close();
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Scrolls a chart into view and waits until the live view has replaced the static SVG. */
  async function bringToLife(id: string) {
    const chart = page.locator(`#${id} vega-chart`);
    await chart.scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
    return { chart };
  }

  /** The x axis' tick labels in the live view, as sorted numbers (Vega reuses label elements out of order). */
  async function xAxisLabels(id: string): Promise<number[]> {
    const texts = await page.locator(`#${id} .chart__live g.role-axis[aria-label^="X-axis"] .role-axis-label text`).allTextContents();
    return texts.map((text) => Number(text.replace('\u2212', '-'))).sort((a, b) => a - b);
  }

  test('both charts come alive in a box the same size as their static SVG', async () => {
    for (const id of ['sigmoid-and-tangent', 'cumulative-gradient']) {
      // Figure 2 is still static here (below the fold); figure 1 is measured from the page
      // as it first arrived, before the loader had a chance to run.
      const staticBox = await (id === 'cumulative-gradient'
        ? page.locator(`#${id} vega-chart > svg.chart__static--wide`).boundingBox()
        : firstStaticBox);
      const { chart } = await bringToLife(id);
      expect(await chart.locator(':scope > svg').count(), `${id}: static SVG swapped out`).toBe(0);
      const liveBox = await chart.locator('.chart__live svg').boundingBox();
      expect(liveBox).not.toBeNull();
      expect(liveBox!.width).toBeCloseTo(staticBox!.width, 5);
      expect(liveBox!.height).toBeCloseTo(staticBox!.height, 5);
    }
  });

  test('figure 1 has a legend naming Sigmoid, Gradient and Tangent', async () => {
    await bringToLife('sigmoid-and-tangent');
    const labels = await page.locator('#sigmoid-and-tangent .chart__live .role-legend-label text').allTextContents();
    expect(labels).toEqual(['Sigmoid', 'Gradient', 'Tangent']);
  });

  test('hovering each chart shows a tooltip headed by the series (when there are several), then x and y in their formats', async () => {
    const expectations = {
      // At x = 0 the sigmoid is 0.5 and the tangent touches it; the gradient there is 0.25.
      'sigmoid-and-tangent': { x: 0, y: 0.25, text: /^Gradient\nx: \u2212?0\.\d{1,3}\nσ\(x\), σ′\(x\) and the tangent: 0\.2\d+$/ },
      'cumulative-gradient': { x: 1, y: 0.25, text: /^Step: 1\nCumulative gradient: 0\.25$/ },
    };
    for (const [id, { x, y, text }] of Object.entries(expectations)) {
      const { chart } = await bringToLife(id);
      // Find the pixel of (x, y) from the live axes: the plot's own scales, read back from the SVG.
      const point = await chart.evaluate(
        (element, [dataX, dataY]) => {
          const svg = element.querySelector('.chart__live svg')!;
          const ticks = (axis: string) =>
            [...svg.querySelectorAll(`g.role-axis[aria-label^="${axis}"] .role-axis-label text`)].map((t) => {
              const box = t.getBoundingClientRect();
              return { value: Number(t.textContent!.replace('\u2212', '-')), x: box.x + box.width / 2, y: box.y + box.height / 2 };
            });
          const xs = ticks('X-axis');
          const ys = ticks('Y-axis');
          const lerp = (a: { value: number; p: number }, b: { value: number; p: number }, v: number) =>
            a.p + ((v - a.value) / (b.value - a.value)) * (b.p - a.p);
          const [x0, x1] = [xs[0]!, xs[xs.length - 1]!];
          const [y0, y1] = [ys[0]!, ys[ys.length - 1]!];
          return {
            x: lerp({ value: x0.value, p: x0.x }, { value: x1.value, p: x1.x }, dataX),
            y: lerp({ value: y0.value, p: y0.y }, { value: y1.value, p: y1.y }, dataY),
          };
        },
        [x, y] as const,
      );
      await page.mouse.move(point.x, point.y);
      const tooltip = chart.locator('.chart-tooltip');
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      expect(await tooltip.innerText(), id).toMatch(text);
      await page.mouse.move(0, 0);
    }
  });

  test('Ctrl + wheel over figure 1 zooms its x domain, and a double click resets it', async () => {
    const { chart } = await bringToLife('sigmoid-and-tangent');
    const before = await xAxisLabels('sigmoid-and-tangent');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(() => xAxisLabels('sigmoid-and-tangent')).not.toEqual(before);
    const zoomed = await xAxisLabels('sigmoid-and-tangent');
    // Zooming in shows a narrower range: the outermost labels move inwards.
    expect(Math.max(...zoomed.map(Math.abs))).toBeLessThan(10);
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => xAxisLabels('sigmoid-and-tangent')).toEqual(before);
  });

  test('logs no console errors and requests nothing outside the machine', async () => {
    await bringToLife('sigmoid-and-tangent');
    await bringToLife('cumulative-gradient');
    expect(consoleErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });

  test("on a phone, the charts scale down to the screen's width and the page does not scroll sideways", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.origin}/${POST_PATH}`);
    for (const id of ['sigmoid-and-tangent', 'cumulative-gradient']) {
      const chart = phonePage.locator(`#${id} vega-chart`);
      // The phone layout is the one shown, at its proportions.
      expect(await chart.locator(':scope > svg.chart__static--wide').isVisible()).toBe(false);
      const staticBox = (await chart.locator(':scope > svg.chart__static--narrow').boundingBox())!;
      expect(staticBox.width).toBeLessThanOrEqual(375);
      expect(staticBox.height / staticBox.width).toBeCloseTo(PLOT.layouts.narrow.height / PLOT.layouts.narrow.width, 2);
      await chart.scrollIntoViewIfNeeded();
      await phonePage.waitForSelector(`#${id} vega-chart[data-state="live"]`);
      const liveBox = (await chart.locator('.chart__live svg').boundingBox())!;
      expect(liveBox.width).toBeCloseTo(staticBox.width, 5);
      expect(liveBox.height).toBeCloseTo(staticBox.height, 5);
    }
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mkdir(ARTIFACTS, { recursive: true });
    await phonePage.evaluate(() => window.scrollTo(0, 0));
    await phonePage.screenshot({ path: new URL('post-375.png', ARTIFACTS).pathname, fullPage: true });
    await phone.close();
  });

  test('screenshot of the whole post', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: new URL('post-1280.png', ARTIFACTS).pathname, fullPage: true });
  });
});
