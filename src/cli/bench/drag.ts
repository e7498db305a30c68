/**
 * Dragging an explorable figure's control: Figure 2's n and x, DRAG_STEPS pointer moves each,
 * unthrottled and at THROTTLE× CPU, as a reader's hand drags the slider's thumb: the mouse is
 * pressed on the thumb and moved along the track (CDP Input.dispatchMouseEvent, one pointer event
 * a step). Each step is timed in the page from the pointer event (its `timeStamp`, taken when the
 * browser received it) until the figure shows the new state (its printed inputs change once the
 * live view has drawn it) and the next frame has been painted (requestAnimationFrame, then a task).
 *
 * Beside it, the same update done by re-embedding: the vega-embed page is given the same slider,
 * whose input runs the post's own function (its figure-code.js) for the new spec and embeds it
 * again; timed the same way, until vega-embed's promise settles and a frame is painted.
 *
 * Why real pointer events rather than setting the value and dispatching `input` from a script:
 * Chromium delivers a drag's pointer moves at the start of a frame, so a fast update paints in that
 * same frame; a script that sets the value right after a paint (as this bench did first) always
 * waits a whole frame, 16.7 ms, for the next one however little the update costs, which measures
 * the frame clock rather than the figure.
 */
import type { Browser, Page } from 'playwright-core';
import { median, progress, round, VIEWPORT } from './util.ts';
import { THROTTLE } from './interaction.ts';

/** The figure whose controls are dragged, and its controls. */
export const DRAG_FIGURE = 'cumulative-gradient';
/** Measured pointer moves per drag of one control. */
export const DRAG_STEPS = 60;

/** A control's drag: `DRAG_STEPS` values across its range and back, as a reader's hand moves it. */
export const DRAGS: readonly { name: string; values: readonly number[] }[] = [
  // n: 1 → 30 → 1 and on, one step each: every step a new state.
  { name: 'n', values: Array.from({ length: DRAG_STEPS }, (_, i) => 1 + (i < 29 ? i + 1 : i < 58 ? 57 - i : i - 57)) },
  // x: −10 → 10 in thirds, snapped to its 0.1 grid.
  { name: 'x', values: Array.from({ length: DRAG_STEPS }, (_, i) => Math.round((-10 + (20 * (i + 1)) / DRAG_STEPS) * 10) / 10) },
];

/** How long one step may take before it counts as missed, unthrottled (scaled by the throttling). */
const STEP_TIMEOUT_MS = 3000;

export interface DragTiming {
  medianMs: number;
  p95Ms: number;
  /** Pointer moves that changed no value (the thumb landed on the same step) or timed out: left out. */
  missed: number;
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

function timing(steps: readonly (number | null)[]): DragTiming {
  const ms = steps.filter((step): step is number => step !== null);
  if (ms.length === 0) throw new Error('no drag step changed the figure');
  return { medianMs: round(median(ms)), p95Ms: round(percentile(ms, 95)), missed: steps.length - ms.length };
}

type Kind = 'ours' | 'embed';

/**
 * On the vega-embed page: a slider like ours above the figure (same name, range and step), whose
 * input re-embeds the figure with the post's function at the new state. Each embed's promise
 * bumps `data-embedded` on the figure. Runs in the page.
 */
function addEmbedSlider({ figure, name }: { figure: string; name: string }): void {
  type Parameter = { min: number; max: number; step: number; value: number };
  type Figure = { figure(v: Record<string, number>): { spec: unknown }; parameters: Record<string, Parameter> };
  const w = window as unknown as {
    __computedFigures: Record<string, Figure>;
    __embed: (el: Element, spec: unknown, options: object) => Promise<unknown>;
  };
  const code = w.__computedFigures[figure]!;
  const host = document.getElementById(figure)!;
  const element = host.querySelector('[data-spec]')!;
  const state = Object.fromEntries(Object.entries(code.parameters).map(([key, p]) => [key, p.value]));
  const { min, max, step, value } = code.parameters[name]!;
  const input = Object.assign(document.createElement('input'), { type: 'range', name, min, max, step, value });
  input.style.width = '100%';
  host.prepend(input);
  let embedded = 0;
  input.addEventListener('input', () => {
    state[name] = Number(input.value);
    void w.__embed(element, code.figure(state).spec, { actions: false }).then(() => (host.dataset.embedded = String(++embedded)));
  });
}

/**
 * Watches one armed step at a time; runs in the page. `__dragArm()` arms it and leaves `__dragDone`
 * to settle with the step's ms from the pointer event to the frame painted after the figure showed
 * the new state, or null when the move changed no value.
 */
function installDragProbe({ kind, figure, name }: { kind: Kind; figure: string; name: string }): void {
  const input = document.querySelector<HTMLInputElement>(`#${figure} input[name="${name}"]`)!;
  // What changes once the new state is drawn: our printed inputs, or the embed count.
  const watched = kind === 'ours' ? document.querySelector(`[data-printed-for="${figure}"] samp`)! : document.getElementById(figure)!;
  const mark = () => (kind === 'ours' ? (watched.textContent ?? '') : ((watched as HTMLElement).dataset.embedded ?? ''));
  type Armed = { before: string; value: string; dispatched: number; resolve(ms: number | null): void };
  let armed: Armed | null = null;
  const w = window as unknown as { __dragArm(): void; __dragDone: Promise<number | null> };
  // A frame callback runs before the next paint; a task queued from it runs after that paint.
  const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));
  addEventListener(
    'pointermove',
    (event) => {
      const step = armed;
      if (!step || !Number.isNaN(step.dispatched)) return;
      step.dispatched = event.timeStamp;
      // The slider's value moves in this event's default action; a frame later it has or never will.
      afterPaint(() => {
        if (armed === step && input.value === step.value) ((armed = null), step.resolve(null));
      });
    },
    { capture: true },
  );
  new MutationObserver(() => {
    const step = armed;
    if (!step || mark() === step.before || Number.isNaN(step.dispatched)) return;
    armed = null;
    afterPaint(() => step.resolve(performance.now() - step.dispatched));
  }).observe(watched, { childList: true, subtree: true, characterData: true, attributes: kind === 'embed' });
  w.__dragArm = () => {
    w.__dragDone = new Promise((resolve) => (armed = { before: mark(), value: input.value, dispatched: NaN, resolve }));
  };
}

