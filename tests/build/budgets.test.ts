/**
 * Page-weight budgets, checked on the built site (deterministic: bytes, never times). Up front a
 * post runs the chart loader (and the few-hundred-byte theme script); once every chart is live,
 * those and the runtime. The post
 * embeds each chart's data once as JSON (plus the readable table), never a third time.
 * Sizes are gzip level 9; 1 KB = 1000 bytes (tests/support/budgets.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import * as figures from '../support/seed-figures.ts';
import { CHART_SCRIPTS_DIR, LOADER_FILE } from '../../src/integrations/chart-runtime.ts';
import { RUNTIME_FILE } from '../../src/client/protocol.ts';
import { BUDGETS, formatBytes, gzipSize } from '../support/budgets.ts';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');
let runtime: string;

beforeAll(async () => {
  runtime = await readFile(join(distDir, CHART_SCRIPTS_DIR, RUNTIME_FILE), 'utf8');
  console.info(`runtime: ${formatBytes(runtime.length)} raw, ${formatBytes(gzipSize(runtime))} gzip`);
});

/** The classic scripts a built page runs up front (JSON payloads are not run), as paths under the site. */
async function upFrontScripts(path: string): Promise<string[]> {
  const { document } = await readPage(distDir, path);
  const scripts = [...document.querySelectorAll('script')].filter((script) => script.getAttribute('type') !== 'application/json');
  // Every script is a file of the site (the CSP allows no inline script), written relative to the page.
  expect(
    scripts.every((script) => script.hasAttribute('src')),
    'no inline scripts',
  ).toBe(true);
  return scripts.map((script) => new URL(script.getAttribute('src')!, `http://site/${path}`).pathname.slice(1));
}

describe('JavaScript budgets', () => {
  test(`what the post runs up front is the loader (and small scripts like it), within ${formatBytes(BUDGETS.jsAtLoadGzip)} gzip, never the runtime`, async () => {
    const scripts = await upFrontScripts(POST_PATH);
    expect(scripts).toContain(`${CHART_SCRIPTS_DIR}/${LOADER_FILE}`);
    expect(scripts).not.toContain(`${CHART_SCRIPTS_DIR}/${RUNTIME_FILE}`);
    const sizes = await Promise.all(scripts.map(async (file) => gzipSize(await readFile(join(distDir, file)))));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.info(`JS up front: ${scripts.map((file, i) => `${file} ${formatBytes(sizes[i]!)}`).join(', ')}; ${formatBytes(total)} gzip`);
    expect(total).toBeLessThanOrEqual(BUDGETS.jsAtLoadGzip);
  });

  test(`what the post runs once every chart is live (up front + the runtime) stays within ${formatBytes(BUDGETS.jsLiveGzip)} gzip`, async () => {
    const scripts = [...(await upFrontScripts(POST_PATH)), `${CHART_SCRIPTS_DIR}/${RUNTIME_FILE}`];
    const sizes = await Promise.all(scripts.map(async (file) => gzipSize(await readFile(join(distDir, file)))));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.info(`JS once live: ${formatBytes(total)} gzip`);
    expect(total).toBeLessThanOrEqual(BUDGETS.jsLiveGzip);
  });

  test('the runtime holds no Vega-Lite compiler and no vega-embed', () => {
    expect(runtime).not.toMatch(/vega-embed|normalizeEncoding/);
  });
});

describe("the post's HTML", () => {
  test('holds a data value with all its digits once, in the chart payload (the table rounds as the tooltip does)', async () => {
    const { html } = await readPage(distDir, POST_PATH);
    // Values with all their digits, which no axis label or SVG coordinate repeats.
    for (const value of [figures.activations[1]!, figures.gradients[2]!, figures.tangentPlotY[1]!]) {
      const count = html.split(String(value)).length - 1;
      expect(count, String(value)).toBe(1);
    }
  });

  test('stays lean with both layouts drawn: within its gzip budget', async () => {
    const { html } = await readPage(distDir, POST_PATH);
    console.info(`post HTML: ${formatBytes(html.length)} raw, ${formatBytes(gzipSize(html))} gzip`);
    expect(gzipSize(html)).toBeLessThanOrEqual(BUDGETS.postHtmlGzip);
  });
});
