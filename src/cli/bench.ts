/**
 * `npm run bench`: how fast the site builds and how light its posts are, measured, not asserted.
 *
 *   npm run bench [-- --sizes 1,50,200] [--runs 5] [--out bench] [--no-lighthouse]
 *
 * 1. Times one warm headless render (renderChart) of the synthetic posts' charts, in a process of
 *    its own (src/cli/bench-render.ts).
 * 2. Builds the real site into a temporary folder, serves it on 127.0.0.1 (gzip, as a static host
 *    would) and loads the post in Chromium (1280 × 800): the JavaScript it runs up front and once
 *    every chart is live, raw and gzip (level 9), and how long charts take to show and to come alive.
 * 3. Beside it, a page that shows the same two Vega-Lite specs with vega-embed (vega-embed, vega
 *    and vega-lite bundled with esbuild, as a typical page would), measured the same way.
 * 4. Lighthouse 12.2.3's four scores for the post, on Debian's Chromium with the tests' flags and
 *    every host but 127.0.0.1 unresolvable, desktop (1280 × 800) and its default mobile run; the
 *    median of three runs each.
 * 5. For each size, a synthetic site of that many posts with two charts each (from the real
 *    components, in a temporary copy of the site) and the same posts without charts, each built
 *    cold (fresh copy, empty caches) and warm (built again, nothing changed; the median of
 *    WARM_BUILDS builds, since one build on a shared machine can be off by seconds).
 *
 * Prints one table, and writes it to <out>/RESULTS.md, the numbers to <out>/results.json and build
 * time against post count to <out>/build-time.svg (drawn with the site's own chart builder).
 * Sizes: 1 KB = 1000 bytes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../../tests/support/browser.ts';
import { BUDGETS, gzipSize } from '../../tests/support/budgets.ts';
import { buildSite, ROOT } from '../../tests/support/build-site.ts';
import { scratchSite } from '../../tests/support/scratch-site.ts';
import { layeredLineChart } from '../lib/charts/builders.ts';
import { renderChart } from '../lib/charts/render.ts';
import { PLOT } from '../lib/charts/theme.ts';
import { syntheticPostSlug, writeSyntheticPosts } from './bench-site.ts';

const POST_PATH = 'posts/nlp/rnns-and-vanishing-gradients/';
const VIEWPORT = { width: 1280, height: 800 };

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

const started = performance.now();
function progress(message: string): void {
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`[bench ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}] ${message}`);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Bytes {
  raw: number;
  gzip: number;
}
const bytesOf = (bodies: readonly (string | Uint8Array)[]): Bytes => ({
  raw: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
  gzip: bodies.reduce((sum, body) => sum + gzipSize(body), 0),
});

// ---------------------------------------------------------------------------------------------
// Building

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

interface BuildTime {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of the build's processes (all their threads). */
  cpu: number;
}

/** `astro build` in a child process with the environment `npm run build` has (tests/support/build-site.ts). */
async function astroBuild(root: string, outDir: string, chartCacheDir: string): Promise<BuildTime> {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  await buildSite(outDir, root, { CHART_CACHE_DIR: chartCacheDir });
  return { wall: round((performance.now() - start) / 1000, 2), cpu: round(childrenCpuSeconds() - cpuBefore, 2) };
}