/** Where on the page the slider's thumb sits at each value: Chromium keeps the thumb inside the track. */
async function thumbPositions(page: Page, name: string, values: readonly number[]): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    ({ figure, name, values }) => {
      const input = document.querySelector<HTMLInputElement>(`#${figure} input[name="${name}"]`)!;
      const { left, width, top, height } = input.getBoundingClientRect();
      const [min, max] = [Number(input.min), Number(input.max)];
      // Chromium's default thumb is as wide as the track is tall, within a few pixels.
      const thumb = Math.min(height, 16);
      return values.map((v) => ({ x: left + thumb / 2 + ((v - min) / (max - min)) * (width - thumb), y: top + height / 2 }));
    },
    { figure: DRAG_FIGURE, name, values },
  );
}

/** Presses the thumb at its current value and drags it through `values`, timing each step. */
async function dragOnce(browser: Browser, url: string, kind: Kind, rate: number, name: string, values: readonly number[]) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (kind === 'ours') {
      await page.locator(`#${DRAG_FIGURE}`).scrollIntoViewIfNeeded();
      await page.locator(`#${DRAG_FIGURE} .explorable input:not([disabled])`).first().waitFor();
    } else {
      await page.waitForFunction(() => (window as unknown as { __renderedAt?: number }).__renderedAt !== undefined);
      await page.evaluate(addEmbedSlider, { figure: DRAG_FIGURE, name });
    }
    const slider = page.locator(`#${DRAG_FIGURE} input[name="${name}"]`);
    await slider.scrollIntoViewIfNeeded();
    const start = Number(await slider.inputValue());
    const [grip, ...targets] = await thumbPositions(page, name, [start, ...values]);
    await page.evaluate(installDragProbe, { kind, figure: DRAG_FIGURE, name });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.mouse.move(grip!.x, grip!.y);
    await page.mouse.down();
    const steps: (number | null)[] = [];
    for (const target of targets) {
      await page.evaluate(() => (window as unknown as { __dragArm(): void }).__dragArm());
      await page.mouse.move(target.x, target.y);
      steps.push(
        await page.evaluate(
          (timeout) =>
            Promise.race([
              (window as unknown as { __dragDone: Promise<number | null> }).__dragDone,
              new Promise<null>((resolve) => setTimeout(() => resolve(null), timeout)),
            ]),
          STEP_TIMEOUT_MS * rate,
        ),
      );
    }
    await page.mouse.up();
    return steps;
  } finally {
    await context.close();
  }
}

/** Both controls dragged on both pages, at both speeds (a fresh page each). */
export async function benchDrag(browser: Browser, urls: { ours: string; embed: string }): Promise<DragResult> {
  const speed = async (rate: number): Promise<DragSpeed> => {
    const controls = [];
    for (const { name, values } of DRAGS) {
      progress(`dragging Figure 2's ${name} (${DRAG_STEPS} pointer moves) at CPU ${rate}×, ours and re-embedding with vega-embed...`);
      const ours = timing(await dragOnce(browser, urls.ours, 'ours', rate, name, values));
      const embed = timing(await dragOnce(browser, urls.embed, 'embed', rate, name, values));
      progress(
        `  ours ${ours.medianMs} / ${ours.p95Ms} ms (${ours.missed} missed); re-embedding ${embed.medianMs} / ${embed.p95Ms} ms (${embed.missed} missed)`,
      );
      controls.push({ name, ours, embed });
    }
    return { rate, controls };
  };
  return { steps: DRAG_STEPS, unthrottled: await speed(1), throttled: await speed(THROTTLE) };
}
