/**
 * The post's performance promises in Chromium (1280 × 800, served on 127.0.0.1), in bytes and
 * layout shifts, never in times: up front the page runs the small loader (and theme script), the
 * runtime arrives once when charts near the viewport, and bringing both charts to life while
 * scrolling through moves nothing (a cumulative layout shift of 0). Script sizes are those of the
 * files the page requested, from the built site. The bench (npm run bench) reports the times.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/**
 * Scrolls from top to bottom, 200px at a time with a pause for each step to paint, as a reader
 * would, then makes sure each chart has been near the viewport and waits until it is live.
 * Every wait has a timeout (no requestAnimationFrame inside evaluate, which a throttled page could
 * leave hanging).
 */
async function scrollThroughToLife(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 500; step++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, 200);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(20);
    if (atBottom) break;
  }
  for (const id of FIGURE_IDS) {
    const chart = page.locator(`#${id} vega-chart`);
    await chart.scrollIntoViewIfNeeded({ timeout: 10_000 });
    await page.waitForSelector(`#${id} vega-chart[data-state="live"]`, { timeout: 20_000 });
  }
}

/** The scripts a page requested, as paths under the site, in order. */
function watchScripts(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

/** Raw and gzip bytes of built files, by their path under the site. */
async function sizes(paths: readonly string[]): Promise<{ raw: number; gzip: number }> {
  const files = await Promise.all(paths.map((path) => readFile(join(inject('distDir'), path))));
  return { raw: files.reduce((sum, f) => sum + f.length, 0), gzip: files.reduce((sum, f) => sum + gzipSize(f), 0) };
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
    const scripts = watchScripts(page);
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'networkidle' });
    // No chart is near the first screen, so nothing has woken the runtime yet.
    expect(await page.locator('vega-chart[data-state]').count()).toBe(0);
    // The loader, and any other small script the page runs up front (the theme), never the runtime.
    const atLoad = [...scripts];
    expect(atLoad).toContain('/_charts/chart-loader.js');
    expect(atLoad).not.toContain('/_charts/chart-runtime.js');
    const load = await sizes(atLoad);

    await scrollThroughToLife(page);
    // The runtime came once, after everything the page ran up front, and then the post's own figure
    // code (its explorable figures' functions), counted in the budget with the rest.
    expect(scripts).toEqual([...atLoad, '/_charts/chart-runtime.js', `/${POST_PATH}figure-code.js`]);
    const live = await sizes(scripts);
    console.info(
      `JS transferred: at load ${formatBytes(load.raw)} raw / ${formatBytes(load.gzip)} gzip (${atLoad.join(', ')}); ` +
        `once live ${formatBytes(live.raw)} raw / ${formatBytes(live.gzip)} gzip`,
    );
    expect(load.gzip).toBeLessThanOrEqual(BUDGETS.jsAtLoadGzip);
    expect(live.gzip).toBeLessThanOrEqual(BUDGETS.jsLiveGzip);
    await page.close();
  });

  test('bringing both charts to life while scrolling through shifts no layout (CLS 0)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const shifts: Shift[] = ((window as unknown as { __shifts: Shift[] }).__shifts = []);
      const describeNode = (node: Node | null) =>
        node instanceof Element
          ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}`
          : String(node?.nodeName);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: { node: Node | null }[];
        })[]) {
          shifts.push({
            value: entry.value,
            hadRecentInput: entry.hadRecentInput,
            sources: (entry.sources ?? []).map((s) => describeNode(s.node)),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 10_000 });
    await scrollThroughToLife(page);
    // Let the swapped-in views paint, then read every shift the page had.
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    console.info(`layout shift while hydrating: ${cls} (${shifts.length} entries)`);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);

    // Scroll anchoring could hide a chart that changed size above the screen; so also compare
    // every figure's box with the same page's static one, rendered with scripts off.
    const figureBoxes = (p: Page) =>
      p
        .locator('figure.chart')
        .evaluateAll((figures) => figures.map((f) => [f.id, f.getBoundingClientRect().width, f.getBoundingClientRect().height]));
    const noScript = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const staticPage = await noScript.newPage();
    await staticPage.goto(`${server.origin}/${POST_PATH}`);
    await staticPage.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 10_000 });
    expect(await figureBoxes(page)).toEqual(await figureBoxes(staticPage));
    await noScript.close();

    // The observer does see a shift when one happens: at the top of the page (where scroll
    // anchoring does not hide it), push the article down by 40px.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '40px';
      document.querySelector('main')!.prepend(spacer);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts.length)).toBeGreaterThan(0);
    await page.close();
  });
});
