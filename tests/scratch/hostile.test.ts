/**
 * Hostile content runs nothing. A post whose title, caption, axis and chart titles, legend labels,
 * tooltip values and data strings carry markup, and whose math holds markup in \text{…}: the
 * build escapes all of it in the SVG, the embedded JSON, the table and the live tooltip. (Math
 * that tries \href{javascript:…} stops the build: tests/scratch/cases-math.ts.)
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { buildSite } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

/** Each would set window.__pwned if it ever ran. */
const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '"><img src=x onerror="window.__pwned = \'img\'">';
const CLOSE = '</script><script>window.__pwned = "json"</script>';
/** KaTeX's \text{…} takes no underscore, so this one only tries to add an element. */
const MATH_IMG = '"><img src=x onerror="alert(1)">';

const FIGURES = `import { layeredLineChart } from '~/lib/charts/builders.ts';

export const chart = layeredLineChart(
  [
    { name: ${JSON.stringify(CLOSE)}, x: [0, 1, 2], y: [0, 1, 4], color: '#4687b7' },
    { name: ${JSON.stringify(IMG)}, x: [0, 1, 2], y: [1, 1, 1], color: '#ce7b6d' },
  ],
  { labels: 'end', xTitle: ${JSON.stringify(SCRIPT)}, yTitle: ${JSON.stringify(CLOSE)}, zoom: true },
);
`;

const POST = `---
title: ${JSON.stringify(`Hostile ${SCRIPT}`)}
date: 2026-01-01
description: ${JSON.stringify(`Markup everywhere ${IMG}`)}
---
import { VegaChart } from '~/components/index.ts';
import { chart } from './figures.ts';

The math holds markup: $\\text{${MATH_IMG}}$.

<VegaChart id="hostile" spec={chart} caption={${JSON.stringify(`Caption ${IMG} ${SCRIPT}`)}} />
`;

const PAGE = 'posts/nlp/hostile/index.html';
let site: ScratchSite;
let dist: string;
let html: string;

beforeAll(async () => {
  site = await scratchSite();
  await site.write('content/posts/nlp/hostile/index.mdx', POST);
  await site.write('content/posts/nlp/hostile/figures.ts', FIGURES);
  dist = join(site.root, 'dist');
  await buildSite(dist, site.root);
  html = await readFile(join(dist, PAGE), 'utf8');
}, 120_000);

afterAll(async () => {
  await site?.remove();
});

describe('hostile content in the built HTML', () => {
  test('no injected element or handler exists in the parsed page', () => {
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('img').length).toBe(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
    );
    expect(handlers).toEqual([]);
    // The only scripts are the site's own (loader, theme) and the JSON payload, which is data, not code.
    const scripts = [...document.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? s.getAttribute('src'));
    expect(scripts.sort()).toEqual(['../../../_charts/chart-loader.js', '../../../_charts/theme.js', 'application/json']);
  });

  test('the title, caption and description show the markup as text', () => {
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')?.textContent).toBe(`Hostile ${SCRIPT}`);
    expect(document.querySelector('#hostile-caption')?.textContent).toBe(`Figure 1: Caption ${IMG} ${SCRIPT}`);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(`Markup everywhere ${IMG}`);
  });

  test("the SVG escapes axis titles and the labels at the lines' ends", () => {
    const { document } = parseHTML(html);
    const svgText = [...document.querySelectorAll('#hostile svg text')].map((t) => t.textContent);
    expect(svgText).toContain(SCRIPT);
    expect(svgText).toContain(IMG);
    expect(svgText).toContain(CLOSE);
  });

  test('the embedded JSON cannot close its script element, and reads back unchanged', () => {
    const payload = [...html.matchAll(/<script[^>]*type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(payload).toHaveLength(1);
    expect(payload[0]).not.toContain('<');
    const rows = JSON.parse(payload[0]!).datasets.series as { series: string }[];
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set([CLOSE, IMG]));
  });

  test('the data table holds the strings as text', () => {
    const { document } = parseHTML(html);
    const cells = [...document.querySelectorAll('#hostile tbody td:first-child')].map((td) => td.textContent);
    expect(cells).toContain(CLOSE);
    expect(cells).toContain(IMG);
  });

  test('KaTeX shows markup in \\text{…} as text', () => {
    const { document } = parseHTML(html);
    expect(document.querySelector('.katex annotation')?.textContent).toBe(`\\text{${MATH_IMG}}`);
    // KaTeX's HTML writes the spaces of \text{…} as no-break spaces.
    expect(document.querySelector('.katex-html')?.textContent?.replaceAll('\u00a0', ' ')).toContain(MATH_IMG);
  });
});

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('hostile content in Chromium', () => {
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

  test('nothing injected runs: not on load, not when the chart comes alive, not in the tooltip', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/${PAGE}`);
    await page.locator('#hostile vega-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('#hostile vega-chart[data-state="live"]');
    const box = (await page.locator('#hostile vega-chart').boundingBox())!;
    // Sweep the plot so the tooltip shows both series' names.
    const seen = new Set<string>();
    for (let i = 1; i < 20; i++) {
      for (const fy of [0.3, 0.5, 0.7]) {
        await page.mouse.move(box.x + (box.width * i) / 20, box.y + box.height * fy);
        const tooltip = page.locator('#hostile .chart-tooltip');
        if (await tooltip.isVisible()) seen.add(await tooltip.innerText());
      }
    }
    const tooltips = [...seen].join('\n');
    expect(tooltips).toContain(CLOSE);
    expect(tooltips).toContain(IMG);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#hostile .chart-tooltip script, #hostile .chart-tooltip img').count()).toBe(0);
    await page.close();
  });
});
