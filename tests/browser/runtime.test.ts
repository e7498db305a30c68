/**
 * The chart runtime in Chromium: what the browser downloads, and that it runs under a strict
 * Content-Security-Policy (no eval), since Vega's expressions go through vega-interpreter.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { POST_PATH } from '../support/site.ts';

const skipReason = browserSkipReason();

// Scripts only from the site itself; no 'unsafe-eval', so `new Function` would be refused.
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";

describe.skipIf(skipReason)('the chart runtime', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'), { 'Content-Security-Policy': STRICT_CSP });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('brings both charts to life under a strict CSP, with no violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(`${server.origin}/${POST_PATH}`);
    for (const id of ['sigmoid-and-tangent', 'cumulative-gradient']) {
      await page.locator(`#${id} vega-chart`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
    }
    // A tooltip draws through the interpreter too.
    const box = (await page.locator('#cumulative-gradient vega-chart').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('downloads the loader up front and the runtime once, never vega-lite or vega-embed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/${POST_PATH}`);
    expect(scripts).toEqual(['/_charts/chart-loader.js']);
    for (const id of ['sigmoid-and-tangent', 'cumulative-gradient']) {
      await page.locator(`#${id} vega-chart`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
    }
    expect(scripts).toEqual(['/_charts/chart-loader.js', '/_charts/chart-runtime.js']);
    const runtime = await (await page.request.get(`${server.origin}/_charts/chart-runtime.js`)).text();
    // vega-lite's compiler and vega-embed would bring these in; the runtime must not hold them.
    expect(runtime).not.toMatch(/vega-embed|normalizeEncoding|compile\(.*?\)\.spec/);
    await page.close();
  });
});
