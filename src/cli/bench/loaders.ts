/**
 * What data loaders cost and save (issue 15): the fixture site, whose gradients-through-time post
 * trains a small RNN in its loader (tests/fixtures/posts/nlp/gradients-through-time/), built cold,
 * warm (nothing changed) and after a prose-only edit of that post; beside it the same site with the
 * loader's result precomputed (a plain module of the same data in place of the loader), built warm
 * and after the same edit. Then `astro dev` on the site with the loader cached: from saving a prose
 * edit to the page in Chromium showing it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { cp } from 'node:fs/promises';
import { ROOT } from '../../../tests/support/build-site.ts';
import { startDevServer } from '../../../tests/support/dev-server.ts';
import { scratchSite, type ScratchSite } from '../../../tests/support/scratch-site.ts';
import { astroBuild, type BuildTime } from './builds.ts';
import { median, progress, round } from './util.ts';

const POST = join('content', 'posts', 'nlp', 'gradients-through-time');
const PAGE = '/posts/nlp/gradients-through-time/';
/** The sentence each prose edit rewrites, and what it becomes. */
const EDITED_SENTENCE = 'and we measure how much of the';
/** Prose edits timed in `astro dev`. */
const DEV_EDITS = 3;
const DEV_PORT = 4391;

export interface LoaderBench {
  /** The loader's own run, as its cache entry recorded it (ms). */
  loaderRunMs: number;
  withLoader: { cold: BuildTime; warm: BuildTime; proseEdit: BuildTime };
  precomputed: { warm: BuildTime; proseEdit: BuildTime };
  /** With the loader over precomputed, wall-clock: the target is at most 1.1. */
  ratio: { warm: number; proseEdit: number };
  /** `astro dev`: ms from saving a prose edit to the page showing it, each edit and the median. */
  dev: { samplesMs: number[]; medianMs: number };
}

async function fixtureSite(): Promise<ScratchSite> {
  const site = await scratchSite();
  await cp(join(ROOT, 'tests', 'fixtures', 'posts'), join(site.root, 'content', 'posts'), { recursive: true });
  return site;
}

/** Rewrites the post's sentence with a new word, `edit` (different each time, so every edit is a change). */
async function editProse(site: ScratchSite, edit: number): Promise<string> {
  const file = join(site.root, POST, 'index.mdx');
  const text = await readFile(file, 'utf8');
  const marker = `(prose edit ${edit})`;
  await writeFile(file, text.replace(/ \(prose edit \d+\)|(?=, and we measure)/, ` ${marker}`));
  if (!(await readFile(file, 'utf8')).includes(marker)) throw new Error(`the bench's prose edit found no "${EDITED_SENTENCE}" in ${file}`);
  return marker;
}

/** Builds per variant and kind: the table shows the median. */
export const LOADER_BUILDS = 5;

/** A site and its chart cache. */
interface Built {
  site: ScratchSite;
  cacheDir: string;
}

/** The middle build by wall-clock. */
const middleBuild = (runs: readonly BuildTime[]) => [...runs].sort((a, b) => a.wall - b.wall)[runs.length >> 1]!;

/**
 * LOADER_BUILDS builds of each site, taking turns (with the loader, then precomputed), each after
 * `before` (nothing, or a prose edit): builds here vary by a third from one to the next, and turns
 * spread that over both sites alike.
 */
async function buildsInTurn(
  sites: readonly [Built, Built],
  label: string,
  before: (site: ScratchSite, run: number) => Promise<unknown>,
): Promise<[withLoader: BuildTime, precomputed: BuildTime]> {
  const runs: [BuildTime[], BuildTime[]] = [[], []];
  for (let run = 0; run < LOADER_BUILDS; run++) {
    for (const [i, { site, cacheDir }] of sites.entries()) {
      await before(site, run);
      runs[i as 0 | 1].push(await astroBuild(site.root, join(site.root, `dist-${label}`), cacheDir));
    }
  }
  progress(
    `  ${label}: with the loader ${runs[0].map((r) => r.wall).join(', ')} s; precomputed ${runs[1].map((r) => r.wall).join(', ')} s`,
  );
  return [middleBuild(runs[0]), middleBuild(runs[1])];
}

