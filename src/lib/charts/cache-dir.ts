/**
 * Where the chart cache lives. Apart from render-cache.ts, which only Vite can load
 * (import.meta.glob), so that the build's integration can find the cache to prune it.
 */
import { cacheDir } from '../build-cache.ts';

/** The environment variable that moves the cache (tests and the bench point it at temporary folders). */
export const CACHE_DIR_ENV = 'CHART_CACHE_DIR';

/** Where the cache lives: $CHART_CACHE_DIR, else node_modules/.cache/charts under the project (the working directory). */
export function chartCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return cacheDir('charts', CACHE_DIR_ENV, env, cwd);
}
