/**
 * Build times: `astro build` of the real site and of synthetic sites of N posts (src/cli/bench/
 * synthetic-posts.ts), with two charts a post and without (the baseline), each built cold (fresh
 * copy, empty caches) and warm (built again, nothing changed).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite } from '../../../tests/support/build-site.ts';
import { scratchSite } from '../../../tests/support/scratch-site.ts';
import { syntheticPostSlug, writeSyntheticPosts } from './synthetic-posts.ts';
import { bytesOf, progress, round, type Bytes } from './util.ts';

/** Clock ticks a second, for /proc's times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU seconds (user + system) that this process's finished children have used, from /proc/self/stat.
 * Unlike wall-clock time it hardly moves when other work shares the machine.
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // Fields 16 and 17 (cutime, cstime); the split starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

export interface BuildTime {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of the build's processes (all their threads). */
  cpu: number;
}

/** `astro build` in a child process with the environment `npm run build` has (tests/support/build-site.ts). */
export async function astroBuild(root: string, outDir: string, chartCacheDir: string): Promise<BuildTime> {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  await buildSite(outDir, root, { CHART_CACHE_DIR: chartCacheDir });
  return { wall: round((performance.now() - start) / 1000, 2), cpu: round(childrenCpuSeconds() - cpuBefore, 2) };
}

export interface SiteResult {
  posts: number;
  charts: number;
  /** One cold build and the median warm one; with charts and without (the baseline). */
  builds: { cold: BuildTime; warm: BuildTime; baselineCold: BuildTime; baselineWarm: BuildTime };
  /** Every warm build, with charts and without; `builds` holds their medians. */
  warmRuns: { charts: BuildTime[]; baseline: BuildTime[] };
  /** Cold build over warm build, with charts: wall-clock and CPU. */
  speedup: { wall: number; cpu: number };
  /** (With charts − without) / charts, wall-clock. */
  msPerChart: { cold: number; warm: number };
  htmlPerPost: { charts: Bytes; baseline: Bytes };
}

/** Warm builds per site: the table shows the median (by wall-clock), since one build on a shared machine can be off by seconds. */
export const WARM_BUILDS = 3;

/** Builds a synthetic site of `posts` posts cold, then warm; returns the times and the posts' mean HTML size. */
async function buildSynthetic(
  posts: number,
  withCharts: boolean,
): Promise<{ cold: BuildTime; warm: BuildTime; warmRuns: BuildTime[]; html: Bytes }> {
  const site = await scratchSite();
  try {
    await writeSyntheticPosts(site, posts, withCharts);
    const label = `${posts} post${posts === 1 ? '' : 's'} ${withCharts ? `with ${posts * 2} charts` : 'without charts'}`;
    const cacheDir = join(site.root, 'chart-cache');
    progress(`building ${label}, cold...`);
    const cold = await astroBuild(site.root, join(site.root, 'dist-cold'), cacheDir);
    progress(`  cold ${cold.wall} s (${cold.cpu} CPU s); again, warm (nothing changed)...`);
    const warmRuns: BuildTime[] = [];
    for (let run = 0; run < WARM_BUILDS; run++) warmRuns.push(await astroBuild(site.root, join(site.root, 'dist-warm'), cacheDir));
    const warm = [...warmRuns].sort((a, b) => a.wall - b.wall)[WARM_BUILDS >> 1]!;
    progress(`  warm ${warmRuns.map((run) => `${run.wall} s`).join(', ')}: median ${warm.wall} s (${warm.cpu} CPU s)`);
    const pages = await Promise.all(
      Array.from({ length: posts }, (_, i) =>
        readFile(join(site.root, 'dist-warm', 'posts', 'bench', syntheticPostSlug(i + 1), 'index.html')),
      ),
    );
    const total = bytesOf(pages);
    return { cold, warm, warmRuns, html: { raw: Math.round(total.raw / posts), gzip: Math.round(total.gzip / posts) } };
  } finally {
    await site.remove();
  }
}

/** For each size, a synthetic site with two charts a post and the same posts without, built cold and warm. */
export async function benchSyntheticSites(sizes: readonly number[]): Promise<SiteResult[]> {
  const sites: SiteResult[] = [];
  for (const posts of sizes) {
    const charts = await buildSynthetic(posts, true);
    const baseline = await buildSynthetic(posts, false);
    const chartCount = posts * 2;
    sites.push({
      posts,
      charts: chartCount,
      builds: { cold: charts.cold, warm: charts.warm, baselineCold: baseline.cold, baselineWarm: baseline.warm },
      warmRuns: { charts: charts.warmRuns, baseline: baseline.warmRuns },
      speedup: { wall: round(charts.cold.wall / charts.warm.wall, 2), cpu: round(charts.cold.cpu / charts.warm.cpu, 2) },
      msPerChart: {
        cold: round(((charts.cold.wall - baseline.cold.wall) * 1000) / chartCount, 1),
        warm: round(((charts.warm.wall - baseline.warm.wall) * 1000) / chartCount, 1),
      },
      htmlPerPost: { charts: charts.html, baseline: baseline.html },
    });
  }
  return sites;
}