interface SiteResult {
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

/** Processes that time renderChart; the table shows the median. */
const RENDER_PROCESSES = 5;

/** Warm builds per site: the table shows the median (by wall-clock). */
const WARM_BUILDS = 3;

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

// ---------------------------------------------------------------------------------------------
// Serving and measuring pages

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1 like a static host: index.html for folders, text gzipped (level 9) when asked. */
async function serveGzip(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const compressed = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    try {
      let path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)));
      if (path !== root && !path.startsWith(root + sep)) throw new Error('outside');
      if (path.endsWith(sep) || !extname(path)) path = join(path, 'index.html');
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type };
      if (/^(text|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        if (!compressed.has(path)) compressed.set(path, gzipSync(body, { level: 9 }));
        headers['Content-Encoding'] = 'gzip';
        res.writeHead(200, headers);
        res.end(compressed.get(path));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface PageResult {
  js: { atLoad: Bytes; live: Bytes; files: string[] };
  html: Bytes;
  /** Medians over the runs, in ms after navigation start unless said otherwise. */
  ms: { firstContentfulPaint: number; load: number; chartsShown: number; allLive: number; nearToLive: number | null };
}

/** Records what the page under test does, for measurePage. */
function pageProbe() {
  const probe = { states: [] as { id: string; state: string; at: number }[] };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target as HTMLElement;
      if (record.attributeName === 'data-state')
        probe.states.push({ id: element.dataset.chartId ?? '', state: element.dataset.state ?? '', at: performance.now() });
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
}

/**
 * Loads `url` `RUNS` times in fresh contexts. Ours: the charts are SVG in the HTML (shown at first
 * paint); then the page is scrolled to each chart in turn and the runtime brings it to life.
 * vega-embed's page: the charts show once its script has compiled and rendered them.
 */
async function measurePage(browser: Browser, url: string, kind: 'ours' | 'embed'): Promise<PageResult> {
  const runs: PageResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page: Page = await context.newPage();
    const scripts: Promise<{ url: string; body: Buffer }>[] = [];
    let html: Buffer | undefined;
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script') scripts.push(response.body().then((body) => ({ url: response.url(), body })));
      if (type === 'document') void response.body().then((body) => (html = body));
    });
    await page.addInitScript(pageProbe);
    await page.goto(url, { waitUntil: 'networkidle' });
    const atLoad = await Promise.all(scripts);
    let chartsShown: number;
    let allLive: number;
    let nearToLive: number | null = null;
    if (kind === 'embed') {
      chartsShown = await page.evaluate(async () => {
        await (window as unknown as { __embedDone: Promise<unknown> }).__embedDone;
        return (window as unknown as { __renderedAt: number }).__renderedAt;
      });
      allLive = chartsShown;
    } else {
      chartsShown = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      const ids = await page.locator('vega-chart').evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.chartId!));
      for (const id of ids) {
        await page.locator(`vega-chart[data-chart-id="${id}"]`).scrollIntoViewIfNeeded();
        await page.waitForSelector(`vega-chart[data-chart-id="${id}"][data-state="live"]`);
      }
      const states = await page.evaluate(
        () => (window as unknown as { __probe: { states: { id: string; state: string; at: number }[] } }).__probe.states,
      );
      allLive = Math.max(...states.filter((s) => s.state === 'live').map((s) => s.at));
      const first = ids[0]!;
      const woke = states.find((s) => s.id === first && s.state === 'loading')!.at;
      nearToLive = states.find((s) => s.id === first && s.state === 'live')!.at - woke;
    }
    const live = await Promise.all(scripts);
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, load: navigation.loadEventEnd };
    });
    runs.push({
      js: {
        atLoad: bytesOf(atLoad.map((s) => s.body)),
        live: bytesOf(live.map((s) => s.body)),
        files: live.map((s) => new URL(s.url).pathname),
      },
      html: bytesOf(html ? [html] : []),
      ms: { firstContentfulPaint: timing.fcp, load: timing.load, chartsShown, allLive, nearToLive },
    });
    await context.close();
  }
  const pick = (f: (r: PageResult) => number) => round(median(runs.map(f)), 1);
  return {
    ...runs[0]!,
    ms: {
      firstContentfulPaint: pick((r) => r.ms.firstContentfulPaint),
      load: pick((r) => r.ms.load),
      chartsShown: pick((r) => r.ms.chartsShown),
      allLive: pick((r) => r.ms.allLive),
      nearToLive: kind === 'ours' ? pick((r) => r.ms.nearToLive!) : null,
    },
  };
}

