/**
 * The Copy button of code listings (src/client/copy-code.ts): it copies the listing's text and
 * says so, it sits on the file name's line without moving anything, and with JavaScript off there
 * is no button at all.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { POST_PATH } from '../support/site.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('copying a code listing', () => {
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
    test(`at ${width} px the button copies the listing's code and says so, inside the column`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}/${POST_PATH}`);
        const listing = page.locator('figure.listing').nth(1);
        const button = listing.locator('.listing__copy');
        await button.scrollIntoViewIfNeeded();
        const [figureBox, buttonBox] = [await listing.boundingBox(), await button.boundingBox()];
        expect(buttonBox!.x + buttonBox!.width).toBeLessThanOrEqual(figureBox!.x + figureBox!.width + 0.5);
        expect(buttonBox!.x + buttonBox!.width).toBeLessThanOrEqual(width);
        await button.click();
        await expect.poll(() => button.textContent()).toBe('Copied');
        expect(await listing.locator('[role="status"]').textContent()).toBe('Copied the code');
        const code = await listing.locator('pre').textContent();
        expect(code!.length).toBeGreaterThan(20);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      } finally {
        await context.close();
      }
    });
  }

  test('with JavaScript off there is no button', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/${POST_PATH}`);
      expect(await page.locator('figure.listing').count()).toBeGreaterThan(1);
      expect(await page.locator('.listing__copy').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
