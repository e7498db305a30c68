/**
 * `npm run bench`: how fast the site builds, how light its posts are and how quickly its charts
 * respond, measured, not asserted. Each part lives in src/cli/bench/:
 *
 *   npm run bench [-- --sizes 1,50,200] [--runs 5] [--out bench] [--no-lighthouse]
 *
 * 1. render.ts: one warm headless render (renderChart) of the synthetic posts' charts, in
 *    processes of their own (render-worker.ts).
 * 2. page-load.ts: the real site, built into a temporary folder and served on 127.0.0.1 (gzip, as
 *    a static host would; src/cli/static-server.ts, the tests' server too), loaded in Chromium
 *    (1280 × 800): the JavaScript the post runs up front and once every chart is live, and how
 *    long charts take to show and to come alive. Beside it, embed-page.ts's page showing the same
 *    two Vega-Lite specs with vega-embed, measured the same way.
 * 3. interaction.ts: hover over Figure 1 → tooltip painted, on both pages, unthrottled and at 4×
 *    CPU; Figure 1 scrolled into view → live at 4×; and profile.ts's reading of a CPU profile of a
 *    hover sweep on each page.
 * 4. lighthouse.ts: Lighthouse's four scores for the post, desktop and mobile, median of three runs.
 * 5. loaders.ts: the fixture site, whose gradients-through-time post trains an RNN in a data
 *    loader, built cold, warm and after a prose edit, beside the same site with the loader's result
 *    precomputed; and `astro dev`'s time from a saved prose edit to the page showing it.
 * 6. builds.ts: for each size, a synthetic site of that many posts with two charts each
 *    (synthetic-posts.ts) and the same posts without charts, each built cold and warm.
 *
 * report.ts prints one table and writes it to <out>/RESULTS.md, the numbers to <out>/results.json
 * and build time against post count to <out>/build-time.svg; ours' hover profile goes to
 * <out>/hover-profile.cpuprofile when it is under 1 MB. Sizes: 1 KB = 1000 bytes.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/support/browser.ts';
import { BUDGETS } from '../../tests/support/budgets.ts';
import { ROOT } from '../../tests/support/build-site.ts';
import { scratchSite } from '../../tests/support/scratch-site.ts';
import { builtFixtureSite } from '../../tests/support/fixture-site.ts';
import { astroBuild, benchSyntheticSites, WARM_BUILDS, type BuildTime } from './bench/builds.ts';
import { buildEmbedPage, specsOfPost } from './bench/embed-page.ts';
import { benchHover, benchScrollToLive, profileHover } from './bench/interaction.ts';
import { benchDrag } from './bench/drag.ts';
import { benchLoaders } from './bench/loaders.ts';
import { FIGURE_CODE_FILE } from '../lib/charts/figure-code.ts';
import { benchLighthouse, type LighthouseResult } from './bench/lighthouse.ts';
import { measurePage } from './bench/page-load.ts';
import { runtimeSourceMap, SourceMapLookup, summariseProfile, type CpuProfile, type SourceMap } from './bench/profile.ts';
import { benchRender } from './bench/render.ts';
import { drawBuildTimes, resultsMarkdown, resultsTable, type BenchResults } from './bench/report.ts';
import { EMBEDDING_FIGURE, EMBEDDING_POST_PATH, POST_PATH, progress, round } from './bench/util.ts';
import { serveStatic } from './static-server.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,50,200' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const RUNS = Number(args.runs);
const OUT = join(ROOT, args.out);

/** The largest profile kept beside RESULTS.md; a larger one is only summarised. */
const MAX_SAVED_PROFILE_BYTES = 1_000_000;
const PROFILE_FILE = 'hover-profile.cpuprofile';

