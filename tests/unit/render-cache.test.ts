import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { CACHE_DIR_ENV, cachedRenderChart, chartCacheDir, chartCacheKey, chartRendererVersion } from '../../src/lib/charts/render-cache.ts';
import { ChartError, renderChart } from '../../src/lib/charts/render.ts';
import { cumulativeGradient } from '../support/seed-figures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chart-cache-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entries = async () => (await readdir(dir)).filter((name) => name.endsWith('.json'));

/** Figure 2 with one value changed. */
function changed(spec: TopLevelSpec): TopLevelSpec {
  const copy = structuredClone(spec) as TopLevelSpec & { datasets: Record<string, { y: number }[]> };
  const [name] = Object.keys(copy.datasets);
  copy.datasets[name!]![0]!.y = 0.3;
  return copy;
}

describe('the chart render cache', () => {
  test('renders a chart once, then reads it back equal to a fresh render', async () => {
    const render = vi.fn(renderChart);
    const first = await cachedRenderChart('decay', cumulativeGradient, { dir, render });
    expect(render).toHaveBeenCalledTimes(1);
    expect(await entries()).toEqual([`${chartCacheKey('decay', cumulativeGradient)}.json`]);
    const second = await cachedRenderChart('decay', cumulativeGradient, { dir, render });
    expect(render).toHaveBeenCalledTimes(1);
    // What the page is made of comes back the same: the SVG and the data as values, the specs as JSON.
    const fresh = await renderChart('decay', cumulativeGradient);
    for (const chart of [first, second]) {
      expect(chart.svg).toBe(fresh.svg);
      expect(chart.datasets).toStrictEqual(fresh.datasets);
      expect(JSON.stringify(chart)).toBe(JSON.stringify(fresh));
    }
  });

  test('renders again when the spec or the id changes', async () => {
    const render = vi.fn(renderChart);
    await cachedRenderChart('decay', cumulativeGradient, { dir, render });
    const other = await cachedRenderChart('decay', changed(cumulativeGradient), { dir, render });
    expect(render).toHaveBeenCalledTimes(2);
    expect(other.datasets).toEqual((changed(cumulativeGradient) as { datasets: unknown }).datasets);
    await cachedRenderChart('decay-2', cumulativeGradient, { dir, render });
    expect(render).toHaveBeenCalledTimes(3);
    expect(await entries()).toHaveLength(3);
  });

  test('the key depends on the id, the spec and the renderer version', () => {
    const key = chartCacheKey('decay', cumulativeGradient);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(chartCacheKey('decay', structuredClone(cumulativeGradient))).toBe(key);
    expect(chartCacheKey('decay', changed(cumulativeGradient))).not.toBe(key);
    expect(chartCacheKey('other', cumulativeGradient)).not.toBe(key);
    expect(chartCacheKey('decay', cumulativeGradient, 'another renderer')).not.toBe(key);
    expect(chartRendererVersion()).toMatch(/^[0-9a-f]{64}$/);
  });

  test('ignores a corrupt or malformed entry, renders again and repairs it', async () => {
    const render = vi.fn(renderChart);
    const file = join(dir, `${chartCacheKey('decay', cumulativeGradient)}.json`);
    for (const junk of ['{"svg": "<svg', JSON.stringify({ svg: 1 }), '']) {
      await writeFile(file, junk);
      const chart = await cachedRenderChart('decay', cumulativeGradient, { dir, render });
      expect(chart.svg).toMatch(/^<svg /);
      expect(await readFile(file, 'utf8')).toBe(JSON.stringify(chart));
    }
    expect(render).toHaveBeenCalledTimes(3);
  });

  test('never keeps a failure: a bad chart throws its ChartError on every build', async () => {
    const bad = { ...cumulativeGradient, mark: 'no-such-mark' } as unknown as TopLevelSpec;
    for (let build = 0; build < 2; build++) {
      await expect(cachedRenderChart('bad-chart', bad, { dir })).rejects.toBeInstanceOf(ChartError);
    }
    expect(await entries()).toEqual([]);
  });

  test('keeps only charts that read back from JSON exactly as rendered', async () => {
    const chart = await renderChart('decay', cumulativeGradient);
    const withDate = { ...chart, datasets: { series: [{ when: new Date(0) }] } };
    const render = vi.fn(async () => withDate);
    await cachedRenderChart('dated', cumulativeGradient, { dir, render });
    await cachedRenderChart('dated', cumulativeGradient, { dir, render });
    expect(render).toHaveBeenCalledTimes(2);
    expect(await entries()).toEqual([]);
  });

  test(`lives in node_modules/.cache/charts, or in $${CACHE_DIR_ENV}`, async () => {
    expect(chartCacheDir({}, '/project')).toBe('/project/node_modules/.cache/charts');
    expect(chartCacheDir({ [CACHE_DIR_ENV]: '/tmp/charts' }, '/project')).toBe('/tmp/charts');
    expect(chartCacheDir({ [CACHE_DIR_ENV]: 'cache' }, '/project')).toBe('/project/cache');
    vi.stubEnv(CACHE_DIR_ENV, dir);
    try {
      await cachedRenderChart('decay', cumulativeGradient);
      expect(await entries()).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
