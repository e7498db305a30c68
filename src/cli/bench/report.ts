/**
 * The bench's report: one table (printed, and in RESULTS.md), the targets of the performance
 * issues and whether this run met them, where hover time went in the CPU profiles, and the
 * build-time figure (drawn with the site's own chart builder). RESULTS.md is written as Prettier
 * would format it, so `prettier --check` passes on a fresh run.
 */
import { format, resolveConfig } from 'prettier';
import { BUDGETS } from '../../../tests/support/budgets.ts';
import { layeredLineChart } from '../../lib/charts/builders.ts';
import { renderChart } from '../../lib/charts/render.ts';
import { PLOT } from '../../lib/charts/theme.ts';
import type { BuildTime, SiteResult } from './builds.ts';
import {
  HOVER_MOVES,
  SWEEPS_PER_PAGE,
  PROFILED_MOVES,
  SCROLL_VIEWPORT,
  THROTTLE,
  type HoverResult,
  type HoverSpeed,
  type ScrollToLive,
} from './interaction.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { DragResult, DragSpeed } from './drag.ts';
import { LOADER_BUILDS, type LoaderBench } from './loaders.ts';
import { FIGURE_CODE_FILE } from '../../lib/charts/figure-code.ts';
import type { PageResult } from './page-load.ts';
import type { ProfileSummary } from './profile.ts';
import type { RenderResult } from './render.ts';
import { bytesCell, kb, round, VIEWPORT } from './util.ts';

/** Everything one run measured, as results.json holds it. */
export interface BenchResults {
  date: string;
  machine: { cores: number; cpu: string | undefined; node: string; loadAverage: { before: number[]; after: number[] } };
  units: Record<string, string>;
  runs: number;
  warmBuilds: number;
  budgets: typeof BUDGETS;
  render: RenderResult;
  realSiteBuild: BuildTime;
  post: PageResult;
  vegaEmbedPage: PageResult;
  /** The fixture post whose first figure is a 10,000-point scatter plot, beside vega-embed on its specs. */
  embedding: { post: PageResult; vegaEmbedPage: PageResult; hover: HoverResult };
  hover: HoverResult;
  scrollToLive: ScrollToLive;
  /** Dragging Figure 2's controls, beside re-embedding with vega-embed. */
  drag: DragResult;
  /** The fixture site with its RNN loader, beside the same site with the loader's result precomputed. */
  loaders: LoaderBench;
  hoverProfile: {
    ours: ProfileSummary;
    embed: ProfileSummary;
    /** Whether each page's frames were named through a source map. */
    sourceMapped: { ours: boolean; embed: boolean };
    /** Where ours was saved (relative to RESULTS.md), or null when it was too large to keep. */
    savedAs: string | null;
  };
  lighthouse: Record<string, LighthouseResult>;
  sites: SiteResult[];
}

/** Issue 14's targets for a drag step (input → painted), median: unthrottled, and at THROTTLE×. */
const DRAG_TARGET_MS = { unthrottled: 16, throttled: 50 } as const;

/** A drag row per control: ours' median and p95 beside re-embedding's. */
function dragRows(speed: DragSpeed, label: string, steps: number): [string, string, string][] {
  return speed.controls.map(({ name, ours, embed }) => [
    `Drag Figure 2's ${name} → frame painted, ${label} (ms, median / p95 of ${steps} steps)`,
    `${ours.medianMs} / ${ours.p95Ms}`,
    `${embed.medianMs} / ${embed.p95Ms} (re-embedding with vega-embed)`,
  ]);
}

/** Issue 15's target: a warm or prose-edit build with the loader within 10% of the same site with its result precomputed. */
const LOADER_BUILD_RATIO_MAX = 1.1;

/** The loader rows: the fixture site's builds with its RNN loader, beside the same site with the result precomputed. */
function loaderRows(loaders: LoaderBench): [string, string, string][] {
  const { withLoader, precomputed, ratio, dev } = loaders;
  return [
    [
      `**Data loaders** (the fixture site; gradients-through-time trains an RNN in its loader, ${round(loaders.loaderRunMs / 1000, 1)} s a run)`,
      '**with the loader**',
      "**the loader's result precomputed**",
    ],
    ['Cold build (the loader runs)', buildCell(withLoader.cold), 'n/a'],
    [
      `Warm build, nothing changed (median of ${LOADER_BUILDS}, the two sites built in turn)`,
      `${buildCell(withLoader.warm)}: ${ratio.warm}×`,
      buildCell(precomputed.warm),
    ],
    [
      `Build after a prose-only edit of that post (median of ${LOADER_BUILDS}, the two sites built in turn)`,
      `${buildCell(withLoader.proseEdit)}: ${ratio.proseEdit}×`,
      buildCell(precomputed.proseEdit),
    ],
    [
      `astro dev, loader cached: prose edit saved → page shows it (ms, median of ${dev.samplesMs.length})`,
      `${dev.medianMs} (edits: ${dev.samplesMs.join(', ')})`,
      '',
    ],
  ];
}

