/**
 * The seed post's explorable figures in Chromium: the controls are real, disabled until the
 * runtime arrives; moving them reruns the post's own function in the browser, and the chart, the
 * printed inputs, the words, the table, the CSV and the link's hash follow; by keyboard too, with
 * no layout shift and no console error.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { shiftsSoFar, watchPage, watchShifts, type PageWatch } from '../support/page-watch.ts';
import { POST_PATH } from '../support/site.ts';
import { CONTROLS_LIVE, CONTROLS_NEED_JAVASCRIPT } from '../../src/lib/explorable.ts';

interface Reference {
  readonly decay_states: { n: number; x: number; gradient: number; decay: number[] }[];
  readonly tangent_states: { x: number; tangent_x: number[]; tangent_y: number[] }[];
}
const reference = JSON.parse(await readFile(new URL('../reference/numpy_reference.json', import.meta.url), 'utf8')) as Reference;

const skipReason = browserSkipReason();
const DECAY = 'cumulative-gradient';
const TANGENT = 'sigmoid-and-tangent';

describe.skipIf(skipReason)('explorable figures in Chromium', () => {
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

  async function open(hash = '', width = 1280): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await watchShifts(page);
    await page.goto(`${server.origin}/${POST_PATH}${hash}`);
    return { context, page, watch };
  }

  const control = (page: Page, figure: string, name: string) => page.locator(`#${figure} input[name="${name}"]`);
  const readout = (page: Page, figure: string, name: string) => page.locator(`#${figure} output[for="${figure}-${name}"]`);
  const printed = (page: Page) => page.locator(`[data-printed-for="${DECAY}"] samp`);

  /** Scrolls the figure into view and waits until its controls work. */
  async function live(page: Page, figure: string): Promise<void> {
    await page.locator(`#${figure}`).scrollIntoViewIfNeeded();
    await page.locator(`#${figure} .explorable input:not([disabled])`).first().waitFor();
  }

  /** The figure's CSV as the download gives it: every digit. */
  async function csvRows(page: Page, figure: string): Promise<string[][]> {
    const more = page.locator(`#${figure} details.chart__more`);
    if ((await more.getAttribute('open')) === null) await more.locator(':scope > summary').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`#${figure} .chart__downloads button[data-download="csv"]`).click(),
    ]);
    const text = await readFile((await file.path())!, 'utf8');
    await more.locator(':scope > summary').click();
    return text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
  }

  /** Sets a range input as a drag would leave it, and waits for the figure to be drawn. */
  async function setControl(page: Page, figure: string, name: string, value: number): Promise<void> {
    await control(page, figure, name).fill(String(value));
    await page.waitForFunction(
      ({ figure, name, value }) => location.hash.includes(`${figure}:`) && location.hash.includes(`${name}=${value}`),
      { figure, name, value },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  test('before the runtime: real controls at the defaults, disabled, with a note; then they work', async () => {
    const { context, page, watch } = await open();
    const n = control(page, DECAY, 'n');
    expect(await n.getAttribute('type')).toBe('range');
    expect(await n.isDisabled()).toBe(true);
    expect(await n.inputValue()).toBe('6');
    expect(await readout(page, DECAY, 'x').textContent()).toBe('0.0');
    expect(await page.getByLabel('Steps (n)').count()).toBe(1);
    expect(await page.locator(`#${DECAY} .explorable__note`).textContent()).toBe(CONTROLS_NEED_JAVASCRIPT);
    await live(page, DECAY);
    expect(await page.locator(`#${DECAY} .explorable__note`).textContent()).toBe(CONTROLS_LIVE);
    expect(await page.locator(`#${DECAY} .explorable__reset`).isEnabled()).toBe(true);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('n = 10 draws 0.25^10 exactly; x = 2 gives numpy’s gradient; the printed inputs, words and table follow', async () => {
    const { context, page, watch } = await open();
    await live(page, DECAY);
    await setControl(page, DECAY, 'n', 10);
    const rows = await csvRows(page, DECAY);
    expect(rows).toHaveLength(10);
    expect(rows.at(-1)).toEqual(['Gradient', '10', '9.5367431640625e-7']);
    expect(await printed(page).textContent()).toContain('steps : 10');
    expect(await readout(page, DECAY, 'n').textContent()).toBe('10');

    await setControl(page, DECAY, 'x', 2);
    const atTwo = reference.decay_states.find((state) => state.n === 6 && state.x === 2)!;
    const first = Number((await csvRows(page, DECAY))[0]![2]);
    expect(Math.abs(first - atTwo.gradient)).toBeLessThanOrEqual(1e-12 * atTwo.gradient);
    expect(await printed(page).textContent()).toBe(
      `-- Inputs --\nsteps : 10\nx value : 2\nsigmoid : 0.88080\ngradient : ${atTwo.gradient.toFixed(5)}`,
    );
    // The words and the table wait until the controls rest, then say the new state.
    await expect
      .poll(() => page.locator(`#${DECAY}-summary`).textContent(), { timeout: 5000 })
      .toMatch(/^Gradient\sfalls\sfrom\s0\.105\sat\sstep\s1\sto\s.+\sat\sstep\s10,/);
    expect(await page.locator(`#${DECAY}-summary`).getAttribute('aria-live')).toBe('polite');
    expect(await page.locator(`#${DECAY} .chart__data-title`).textContent()).toMatch(/^Data \(10 rows/);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('Figure 1’s tangent follows its control, as numpy draws it', async () => {
    const { context, page, watch } = await open();
    await live(page, TANGENT);
    await setControl(page, TANGENT, 'tangentX', 3);
    const tangent = (await csvRows(page, TANGENT)).filter((row) => row[0] === 'Tangent');
    const expected = reference.tangent_states.find((state) => state.x === 3)!;
    tangent.forEach((row, i) => {
      expect(Math.abs(Number(row[1]) - expected.tangent_x[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(expected.tangent_x[i]!));
      expect(Math.abs(Number(row[2]) - expected.tangent_y[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(expected.tangent_y[i]!));
    });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('by keyboard: arrows, Home and End move a control; Reset goes back and clears the hash', async () => {
    const { context, page, watch } = await open();
    await live(page, DECAY);
    await control(page, DECAY, 'n').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout(page, DECAY, 'n').textContent()).toBe('7');
    await page.keyboard.press('End');
    await expect.poll(() => printed(page).textContent()).toContain('steps : 30');
    // The link follows once the control rests.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${DECAY}:n=30,x=0`);
    await page.keyboard.press('Home');
    await expect.poll(() => readout(page, DECAY, 'n').textContent()).toBe('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => readout(page, DECAY, 'x').textContent()).toBe('\u22120.1');
    await page.locator(`#${DECAY} .explorable__reset`).press('Enter');
    await expect.poll(() => printed(page).textContent()).toContain('steps : 6\nx value : 0\n');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('a link’s hash restores its state once the chart is live, with the figure in view', async () => {
    const { context, page, watch } = await open(`#${DECAY}:n=20,x=1`);
    await page.locator(`#${DECAY} .explorable input:not([disabled])`).first().waitFor();
    await expect.poll(() => printed(page).textContent()).toContain('steps : 20\nx value : 1\n');
    expect(await control(page, DECAY, 'n').inputValue()).toBe('20');
    expect(await readout(page, DECAY, 'x').textContent()).toBe('1.0');
    const rows = await csvRows(page, DECAY);
    const expected = reference.decay_states.find((state) => state.n === 20 && state.x === 1)!;
    expect(rows).toHaveLength(20);
    rows.forEach((row, i) => expect(Math.abs(Number(row[2]) - expected.decay[i]!)).toBeLessThanOrEqual(1e-12 * expected.decay[i]!));
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test.each(['index.html', 'offline.html'])(
    'from disk (%s), under its CSP: the controls work with no request beyond the file',
    async (file) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(pathToFileURL(join(inject('distDir'), POST_PATH, file)).href + `#${DECAY}:n=12,x=0`);
      await page.locator(`#${DECAY} .explorable input:not([disabled])`).first().waitFor();
      await expect.poll(() => printed(page).textContent()).toContain('steps : 12\n');
      await control(page, DECAY, 'x').fill('-3');
      await expect.poll(() => printed(page).textContent()).toContain('x value : -3\n');
      expect(watch.cspViolations).toEqual([]);
      expect(watch.errors).toEqual([]);
      const beyond = watch.requests.filter((r) => !r.url.startsWith('file://') && !r.url.startsWith('data:'));
      expect(beyond).toEqual([]);
      if (file === 'offline.html') expect(watch.requests.filter((r) => r.type === 'script')).toEqual([]);
      await context.close();
    },
  );

  test.each([1280, 360])('no layout shift while dragging either control across its range, at %i px', async (width) => {
    const { context, page, watch } = await open('', width);
    await live(page, DECAY);
    await live(page, TANGENT);
    await page.locator(`#${DECAY}`).scrollIntoViewIfNeeded();
    // The figure's words (a polite live region) change once a drag rests, not at every step.
    await page.evaluate((id) => {
      const summary = document.getElementById(`${id}-summary`)!;
      const counter = window as unknown as { __summaryChanges: number };
      counter.__summaryChanges = 0;
      new MutationObserver(() => (counter.__summaryChanges += 1)).observe(summary, { childList: true, characterData: true, subtree: true });
    }, DECAY);
    for (const [figure, name] of [
      [DECAY, 'n'],
      [DECAY, 'x'],
    ] as const) {
      const box = (await control(page, figure, name).boundingBox())!;
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + 2, y);
      await page.mouse.down();
      for (let step = 0; step <= 60; step += 1) await page.mouse.move(box.x + 2 + ((box.width - 4) * step) / 60, y);
      await page.mouse.up();
    }
    await expect.poll(() => printed(page).textContent()).toContain('steps : 30\nx value : 10\n');
    await expect.poll(() => page.locator(`#${DECAY}-summary`).textContent()).toMatch(/\bat\sstep\s30\b/);
    const changes = await page.evaluate(() => (window as unknown as { __summaryChanges: number }).__summaryChanges);
    expect(changes, 'the words changed once per resting drag at most').toBeGreaterThanOrEqual(1);
    expect(changes).toBeLessThanOrEqual(2);
    expect(await shiftsSoFar(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
