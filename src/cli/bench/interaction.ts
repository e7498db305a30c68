/**
 * Interaction timings in Chromium, ours beside the vega-embed page of the same specs:
 *
 * - Hover → tooltip painted, over Figure 1, unthrottled and at THROTTLE× CPU throttling (CDP
 *   Emulation.setCPUThrottlingRate): the median of SWEEPS_PER_PAGE × HOVER_MOVES pointer moves, each from the
 *   moment the pointer event was dispatched (its `timeStamp`, which Chromium takes when the
 *   DevTools command creates the event, on the page's performance.now() clock) until the
 *   tooltip's text has changed and the next frame has been painted (requestAnimationFrame, then a
 *   task: it runs once that frame is out). Ours draws its tooltip into `.chart-tooltip` inside
 *   the figure; vega-embed uses vega-tooltip's `#vg-tooltip-element`, made on its first show.
 * - Figure 1 scrolled into view → live, at THROTTLE× (ours only: vega-embed's charts are live once
 *   its page has loaded): from the scroll, on a loaded and idle page, until the chart's
 *   <vega-chart> has data-state="live".
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { FIGURE_1, median, progress, round, VIEWPORT } from './util.ts';
import { pageProbe, probedStates } from './page-load.ts';
import type { CpuProfile } from './profile.ts';

export type Kind = 'ours' | 'embed';

/** Pointer moves measured per sweep (the median is reported), after WARM_UP_MOVES that are not. */
export const HOVER_MOVES = 24;
const WARM_UP_MOVES = 3;

/** Moves in the profiled sweep. */
export const PROFILED_MOVES = 20;

/** The CPU slowdown of the throttled runs: Lighthouse's mobile preset uses the same. */
export const THROTTLE = 4;

/**
 * The scroll-to-live viewport: short enough that Figure 1 starts well below the fold and the
 * loader's 200 px margin, so nothing wakes it before the scroll.
 */
export const SCROLL_VIEWPORT = { width: 1280, height: 600 };

/** Each page's tooltip element, for the figure of this id. */
const tooltipSelector = (kind: Kind, figureId: string) => (kind === 'ours' ? `#${figureId} .chart-tooltip` : '#vg-tooltip-element');

/** How long one move may take before it counts as missed (the tooltip never changed), unthrottled. */
const MOVE_TIMEOUT_MS = 3000;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One measured move, in ms on the page's clock. */
interface Move {
  /** Pointer event dispatched → tooltip text changed. */
  changed: number;
  /** Pointer event dispatched → the next frame painted. */
  painted: number;
}

export interface Sweep {
  /** Median ms from pointer event to tooltip painted; the number the table shows. */
  medianMs: number;
  /** Median ms from pointer event to the tooltip's text changed (before the paint). */
  changedMedianMs: number;
  /** Moves whose tooltip did not change within the timeout (left out of the medians). */
  missed: number;
  /** Every measured move's ms to painted, in order. */
  paintedMs: number[];
}

export interface HoverSpeed {
  /** CPU throttling rate (1: none). */
  rate: number;
  ours: Sweep;
  embed: Sweep;
  /** Ours' median over vega-embed's. */
  ratio: number;
}

export interface HoverResult {
  moves: number;
  unthrottled: HoverSpeed;
  throttled: HoverSpeed;
}

/** Figure 1's plot area in client pixels, on either page; runs in the page. */
function plotBox({ kind, id }: { kind: Kind; id: string }): Box {
  const figure = document.getElementById(id)!;
  if (kind === 'ours') {
    // Vega's SVG draws the root group's background over exactly the plot (axes lie outside it).
    const { left, top, width, height } = figure
      .querySelector('.chart__live svg g.mark-group.role-frame.root > g > path.background')!
      .getBoundingClientRect();
    return { left, top, width, height };
  }
  // On vega-embed's page, from its view, whichever renderer the spec asks for: the plot starts at
  // the view's origin in its SVG or canvas, at the view's width and height.
  const index = [...document.querySelectorAll('figure')].indexOf(figure as HTMLElement);
  const view = (window as unknown as { __views: { origin(): [number, number]; width(): number; height(): number }[] }).__views[index]!;
  const drawn = figure.querySelector('.vega-embed > svg, .vega-embed > canvas')!.getBoundingClientRect();
  const [x, y] = view.origin();
  return { left: drawn.left + x, top: drawn.top + y, width: view.width(), height: view.height() };
}

