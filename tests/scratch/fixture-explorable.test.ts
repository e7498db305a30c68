/**
 * An explorable figure in another post, with another builder: the activations fixture's histogram
 * of tanh's gradient under spread inputs (tests/fixtures/posts/nlp/activations-tanh-relu/), so
 * nothing of explorable figures is the seed post's own. As built, its controls are in place and
 * disabled, with JavaScript off too; in Chromium the post's function reruns as the control moves,
 * and a state where it throws keeps the last chart and says why beside the controls.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readPage } from '../support/site.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { openWatchedPage, shiftsSoFar } from '../support/page-watch.ts';
import { CONTROLS_LIVE, CONTROLS_NEED_JAVASCRIPT, runExplorable } from '../../src/lib/explorable.ts';
import { saturation } from '../fixtures/posts/nlp/activations-tanh-relu/figures.ts';

const PAGE = 'posts/nlp/activations-tanh-relu/';
const FIGURE = 'saturation';
const dist = inject('fixtureDist');

describe('an explorable histogram, as built', () => {
  test('its control is in place at the default, disabled, with the note; its printed output is the default’s', async () => {
    const { document } = await readPage(dist, PAGE);
    const input = document.querySelector<HTMLInputElement>(`#${FIGURE} input[name="spread"]`)!;
    expect(['type', 'min', 'max', 'step', 'value', 'disabled'].map((name) => input.getAttribute(name))).toEqual([
      'range',
      '0.1',
      '5',
      '0.1',
      '1',
      '',
    ]);
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Spread of the inputs (σ)');
    expect(document.querySelector(`#${FIGURE} .explorable__note`)?.textContent).toBe(CONTROLS_NEED_JAVASCRIPT);
    expect(document.querySelector(`[data-printed-for="${FIGURE}"] samp`)?.textContent).toBe(
      runExplorable(saturation, { spread: 1 }).printed,
    );
  });

  test('its figure code sits beside the page, a small classic script', async () => {
    const code = await readFile(join(dist, PAGE, 'figure-code.js'), 'utf8');
    expect(code.startsWith('(()=>{')).toBe(true);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(10_000);
  });
});

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('an explorable histogram in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('moving the spread recomputes it; a state that throws keeps the last chart and says why; nothing shifts', async () => {
    const { context, page, watch } = await openWatchedPage(browser, `${server.origin}/${PAGE}`, { width: 360, scheme: 'dark' });
    const input = page.locator(`#${FIGURE} input[name="spread"]`);
    const printed = page.locator(`[data-printed-for="${FIGURE}"] samp`);
    const note = page.locator(`#${FIGURE} .explorable__note`);
    await page.locator(`#${FIGURE}`).scrollIntoViewIfNeeded();
    await page.locator(`#${FIGURE} input:not([disabled])`).waitFor();
    expect(await note.textContent()).toBe(CONTROLS_LIVE);

    await input.fill('3');
    await expect.poll(() => printed.textContent()).toBe(runExplorable(saturation, { spread: 3 }).printed);
    await input.fill('4.2');
    const problem = page.locator(`#${FIGURE} .explorable__problem`);
    await expect
      .poll(() => problem.textContent())
      .toMatch(/^At spread=4\.2 the function threw: no figure at σ = 4\.2 .*The chart shows the last state it could draw\.$/);
    expect(await problem.isVisible()).toBe(true);
    expect(await printed.textContent()).toBe(runExplorable(saturation, { spread: 3 }).printed);
    await input.fill('4.3');
    await expect.poll(() => printed.textContent()).toBe(runExplorable(saturation, { spread: 4.3 }).printed);
    expect(await problem.isVisible()).toBe(false);
    expect(await note.textContent()).toBe(CONTROLS_LIVE);
    // The table follows once the control rests: 20 bins whatever the spread.
    await expect.poll(() => page.locator(`#${FIGURE} .chart__data-title`).textContent()).toMatch(/^Data \(20 rows/);
    expect(await shiftsSoFar(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('with JavaScript off the control stays disabled at its default, and the note says why', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${PAGE}`);
    expect(await page.locator(`#${FIGURE} input[name="spread"]`).isDisabled()).toBe(true);
    expect(await page.locator(`#${FIGURE} .explorable__note`).isVisible()).toBe(true);
    expect(await page.locator(`#${FIGURE} output`).textContent()).toBe('1.0');
    await context.close();
  });
});
