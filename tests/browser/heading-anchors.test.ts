/** The heading anchors in Chromium: hidden at rest, shown on hover and on keyboard focus, never printed. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { POST_PATH } from '../support/site.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('heading anchors in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const anchor = '#plotting-the-sigmoid .heading-anchor';
  const opacity = () => page.locator(anchor).evaluate((a) => getComputedStyle(a).opacity);

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/${POST_PATH}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('hidden at rest, drawn as "#" when its heading is hovered', async () => {
    expect(await opacity()).toBe('0');
    expect(await page.locator(anchor).evaluate((a) => getComputedStyle(a, '::before').content)).toBe('"#"');
    await page.locator('#plotting-the-sigmoid').hover();
    expect(await opacity()).toBe('1');
  });

  test('shown when reached by keyboard, and following it puts the section in the address', async () => {
    await page.mouse.move(0, 0);
    await page.locator(anchor).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('.heading-anchor'))).toBe(true);
    expect(await opacity()).toBe('1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#plotting-the-sigmoid$/);
  });

  test('not printed', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(anchor).evaluate((a) => getComputedStyle(a).display)).toBe('none');
    await page.emulateMedia({ media: 'screen' });
  });
});
