/**
 * A build whose charts are all in the cache never loads the renderer (Vega, Vega-Lite and the
 * schema validator take a third of a second to load). In a file of its own: vitest gives each
 * file its own module registry, so nothing else here has imported render.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';

const loaded = vi.hoisted(() => ({ renderer: false }));
vi.mock('../../src/lib/charts/render.ts', async (importOriginal) => {
  loaded.renderer = true;
  return importOriginal();
});

const { cachedRenderChart, chartCacheKey } = await import('../../src/lib/charts/render-cache.ts');

const spec = { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { y: { field: 'a', type: 'quantitative' } } } as TopLevelSpec;
const cachedChart = {
  vegaLite: { mark: 'bar' },
  vega: { marks: [] },
  datasets: {},
  drawn: [],
  svg: '<svg width="1" height="1"></svg>',
  narrowSvg: '<svg width="1" height="1"></svg>',
  sizes: { wide: { width: 1, height: 1 }, narrow: { width: 1, height: 1 } },
  fitted: { wide: { width: 1, height: 1 }, narrow: { width: 1, height: 1 } },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chart-cache-lazy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a cached chart is served without loading the renderer; a new one loads it', async () => {
  await writeFile(join(dir, `${chartCacheKey('bars', spec)}.json`), JSON.stringify(cachedChart));
  expect(await cachedRenderChart('bars', spec, { dir })).toEqual(cachedChart);
  expect(loaded.renderer).toBe(false);

  const fresh = await cachedRenderChart('other-bars', spec, { dir });
  expect(fresh.svg).toMatch(/^<svg /);
  expect(loaded.renderer).toBe(true);
});