const work = await mkdtemp(join(tmpdir(), 'blog-bench-'));
const loadBefore = loadavg();
try {
  progress(
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; sizes ${SIZES.join(', ')}; ${RUNS} page loads each`,
  );

  // 1. One headless render.
  const render = benchRender();

  // 2-4. The real post, vega-embed beside it, Lighthouse.
  // In a copy, so a build of the repository running meanwhile (tests) cannot share Astro's .astro/ with it.
  progress('building the site (the real post), in a copy...');
  const realSite = await scratchSite({ withPosts: true });
  const realDist = join(work, 'site');
  let realBuild: BuildTime;
  try {
    realBuild = await astroBuild(realSite.root, realDist, join(work, 'site-chart-cache'));
  } finally {
    await realSite.remove();
  }
  const postHtml = await readFile(join(realDist, POST_PATH, 'index.html'), 'utf8');
  const embedMapFile = join(work, 'embed.js.map');
  // The post's figure code beside it, so the drag bench can re-embed Figure 2's states.
  await mkdir(join(realDist, 'vega-embed'), { recursive: true });
  await copyFile(join(realDist, POST_PATH, FIGURE_CODE_FILE), join(realDist, 'vega-embed', FIGURE_CODE_FILE));
  await buildEmbedPage(specsOfPost(postHtml), join(realDist, 'vega-embed'), embedMapFile, [FIGURE_CODE_FILE]);
  // Right after the build, so src/client is most likely still what the site was built from.
  const runtimeMap = await runtimeSourceMap(await readFile(join(realDist, '_charts', 'chart-runtime.js'), 'utf8'));
  const embedMap = new SourceMapLookup(JSON.parse(await readFile(embedMapFile, 'utf8')) as SourceMap);

  const server = await serveStatic(realDist, { gzip: true });
  const urls = { ours: `${server.origin}/${POST_PATH}`, embed: `${server.origin}/vega-embed/` };
  let lighthouse: Record<string, LighthouseResult> = {};
  let pages: Pick<BenchResults, 'post' | 'vegaEmbedPage' | 'hover' | 'scrollToLive' | 'drag'>;
  let profiles: { ours: CpuProfile; embed: CpuProfile };
  try {
    const browser = await launchChromium();
    try {
      progress(`loading the post in Chromium (${RUNS} times)...`);
      const post = await measurePage(browser, urls.ours, 'ours', RUNS);
      progress(`loading the vega-embed page with the same specs (${RUNS} times)...`);
      const vegaEmbedPage = await measurePage(browser, urls.embed, 'embed', RUNS);
      const hover = await benchHover(browser, urls);
      const scrollToLive = await benchScrollToLive(browser, urls.ours, RUNS);
      const drag = await benchDrag(browser, urls);
      progress('CPU profiles of a hover sweep, ours and vega-embed...');
      profiles = {
        ours: await profileHover(browser, urls.ours, 'ours'),
        embed: await profileHover(browser, urls.embed, 'embed'),
      };
      pages = { post, vegaEmbedPage, hover, scrollToLive, drag };
    } finally {
      await browser.close();
    }
    if (!args['no-lighthouse']) lighthouse = await benchLighthouse(urls.ours);
  } finally {
    await server.close();
  }

  // 4b. The fixture post with a 10,000-point scatter plot (an embedding), beside vega-embed on its specs.
  progress('building the fixture posts (one has a 10,000-point scatter plot)...');
  const fixtures = await builtFixtureSite();
  let embedding: BenchResults['embedding'];
  try {
    const fixtureHtml = await readFile(join(fixtures.dist, EMBEDDING_POST_PATH, 'index.html'), 'utf8');
    await buildEmbedPage(specsOfPost(fixtureHtml), join(fixtures.dist, 'vega-embed'));
    const fixtureServer = await serveStatic(fixtures.dist, { gzip: true });
    const fixtureUrls = { ours: `${fixtureServer.origin}/${EMBEDDING_POST_PATH}`, embed: `${fixtureServer.origin}/vega-embed/` };
    try {
      const browser = await launchChromium();
      try {
        progress(`loading the 10,000-point post and its vega-embed page (${RUNS} times each)...`);
        embedding = {
          post: await measurePage(browser, fixtureUrls.ours, 'ours', RUNS),
          vegaEmbedPage: await measurePage(browser, fixtureUrls.embed, 'embed', RUNS),
          hover: await benchHover(browser, fixtureUrls, EMBEDDING_FIGURE),
        };
      } finally {
        await browser.close();
      }
    } finally {
      await fixtureServer.close();
    }
  } finally {
    await fixtures.site.remove();
  }

  // 5. Data loaders: the fixture site with its RNN loader, beside the same site with the result precomputed.
  const loaderBrowser = await launchChromium();
  let loaders: BenchResults['loaders'];
  try {
    loaders = await benchLoaders(loaderBrowser);
  } finally {
    await loaderBrowser.close();
  }

  // 6. Synthetic sites.
  const sites = await benchSyntheticSites(SIZES);

  // Report.
  await mkdir(OUT, { recursive: true });
  const profileText = JSON.stringify(profiles.ours);
  const keepProfile = Buffer.byteLength(profileText) < MAX_SAVED_PROFILE_BYTES;
  if (keepProfile) await writeFile(join(OUT, PROFILE_FILE), `${profileText}\n`);
  else await rm(join(OUT, PROFILE_FILE), { force: true });
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      loadAverage: { before: loadBefore.map((l) => round(l, 2)), after: loadavg().map((l) => round(l, 2)) },
    },
    units: {
      bytes: 'gzip at level 9 (node:zlib); 1 KB = 1000 bytes',
      times:
        'seconds or ms, wall-clock unless marked cpu (user + system of the build processes, from /proc); page times are medians of the runs',
    },
    runs: RUNS,
    warmBuilds: WARM_BUILDS,
    budgets: BUDGETS,
    render,
    realSiteBuild: realBuild,
    ...pages,
    embedding,
    loaders,
    hoverProfile: {
      ours: summariseProfile(profiles.ours, runtimeMap ? { 'chart-runtime.js': runtimeMap } : {}),
      embed: summariseProfile(profiles.embed, { 'embed.js': embedMap }),
      sourceMapped: { ours: runtimeMap !== null, embed: true },
      savedAs: keepProfile ? PROFILE_FILE : null,
    },
    lighthouse,
    sites,
  };
  console.log(`\n${resultsTable(results)}\n`);
  await writeFile(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(OUT, 'build-time.svg'), `${await drawBuildTimes(sites)}\n`);
  await writeFile(join(OUT, 'RESULTS.md'), await resultsMarkdown(results, join(OUT, 'RESULTS.md')));
  progress(`wrote ${join(args.out, 'RESULTS.md')}, results.json, build-time.svg${keepProfile ? ` and ${PROFILE_FILE}` : ''}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