/** The page vega-embed users write: the same Vega-Lite specs, embedded at load by a bundled vega-embed. */
async function buildEmbedPage(specs: readonly unknown[], dir: string): Promise<void> {
  const entry = [
    "import embed from 'vega-embed';",
    'const elements = [...document.querySelectorAll("[data-spec]")];',
    'window.__embedDone = Promise.all(elements.map((el) => embed(el, JSON.parse(document.getElementById(el.dataset.spec).textContent), { actions: false })))',
    '  .then(() => { window.__renderedAt = performance.now(); });',
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'embed.js'), result.outputFiles[0]!.contents);
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const figures = specs.map(
    (spec, i) => `<figure><div data-spec="spec-${i}"></div><script type="application/json" id="spec-${i}">${json(spec)}</script></figure>`,
  );
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>vega-embed</title></head>` +
      `<body><main style="max-width: 46rem; margin: auto">${figures.join('')}</main><script src="embed.js"></script></body></html>`,
  );
}

/** The post's Vega-Lite specs as the page shows them, with their data put back. */
function specsOfPost(html: string): unknown[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('figure.chart')].map((figure) => {
    const spec = JSON.parse(figure.querySelector('.chart__spec code')!.textContent!) as object;
    const { datasets } = JSON.parse(figure.querySelector('script.chart__payload')!.textContent!) as { datasets: object };
    return { ...spec, datasets };
  });
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

interface LighthouseResult {
  scores: Record<string, number | null>;
  requests: number;
  outsideRequests: string[];
  failing: string[];
}

/** Debian's Chromium with the tests' flags, a DevTools port for Lighthouse, and no host but 127.0.0.1 resolvable. */
async function startChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${text}`)));
  });
  return {
    port,
    close: async () => {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Lighthouse's scores vary from run to run; like its docs advise, report the run with the median performance score. */
const LIGHTHOUSE_RUNS = 3;

function medianLighthouse(runs: readonly LighthouseResult[]): LighthouseResult & { performanceScores: (number | null)[] } {
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return { ...sorted[sorted.length >> 1]!, performanceScores: runs.map((r) => r.scores.performance ?? null) };
}

async function runLighthouse(url: string, formFactor: 'desktop' | 'mobile'): Promise<LighthouseResult> {
  const chrome = await startChromium();
  try {
    const config =
      formFactor === 'desktop'
        ? {
            ...desktopConfig,
            settings: { ...desktopConfig.settings, screenEmulation: { ...desktopConfig.settings!.screenEmulation!, ...VIEWPORT } },
          }
        : undefined;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    const requests = ((lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? []).map(
      (item) => item.url,
    );
    const origin = new URL(url).origin;
    return {
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([name, category]) => [name, category.score])),
      requests: requests.length,
      outsideRequests: requests.filter((request) => !request.startsWith(origin) && !request.startsWith('data:')),
      failing: Object.values(lhr.audits)
        .filter(
          (audit) => audit.score !== null && audit.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode),
        )
        .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    };
  } finally {
    await chrome.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const bytesCell = (b: Bytes) => `${kb(b.raw)} / ${kb(b.gzip)}`;

async function drawBuildTimes(sites: readonly SiteResult[]): Promise<string> {
  const posts = sites.map((s) => s.posts);
  const spec = layeredLineChart(
    [
      { name: '2, cold', x: posts, y: sites.map((s) => s.builds.cold.wall), color: PLOT.colors.blue },
      { name: '2, warm', x: posts, y: sites.map((s) => s.builds.warm.wall), color: PLOT.colors.red },
      { name: '0, cold', x: posts, y: sites.map((s) => s.builds.baselineCold.wall), color: PLOT.colors.tan },
      { name: '0, warm', x: posts, y: sites.map((s) => s.builds.baselineWarm.wall), color: '#7f7f7f' },
    ],
    {
      xTitle: 'Posts',
      yTitle: 'Build seconds',
      yFormat: '.1f',
      showPoints: true,
      integerX: true,
      legendTitle: 'Charts a post',
    },
  );
  return (await renderChart('bench-build-time', spec)).svg;
}

/** Each target of the performance issue, whether this run met it, and the figure. */
function targets(results: {
  post: PageResult;
  render: { perChartMs: number; linesMs: number; decayMs: number };
  sites: readonly SiteResult[];
  lighthouse: Record<string, LighthouseResult>;
}): [boolean, string][] {
  const { post, render, sites, lighthouse: lh } = results;
  const largest = sites.at(-1);
  const desktop = lh.desktop?.scores;
  return [
    [
      post.js.atLoad.gzip <= BUDGETS.jsAtLoadGzip,
      `JavaScript before any chart nears the viewport ≤ ${kb(BUDGETS.jsAtLoadGzip)} gzip: ${kb(post.js.atLoad.gzip)} (${post.js.files.filter((f) => !f.endsWith('chart-runtime.js')).join(', ')})`,
    ],
    [
      post.js.live.gzip <= BUDGETS.jsLiveGzip,
      `all JavaScript once every chart is live ≤ ${kb(BUDGETS.jsLiveGzip)} gzip: ${kb(post.js.live.gzip)}`,
    ],
    [
      render.perChartMs <= 30,
      `one chart renders in ≤ 30 ms warm: ${render.perChartMs} ms per chart (line chart with 300 rows, tooltips and zoom ${render.linesMs} ms; decay chart with 6 rows ${render.decayMs} ms)`,
    ],
    ...(largest
      ? [
          [
            largest.speedup.wall >= 3,
            `a no-change rebuild of ${largest.posts} posts ≥ 3× faster than cold: ${largest.speedup.wall}× wall-clock (${largest.speedup.cpu}× CPU). ` +
              `The same posts without charts take ${largest.builds.baselineWarm.wall} s warm, a floor no chart cache goes under: ` +
              `even charts that cost nothing warm would make it ${round(largest.builds.cold.wall / largest.builds.baselineWarm.wall, 2)}×`,
          ] as [boolean, string],
        ]
      : []),
    ...(desktop
      ? [
          [
            (desktop.performance ?? 0) >= 0.98 &&
              desktop.accessibility === 1 &&
              desktop['best-practices'] === 1 &&
              (desktop.seo ?? 0) >= 0.9,
            `Lighthouse desktop: performance ${desktop.performance} (≥ 0.98), accessibility ${desktop.accessibility} (1), best practices ${desktop['best-practices']} (1), SEO ${desktop.seo} (≥ 0.9)`,
          ] as [boolean, string],
        ]
      : []),
  ];
}

// ---------------------------------------------------------------------------------------------

const work = await mkdtemp(join(tmpdir(), 'blog-bench-'));
const loadBefore = loadavg();
try {
  progress(
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; sizes ${SIZES.join(', ')}; ${RUNS} page loads each`,
  );

  // 1. One headless render, warm, each in a process of its own: on this kind of machine one
  // process can run a third slower than the next, so the median of RENDER_PROCESSES processes.
  progress(`timing one headless render per chart, warm, in ${RENDER_PROCESSES} processes of their own...`);
  type Timed = { renders: number; lines: { wallMs: number; cpuMs: number }; decay: { wallMs: number; cpuMs: number } };
  const timings = Array.from(
    { length: RENDER_PROCESSES },
    () =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', join(ROOT, 'src/cli/bench-render.ts'), '30'],
          { encoding: 'utf8' },
        ),
      ) as Timed,
  );
  const medianOf = (pick: (timed: Timed) => number) => median(timings.map(pick));
  const render = {
    renders: timings[0]!.renders,
    processes: RENDER_PROCESSES,
    linesMs: round(
      medianOf((t) => t.lines.wallMs),
      1,
    ),
    decayMs: round(
      medianOf((t) => t.decay.wallMs),
      1,
    ),
    perChartMs: round(
      medianOf((t) => (t.lines.wallMs + t.decay.wallMs) / 2),
      1,
    ),
    perChartCpuMs: round(
      medianOf((t) => (t.lines.cpuMs + t.decay.cpuMs) / 2),
      1,
    ),
    perProcessMs: timings.map((t) => round((t.lines.wallMs + t.decay.wallMs) / 2, 1)),
    loadAverage: round(loadavg()[0]!, 2),
  };
  progress(
    `  line chart ${render.linesMs} ms, decay chart ${render.decayMs} ms (medians of ${render.renders} renders, then of ${RENDER_PROCESSES} processes: ${render.perProcessMs.join(', ')} ms per chart; ${render.perChartCpuMs} CPU ms per chart, GC threads included)`,
  );

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
  await buildEmbedPage(specsOfPost(postHtml), join(realDist, 'vega-embed'));
  const server = await serveGzip(realDist);
  const browser = await launchChromium();
  let ours: PageResult;
  let embed: PageResult;
  try {
    progress(`loading the post in Chromium (${RUNS} times)...`);
    ours = await measurePage(browser, `${server.origin}/${POST_PATH}`, 'ours');
    progress(`loading the vega-embed page with the same specs (${RUNS} times)...`);
    embed = await measurePage(browser, `${server.origin}/vega-embed/`, 'embed');
  } finally {
    await browser.close();
  }
  const lighthouseResults: Record<string, LighthouseResult> = {};
  try {
    if (!args['no-lighthouse']) {
      for (const formFactor of ['desktop', 'mobile'] as const) {
        const runs: LighthouseResult[] = [];
        for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) {
          progress(`Lighthouse, ${formFactor}, run ${i} of ${LIGHTHOUSE_RUNS}...`);
          runs.push(await runLighthouse(`${server.origin}/${POST_PATH}`, formFactor));
          progress(`  ${JSON.stringify(runs.at(-1)!.scores)}`);
        }
        lighthouseResults[formFactor] = medianLighthouse(runs);
      }
    }
  } finally {
    await server.close();
  }

  // 5. Synthetic sites.
  const sites: SiteResult[] = [];
  for (const posts of SIZES) {
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

  // Report.
  const lh = (formFactor: string) => {
    const result = lighthouseResults[formFactor];
    if (!result) return 'not run';
    const s = result.scores;
    const all = (result as { performanceScores?: number[] }).performanceScores;
    return `performance ${s.performance}${all ? ` (runs: ${all.join(', ')})` : ''}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}`;
  };
  const plural = (n: number) => `${n} post${n === 1 ? '' : 's'}`;
  const build = (b: BuildTime) => `${b.wall} s (${b.cpu} CPU s)`;
  const rows: [string, string, string][] = [
    ['**Build**, cold / warm (wall-clock, and CPU seconds of the build)', '**two charts a post**', '**the same posts without charts**'],
    ...sites.map((s): [string, string, string] => [
      `${plural(s.posts)}, ${s.charts} charts`,
      `${build(s.builds.cold)} / ${build(s.builds.warm)}: ${s.speedup.wall}× faster warm (CPU ${s.speedup.cpu}×)`,
      `${build(s.builds.baselineCold)} / ${build(s.builds.baselineWarm)}`,
    ]),
    ...sites.map((s): [string, string, string] => [
      `ms per chart over the baseline, ${plural(s.posts)}, cold / warm`,
      `${s.msPerChart.cold} / ${s.msPerChart.warm}`,
      '',
    ]),
    [
      `One headless render (renderChart), warm: ms per chart (line chart / decay chart); median of ${render.processes} processes`,
      `${render.perChartMs} (${render.linesMs} / ${render.decayMs}); ${render.perChartCpuMs} CPU ms; each process: ${render.perProcessMs.join(', ')}`,
      'target ≤ 30',
    ],
    ...sites.map((s): [string, string, string] => [
      `HTML per post, ${plural(s.posts)} (raw / gzip)`,
      bytesCell(s.htmlPerPost.charts),
      bytesCell(s.htmlPerPost.baseline),
    ]),
    ['**The real post** (Chromium 1280 × 800, 127.0.0.1)', '**ours**', '**vega-embed page, same specs**'],
    ['HTML (raw / gzip)', bytesCell(ours.html), bytesCell(embed.html)],
    ['JavaScript at load (raw / gzip)', bytesCell(ours.js.atLoad), bytesCell(embed.js.atLoad)],
    ['JavaScript once every chart is live (raw / gzip)', bytesCell(ours.js.live), bytesCell(embed.js.live)],
    ['First contentful paint (ms)', `${ours.ms.firstContentfulPaint}`, `${embed.ms.firstContentfulPaint}`],
    [
      'Charts shown (ms after navigation)',
      `${ours.ms.chartsShown} (static SVG in the HTML)`,
      `${embed.ms.chartsShown} (after vega-embed ran)`,
    ],
    ['Load event (ms)', `${ours.ms.load}`, `${embed.ms.load}`],
    ['First chart: near the viewport → live (ms, runtime fetched and run)', `${ours.ms.nearToLive}`, 'n/a (all at load)'],
    ['Lighthouse, desktop 1280 × 800', lh('desktop'), ''],
    ['Lighthouse, mobile (default: Moto G Power, slow 4G, 4× CPU)', lh('mobile'), ''],
  ];
  const table = ['| Measure | Ours | Beside it |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const loadAfter = loadavg();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      loadAverage: { before: loadBefore.map((l) => round(l, 2)), after: loadAfter.map((l) => round(l, 2)) },
    },
    units: {
      bytes: 'gzip at level 9 (node:zlib); 1 KB = 1000 bytes',
      times:
        'seconds or ms, wall-clock unless marked cpu (user + system of the build processes, from /proc); page times are medians of the runs',
    },
    runs: RUNS,
    budgets: BUDGETS,
    render,
    realSiteBuild: realBuild,
    post: ours,
    vegaEmbedPage: embed,
    lighthouse: lighthouseResults,
    sites,
  };
  console.log(`\n${table}\n`);

  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(OUT, 'build-time.svg'), `${await drawBuildTimes(sites)}\n`);
  const outsideRequests = Object.values(lighthouseResults).flatMap((r) => r.outsideRequests);
  await writeFile(
    join(OUT, 'RESULTS.md'),
    [
      '# Benchmark results',
      '',
      `The latest \`npm run bench\`, ${results.date.slice(0, 10)}: ${results.machine.cores} cores (${results.machine.cpu}), Node ${process.version}, Debian's Chromium, load average ${loadBefore[0]!.toFixed(2)} before and ${loadAfter[0]!.toFixed(2)} after. ` +
        `Bytes are gzip level 9, 1 KB = 1000 bytes; page times are medians of ${RUNS} loads served on 127.0.0.1 (gzip); build times are one cold build and the median of ${WARM_BUILDS} warm builds each. ` +
        'The numbers are in [results.json](results.json).',
      '',
      table,
      '',
      '![Build time against post count](build-time.svg)',
      '',
      '## Targets',
      '',
      ...targets(results).map(([met, text]) => `- ${met ? 'Met' : '**Not met**'}: ${text}`),
      '',
      `Lighthouse made ${Object.values(lighthouseResults)
        .map((r) => r.requests)
        .join(' and ')} requests (desktop and mobile), ${outsideRequests.length} outside 127.0.0.1. ` +
        `Audits below 1: ${
          Object.entries(lighthouseResults)
            .map(([f, r]) => `${f}: ${r.failing.join(', ') || 'none'}`)
            .join('; ') || 'not run'
        }.`,
      '',
    ].join('\n'),
  );
  progress(`wrote ${join(args.out, 'RESULTS.md')}, results.json and build-time.svg`);
} finally {
  await rm(work, { recursive: true, force: true });
}