/**
 * Where the pointer goes: on the sigmoid (Figure 1's x runs from −10 to 10 and y from 0 to 1), kept
 * 8% of the plot's height away from its top and bottom edges, spread over the plot's width and
 * visited out of order, each about a third of the plot away from the last. Moves are at least 3%
 * of the plot apart, several points of the 100 a series has, so every move has another nearest
 * point and another tooltip. (At the very edge, on vega-embed's page, the pointer lands on an axis
 * line instead, which has no tooltip.)
 */
function pointerTargets(plot: Box, count: number): { x: number; y: number }[] {
  // A stride with no factor in common with `count` visits every slot once.
  let stride = Math.round(count / 3);
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  while (gcd(stride, count) !== 1) stride++;
  return Array.from({ length: count }, (_, i) => {
    const fraction = 0.04 + (0.92 * ((i * stride) % count)) / (count - 1);
    const sigmoid = 1 / (1 + Math.exp(-(-10 + 20 * fraction)));
    return { x: plot.left + fraction * plot.width, y: plot.top + Math.min(0.92, Math.max(0.08, 1 - sigmoid)) * plot.height };
  });
}

/**
 * Watches the tooltip for one armed move at a time; runs in the page. `__hoverArm()` arms it and
 * leaves `__hoverDone` to settle with the move's times, once the tooltip's text differs from what
 * it was when armed and a frame has been painted after that.
 */
function installHoverProbe(selector: string): void {
  const tooltip = document.querySelector(selector);
  if (!tooltip) throw new Error(`no tooltip element ${selector}`);
  type Armed = { before: string; dispatched: number; resolve(move: { dispatched: number; changed: number; painted: number }): void };
  let armed: Armed | null = null;
  const w = window as unknown as { __hoverArm(): void; __hoverDone: Promise<unknown> };
  // Capturing on window, so the page's own handlers run after this one has read the time.
  addEventListener(
    'pointermove',
    (event) => {
      if (armed && Number.isNaN(armed.dispatched)) armed.dispatched = event.timeStamp;
    },
    { capture: true },
  );
  new MutationObserver(() => {
    const move = armed;
    if (!move || (tooltip.textContent ?? '') === move.before) return;
    armed = null;
    const changed = performance.now();
    // A frame callback runs before the next paint; a task queued from it runs after that paint.
    requestAnimationFrame(() => setTimeout(() => move.resolve({ dispatched: move.dispatched, changed, painted: performance.now() }), 0));
  }).observe(tooltip, { childList: true, subtree: true, characterData: true });
  w.__hoverArm = () => {
    w.__hoverDone = new Promise((resolve) => (armed = { before: tooltip.textContent ?? '', dispatched: NaN, resolve }));
  };
}

/** Waits until the page's main thread is idle (or 2 s have passed), then a little more. */
async function settle(page: Page, rate: number): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
  await page.waitForTimeout(50 * rate);
}

/** A fresh context on `url` with the figure live and centred in the viewport, the tooltip made, and its plot box. */
async function openFigure(
  browser: Browser,
  url: string,
  kind: Kind,
  figureId: string,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; plot: Box }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center', behavior: 'instant' }), figureId);
  if (kind === 'ours') await page.waitForSelector(`#${figureId} vega-chart[data-state="live"]`);
  else await page.evaluate(() => (window as unknown as { __embedDone: Promise<unknown> }).__embedDone);
  await settle(page, 1);
  const plot = await page.evaluate(plotBox, { kind, id: figureId });
  // Unmeasured moves: vega-tooltip makes its element on the first one, and both pages warm up.
  for (const target of pointerTargets(plot, WARM_UP_MOVES + HOVER_MOVES).slice(0, WARM_UP_MOVES)) {
    await page.mouse.move(target.x, target.y);
    await settle(page, 1);
  }
  await page.evaluate(installHoverProbe, tooltipSelector(kind, figureId));
  return { context, page, cdp: await context.newCDPSession(page), plot };
}

