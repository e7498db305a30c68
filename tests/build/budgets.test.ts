/**
 * Page-weight budgets, checked on the built site (deterministic: bytes, never times). Up front a
 * post loads the loader alone; once every chart is live, the loader and the runtime. The post
 * embeds each chart's data once as JSON (plus the readable table), never a third time.
 * Sizes are gzip level 9; 1 KB = 1000 bytes (tests/support/budgets.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import * as figures from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';
import { CHART_SCRIPTS_DIR, LOADER_FILE } from '../../src/integrations/chart-runtime.ts';
import { RUNTIME_FILE } from '../../src/client/protocol.ts';
import { BUDGETS, formatBytes, gzipSize } from '../support/budgets.ts';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');
let loader: string;
let runtime: string;

beforeAll(async () => {
  loader = await readFile(join(distDir, CHART_SCRIPTS_DIR, LOADER_FILE), 'utf8');
  runtime = await readFile(join(distDir, CHART_SCRIPTS_DIR, RUNTIME_FILE), 'utf8');
  console.info(
    `JS budgets: loader ${formatBytes(loader.length)} raw, ${formatBytes(gzipSize(loader))} gzip; ` +
      `runtime ${formatBytes(runtime.length)} raw, ${formatBytes(gzipSize(runtime))} gzip; ` +
      `loader + runtime ${formatBytes(gzipSize(loader) + gzipSize(runtime))} gzip`,
  );
});

describe('JavaScript budgets', () => {
  test(`the post's only script up front is the loader, within ${formatBytes(BUDGETS.jsAtLoadGzip)} gzip`, async () => {
    const { document } = await readPage(distDir, POST_PATH);
    const scripts = [...document.querySelectorAll('script')];
    // Every other script element is a chart's JSON payload, which the browser does not run.
    const classic = scripts.filter((script) => script.getAttribute('type') !== 'application/json');
    expect(classic.map((script) => script.getAttribute('src'))).toEqual([expect.stringMatching(new RegExp(`${CHART_SCRIPTS_DIR}/${LOADER_FILE}$`))]);
    expect(classic[0]!.hasAttribute('defer')).toBe(true);
    expect(gzipSize(loader)).toBeLessThanOrEqual(BUDGETS.jsAtLoadGzip);
  });

  test(`the loader and the runtime together stay within ${formatBytes(BUDGETS.jsLiveGzip)} gzip`, () => {
    expect(gzipSize(loader) + gzipSize(runtime)).toBeLessThanOrEqual(BUDGETS.jsLiveGzip);
  });

  test('the runtime holds no Vega-Lite compiler and no vega-embed', () => {
    expect(runtime).not.toMatch(/vega-embed|normalizeEncoding/);
  });
});

describe("the post's HTML", () => {
  test('holds a data value twice at most: in the chart payload and in the readable table', async () => {
    const { html } = await readPage(distDir, POST_PATH);
    console.info(`post HTML: ${formatBytes(html.length)} raw, ${formatBytes(gzipSize(html))} gzip`);
    // Values with all their digits, which no axis label or SVG coordinate repeats.
    for (const value of [figures.activations[1]!, figures.gradients[2]!, figures.tangentPlotY[1]!]) {
      const count = html.split(String(value)).length - 1;
      expect(count, String(value)).toBe(2);
    }
  });
});
