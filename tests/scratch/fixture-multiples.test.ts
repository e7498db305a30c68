/**
 * Small multiples in Chromium: the "Tanh and ReLU" fixture's figure of three activations side by
 * side (tests/fixtures/posts/nlp/activations-tanh-relu/), and the word-statistics fixture's two
 * bar charts of each half's top words (tests/fixtures/posts/nlp/word-statistics/), built once for
 * the fixtures project. As built, the bar figure's panels share their compiled scales (one value
 * domain, the words in one order), draw no legend of their own, and its table holds both halves.
 * At a laptop's and a phone's width, light and dark: the static SVG each panel shows follows the
 * figure's width (in a row at 1280, stacked on a phone), every panel comes alive at that layout
 * without a layout shift, its text at no less than 11/12 of its drawn 12 px, a tooltip where a
 * panel is hovered, axe finds nothing, and print shows the panels. The figure's downloads hold
 * every panel. Screenshots go to test-results/ to be looked at.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as figures from '../fixtures/posts/nlp/activations-tanh-relu/figures.ts';
import * as words from '../fixtures/posts/nlp/word-statistics/figures.ts';
import { counts, topK } from '../../src/lib/text.ts';
import { readPage } from '../support/site.ts';
import { dataTableCells } from '../support/figure-checks.ts';
import type { ChartPayload } from '../../src/lib/charts/embed.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { openWatchedPage, shiftsSoFar, TOOLTIP_TEXT } from '../support/page-watch.ts';
import { axeReport, axeViolations } from '../support/axe.ts';

const PAGE = 'posts/nlp/activations-tanh-relu/';
const ID = 'activations';
const TITLES = ['Sigmoid', 'Tanh', 'ReLU'];
/** A figure of small multiples on a fixture page: its panels' titles and the width each is drawn at in a row. */
interface Multiples {
  readonly page: string;
  readonly id: string;
  readonly titles: readonly string[];
  readonly rowWidth: number;
}
const ACTIVATIONS: Multiples = { page: PAGE, id: ID, titles: TITLES, rowWidth: 216 };
const HALVES: Multiples = {
  page: 'posts/nlp/word-statistics/',
  id: 'top-words-by-half',
  titles: ['First half', 'Second half'],
  rowWidth: 330,
};
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
const skipReason = browserSkipReason();

