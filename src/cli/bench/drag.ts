/**
 * Dragging an explorable figure's control: Figure 2's n and x, DRAG_STEPS steps each, unthrottled
 * and at THROTTLE× CPU. Each step is timed in the page, from the input event (the control's value
 * set and `input` dispatched, as a drag does) until the figure shows the new state (its printed
 * inputs change once the live view has drawn it) and the next frame has been painted
 * (requestAnimationFrame, then a task). Beside it, the same update done by re-embedding: the
 * vega-embed page runs the post's own function (its figure-code.js) for the new spec and embeds it
 * again, timed the same way until vega-embed's promise settles and a frame is painted.
 */
import type { Browser } from 'playwright-core';
import { median, progress, round, VIEWPORT } from './util.ts';
import { THROTTLE } from './interaction.ts';

/** The figure whose controls are dragged, and its controls. */
export const DRAG_FIGURE = 'cumulative-gradient';
/** Steps per drag of one control. */
export const DRAG_STEPS = 60;

/** A control's drag: `DRAG_STEPS` values across its range and back, as a reader's hand moves it. */
export const DRAGS: readonly { name: string; values: readonly number[] }[] = [
  // n: 1 → 30 → 1 and on, one step each: every step a new state.
  { name: 'n', values: Array.from({ length: DRAG_STEPS }, (_, i) => 1 + (i < 29 ? i + 1 : i < 58 ? 57 - i : i - 57)) },
  // x: −10 → 10 in thirds, snapped to its 0.1 grid.
  { name: 'x', values: Array.from({ length: DRAG_STEPS }, (_, i) => Math.round((-10 + (20 * (i + 1)) / DRAG_STEPS) * 10) / 10) },
];

export interface DragTiming {
  medianMs: number;
  p95Ms: number;
}

export interface DragSpeed {
  rate: number;
  /** Per control: ours, and re-embedding with vega-embed. */
  controls: { name: string; ours: DragTiming; embed: DragTiming }[];
}

export interface DragResult {
  steps: number;
  unthrottled: DragSpeed;
  throttled: DragSpeed;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const timing = (ms: readonly number[]): DragTiming => ({ medianMs: round(median(ms)), p95Ms: round(percentile(ms, 95)) });

/** In our page: drags one control through `values`, returning each step's ms. */
async function dragOurs({ figure, name, values }: { figure: string; name: string; values: number[] }): Promise<number[]> {
  const input = document.querySelector<HTMLInputElement>(`#${figure} input[name="${name}"]`)!;
  const printed = document.querySelector(`[data-printed-for="${figure}"] samp`)!;
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times: number[] = [];
  for (const value of values) {
    // Resolved the moment the printed text changes, which explore.ts does once the view has drawn.
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => (observer.disconnect(), resolve(undefined)));
      observer.observe(printed, { childList: true, characterData: true, subtree: true });
    });
    const start = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    await painted();
    times.push(performance.now() - start);
  }
  return times;
}

/** In the vega-embed page: the same states, each spec from the post's function, embedded again. */
async function dragEmbed({ figure, name, values }: { figure: string; name: string; values: number[] }): Promise<number[]> {
  type Figure = { figure(v: Record<string, number>): { spec: unknown }; parameters: Record<string, { value: number }> };
  const code = (window as unknown as { __computedFigures: Record<string, Figure> }).__computedFigures[figure]!;
  const embed = (window as unknown as { __embed: (el: Element, spec: unknown, options: object) => Promise<unknown> }).__embed;
  const element = document.querySelector(`#${figure} [data-spec]`)!;
  const state = Object.fromEntries(Object.entries(code.parameters).map(([key, p]) => [key, p.value]));
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times: number[] = [];
  for (const value of values) {
    const start = performance.now();
    state[name] = value;
    await embed(element, code.figure(state).spec, { actions: false });
    await painted();
    times.push(performance.now() - start);
  }
  return times;
}

async function dragOnce(
  browser: Browser,
  url: string,
  kind: 'ours' | 'embed',
  rate: number,
  name: string,
  values: readonly number[],
): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (kind === 'ours') {
      await page.locator(`#${DRAG_FIGURE}`).scrollIntoViewIfNeeded();
      await page.locator(`#${DRAG_FIGURE} .explorable input:not([disabled])`).first().waitFor();
    } else {
      await page.waitForFunction(() => (window as unknown as { __renderedAt?: number }).__renderedAt !== undefined);
      await page.locator(`#${DRAG_FIGURE}`).scrollIntoViewIfNeeded();
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const drag = kind === 'ours' ? dragOurs : dragEmbed;
    return await page.evaluate(drag, { figure: DRAG_FIGURE, name, values: [...values] });
  } finally {
    await context.close();
  }
}

/** Both controls dragged on both pages, at both speeds (a fresh page each). */
export async function benchDrag(browser: Browser, urls: { ours: string; embed: string }): Promise<DragResult> {
  const speed = async (rate: number): Promise<DragSpeed> => {
    const controls = [];
    for (const { name, values } of DRAGS) {
      progress(`dragging Figure 2's ${name} (${DRAG_STEPS} steps) at CPU ${rate}×, ours and re-embedding with vega-embed...`);
      const ours = await dragOnce(browser, urls.ours, 'ours', rate, name, values);
      const embed = await dragOnce(browser, urls.embed, 'embed', rate, name, values);
      controls.push({ name, ours: timing(ours), embed: timing(embed) });
    }
    return { rate, controls };
  };
  return { steps: DRAG_STEPS, unthrottled: await speed(1), throttled: await speed(THROTTLE) };
}
