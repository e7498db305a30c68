/**
 * Figures that read like a publication, at a phone's width (360) and a laptop's (1280), in
 * Chromium: text at its size as seen, nothing overflowing the column, no layout shift across
 * hydration and a hover sweep, a wheel that scrolls the page unless the reader asks for the
 * chart, a zoom held to the data with a Reset button, a legend that isolates series, and a
 * tooltip moved by transform.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, FIGURE_IDS, shiftsSoFar, watchPage, watchShifts } from '../support/page-watch.ts';
import { POST_PATH } from '../support/site.ts';
import { roundSvgGeometry } from '../../src/lib/charts/render.ts';

const skipReason = browserSkipReason();

const WIDTHS = [1280, 360] as const;
const ARTIFACTS = new URL('../../test-results/', import.meta.url);

/** What a chart's text measures on screen, in CSS pixels, by the role Vega gives its group. */
interface TextSizes {
  readonly tickLabels: number[];
  readonly axisTitles: number[];
  readonly legendLabels: number[];
  /** How far any SVG reaches past the post's column, in CSS pixels (≤ 0: it fits). */
  readonly overflow: number;
}

/**
 * The size of every text in a chart's visible SVG as seen: its font size times the scale of its
 * screen transform (hypot(a, b), since the y axis' title is rotated and has a = 0).
 */
