/**
 * Small multiples in Chromium: the "Tanh and ReLU" fixture's figure of three activations side by
 * side (tests/fixtures/posts/nlp/activations-tanh-relu/), built in a scratch site. At a laptop's
 * and a phone's width, light and dark: the static SVG each panel shows follows the figure's width
 * (three in a row at 1280, stacked at 360), every panel comes alive at that layout without a
 * layout shift, its text at no less than 11/12 of its drawn 12 px, a tooltip where a panel is
 * hovered, axe finds nothing, and print shows the panels. The figure's downloads hold every panel.
 * Screenshots go to test-results/ to be looked at.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as figures from '../fixtures/posts/nlp/activations-tanh-relu/figures.ts';
import type { ScratchSite } from '../support/scratch-site.ts';
import { builtFixtureSite } from '../support/fixture-site.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { shiftsSoFar, TOOLTIP_TEXT, watchShifts } from '../support/page-watch.ts';
import { axeReport, axeViolations } from '../support/axe.ts';

const PAGE = 'posts/nlp/activations-tanh-relu/';
const ID = 'activations';
const TITLES = ['Sigmoid', 'Tanh', 'ReLU'];
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
const skipReason = browserSkipReason();

let site: ScratchSite;
let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ({ site, dist } = await builtFixtureSite());
  if (skipReason) return;
  server = await serveStatic(dist);
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

interface PanelBox {
  x: number;
  y: number;
  width: number;
  /** The width the panel's shown SVG is drawn at (its width attribute). */
  drawn: number;
  /** Which static SVG shows, or "live". */
  shows: string;
}

/** Each panel's box on the page, the width its shown SVG is drawn at, and which SVG that is. */
const panelBoxes = (page: Page): Promise<PanelBox[]> =>
  page.$$eval(`#${ID} .chart__panels vega-chart`, (panels) =>
    panels.map((panel) => {
      const shown = [...panel.querySelectorAll('svg')].find(
        (svg) => getComputedStyle(svg).display !== 'none' && svg.closest('vega-chart') === panel,
      )!;
      const box = panel.getBoundingClientRect();
      const kind = shown.closest('.chart__live') ? 'live' : shown.classList.contains('chart__static--wide') ? 'wide' : 'narrow';
      return { x: box.x, y: box.y, width: box.width, drawn: Number(shown.getAttribute('width')), shows: kind };
    }),
  );

/** Whether the panels sit in one row (3 at 1280) or stacked (at 360), each at the expected drawn width. */
function expectLaidOut(boxes: PanelBox[], width: number): void {
  expect(boxes).toHaveLength(3);
  const wide = width >= 1280;
  const drawn = wide ? 216 : 328;
  for (const box of boxes) {
    expect(box.drawn).toBe(drawn);
    // Text drawn at 12 px is seen at no less than 11 px: the drawing is never shrunk further.
    expect(box.width / box.drawn).toBeGreaterThanOrEqual(11 / 12);
  }
  if (wide) {
    expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(1);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width);
  } else {
    expect(new Set(boxes.map((box) => Math.round(box.x))).size).toBe(1);
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y);
  }
}

