/**
 * The chart runtime in Chromium: what the browser downloads, and that everything runs under the
 * pages' own strict Content-Security-Policy (no eval: Vega's expressions go through vega-interpreter).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, FIGURE_IDS, hoverForTooltip, watchPage } from '../support/page-watch.ts';
import { POST_PATH } from '../support/site.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('the chart runtime, served over http', () => {
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

  test('the post carries a strict CSP, and loading, hydrating and tooltips violate none of it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(`${server.origin}/${POST_PATH}`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    await bringChartsToLife(page, FIGURE_IDS);
    for (const id of FIGURE_IDS) await hoverForTooltip(page, id);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  test('the CSP really is enforced: an inline script is refused', async () => {
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(`${server.origin}/${POST_PATH}`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
    });
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    expect(watch.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });

  test('downloads the loader up front and the runtime once, never vega-lite or vega-embed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    const scripts = () => watch.requests.filter((r) => r.type === 'script').map((r) => new URL(r.url).pathname);
    await page.goto(`${server.origin}/${POST_PATH}`);
    // The theme script (blocking, in <head>) comes first; it is a few hundred bytes.
    expect(scripts()).toEqual(['/_charts/theme.js', '/_charts/chart-loader.js']);
    await bringChartsToLife(page, FIGURE_IDS);
    // With the runtime, the post's own figure code (its explorable figures' functions).
    expect(scripts()).toEqual([
      '/_charts/theme.js',
      '/_charts/chart-loader.js',
      '/_charts/chart-runtime.js',
      `/${POST_PATH}figure-code.js`,
    ]);
    const runtime = await (await page.request.get(`${server.origin}/_charts/chart-runtime.js`)).text();
    // vega-lite's compiler and vega-embed would bring these in; the runtime must not hold them.
    expect(runtime).not.toMatch(/vega-embed|normalizeEncoding/);
    await page.close();
  });
});
