/**
 * Renders a chart once per content: a finished RenderedChart is kept between builds as JSON under
 * node_modules/.cache/charts/ (or $CHART_CACHE_DIR), named by the SHA-256 of the chart's id, its
 * spec and the renderer's version. A chart whose spec did not change is read back instead of being
 * rendered again; failures are never kept, so a chart that fails fails on every build.
 *
 * The renderer's version covers what a render depends on: the versions of vega and vega-lite, the
 * lock file (any dependency change), and the source of every module in this folder plus the
 * runtime's transform list (any change to the checks, the renderer or the theme). A file that is
 * unreadable, corrupt or of the wrong shape is ignored and written again.
 *
 * A successful build removes the entries it did not use (src/integrations/chart-runtime.ts), so the
 * cache holds the site's current charts, not every version of them.
 *
 * The renderer (Vega, Vega-Lite, the schema validator: a third of a second to load) is imported
 * only when some chart is not in the cache, so a rebuild that changed no chart never loads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { readCacheEntry, touchCacheEntry, writeCacheEntry } from '../build-cache.ts';
import { chartCacheDir } from './cache-dir.ts';
import type { RenderedChart, renderChart } from './render.ts';

export { ChartError } from './chart-error.ts';

export { CACHE_DIR_ENV, chartCacheDir } from './cache-dir.ts';

/** The sources a render depends on, bundled in by Vite: this folder (the runtime's transform list included). */
const SOURCES = import.meta.glob<string>('./*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A file of the project as text, or '' when it cannot be read. */
function projectFile(cwd: string, path: string): string {
  try {
    return readFileSync(join(cwd, path), 'utf8');
  } catch {
    return '';
  }
}

/** An installed package's version, read from its package.json (importing the package would load it). */
function installedVersion(cwd: string, name: string): string {
  const text = projectFile(cwd, join('node_modules', name, 'package.json'));
  return text ? String((JSON.parse(text) as { version?: unknown }).version) : '';
}

let rendererVersion: string | undefined;

/** A hash of everything besides the chart itself that decides what a render gives. */
export function chartRendererVersion(): string {
  if (!rendererVersion) {
    const cwd = process.cwd();
    const hash = createHash('sha256').update(
      JSON.stringify({ vega: installedVersion(cwd, 'vega'), vegaLite: installedVersion(cwd, 'vega-lite') }),
    );
    hash.update(createHash('sha256').update(projectFile(cwd, 'package-lock.json')).digest('hex'));
    for (const path of Object.keys(SOURCES).sort()) hash.update(`\0${path}\0${SOURCES[path]}`);
    rendererVersion = hash.digest('hex');
  }
  return rendererVersion;
}

/** The cache key of a chart: SHA-256 of its id, its spec and the renderer's version. */
export function chartCacheKey(id: string, spec: TopLevelSpec, version = chartRendererVersion()): string {
  return createHash('sha256')
    .update(JSON.stringify([version, id, spec]))
    .digest('hex');
}

function isRenderedChart(value: unknown): value is RenderedChart {
  if (!value || typeof value !== 'object') return false;
  const chart = value as Record<string, unknown>;
  const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
  return (
    typeof chart.svg === 'string' &&
    typeof chart.narrowSvg === 'string' &&
    isObject(chart.sizes) &&
    isObject(chart.fitted) &&
    isObject(chart.vegaLite) &&
    isObject(chart.vega) &&
    isObject(chart.datasets) &&
    Object.values(chart.datasets as object).every(Array.isArray) &&
    Array.isArray(chart.drawn)
  );
}

async function readEntry(file: string): Promise<RenderedChart | undefined> {
  const text = await readCacheEntry(file);
  try {
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    return isRenderedChart(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface CacheOptions {
  /** The cache folder; chartCacheDir() by default. */
  readonly dir?: string;
  /** The renderer; renderChart by default (tests count its calls). */
  readonly render?: typeof renderChart;
}

/**
 * Whether a chart read back from `text` gives the page what the chart itself gives. The page takes
 * the compiled specs only as JSON (the payload and the spec shown), but reads the datasets' values
 * (the table) and the SVG, so those must come back exactly: a Date or an undefined cell would not.
 */
function readsBackTheSame(chart: RenderedChart, text: string): boolean {
  const back = JSON.parse(text) as RenderedChart;
  return (
    back.svg === chart.svg &&
    back.narrowSvg === chart.narrowSvg &&
    isDeepStrictEqual(back.sizes, chart.sizes) &&
    isDeepStrictEqual(back.fitted, chart.fitted) &&
    isDeepStrictEqual(back.datasets, chart.datasets) &&
    isDeepStrictEqual(back.drawn, chart.drawn)
  );
}

/** renderChart, imported on first use. */
const renderLazily: typeof renderChart = async (id, spec) => (await import('./render.ts')).renderChart(id, spec);

/**
 * renderChart, served from the cache when this chart (same id, spec and renderer) was rendered
 * before. Only charts that read back from JSON as rendered are kept.
 */
export async function cachedRenderChart(
  id: string,
  spec: TopLevelSpec,
  { dir = chartCacheDir(), render = renderLazily }: CacheOptions = {},
): Promise<RenderedChart> {
  const file = join(dir, `${chartCacheKey(id, spec)}.json`);
  const cached = await readEntry(file);
  if (cached) {
    // Used by this build: the prune after a successful build keeps it (src/integrations/chart-runtime.ts).
    await touchCacheEntry(file);
    return cached;
  }
  const chart = await render(id, spec);
  const text = JSON.stringify(chart);
  if (readsBackTheSame(chart, text)) await writeCacheEntry(dir, file, text);
  return chart;
}