async function textSizes(page: Page, id: string): Promise<TextSizes> {
  return page.locator(`#${id} vega-chart`).evaluate((chart) => {
    const svgs = [...chart.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
    const sizes = (selector: string) =>
      svgs.flatMap((svg) =>
        [...svg.querySelectorAll<SVGTextElement>(`${selector} text`)].map((text) => {
          const m = text.getScreenCTM()!;
          return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
        }),
      );
    const column = chart.closest('main')!.getBoundingClientRect();
    const padding = parseFloat(getComputedStyle(chart.closest('main')!).paddingRight);
    return {
      tickLabels: sizes('.role-axis-label'),
      axisTitles: sizes('.role-axis-title'),
      legendLabels: sizes('.role-legend-label'),
      overflow: Math.max(...svgs.map((svg) => svg.getBoundingClientRect().right - (column.right - padding))),
    };
  });
}

/** The live figure 1's visible x range, from its axis labels (sorted numbers). */
async function xLabels(page: Page, id = 'sigmoid-and-tangent'): Promise<number[]> {
  const texts = await page.locator(`#${id} .chart__live g.role-axis[aria-label^="X-axis"] .role-axis-label text`).allTextContents();
  return texts.map((text) => Number(text.replace('\u2212', '-'))).sort((a, b) => a - b);
}

/** The opacity each line of figure 1 is drawn at, by the series it draws. */
async function lineOpacities(page: Page): Promise<Record<string, number>> {
  return page
    .locator('#sigmoid-and-tangent .chart__live svg')
    .evaluate((svg) =>
      Object.fromEntries(
        [...svg.querySelectorAll('.mark-line path')].map((path) => [
          path.getAttribute('aria-label') ?? '',
          Number(path.getAttribute('opacity') ?? 1),
        ]),
      ),
    );
}

describe.skipIf(skipReason)('figures at a phone and a laptop width', () => {
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

  async function openPost(width: number, options: { javaScript?: boolean; shifts?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
    const page = await context.newPage();
    if (options.shifts) await watchShifts(page);
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'load' });
    // Fonts loading late would move text (a layout shift); only the live pages are timed for that.
    // With scripts off there is no page script to ask, and nothing is measured that fonts change.
    if (options.javaScript !== false) await page.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 10_000 });
    return page;
  }

  describe.each(WIDTHS)('at %i px', (width) => {
    test('tick labels are at least 11 px as seen, axis titles and the legend at least 12, static and live, and nothing overflows the column', async () => {
      for (const live of [false, true]) {
        const page = await openPost(width, { javaScript: live });
        if (live) await bringChartsToLife(page, FIGURE_IDS);
        for (const id of FIGURE_IDS) {
          const sizes = await textSizes(page, id);
          const label = `${id} ${live ? 'live' : 'static'} at ${width}`;
          expect(sizes.tickLabels.length, label).toBeGreaterThan(4);
          expect(Math.min(...sizes.tickLabels), label).toBeGreaterThanOrEqual(11);
          expect(sizes.axisTitles.length, label).toBe(2);
          expect(Math.min(...sizes.axisTitles), label).toBeGreaterThanOrEqual(12);
          if (id === 'sigmoid-and-tangent') {
            expect(sizes.legendLabels.length, label).toBe(3);
            expect(Math.min(...sizes.legendLabels), label).toBeGreaterThanOrEqual(12);
          }
          expect(sizes.overflow, label).toBeLessThanOrEqual(0.5);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    });

    test('no layout shift across hydration and a sweep of 60 hover moves over each chart (CLS 0)', async () => {
      const page = await openPost(width, { shifts: true });
      await bringChartsToLife(page, FIGURE_IDS);
      for (const id of FIGURE_IDS) {
        await page.locator(`#${id} vega-chart`).scrollIntoViewIfNeeded();
        const box = (await page.locator(`#${id} .chart__live svg`).boundingBox())!;
        for (let step = 0; step < 60; step++) {
          await page.mouse.move(box.x + (box.width * (step + 0.5)) / 60, box.y + box.height * (0.3 + 0.4 * ((step % 7) / 7)));
        }
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
        await expect.poll(() => page.locator(`#${id} .chart-tooltip`).isVisible()).toBe(true);
        // The tooltip is placed by transform alone: no left/top for the layout to act on.
        const style = await page
          .locator(`#${id} .chart-tooltip`)
          .evaluate((tip) => ({ left: tip.style.left, top: tip.style.top, transform: tip.style.transform }));
        expect(style).toMatchObject({ left: '', top: '' });
        expect(style.transform).toMatch(/^translate\(\d+px, \d+px\)$/);
      }
      await page.waitForTimeout(200);
      expect(await shiftsSoFar(page)).toEqual([]);
      await page.context().close();
    });

    test('the live view draws every line, label and tick where the static SVG drew it', async () => {
      // Each line's path and every text and tick with its place, sorted: Vega reuses axis
      // elements out of order once a view has been resized.
      const geometry = (page: Page, id: string, svg: string) =>
        page
          .locator(`#${id} vega-chart`)
          .evaluate((chart, selector) => {
            const drawn = [...chart.querySelectorAll(selector)].find((element) => element.getBoundingClientRect().width > 0)!;
            const parts = [...drawn.querySelectorAll('.mark-line path, .mark-text text, .role-axis-tick line, .role-axis-grid line')].map(
              (element) =>
                `${element.tagName} ${element.textContent} <g d="${element.getAttribute('d') ?? ''}" transform="${element.getAttribute('transform') ?? ''}">`,
            );
            return { size: [drawn.getAttribute('width'), drawn.getAttribute('height')], parts };
          }, svg)
          // The static SVG keeps its geometry to a tenth of a pixel (render.ts); the live view's, to 17 digits.
          .then(({ size, parts }) => ({ size, parts: parts.map(roundSvgGeometry).sort() }));
      const staticContext = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
      const staticPage = await staticContext.newPage();
      await staticPage.goto(`${server.origin}/${POST_PATH}`);
      const page = await openPost(width);
      await bringChartsToLife(page, FIGURE_IDS);
      for (const id of FIGURE_IDS) {
        const drawnStatic = await geometry(staticPage, id, ':scope > svg');
        expect(drawnStatic.parts.length).toBeGreaterThan(10);
        expect(await geometry(page, id, '.chart__live svg'), id).toEqual(drawnStatic);
      }
      await staticContext.close();
      await page.context().close();
    });

    test('the live view is drawn at the layout the page shows, and follows the column when it crosses to the other layout', async () => {
      const page = await openPost(width);
      await bringChartsToLife(page, ['sigmoid-and-tangent']);
      const drawnWidth = () => page.locator('#sigmoid-and-tangent .chart__live svg').getAttribute('width');
      expect(await drawnWidth()).toBe(width === 1280 ? '672' : '328');
      await page.setViewportSize({ width: width === 1280 ? 360 : 1280, height: 800 });
      await expect.poll(drawnWidth).toBe(width === 1280 ? '328' : '672');
      const { overflow } = await textSizes(page, 'sigmoid-and-tangent');
      expect(overflow).toBeLessThanOrEqual(0.5);
      await page.context().close();
    });
  });

  test('a plain wheel over a chart scrolls the page and says how to zoom; Ctrl + wheel zooms and leaves the page where it is', async () => {
    const page = await openPost(1280);
    const watch = await watchPage(page);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const before = await xLabels(page);
    const box = (await page.locator('#sigmoid-and-tangent .chart__live svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrollY = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollY + 300);
    expect(await xLabels(page)).toEqual(before);
    const hint = page.locator('#sigmoid-and-tangent .chart__hint');
    expect(await hint.textContent()).toBe('Use Ctrl + scroll to zoom');
    expect(await hint.isVisible()).toBe(true);
    await expect.poll(() => hint.isVisible(), { timeout: 3000 }).toBe(false);

    await page.locator('#sigmoid-and-tangent vega-chart').scrollIntoViewIfNeeded();
    const box2 = (await page.locator('#sigmoid-and-tangent .chart__live svg').boundingBox())!;
    await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(() => xLabels(page)).not.toEqual(before);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  test('once the reader has clicked the chart, a plain wheel zooms it', async () => {
    const page = await openPost(1280);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const before = await xLabels(page);
    await page.locator('#sigmoid-and-tangent vega-chart').scrollIntoViewIfNeeded();
    const box = (await page.locator('#sigmoid-and-tangent .chart__live svg').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('chart__live');
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => xLabels(page)).not.toEqual(before);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    await page.context().close();
  });

  test('zoom is held to the data: zooming out or dragging past either end never shows x beyond −10…10; Reset appears once zoomed and goes back', async () => {
    const page = await openPost(1280);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const initial = await xLabels(page);
    const reset = page.locator('#sigmoid-and-tangent .chart__reset');
    expect(await reset.isVisible()).toBe(false);
    const box = (await page.locator('#sigmoid-and-tangent .chart__live svg').boundingBox())!;
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(middle.x, middle.y);
    await page.keyboard.down('Control');
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(200);
    expect(await xLabels(page)).toEqual(initial);
    expect(await reset.isVisible()).toBe(false);

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(() => reset.isVisible()).toBe(true);
    // Drag far to the right (panning left, towards −10), then far to the left.
    for (const dx of [box.width, -2 * box.width]) {
      await page.mouse.move(middle.x, middle.y);
      await page.mouse.down();
      await page.mouse.move(middle.x + dx, middle.y, { steps: 8 });
      await page.mouse.up();
      const labels = await xLabels(page);
      expect(labels[0]).toBeGreaterThanOrEqual(-10);
      expect(labels[labels.length - 1]).toBeLessThanOrEqual(10);
      expect(labels).not.toEqual(initial);
    }
    await reset.click();
    await expect.poll(() => xLabels(page)).toEqual(initial);
    expect(await reset.isVisible()).toBe(false);
    await page.context().close();
  });

  test('a click on a legend entry isolates its series, a second click shows them all; Enter on a focused entry does the same', async () => {
    const page = await openPost(1280);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    expect(await lineOpacities(page)).toEqual({ Sigmoid: 1, Gradient: 1, Tangent: 1 });
    const entry = page.locator('#sigmoid-and-tangent .chart__legend-entry', { hasText: 'Gradient' });
    await entry.click();
    await expect.poll(() => lineOpacities(page)).toEqual({ Sigmoid: 0.15, Gradient: 1, Tangent: 0.15 });
    expect(await entry.getAttribute('aria-label')).toBe('Gradient: shown; press to show only this series');
    expect(await page.locator('#sigmoid-and-tangent .chart__legend-entry', { hasText: 'Sigmoid' }).getAttribute('aria-label')).toBe(
      'Sigmoid: hidden; press to show',
    );
    await entry.click();
    await expect.poll(() => lineOpacities(page)).toEqual({ Sigmoid: 1, Gradient: 1, Tangent: 1 });

    const tangent = page.locator('#sigmoid-and-tangent .chart__legend-entry', { hasText: 'Tangent' });
    await tangent.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => lineOpacities(page)).toEqual({ Sigmoid: 0.15, Gradient: 0.15, Tangent: 1 });
    await page.keyboard.press(' ');
    await expect.poll(() => lineOpacities(page)).toEqual({ Sigmoid: 1, Gradient: 1, Tangent: 1 });
    await page.context().close();
  });

  test('the tooltip never covers the legend or the pointer, wherever the pointer is on the plot', async () => {
    const page = await openPost(1280);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const legend = (await page.locator('#sigmoid-and-tangent .chart__live .role-legend').boundingBox())!;
    const plot = (await page.locator('#sigmoid-and-tangent .chart__live .role-frame .background').first().boundingBox())!;
    const tooltip = page.locator('#sigmoid-and-tangent .chart-tooltip');
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const [fx, fy] of [
      [0.05, 0.02],
      [0.5, 0.02],
      [0.98, 0.02],
      [0.98, 0.98],
      [0.05, 0.98],
    ] as const) {
      const pointer = { x: plot.x + plot.width * fx, y: plot.y + plot.height * fy };
      await page.mouse.move(pointer.x, pointer.y);
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      const box = (await tooltip.boundingBox())!;
      expect(overlaps(box, legend), `pointer at ${fx}, ${fy}`).toBe(false);
      expect(overlaps(box, { x: pointer.x - 4, y: pointer.y - 4, width: 8, height: 8 }), `pointer at ${fx}, ${fy}`).toBe(false);
    }
    await page.context().close();
  });

  test('a hover move that changes the tooltip lays out the tooltip’s layer alone, never the whole page (Chromium’s trace)', async () => {
    const page = await openPost(1280);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const box = (await page.locator('#sigmoid-and-tangent .chart__live svg').boundingBox())!;
    const tooltip = page.locator('#sigmoid-and-tangent .chart-tooltip');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    const events: { name: string; args?: { beginData?: { partialLayout?: boolean } } }[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    const texts = new Set<string>();
    for (const fraction of [0.3, 0.7, 0.4, 0.6]) {
      const before = await tooltip.innerText();
      await page.mouse.move(box.x + box.width * fraction, box.y + box.height * (1 - fraction));
      await expect.poll(() => tooltip.innerText()).not.toBe(before);
      texts.add(await tooltip.innerText());
    }
    await cdp.send('Tracing.end');
    await complete;
    expect(texts.size).toBe(4);
    // Each new text is measured (offsetWidth) and laid out. A layout from a relayout boundary is
    // partial; one from the document's root, as a box in the page's flow gets, is not.
    const layouts = events.filter((event) => event.name === 'Layout');
    expect(layouts.length).toBeGreaterThan(0);
    expect(layouts.map((event) => event.args?.beginData?.partialLayout)).toEqual(layouts.map(() => true));
    await page.context().close();
  });

  test('the tooltip picks the point nearest the pointer in two dimensions: on the sigmoid, the sigmoid wins over the tangent at the same x', async () => {
    const page = await openPost(1280);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    // At x = 1.5 the sigmoid is 0.818 and the tangent 0.875: point at the sigmoid's line there.
    const point = await page.locator('#sigmoid-and-tangent .chart__live svg').evaluate((svg) => {
      const path = [...svg.querySelectorAll('.mark-line path')].find((p) => p.getAttribute('aria-label') === 'Sigmoid') as SVGPathElement;
      const { x: left, width } = path.getBBox();
      const target = left + width * ((1.5 + 10) / 20);
      // The point along the path at that x, by bisection on its length (x grows along it).
      let [lo, hi] = [0, path.getTotalLength()];
      for (let i = 0; i < 30; i++) {
        const mid = (lo + hi) / 2;
        if (path.getPointAtLength(mid).x < target) lo = mid;
        else hi = mid;
      }
      const p = path.getPointAtLength(lo);
      const m = path.getScreenCTM()!;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    });
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('#sigmoid-and-tangent .chart-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect((await tooltip.innerText()).split('\n')[0]).toBe('Sigmoid');
    // The hovered point is marked, in the sigmoid's colour: on the sigmoid's line, near the
    // pointer (its points are about 11 px apart along the line here).
    const marker = page.locator('#sigmoid-and-tangent .chart__marker');
    expect(await marker.isVisible()).toBe(true);
    const dot = (await marker.boundingBox())!;
    const centre = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
    expect(Math.hypot(centre.x - point.x, centre.y - point.y)).toBeLessThan(12);
    const offLine = await page.locator('#sigmoid-and-tangent .chart__live svg').evaluate((svg, c) => {
      const path = [...svg.querySelectorAll('.mark-line path')].find((p) => p.getAttribute('aria-label') === 'Sigmoid') as SVGPathElement;
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      let best = Infinity;
      for (let i = 0; i <= 2000; i++) {
        const p = path.getPointAtLength((length * i) / 2000);
        best = Math.min(best, Math.hypot(m.a * p.x + m.c * p.y + m.e - c.x, m.b * p.x + m.d * p.y + m.f - c.y));
      }
      return best;
    }, centre);
    expect(offLine).toBeLessThan(1.5);
    expect(await marker.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(70, 135, 183)');
    await page.mouse.move(0, 0);
    await expect.poll(() => marker.isVisible()).toBe(false);
    await page.context().close();
  });

  test('on touch: a tap shows the nearest tooltip, one finger is left to scroll the page, two fingers pinch-zoom', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${POST_PATH}`);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const live = page.locator('#sigmoid-and-tangent .chart__live');
    expect(await live.evaluate((element) => getComputedStyle(element).touchAction)).toBe('pan-y');
    const box = (await live.locator('svg').boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height * 0.5);
    const tooltip = page.locator('#sigmoid-and-tangent .chart-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toMatch(/^(Sigmoid|Gradient|Tangent)\nx: /);

    const before = await xLabels(page);
    // Two fingers, 40 px apart around the middle, spread to 160 px: the x range narrows.
    await live.evaluate(
      (element, { x, y }) => {
        const target = element.querySelector('svg')!;
        const send = (type: string, pointerId: number, clientX: number) =>
          target.dispatchEvent(
            new PointerEvent(type, {
              bubbles: true,
              cancelable: true,
              pointerType: 'touch',
              pointerId,
              clientX,
              clientY: y,
              isPrimary: pointerId === 1,
            }),
          );
        send('pointerdown', 1, x - 20);
        send('pointerdown', 2, x + 20);
        for (let spread = 20; spread <= 80; spread += 10) {
          send('pointermove', 1, x - spread);
          send('pointermove', 2, x + spread);
        }
        send('pointerup', 1, x - 80);
        send('pointerup', 2, x + 80);
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    await expect.poll(() => xLabels(page)).not.toEqual(before);
    const zoomed = await xLabels(page);
    expect(zoomed[zoomed.length - 1]! - zoomed[0]!).toBeLessThan(before[before.length - 1]! - before[0]!);
    await context.close();
  });

  test('on touch: one finger dragged up over the chart scrolls the page, and the chart neither pans nor zooms', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${POST_PATH}`);
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const box = (await page.locator('#sigmoid-and-tangent .chart__live svg').boundingBox())!;
    const before = { scrollY: await page.evaluate(() => window.scrollY), labels: await xLabels(page) };
    // A real touch drag through the browser's input pipeline (CDP), which scrolls natively when
    // touch-action lets it: 150 px up, from the middle of the plot, slightly sideways.
    const cdp = await context.newCDPSession(page);
    const x = box.x + box.width / 2;
    let y = box.y + box.height / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= 10; step++) {
      y -= 15;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + step, y }] });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before.scrollY + 100);
    expect(await xLabels(page)).toEqual(before.labels);
    await context.close();
  });

  test('printed from the dark theme: dark text on white, chart text included; no navigation, buttons or disclosures; code wraps; figures and listings kept whole', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${POST_PATH}`);
    await bringChartsToLife(page, FIGURE_IDS);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => {
      const luminance = (css: string) => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const paragraph = [...document.querySelectorAll('main p')].find((p) => !p.closest('header'))!;
      const chartTexts = [...document.querySelectorAll('vega-chart svg text')].filter((t) => t.getBoundingClientRect().width > 0);
      const hidden = (selector: string) => [...document.querySelectorAll(selector)].every((e) => getComputedStyle(e).display === 'none');
      return {
        body: luminance(getComputedStyle(paragraph).color),
        background: luminance(getComputedStyle(document.body).backgroundColor),
        chartTexts: chartTexts.length,
        darkestChartText: Math.max(...chartTexts.map((t) => luminance(getComputedStyle(t).fill))),
        lightTexts: chartTexts
          .filter((t) => luminance(getComputedStyle(t).fill) >= 0.05)
          .map((t) => `${t.textContent} ${getComputedStyle(t).fill}`),
        code: luminance(getComputedStyle(document.querySelector('.listing pre span span')!).color),
        hidden: ['.site-header__nav', '.theme-toggle', 'details', 'button', '.skip-link', 'a[data-offline-link]'].filter((s) => !hidden(s)),
        wraps: getComputedStyle(document.querySelector('.listing pre')!).whiteSpace,
        whole: ['figure.chart', 'figure.listing'].map((s) => getComputedStyle(document.querySelector(s)!).breakInside),
      };
    });
    expect(look.background).toBe(1);
    expect(look.body).toBeLessThan(0.05);
    expect(look.chartTexts).toBeGreaterThan(10);
    expect(look.darkestChartText, look.lightTexts.join('; ')).toBeLessThan(0.05);
    expect(look.code).toBeLessThan(0.4);
    expect(look.hidden).toEqual([]);
    expect(look.wraps).toBe('pre-wrap');
    expect(look.whole).toEqual(['avoid', 'avoid']);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(new URL('post-print-dark.pdf', ARTIFACTS), pdf);
    await context.close();
  });
});
