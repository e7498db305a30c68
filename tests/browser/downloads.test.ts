/** Each live chart offers its SVG, a PNG, its data as CSV and its Vega-Lite spec as downloads. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { compile } from 'vega-lite';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, watchPage, type PageWatch } from '../support/page-watch.ts';
import { POST_PATH } from '../support/site.ts';
import * as figures from '../support/seed-figures.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('chart downloads', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    watch = await watchPage(page);
    await page.goto(`${server.origin}/${POST_PATH}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a figure's "Data and downloads" disclosure, where the buttons are. */
  async function openDisclosure(id: string): Promise<void> {
    const more = page.locator(`#${id} details.chart__more`);
    if ((await more.getAttribute('open')) === null) await more.locator(':scope > summary').click();
  }

  async function download(id: string, format: string): Promise<{ name: string; bytes: Buffer }> {
    await openDisclosure(id);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`#${id} .chart__downloads button[data-download="${format}"]`).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  test('the buttons are hidden until the chart is live, then offer four files', async () => {
    const buttons = page.locator('#cumulative-gradient .chart__downloads button');
    expect(await buttons.count()).toBe(4);
    // Below the fold the chart is still static: its buttons hold their place, unseen.
    expect(await page.locator('#cumulative-gradient vega-chart').getAttribute('data-state')).toBeNull();
    expect(await buttons.first().evaluate((button) => getComputedStyle(button).visibility)).toBe('hidden');
    await bringChartsToLife(page, ['cumulative-gradient']);
    await openDisclosure('cumulative-gradient');
    expect(await buttons.first().isVisible()).toBe(true);
  });

  test('SVG and PNG', async () => {
    const svg = await download('cumulative-gradient', 'svg');
    expect(svg.name).toBe('cumulative-gradient.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg[^>]+viewBox="0 0 672 400"/);
    expect(text).not.toContain('currentColor');
    // On the page's background, since the chart itself is transparent.
    expect(text).toMatch(/^<svg[^>]*><rect width="100%" height="100%" fill="rgb\(255, 255, 255\)"\/>/);
    const png = await download('cumulative-gradient', 'png');
    expect(png.name).toBe('cumulative-gradient.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the chart's size: width and height sit at bytes 16-23 of the IHDR chunk.
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1344, 800]);
  });

  test('CSV holds the data with every digit', async () => {
    const csv = (await download('cumulative-gradient', 'csv')).bytes.toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('series,x,y');
    expect(lines.slice(1)).toEqual(figures.decayingValues.map((y, i) => `Gradient,${figures.steps[i]},${y}`));
  });

  test('the Vega-Lite spec reproduces the chart on its own', async () => {
    await bringChartsToLife(page, ['sigmoid-and-tangent']);
    const { name, bytes } = await download('sigmoid-and-tangent', 'spec');
    expect(name).toBe('sigmoid-and-tangent.vl.json');
    const spec = JSON.parse(bytes.toString('utf8'));
    expect(spec.datasets.series).toHaveLength(300);
    expect(spec.layer[0].encoding.y.title).toBe('σ(x), σ′(x) and the tangent');
    expect(() => compile(spec)).not.toThrow();
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
  });
});