/** The target the issue set for Figure 1's scroll into view → live, at THROTTLE× CPU. */
const SCROLL_TO_LIVE_TARGET_MS = 500;

/** Build time against post count, as an SVG. */
export async function drawBuildTimes(sites: readonly SiteResult[]): Promise<string> {
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

const plural = (n: number) => `${n} post${n === 1 ? '' : 's'}`;
const buildCell = (b: BuildTime) => `${b.wall} s (${b.cpu} CPU s)`;

/** A Lighthouse result as one cell. */
function lighthouseCell(result: LighthouseResult | undefined): string {
  if (!result) return 'not run';
  const s = result.scores;
  const all = result.performanceScores;
  return `performance ${s.performance}${all ? ` (runs: ${all.join(', ')})` : ''}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}`;
}

/** A hover row: ours (with the ratio) beside vega-embed. */
function hoverRow(label: string, speed: HoverSpeed, moves: number): [string, string, string] {
  const missed = (n: number) => (n ? `; ${n} of ${moves} moves never changed the tooltip` : '');
  return [
    `${label} (ms, median of ${moves} moves; to the tooltip's text changed)`,
    `${speed.ours.medianMs} (${speed.ours.changedMedianMs}): ${speed.ratio}× vega-embed's${missed(speed.ours.missed)}`,
    `${speed.embed.medianMs} (${speed.embed.changedMedianMs})${missed(speed.embed.missed)}`,
  ];
}

/** The table's rows: measure, ours, beside it. */
function tableRows(results: BenchResults): [string, string, string][] {
  const { sites, render, post: ours, vegaEmbedPage: embed, hover, scrollToLive, lighthouse } = results;
  return [
    ['**Build**, cold / warm (wall-clock, and CPU seconds of the build)', '**two charts a post**', '**the same posts without charts**'],
    ...sites.map((s): [string, string, string] => [
      `${plural(s.posts)}, ${s.charts} charts`,
      `${buildCell(s.builds.cold)} / ${buildCell(s.builds.warm)}: ${s.speedup.wall}× faster warm (CPU ${s.speedup.cpu}×)`,
      `${buildCell(s.builds.baselineCold)} / ${buildCell(s.builds.baselineWarm)}`,
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
    [`**The real post** (Chromium ${VIEWPORT.width} × ${VIEWPORT.height}, 127.0.0.1)`, '**ours**', '**vega-embed page, same specs**'],
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
    hoverRow('Hover over Figure 1 → tooltip painted, unthrottled', hover.unthrottled, hover.moves),
    hoverRow(`Hover over Figure 1 → tooltip painted, CPU ${THROTTLE}×`, hover.throttled, hover.moves),
    [
      '**The 10,000-point scatter plot** (fixture post embedding-map: a PCA map of word vectors, a confusion matrix, a table)',
      '**ours**',
      '**vega-embed page, same specs**',
    ],
    ['HTML (raw / gzip)', bytesCell(results.embedding.post.html), bytesCell(results.embedding.vegaEmbedPage.html)],
    [
      'Charts shown / first chart near the viewport → live (ms)',
      `${results.embedding.post.ms.chartsShown} / ${results.embedding.post.ms.nearToLive}`,
      `${results.embedding.vegaEmbedPage.ms.chartsShown} / n/a`,
    ],
    hoverRow('Hover over the scatter → tooltip painted, unthrottled', results.embedding.hover.unthrottled, results.embedding.hover.moves),
    hoverRow(
      `Hover over the scatter → tooltip painted, CPU ${THROTTLE}×`,
      results.embedding.hover.throttled,
      results.embedding.hover.moves,
    ),
    ...dragRows(results.drag.unthrottled, 'unthrottled', results.drag.steps),
    ...dragRows(results.drag.throttled, `CPU ${THROTTLE}×`, results.drag.steps),
    [
      `Figure 1 scrolled into view → live, CPU ${THROTTLE}×, ${SCROLL_VIEWPORT.width} × ${SCROLL_VIEWPORT.height} (ms, median of ${scrollToLive.runs} loads)`,
      `${scrollToLive.medianMs} (runs: ${scrollToLive.samplesMs.join(', ')}; woken → live ${scrollToLive.wakeToLiveMedianMs})`,
      'n/a (all at load)',
    ],
    ...loaderRows(results.loaders),
    [`Lighthouse, desktop ${VIEWPORT.width} × ${VIEWPORT.height}`, lighthouseCell(lighthouse.desktop), ''],
    ['Lighthouse, mobile (default: Moto G Power, slow 4G, 4× CPU)', lighthouseCell(lighthouse.mobile), ''],
  ];
}

/** The table as Markdown (not yet aligned; Prettier aligns it). */
export function resultsTable(results: BenchResults): string {
  return ['| Measure | Ours | Beside it |', '| --- | --- | --- |', ...tableRows(results).map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Each target of the performance issues, whether this run met it, and the figure. */
function targets(results: BenchResults): [boolean, string][] {
  const { post, render, sites, lighthouse: lh, hover, scrollToLive } = results;
  const largest = sites.at(-1);
  const desktop = lh.desktop?.scores;
  const hoverAt = (speed: HoverSpeed, label: string) =>
    `${label} ${speed.ours.medianMs} ms against ${speed.embed.medianMs} ms (${speed.ratio}×; the aim is 0.5×)`;
  return [
    [
      post.js.atLoad.gzip <= BUDGETS.jsAtLoadGzip,
      `JavaScript before any chart nears the viewport ≤ ${kb(BUDGETS.jsAtLoadGzip)} gzip: ${kb(post.js.atLoad.gzip)} (${post.js.files.filter((f) => !f.endsWith('chart-runtime.js') && !f.endsWith(FIGURE_CODE_FILE)).join(', ')})`,
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
    [
      hover.unthrottled.ratio <= 1 && hover.throttled.ratio <= 1,
      `hover → tooltip painted over Figure 1 no slower than vega-embed's at both speeds: ${hoverAt(hover.unthrottled, 'unthrottled')}; ${hoverAt(hover.throttled, `at ${THROTTLE}×`)}`,
    ],
    [
      results.embedding.post.html.gzip <= EMBEDDING_HTML_GZIP_MAX &&
        results.embedding.hover.unthrottled.ratio <= 1 &&
        results.embedding.hover.throttled.ratio <= 1,
      `a post with a 10,000-point scatter plot weighs ≤ ${kb(EMBEDDING_HTML_GZIP_MAX)} gzip: ${kb(results.embedding.post.html.gzip)}; its hover within vega-embed's: ${hoverAt(results.embedding.hover.unthrottled, 'unthrottled')}; ${hoverAt(results.embedding.hover.throttled, `at ${THROTTLE}×`)}`,
    ],
    [
      results.drag.unthrottled.controls.every((c) => c.ours.medianMs <= DRAG_TARGET_MS.unthrottled) &&
        results.drag.throttled.controls.every((c) => c.ours.medianMs <= DRAG_TARGET_MS.throttled),
      `dragging a control of Figure 2 paints each step in ≤ ${DRAG_TARGET_MS.unthrottled} ms (median) unthrottled and ≤ ${DRAG_TARGET_MS.throttled} ms at ${THROTTLE}×: ` +
        [results.drag.unthrottled, results.drag.throttled]
          .map(
            (speed) =>
              `${speed.rate}×: ${speed.controls.map((c) => `${c.name} ${c.ours.medianMs} ms (re-embedding ${c.embed.medianMs})`).join(', ')}`,
          )
          .join('; '),
    ],
    [
      results.loaders.ratio.warm <= LOADER_BUILD_RATIO_MAX && results.loaders.ratio.proseEdit <= LOADER_BUILD_RATIO_MAX,
      `a warm build and a prose-edit build with the RNN loader within ${round((LOADER_BUILD_RATIO_MAX - 1) * 100)}% of the same site with its result precomputed: ` +
        `warm ${results.loaders.withLoader.warm.wall} s against ${results.loaders.precomputed.warm.wall} s (${results.loaders.ratio.warm}×), ` +
        `prose edit ${results.loaders.withLoader.proseEdit.wall} s against ${results.loaders.precomputed.proseEdit.wall} s (${results.loaders.ratio.proseEdit}×)`,
    ],
    [
      scrollToLive.medianMs <= SCROLL_TO_LIVE_TARGET_MS,
      `Figure 1 scrolled into view → live in ≤ ${SCROLL_TO_LIVE_TARGET_MS} ms at ${THROTTLE}× CPU: ${scrollToLive.medianMs} ms`,
    ],
  ];
}

/** Issue 13's page weight for a post with a 10,000-point embedding plot. */
const EMBEDDING_HTML_GZIP_MAX = 300_000;

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

/** One page's profile in a sentence: its time by kind, by package, and its top functions. */
function profileSentence(label: string, summary: ProfileSummary): string {
  const busy = summary.totalMs - summary.kinds.idle;
  const k = summary.kinds;
  const functions = summary.top
    .filter((f) => !f.name.startsWith('('))
    .slice(0, 6)
    .map((f) => `\`${f.name}\` ${f.selfMs} ms (${f.where === 'native' ? 'a native DOM call' : f.where})`);
  const packages = summary.packages.slice(0, 5).map((p) => `${p.name} ${p.selfMs} ms`);
  return (
    `${label}: ${summary.totalMs} ms profiled, ${round(busy)} ms of it busy (${percent(k.idle, summary.totalMs)} idle): ` +
    `"(program)", native work outside JavaScript (style, layout, paint, input), ${k.program} ms (${percent(k.program, busy)} of busy time); ` +
    `JavaScript and the DOM calls it made ${k.script} ms (${percent(k.script, busy)}); garbage collection ${k.garbageCollector} ms. ` +
    `Self time by package: ${packages.join(', ')}. Top functions by self time: ${functions.join(', ')}.`
  );
}

/** The paragraph on where hover time went, from both pages' CPU profiles. */
function profileParagraph(results: BenchResults): string {
  const { ours, embed, savedAs, sourceMapped } = results.hoverProfile;
  const mapped = [
    sourceMapped.ours && "ours (the runtime bundled again with the build's options, checked to be byte for byte the one served)",
    sourceMapped.embed && "vega-embed's (written with its bundle)",
  ].filter(Boolean);
  return [
    `A CPU profile (CDP Profiler, sampling every 200 µs) of a ${PROFILED_MOVES}-move hover sweep over Figure 1, unthrottled, on each page, ` +
      `the same moves as the measured sweeps with the same pauses between them (so idle time is mostly those pauses). ` +
      `Both pages' scripts are minified; ${mapped.length ? `frames are named through the source maps of ${mapped.join(' and ')}` : 'no source map matched, so frames keep their minified names'}. ` +
      (savedAs
        ? `Ours is in [${savedAs}](${savedAs}) (open it in Chromium's DevTools, Performance panel).`
        : 'Neither profile is kept (each was over 1 MB).'),
    '',
    `- ${profileSentence('Ours', ours)}`,
    `- ${profileSentence('vega-embed', embed)} vega-embed compiles Vega's expressions to functions; ours interprets them (vega-interpreter), the price of a CSP without \`unsafe-eval\`.`,
  ].join('\n');
}

/** RESULTS.md for `results`, formatted with the project's Prettier settings. */
export async function resultsMarkdown(results: BenchResults, path: string): Promise<string> {
  const { machine, lighthouse } = results;
  const outsideRequests = Object.values(lighthouse).flatMap((r) => r.outsideRequests);
  const markdown = [
    '# Benchmark results',
    '',
    `The latest \`npm run bench\`, ${results.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, Debian's Chromium, load average ${machine.loadAverage.before[0]!.toFixed(2)} before and ${machine.loadAverage.after[0]!.toFixed(2)} after. ` +
      `Bytes are gzip level 9, 1 KB = 1000 bytes; page times are medians of ${results.runs} loads served on 127.0.0.1 (gzip); build times are one cold build and the median of ${results.warmBuilds} warm builds each. ` +
      `Hover times run from the pointer event's dispatch (its \`timeStamp\`) to the first frame painted after the tooltip's text changed, each move on another point of the sigmoid, in sweeps of ${HOVER_MOVES} moves on a fresh page, each page swept ${SWEEPS_PER_PAGE} times per speed in mirrored order (ours, vega-embed, vega-embed, ours, then the reverse) after an unrecorded warm-up sweep; ` +
      `Drag times run from a real pointer move of the slider's thumb (CDP mouse events; its \`timeStamp\`) to the frame painted after the figure shows the new state; the vega-embed page gets the same slider, which embeds the figure again on each input. ` +
      `The loader builds take turns between the site with the loader and the same site with its result precomputed, ${LOADER_BUILDS} of each. ` +
      `CPU throttling is CDP's \`Emulation.setCPUThrottlingRate\`. ` +
      'The numbers are in [results.json](results.json).',
    '',
    resultsTable(results),
    '',
    '![Build time against post count](build-time.svg)',
    '',
    '## Targets',
    '',
    ...targets(results).map(([met, text]) => `- ${met ? 'Met' : '**Not met**'}: ${text}`),
    '',
    Object.keys(lighthouse).length === 0
      ? 'Lighthouse was not run.'
      : `Lighthouse made ${Object.values(lighthouse)
          .map((r) => r.requests)
          .join(' and ')} requests (desktop and mobile), ${outsideRequests.length} outside 127.0.0.1. ` +
        `Audits below 1: ${Object.entries(lighthouse)
          .map(([f, r]) => `${f}: ${r.failing.join(', ') || 'none'}`)
          .join('; ')}.`,
    '',
    '## Where hover time goes',
    '',
    profileParagraph(results),
    '',
  ].join('\n');
  return format(markdown, { ...(await resolveConfig(path)), filepath: path });
}