/** Moves the pointer to each target in turn, one pointer event each, timing each move until its tooltip is painted. */
async function sweep(page: Page, targets: readonly { x: number; y: number }[], rate: number): Promise<(Move | null)[]> {
  const moves: (Move | null)[] = [];
  for (const target of targets) {
    await page.evaluate(() => (window as unknown as { __hoverArm(): void }).__hoverArm());
    await page.mouse.move(target.x, target.y);
    const move = await page.evaluate(
      (timeout) =>
        Promise.race([
          (window as unknown as { __hoverDone: Promise<{ dispatched: number; changed: number; painted: number }> }).__hoverDone,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), timeout)),
        ]),
      MOVE_TIMEOUT_MS * rate,
    );
    moves.push(
      move && Number.isFinite(move.dispatched)
        ? { changed: move.changed - move.dispatched, painted: move.painted - move.dispatched }
        : null,
    );
    await settle(page, rate);
  }
  return moves;
}

/** One sweep of HOVER_MOVES moves over a figure of `url` at CPU throttling `rate`, on a fresh page: each move's times, or null if missed. */
async function hoverSweep(browser: Browser, url: string, kind: Kind, rate: number, figureId: string): Promise<(Move | null)[]> {
  const { context, page, cdp, plot } = await openFigure(browser, url, kind, figureId);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    return await sweep(page, pointerTargets(plot, WARM_UP_MOVES + HOVER_MOVES).slice(WARM_UP_MOVES), rate);
  } finally {
    await context.close();
  }
}

/** The medians of the moves of a page's sweeps at one speed. */
function summarise(moves: readonly (Move | null)[], url: string, figureId: string): Sweep {
  const measured = moves.filter((move): move is Move => move !== null);
  if (measured.length === 0) throw new Error(`no hover move over #${figureId} of ${url} changed the tooltip`);
  return {
    medianMs: round(median(measured.map((m) => m.painted)), 1),
    changedMedianMs: round(median(measured.map((m) => m.changed)), 1),
    missed: moves.length - measured.length,
    paintedMs: measured.map((m) => round(m.painted, 1)),
  };
}

/** Sweeps per page at each speed; their moves are pooled. */
export const SWEEPS_PER_PAGE = 2;

/**
 * Hover → tooltip painted on both pages, unthrottled and at THROTTLE×. Whichever page was swept
 * first measured slower (up to about 1.5×, on either page, in a scratch run on a fresh browser),
 * and this once always swept ours first; so an unrecorded sweep comes first, then each speed runs
 * the pages in mirrored order (ours, vega-embed, vega-embed, ours; then the other way round), so
 * that neither drift nor order favours one page.
 */
