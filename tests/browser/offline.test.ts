/**
 * Readable anywhere: the built site straight from disk (file://), and each post's self-contained
 * offline.html with every request beyond the file itself counted. Both under their strict CSP.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { bringChartsToLife, FIGURE_IDS, hoverForTooltip, watchPage, TOOLTIP_TEXT } from '../support/page-watch.ts';
import { POST_PATH } from '../support/site.ts';

const skipReason = browserSkipReason();
const distDir = inject('distDir');

/** The KaTeX faces the page has loaded, e.g. "KaTeX_Math italic". */
function loadedKatexFaces() {
  return [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').map((f) => `${f.family} ${f.style}`);
}

describe.skipIf(skipReason)('from disk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the site works from file://: styles, links, KaTeX fonts, live charts and tooltips', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(pathToFileURL(join(distDir, 'index.html')).href);
    // The stylesheet applied: the header has its rule.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
    // A link between pages, followed by clicking it as a reader would.
    await page.locator('.post-list a').first().click();
    await page.waitForURL(/rnns-and-vanishing-gradients\/index\.html$/);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(loadedKatexFaces)).toEqual(expect.arrayContaining(['KaTeX_Main normal', 'KaTeX_Math italic']));
    await bringChartsToLife(page, FIGURE_IDS);
    for (const id of FIGURE_IDS) expect(await hoverForTooltip(page, id)).toMatch(TOOLTIP_TEXT);
    // Back home through the header link.
    await page.locator('.site-header__name').click();
    await page.waitForURL(/dist[^/]*\/index\.html$/);

    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.requests.every((r) => r.url.startsWith('file://'))).toBe(true);
    // Only classic scripts: no module script and no dynamic import() on the way.
    const scripts = watch.requests.filter((r) => r.type === 'script').map((r) => r.url.split('/').pop());
    expect([...new Set(scripts)].sort()).toEqual(['chart-loader.js', 'chart-runtime.js', 'figure-code.js', 'theme.js']);
    await page.close();
  });

  test('the built pages hold no module script', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const path of ['index.html', `${POST_PATH}index.html`, `${POST_PATH}offline.html`]) {
      await page.goto(pathToFileURL(join(distDir, path)).href);
      expect(await page.locator('script[type="module"]').count(), path).toBe(0);
    }
    await page.close();
  });

  test('offline.html does everything the served post does, with zero requests beyond itself', async () => {
    const file = join(distDir, POST_PATH, 'offline.html');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(loadedKatexFaces)).toEqual(expect.arrayContaining(['KaTeX_Main normal', 'KaTeX_Math italic']));
    expect(await page.locator('.printed__text').innerText()).toContain('gradient : 0.25000');
    await bringChartsToLife(page, FIGURE_IDS);
    for (const id of FIGURE_IDS) expect(await hoverForTooltip(page, id)).toMatch(TOOLTIP_TEXT);
    // Wheel zoom works here too.
    await page.locator('#sigmoid-and-tangent vega-chart').scrollIntoViewIfNeeded();
    const box = (await page.locator('#sigmoid-and-tangent vega-chart').boundingBox())!;
    const labels = () => page.locator('#sigmoid-and-tangent g.role-axis[aria-label^="X-axis"] .role-axis-label text').allTextContents();
    const before = await labels();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(labels).not.toEqual(before);

    const beyondItself = watch.requests.filter((r) => r.url !== pathToFileURL(file).href && !r.url.startsWith('data:'));
    expect(beyondItself).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    const { size } = await stat(file);
    console.info(`offline.html: ${size} bytes`);
    await context.close();
  });
});
