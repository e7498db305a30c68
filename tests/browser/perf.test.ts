/**
 * The post's performance promises in Chromium (1280 × 800, served on 127.0.0.1), in bytes and
 * layout shifts, never in times: up front the page runs the small loader (and theme script), the runtime arrives
 * once when charts near the viewport, and bringing both charts to life while scrolling through
 * moves nothing (a cumulative layout shift of 0). The bench (npm run bench) reports the times.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { FIGURE_IDS } from '../support/page-watch.ts';
import { BUDGETS, formatBytes, gzipSize } from '../support/budgets.ts';
import { POST_PATH } from '../support/site.ts';

const skipReason = browserSkipReason();

interface Shift {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}

/** Scrolls from top to bottom a little at a time, letting each step paint. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.scrollTo(0, 0);
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      const before = window.scrollY;
      window.scrollBy(0, 200);
      await frame();
      if (window.scrollY === before) break;
    }
  });
}

describe.skipIf(skipReason)('performance of the post, in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads only small scripts up front (the loader), and the runtime once when the charts near the viewport, within budget', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: { path: string; body: Promise<Buffer> }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push({ path: new URL(response.url()).pathname, body: response.body() });
    });
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'networkidle' });
    // No chart is near the first screen, so nothing has woken the runtime yet.
    expect(await page.locator('vega-chart[data-state]').count()).toBe(0);
    const atLoad = await Promise.all(scripts.map(async (s) => ({ path: s.path, body: await s.body })));
    // The loader, and any other small script the page runs up front (the theme), never the runtime.
    expect(atLoad.map((s) => s.path)).toContain('/_charts/chart-loader.js');
    expect(atLoad.map((s) => s.path)).not.toContain('/_charts/chart-runtime.js');
    const loadRaw = atLoad.reduce((sum, s) => sum + s.body.length, 0);
    const loadGzip = atLoad.reduce((sum, s) => sum + gzipSize(s.body), 0);

    await scrollThrough(page);
    for (const id of FIGURE_IDS) await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
    const live = await Promise.all(scripts.map(async (s) => ({ path: s.path, body: await s.body })));
    // The runtime came once, after everything the page ran up front.
    expect(live.map((s) => s.path)).toEqual([...atLoad.map((s) => s.path), '/_charts/chart-runtime.js']);
    const liveRaw = live.reduce((sum, s) => sum + s.body.length, 0);
    const liveGzip = live.reduce((sum, s) => sum + gzipSize(s.body), 0);
    console.info(
      `JS transferred: at load ${formatBytes(loadRaw)} raw / ${formatBytes(loadGzip)} gzip (${atLoad.map((s) => s.path).join(', ')}); ` +
        `once live ${formatBytes(liveRaw)} raw / ${formatBytes(liveGzip)} gzip`,
    );
    expect(loadGzip).toBeLessThanOrEqual(BUDGETS.jsAtLoadGzip);
    expect(liveGzip).toBeLessThanOrEqual(BUDGETS.jsLiveGzip);
    await page.close();
  });

  test('bringing both charts to life while scrolling through shifts no layout (CLS 0)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const shifts: Shift[] = ((window as unknown as { __shifts: Shift[] }).__shifts = []);
      const describeNode = (node: Node | null) =>
        node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}` : String(node?.nodeName);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] })[]) {
          shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources: (entry.sources ?? []).map((s) => describeNode(s.node)) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    await scrollThrough(page);
    for (const id of FIGURE_IDS) await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
    // Let the swapped-in views paint, then read every shift the page had.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(200);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    console.info(`layout shift while hydrating: ${cls} (${shifts.length} entries)`);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);

    // Scroll anchoring could hide a chart that changed size above the screen; so also compare
    // every figure's box with the same page's static one, rendered with scripts off.
    const figureBoxes = (p: Page) =>
      p.locator('figure.chart').evaluateAll((figures) => figures.map((f) => [f.id, f.getBoundingClientRect().width, f.getBoundingClientRect().height]));
    const noScript = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const staticPage = await noScript.newPage();
    await staticPage.goto(`${server.origin}/${POST_PATH}`);
    await staticPage.evaluate(() => document.fonts.ready);
    expect(await figureBoxes(page)).toEqual(await figureBoxes(staticPage));
    await noScript.close();

    // The observer does see a shift when one happens: at the top of the page (where scroll
    // anchoring does not hide it), push the article down by 40px.
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const spacer = document.createElement('div');
      spacer.style.height = '40px';
      document.querySelector('main')!.prepend(spacer);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts.length)).toBeGreaterThan(0);
    await page.close();
  });
});