export async function benchHover(browser: Browser, urls: Record<Kind, string>, figureId = FIGURE_1): Promise<HoverResult> {
  progress(`hover warm-up sweep over #${figureId} (not recorded)...`);
  await hoverSweep(browser, urls.embed, 'embed', 1, figureId);
  const speeds: HoverSpeed[] = [];
  for (const [index, rate] of [1, THROTTLE].entries()) {
    const first: Kind = index % 2 === 0 ? 'ours' : 'embed';
    const second: Kind = first === 'ours' ? 'embed' : 'ours';
    const order = Array.from({ length: SWEEPS_PER_PAGE }, (_, sweep): Kind[] =>
      sweep % 2 === 0 ? [first, second] : [second, first],
    ).flat();
    const moves: Record<Kind, (Move | null)[]> = { ours: [], embed: [] };
    for (const kind of order) {
      progress(`hover sweep over #${figureId}, ${kind === 'ours' ? 'our post' : 'vega-embed page'}, CPU ${rate}×, ${HOVER_MOVES} moves...`);
      moves[kind].push(...(await hoverSweep(browser, urls[kind], kind, rate, figureId)));
    }
    const ours = summarise(moves.ours, urls.ours, figureId);
    const embed = summarise(moves.embed, urls.embed, figureId);
    for (const [kind, result] of [
      ['ours', ours],
      ['vega-embed', embed],
    ] as const)
      progress(
        `  ${kind}, CPU ${rate}×: median ${result.medianMs} ms to painted (${result.changedMedianMs} ms to changed), ${result.missed} missed`,
      );
    speeds.push({ rate, ours, embed, ratio: round(ours.medianMs / embed.medianMs, 2) });
  }
  return { moves: HOVER_MOVES * SWEEPS_PER_PAGE, unthrottled: speeds[0]!, throttled: speeds[1]! };
}

/** A CPU profile (CDP Profiler) of a PROFILED_MOVES-move hover sweep over Figure 1, unthrottled. */
export async function profileHover(browser: Browser, url: string, kind: Kind): Promise<CpuProfile> {
  const { context, page, cdp, plot } = await openFigure(browser, url, kind, FIGURE_1);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await sweep(page, pointerTargets(plot, WARM_UP_MOVES + PROFILED_MOVES).slice(WARM_UP_MOVES), 1);
    const { profile } = await cdp.send('Profiler.stop');
    return profile as CpuProfile;
  } finally {
    await context.close();
  }
}

export interface ScrollToLive {
  runs: number;
  rate: number;
  viewport: { width: number; height: number };
  /** Median ms from the scroll to data-state="live"; every run's in `samplesMs`. */
  medianMs: number;
  samplesMs: number[];
  /** Median ms of the part of it from the chart waking (data-state="loading") to live. */
  wakeToLiveMedianMs: number;
}

/** Figure 1 scrolled into view → live at THROTTLE×, on `runs` fresh loads of our post. */
export async function benchScrollToLive(browser: Browser, url: string, runs: number): Promise<ScrollToLive> {
  const total: number[] = [];
  const wakeToLive: number[] = [];
  for (let run = 1; run <= runs; run++) {
    progress(`Figure 1 scrolled into view → live, CPU ${THROTTLE}×, load ${run} of ${runs}...`);
    const context = await browser.newContext({ viewport: SCROLL_VIEWPORT });
    try {
      const page = await context.newPage();
      await page.addInitScript(pageProbe);
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await settle(page, 1);
      if ((await page.locator(`#${FIGURE_1} vega-chart[data-state]`).count()) > 0)
        throw new Error(`Figure 1 woke before it was scrolled to: the ${SCROLL_VIEWPORT.height} px viewport is too tall`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const scrolledAt = await page.evaluate((id) => {
        const at = performance.now();
        document.getElementById(id)!.scrollIntoView({ block: 'center', behavior: 'instant' });
        return at;
      }, FIGURE_1);
      await page.waitForSelector(`#${FIGURE_1} vega-chart[data-state="live"]`, { timeout: 60_000 });
      const states = (await probedStates(page)).filter((s) => s.id === FIGURE_1);
      const live = states.find((s) => s.state === 'live')!.at;
      const woke = states.find((s) => s.state === 'loading')!.at;
      total.push(round(live - scrolledAt, 1));
      wakeToLive.push(round(live - woke, 1));
      progress(`  ${total.at(-1)} ms (woke after ${round(woke - scrolledAt, 1)} ms)`);
    } finally {
      await context.close();
    }
  }
  return {
    runs,
    rate: THROTTLE,
    viewport: SCROLL_VIEWPORT,
    medianMs: round(median(total), 1),
    samplesMs: total,
    wakeToLiveMedianMs: round(median(wakeToLive), 1),
  };
}