/** Saves DEV_EDITS prose edits in `astro dev`, timing each until the open page shows it. */
async function benchDev(browser: Browser, site: ScratchSite): Promise<number[]> {
  const dev = await startDevServer(site.root, DEV_PORT);
  try {
    const page = await browser.newPage();
    await page.goto(`${dev.origin}${PAGE}`, { waitUntil: 'load', timeout: 120_000 });
    const samples: number[] = [];
    for (let edit = 1; edit <= DEV_EDITS; edit++) {
      await page.waitForTimeout(1000);
      const started = performance.now();
      const marker = await editProse(site, 100 + edit);
      // Reloaded or updated in place: either way, the text is there once the edit has reached the page.
      await page.waitForFunction((text) => document.body?.textContent?.includes(text) ?? false, marker, { timeout: 60_000, polling: 10 });
      samples.push(round(performance.now() - started));
      progress(`  astro dev: prose edit ${edit} on the page after ${samples.at(-1)} ms`);
    }
    await page.close();
    return samples;
  } finally {
    dev.stop();
  }
}

/** The loader's result module from the site's cache: what the precomputed site imports instead. */
async function cachedResult(site: ScratchSite): Promise<{ module: string; ms: number }> {
  const dir = join(site.root, 'node_modules', '.cache', 'loaders');
  const [entry] = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  if (!entry) throw new Error(`no loader result was cached in ${dir}`);
  return JSON.parse(await readFile(join(dir, entry), 'utf8')) as { module: string; ms: number };
}

export async function benchLoaders(browser: Browser): Promise<LoaderBench> {
  const site = await fixtureSite();
  const precomputedSite = await fixtureSite();
  try {
    const chartCache = join(site.root, 'chart-cache');
    progress('the fixture site with its RNN loader: cold build...');
    const cold = await astroBuild(site.root, join(site.root, 'dist-cold'), chartCache);
    progress(`  cold ${cold.wall} s (${cold.cpu} CPU s)`);
    const { module, ms } = await cachedResult(site);

    progress("the same site with the loader's result precomputed (a plain module in its place), built once...");
    await writeFile(join(precomputedSite.root, POST, 'gradients.precomputed.ts'), module);
    const figures = join(precomputedSite.root, POST, 'figures.ts');
    await writeFile(figures, (await readFile(figures, 'utf8')).replace("from './gradients.data.ts'", "from './gradients.precomputed.ts'"));
    const precomputedCache = join(precomputedSite.root, 'chart-cache');
    await astroBuild(precomputedSite.root, join(precomputedSite.root, 'dist-cold'), precomputedCache);

    progress(`warm builds, ${LOADER_BUILDS} of each site in turn, then builds after a prose edit...`);
    const both: [Built, Built] = [
      { site, cacheDir: chartCache },
      { site: precomputedSite, cacheDir: precomputedCache },
    ];
    const [warm, precomputedWarm] = await buildsInTurn(both, 'warm', async () => undefined);
    const [proseEdit, precomputedEdit] = await buildsInTurn(both, 'prose edit', (edited, run) => editProse(edited, run));

    progress('astro dev on the site with the loader cached: prose edits...');
    const samples = await benchDev(browser, site);
    return {
      loaderRunMs: ms,
      withLoader: { cold, warm, proseEdit },
      precomputed: { warm: precomputedWarm, proseEdit: precomputedEdit },
      ratio: { warm: round(warm.wall / precomputedWarm.wall, 2), proseEdit: round(proseEdit.wall / precomputedEdit.wall, 2) },
      dev: { samplesMs: samples, medianMs: round(median(samples)) },
    };
  } finally {
    await site.remove();
    await precomputedSite.remove();
  }
}