/** The fixture posts, built once for the project (tests/support/fixture-site.ts). */
const dist = inject('fixtureDist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (skipReason) return;
  server = await serveStatic(dist);
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the word-statistics figure of each half's top words, as built", () => {
  let document: Document;
  beforeAll(async () => {
    ({ document } = await readPage(dist, HALVES.page));
  });
  type Scale = { name: string; domain?: unknown };
  /** A panel's compiled scales' domains, by name, from the payload its <vega-chart> embeds. */
  const scales = (panel: number) => {
    const script = document.querySelector(`#${HALVES.id} vega-chart[data-chart-id="${HALVES.id}-panel-${panel}"] script.chart__payload`);
    const { vega } = JSON.parse(script?.textContent ?? '{}') as ChartPayload;
    return Object.fromEntries(((vega as { scales?: Scale[] }).scales ?? []).map((scale) => [scale.name, scale.domain]));
  };
  const top = words.halves.map(({ words: half }) => topK(counts(half), 6));

  test("every panel's compiled spec has the same scales: the words of both halves in one order, one count axis past the longest bar", () => {
    const [first, second] = [scales(1), scales(2)];
    expect(second).toEqual(first);
    // Each word once, by its count over both halves, most first.
    const total = new Map<string, number>();
    for (const half of top) for (const [word, count] of half) total.set(word, (total.get(word) ?? 0) + count);
    const order = [...total].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    // Laid along or up, one position scale holds the words and the other the counts.
    const words = (domain: unknown) => typeof (domain as unknown[])[0] === 'string';
    const [names, values] = words(first.x) ? [first.x, first.y] : [first.y, first.x];
    expect(names).toEqual(order);
    expect(order.length).toBeGreaterThan(6);
    const [lo, hi] = values as [number, number];
    const longest = Math.max(...top.flat().map(([, count]) => count));
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(longest * 1.1);
  });

  test('one colour, so no legend above the panels and none in any panel; each panel titled by its half', () => {
    const figure = document.getElementById(HALVES.id)!;
    expect(figure.querySelectorAll('.chart__legend')).toHaveLength(0);
    const panels = [...figure.querySelectorAll('.chart__panels vega-chart')];
    expect(panels).toHaveLength(2);
    for (const [i, panel] of panels.entries()) {
      for (const svg of panel.querySelectorAll('svg.chart__static')) {
        expect(svg.querySelector('.role-legend')).toBeNull();
        expect(svg.outerHTML).toContain(`aria-label="Title text '${HALVES.titles[i]}'"`);
      }
    }
  });

  test("the table holds both halves' bars, each led by its half; the description says what is shared", () => {
    expect([...document.querySelectorAll(`#${HALVES.id} .chart__data thead th`)].map((th) => th.textContent)).toEqual([
      'Half',
      'Word',
      'Count',
    ]);
    expect(dataTableCells(document, HALVES.id)).toEqual(
      top.flatMap((half, i) => half.map(([word, count]) => [HALVES.titles[i], word, String(count)])),
    );
    expect(document.getElementById(`${HALVES.id}-summary`)?.textContent).toMatch(
      /^Two panels, one per half, on the same scales: Count from \d+ to \d+, and \d+ categories of word in one order\. First half: Count by word/,
    );
  });
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
const panelBoxes = (page: Page, id = ID): Promise<PanelBox[]> =>
  page.$$eval(`#${id} .chart__panels vega-chart`, (panels) =>
    panels.map((panel) => {
      const shown = [...panel.querySelectorAll('svg')].find(
        (svg) => getComputedStyle(svg).display !== 'none' && svg.closest('vega-chart') === panel,
      )!;
      const box = panel.getBoundingClientRect();
      const kind = shown.closest('.chart__live') ? 'live' : shown.classList.contains('chart__static--wide') ? 'wide' : 'narrow';
      return { x: box.x, y: box.y, width: box.width, drawn: Number(shown.getAttribute('width')), shows: kind };
    }),
  );

/** Whether the panels sit in one row (at 1280) or stacked (on a phone), each at the expected drawn width. */
function expectLaidOut(boxes: PanelBox[], width: number, figure: Multiples = ACTIVATIONS): void {
  expect(boxes).toHaveLength(figure.titles.length);
  const wide = width >= 1280;
  const drawn = wide ? figure.rowWidth : 328;
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
    [ACTIVATIONS.id, 1280, 'light'],
    [ACTIVATIONS.id, 360, 'light'],
    [ACTIVATIONS.id, 1280, 'dark'],
    [ACTIVATIONS.id, 360, 'dark'],
    [HALVES.id, 1280, 'light'],
    [HALVES.id, 375, 'light'],
    [HALVES.id, 1280, 'dark'],
    [HALVES.id, 375, 'dark'],
  ] as const)('%s at %i px, %s', (id, width, scheme) => {
    const multiples = id === ACTIVATIONS.id ? ACTIVATIONS : HALVES;
    const { titles } = multiples;
    const all = <T>(value: T) => titles.map(() => value);
    test('every panel comes alive at its layout with no layout shift, a tooltip where hovered, axe finds nothing, print shows them', async () => {
      const { context, page, watch } = await openWatchedPage(browser, `${server.origin}/${multiples.page}`, { width, scheme });
      const figure = page.locator(`#${id}`);
      await figure.scrollIntoViewIfNeeded();
      const before = await panelBoxes(page, id);
      for (let i = 0; i < titles.length; i++) {
        const panel = figure.locator('.chart__panels vega-chart').nth(i);
        await panel.scrollIntoViewIfNeeded();
        await expect.poll(() => panel.getAttribute('data-state'), { message: `panel ${i + 1} comes alive` }).toBe('live');
      }
      const after = await panelBoxes(page, id);
      expect(after.map((box) => box.shows)).toEqual(all('live'));
      // The live view takes the static SVG's place and size, drawn at the same layout.
      expectLaidOut(after, width, multiples);
      expect(after.map(({ x, width, drawn }) => ({ x, width, drawn }))).toEqual(before.map(({ x, width, drawn }) => ({ x, width, drawn })));
      // The legend's text, where the figure has one (the bars have one colour: none), is the page's, at least 12 px.
      const legend = figure.locator('.chart__legend li');
      expect(await legend.count()).toBe(multiples === ACTIVATIONS ? 2 : 0);
      if (multiples === ACTIVATIONS) {
        expect(await legend.first().evaluate((li) => parseFloat(getComputedStyle(li).fontSize))).toBeGreaterThanOrEqual(12);
      }

      // A tooltip in the panel hovered, and only there.
      const second = figure.locator('.chart__panels vega-chart').nth(1);
      await second.scrollIntoViewIfNeeded();
      const svg = (await second.locator('.chart__live svg').boundingBox())!;
      const tooltip = second.locator('.chart-tooltip');
      // Lines answer anywhere; bars where one is (the first, the tallest, sits left).
      for (const [fx, fy] of [
        [0.55, 0.5],
        [0.6, 0.4],
        [0.45, 0.6],
        [0.2, 0.7],
        [0.3, 0.8],
      ] as const) {
        await page.mouse.move(svg.x + svg.width * fx, svg.y + svg.height * fy);
        if (await tooltip.isVisible().catch(() => false)) break;
        await page.waitForTimeout(150);
      }
      await expect.poll(() => tooltip.isVisible(), { message: `a tooltip in the ${titles[1]} panel` }).toBe(true);
      expect((await tooltip.innerText()).trim()).toMatch(TOOLTIP_TEXT);
      expect(await figure.locator('.chart-tooltip:visible').count()).toBe(1);
      await figure.screenshot({ path: new URL(`multiples-${id}-${width}-${scheme}.png`, ARTIFACTS).pathname });

      await page.mouse.move(0, 0);
      await page.waitForTimeout(200);
      expect(await shiftsSoFar(page)).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, axeReport(violations)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      const printed = await panelBoxes(page, id);
      expect(printed.map((box) => box.shows)).toEqual(all('live'));
      for (const box of printed) expect(box.width).toBeGreaterThan(150);
      if (multiples === ACTIVATIONS) expect(await figure.locator('.chart__legend').isVisible()).toBe(true);
      await figure.screenshot({ path: new URL(`multiples-${id}-${width}-${scheme}-print.png`, ARTIFACTS).pathname });
      expect(watch.errors).toEqual([]);
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