describe.skipIf(skipReason)('small multiples in Chromium', () => {
  test.each([1280, 360])('with JavaScript off at %i px, each panel shows the static SVG for the figure’s width', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
    const boxes = await panelBoxes(page);
    expect(boxes.map((box) => box.shows)).toEqual(width >= 1280 ? ['wide', 'wide', 'wide'] : ['narrow', 'narrow', 'narrow']);
    expectLaidOut(boxes, width);
    await context.close();
  });

  describe.each([
    [1280, 'light'],
    [360, 'light'],
    [1280, 'dark'],
    [360, 'dark'],
  ] as const)('at %i px, %s', (width, scheme) => {
    test('every panel comes alive at its layout with no layout shift, a tooltip where hovered, axe finds nothing, print shows them', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await watchShifts(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
      const figure = page.locator(`#${ID}`);
      await figure.scrollIntoViewIfNeeded();
      const before = await panelBoxes(page);
      for (let i = 0; i < 3; i++) {
        const panel = figure.locator('.chart__panels vega-chart').nth(i);
        await panel.scrollIntoViewIfNeeded();
        await expect.poll(() => panel.getAttribute('data-state'), { message: `panel ${i + 1} comes alive` }).toBe('live');
      }
      const after = await panelBoxes(page);
      expect(after.map((box) => box.shows)).toEqual(['live', 'live', 'live']);
      // The live view takes the static SVG's place and size, drawn at the same layout.
      expectLaidOut(after, width);
      expect(after.map(({ x, width, drawn }) => ({ x, width, drawn }))).toEqual(before.map(({ x, width, drawn }) => ({ x, width, drawn })));
      // The legend's text is the page's, at least 12 px.
      const legendSize = await figure
        .locator('.chart__legend li')
        .first()
        .evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
      expect(legendSize).toBeGreaterThanOrEqual(12);

      // A tooltip in the panel hovered, and only there.
      const tanh = figure.locator('.chart__panels vega-chart').nth(1);
      await tanh.scrollIntoViewIfNeeded();
      const svg = (await tanh.locator('.chart__live svg').boundingBox())!;
      const tooltip = tanh.locator('.chart-tooltip');
      for (const [fx, fy] of [
        [0.55, 0.5],
        [0.6, 0.4],
        [0.45, 0.6],
      ] as const) {
        await page.mouse.move(svg.x + svg.width * fx, svg.y + svg.height * fy);
        if (await tooltip.isVisible().catch(() => false)) break;
        await page.waitForTimeout(150);
      }
      await expect.poll(() => tooltip.isVisible(), { message: 'a tooltip in the Tanh panel' }).toBe(true);
      expect((await tooltip.innerText()).trim()).toMatch(TOOLTIP_TEXT);
      expect(await figure.locator('.chart-tooltip:visible').count()).toBe(1);
      await figure.screenshot({ path: new URL(`multiples-${ID}-${width}-${scheme}.png`, ARTIFACTS).pathname });

      await page.mouse.move(0, 0);
      await page.waitForTimeout(200);
      expect(await shiftsSoFar(page)).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, axeReport(violations)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      const printed = await panelBoxes(page);
      expect(printed.map((box) => box.shows)).toEqual(['live', 'live', 'live']);
      for (const box of printed) expect(box.width).toBeGreaterThan(150);
      expect(await figure.locator('.chart__legend').isVisible()).toBe(true);
      await figure.screenshot({ path: new URL(`multiples-${ID}-${width}-${scheme}-print.png`, ARTIFACTS).pathname });
      expect(errors).toEqual([]);
      await context.close();
    }, 90_000);
  });

  test('a resized window moves the panels from three in a row to a stack, and each live view to the narrow layout', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
    await page.locator(`#${ID}`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(`#${ID} vega-chart[data-state="live"]`).count()).toBe(3);
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(async () => (await panelBoxes(page)).map((box) => box.drawn)).toEqual([328, 328, 328]);
    expectLaidOut(await panelBoxes(page), 360);
    await context.close();
  });

  test("the figure's downloads: the CSV holds every panel's rows with its activation, the SVG every panel and the legend", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${PAGE}`, { waitUntil: 'load' });
    await page.locator(`#${ID}`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(`#${ID} vega-chart[data-state="live"]`).count()).toBe(3);
    await page.locator(`#${ID} details.chart__more > summary`).click();
    const download = async (format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`#${ID} .chart__downloads button[data-download="${format}"]`).click(),
      ]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    const csv = await download('csv');
    expect(csv.name).toBe(`${ID}.csv`);
    const panels = [
      [figures.sigmoidActivations, figures.sigmoidGradients],
      [figures.tanhActivations, figures.tanhGradients],
      [figures.reluActivations, figures.reluGradients],
    ] as const;
    const expected = panels.flatMap(([values, gradients], p) => [
      ...values.map((y, i) => `${TITLES[p]},Activation,${figures.x[i]},${y}`),
      ...gradients.map((y, i) => `${TITLES[p]},Gradient,${figures.x[i]},${y}`),
    ]);
    expect(csv.text).toBe(['activation,series,x,y', ...expected].join('\r\n') + '\r\n');

    const svg = await download('svg');
    expect(svg.name).toBe(`${ID}.svg`);
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="672" height="\d+(\.\d+)?"/);
    expect(svg.text).not.toContain('currentColor');
    for (const title of TITLES) expect(svg.text).toContain(`aria-label="Title text '${title}'"`);
    expect(svg.text).toMatch(/<text [^>]*>Activation<\/text>/);
    expect(svg.text).toMatch(/<text [^>]*>Gradient<\/text>/);
    // Drawn as an image on its own (as a reader's viewer would), to be looked at.
    await writeFile(new URL(`multiples-${ID}-download.svg`, ARTIFACTS), svg.text);
    const viewer = await context.newPage();
    await viewer.setContent(`<img id="download" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}">`);
    const image = viewer.locator('#download');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(672);
    await image.screenshot({ path: new URL(`multiples-${ID}-download.png`, ARTIFACTS).pathname });

    const spec = JSON.parse((await download('spec')).text) as { concat: unknown[]; datasets: Record<string, unknown[]> };
    expect(spec.concat).toHaveLength(3);
    expect(Object.entries(spec.datasets).map(([name, rows]) => [name, rows.length])).toEqual([
      ['series_1', 202],
      ['series_2', 202],
      ['series_3', 202],
    ]);
    await context.close();
  }, 60_000);
});
