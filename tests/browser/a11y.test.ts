/**
 * Accessibility in headless Chromium: axe-core finds nothing on the home page or on the post,
 * before and after its charts come alive, and the live charts can be reached, read and zoomed
 * with the keyboard alone.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { POST_PATH } from '../support/site.ts';
import { axeReport, axeViolations } from '../support/axe.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

const ARTIFACTS = new URL('../../test-results/', import.meta.url);
const FIGURE_IDS = ['sigmoid-and-tangent', 'cumulative-gradient'] as const;
const CAPTIONS = {
  'sigmoid-and-tangent': /^Figure 1: Sigmoid and Tangent\./,
  'cumulative-gradient': /^Figure 2: Cumulative Gradient\./,
} as const;
const DESCRIPTIONS = {
  'sigmoid-and-tangent': sigmoidAndTangent.description!,
  'cumulative-gradient': cumulativeGradient.description!,
} as const;

async function expectNoViolations(page: Page, when: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe found, ${when}:\n${axeReport(violations)}`).toEqual([]);
}

/** The accessible role, name and description Chromium computes for the first element matching `selector`. */
async function accessibleNode(page: Page, selector: string): Promise<{ role: string; name: string; description: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0]!;
    return {
      role: String(node.role?.value ?? ''),
      name: String(node.name?.value ?? ''),
      description: String(node.description?.value ?? ''),
    };
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(skipReason)('accessibility in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium();
    // axe is added as an inline script; the pages' Content-Security-Policy would refuse it.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPost(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}/${POST_PATH}`, { waitUntil: 'load' });
    return page;
  }

  async function bringToLife(page: Page, id: string): Promise<void> {
    await page.locator(`#${id} vega-chart`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
  }

  /** The sorted numbers on figure 1's live x axis. */
  async function xAxisLabels(page: Page): Promise<number[]> {
    const texts = await page
      .locator('#sigmoid-and-tangent .chart__live g.role-axis[aria-label^="X-axis"] .role-axis-label text')
      .allTextContents();
    return texts.map((text) => Number(text.replace('\u2212', '-'))).sort((a, b) => a - b);
  }

  test('the home page: no axe violations, one <main>, one <h1>', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await expectNoViolations(page, 'on the home page');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  test('the post with its charts still static: no axe violations', async () => {
    const page = await context.newPage();
    // Without the runtime the charts stay as the build wrote them.
    await page.route('**/chart-runtime.js', (route) => route.abort());
    await page.goto(`${server.origin}/${POST_PATH}`);
    for (const id of FIGURE_IDS) {
      await page.locator(`#${id} vega-chart`).scrollIntoViewIfNeeded();
      expect(await page.locator(`#${id} vega-chart > svg.chart__static--wide[role="img"]`).count(), id).toBe(1);
    }
    await expectNoViolations(page, 'on the post with static charts');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  test('the static SVGs are images named by their captions and described by their summaries', async () => {
    const page = await context.newPage();
    await page.route('**/chart-runtime.js', (route) => route.abort());
    await page.goto(`${server.origin}/${POST_PATH}`);
    for (const id of FIGURE_IDS) {
      const node = await accessibleNode(page, `#${id} vega-chart > svg.chart__static--wide`);
      expect(node.role, id).toBe('image');
      expect(node.name, id).toMatch(CAPTIONS[id]);
      expect(node.description, id).toBe(DESCRIPTIONS[id]);
    }
    await page.close();
  });

  test('the post with both charts alive: no axe violations', async () => {
    const page = await openPost();
    for (const id of FIGURE_IDS) await bringToLife(page, id);
    await expectNoViolations(page, 'on the post with live charts');
    await page.close();
  });

  test('the live charts are focusable, named by their captions and described by their summaries', async () => {
    const page = await openPost();
    for (const id of FIGURE_IDS) {
      await bringToLife(page, id);
      const live = page.locator(`#${id} .chart__live`);
      expect(await live.getAttribute('tabindex'), id).toBe('0');
      const node = await accessibleNode(page, `#${id} .chart__live`);
      // Figure 1 zooms, so it takes keys (an application); figure 2 is an image.
      expect(node.role, id).toBe(id === 'sigmoid-and-tangent' ? 'application' : 'image');
      expect(node.name, id).toMatch(CAPTIONS[id]);
      expect(node.description, id).toContain(DESCRIPTIONS[id]);
      // Vega's own markup is not read out a second time: figure 2's SVG is hidden whole; in
      // figure 1's only the legend's entries are exposed, as buttons.
      const svg = live.locator('svg');
      if (id === 'cumulative-gradient') {
        expect(await svg.getAttribute('aria-hidden'), id).toBe('true');
        continue;
      }
      const exposed = await svg.evaluate((root) =>
        [...root.querySelectorAll('*')]
          .filter((element) => !element.closest('[aria-hidden="true"]'))
          .filter((element) => !['presentation', null].includes(element.getAttribute('role')) || element.tagName === 'text')
          .map(
            (element) => `${element.getAttribute('role') ?? element.tagName}: ${element.getAttribute('aria-label') ?? element.textContent}`,
          ),
      );
      expect(exposed.filter((line) => line.startsWith('button'))).toEqual([
        'button: Sigmoid: shown; press to show only this series',
        'button: Gradient: shown; press to show only this series',
        'button: Tangent: shown; press to show only this series',
      ]);
      const buttons = await accessibleNode(page, '#sigmoid-and-tangent .chart__legend-entry');
      expect(buttons.role).toBe('button');
    }
    const zoomable = await accessibleNode(page, '#sigmoid-and-tangent .chart__live');
    expect(zoomable.description).toMatch(/Keys: \u2190 \u2192 pan, \+ \u2212 zoom, 0 resets$/);
    expect(await page.locator('#cumulative-gradient .chart__keys').count()).toBe(0);
    await page.close();
  });

  test('by keyboard: Tab reaches figure 1, shows a focus ring and the keys, and the keys pan, zoom and reset', async () => {
    const page = await openPost();
    await bringToLife(page, 'sigmoid-and-tangent');
    const live = page.locator('#sigmoid-and-tangent .chart__live');
    // Tab from the top of the page until the chart has focus.
    await page.evaluate(() => window.scrollTo(0, 0));
    let reached = false;
    for (let presses = 0; presses < 200 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await live.evaluate((element) => element === document.activeElement);
    }
    expect(reached, 'Tab reaches the live chart').toBe(true);
    expect(await live.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
    const outline = await live.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    const keys = page.locator('#sigmoid-and-tangent .chart__keys');
    const keysBox = (await keys.boundingBox())!;
    expect(keysBox.width).toBeGreaterThan(50);
    expect(await keys.innerText()).toMatch(/pan, \+ \u2212 zoom/);
    // The label sits above the chart, on its focus ring, not over the plot.
    const chartBox = (await live.boundingBox())!;
    expect(keysBox.y + keysBox.height).toBeLessThanOrEqual(chartBox.y);
    // axe on the page as a keyboard user sees it: focus ring and keys label shown.
    await expectNoViolations(page, 'with figure 1 focused by keyboard');

    await mkdir(ARTIFACTS, { recursive: true });
    // The figure with a margin, so the focus ring and the keys label above it are in the picture.
    const figure = (await page.locator('#sigmoid-and-tangent').boundingBox())!;
    await page.screenshot({
      path: new URL('post-chart-focused.png', ARTIFACTS).pathname,
      clip: { x: figure.x - 16, y: figure.y - 40, width: figure.width + 32, height: figure.height + 56 },
    });

    const status = page.locator('#sigmoid-and-tangent .chart__status');
    const initial = await xAxisLabels(page);
    expect(Math.min(...initial)).toBe(-10);
    expect(Math.max(...initial)).toBe(10);

    await page.keyboard.press('+');
    await expect.poll(() => xAxisLabels(page)).not.toEqual(initial);
    const zoomed = await xAxisLabels(page);
    expect(Math.max(...zoomed.map(Math.abs))).toBeLessThan(10);
    await expect.poll(() => status.textContent()).toBe('x from \u22126.67 to 6.67');

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => status.textContent()).toBe('x from \u22125.33 to 8');
    const panned = await xAxisLabels(page);
    expect(Math.max(...panned)).toBeGreaterThan(Math.max(...zoomed));

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => status.textContent()).toBe('x from \u22128 to 5.33');

    await page.keyboard.press('0');
    await expect.poll(() => xAxisLabels(page)).toEqual(initial);
    await expect.poll(() => status.textContent()).toBe('x from \u221210 to 10 (reset)');

    // Zoom is held to the data's extent: zooming out from the whole range shows the whole range.
    await page.keyboard.press('-');
    await expect.poll(() => status.textContent()).toBe('x from \u221210 to 10');
    await page.keyboard.press('=');
    await expect.poll(() => status.textContent()).toBe('x from \u22126.67 to 6.67');
    await page.keyboard.press('Escape');
    await expect.poll(() => xAxisLabels(page)).toEqual(initial);
    // The chart keeps focus throughout, and the page did not scroll sideways.
    expect(await live.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  });

  test('figure 2 takes focus too, and its keys do nothing to it', async () => {
    const page = await openPost();
    await bringToLife(page, 'cumulative-gradient');
    const live = page.locator('#cumulative-gradient .chart__live');
    await live.focus();
    expect(await live.evaluate((element) => element === document.activeElement)).toBe(true);
    const before = await live.innerHTML();
    await page.keyboard.press('+');
    expect(await live.innerHTML()).toBe(before);
    await page.close();
  });
});
