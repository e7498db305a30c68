/**
 * The 404 page as a host serves it: for an address deep in the site that has no file, styled by the
 * site's stylesheet, with links that lead back, at a phone's width and a laptop's.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('the 404 page', () => {
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

  for (const width of [360, 1280]) {
    test(`at ${width} px, an address three folders deep gets it styled, and its links lead home`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      try {
        const response = await page.goto(`${server.origin}/posts/nlp/no-such-post/figure/`);
        expect(response?.status()).toBe(404);
        await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
        // The site's stylesheet applied: the header is laid out as on every page, not the browser's default.
        const sheets = await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length);
        expect(sheets).toBeGreaterThan(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBe(0);
        await page.locator('main a', { hasText: 'All posts' }).click();
        await page.waitForURL(`${server.origin}/`);
        expect(await page.locator('h1').textContent()).toBe('Posts');
      } finally {
        await page.close();
      }
    });
  }
});
