/**
 * An explorable figure, live: its controls move, the post's own function (arrived in
 * figure-code.js) recomputes the figure in the browser, and the running view gets the new rows
 * through view.data(). The printed outputs that follow the figure, its words, its table, its CSV
 * and spec downloads, and the link's hash (`#cumulative-gradient:n=20,x=1`) follow too.
 *
 * A drag fires an input event a frame or more; each is drawn at once, and those that arrive while
 * a state is being drawn are coalesced into the latest, so a slow machine skips states rather than
 * falling behind. The figure's words and table
 * wait until the controls rest, so a screen reader hears one sentence, not one a step.
 */
import type { View } from 'vega-view';
import {
  CONTROLS_LIVE,
  defaultValues,
  firstDifference,
  formatState,
  formatValue,
  parseState,
  runExplorable,
  snap,
  specStructure,
  type Explorable,
} from '../lib/explorable.ts';
import { fieldFormats, fieldTitles, pageTable, tableHtml } from '../lib/charts/table.ts';
import type { ChartPayload } from '../lib/charts/embed.ts';

/** How long the controls rest before the words and the table are rewritten (ms). */
const SETTLE_MS = 400;

type Values = Record<string, number>;

interface LiveFigure {
  /** The <figure>. */
  readonly figure: HTMLElement;
  readonly id: string;
  readonly view: View;
  /** The payload the chart came alive with: its datasets are swapped in place, so the downloads read the new rows. */
  readonly payload: ChartPayload;
  readonly explorable: Explorable;
  /** Has the view lay itself out again for new data, in the same box (the build's room for the axes was the defaults'). */
  readonly refit: () => void;
}

/** The spec's datasets, by name, or none. */
function datasetsOf(spec: unknown): Record<string, Record<string, unknown>[]> {
  const { datasets } = (spec ?? {}) as { datasets?: Record<string, Record<string, unknown>[]> };
  return datasets && typeof datasets === 'object' ? datasets : {};
}

/** Rewrites the figure's words, data tables and spec text from the spec now drawn. */
function rewriteDisclosure(figure: HTMLElement, id: string, spec: unknown): void {
  const { description } = spec as { description?: unknown };
  if (typeof description === 'string') {
    const summary = figure.querySelector(`#${CSS.escape(`${id}-summary`)}`);
    if (summary && summary.textContent !== description) summary.textContent = description;
    const inWords = figure.querySelector('.chart__in-words');
    if (inWords) inWords.textContent = description;
  }
  const titles = fieldTitles(spec);
  const formats = fieldFormats(spec);
  const blocks = figure.querySelectorAll('.chart__data');
  Object.values(datasetsOf(spec)).forEach((rows, i) => {
    const block = blocks[i];
    if (!block) return;
    const table = pageTable(rows, titles, formats);
    const title = block.querySelector('.chart__data-title');
    if (title) title.textContent = table.title;
    const scroll = block.querySelector('.chart__table-scroll');
    if (scroll) scroll.innerHTML = tableHtml(table);
  });
  const specText = figure.querySelector('.chart__spec code');
  if (specText) {
    const { datasets: _datasets, ...shown } = spec as Record<string, unknown>;
    specText.textContent = JSON.stringify(shown, null, 2);
  }
}

/** Wires an explorable figure's controls to its live view. */
export function wireExplorable({ figure, id, view, payload, explorable, refit }: LiveFigure): void {
  const controls = figure.querySelector<HTMLElement>(`.explorable[data-explorable-for="${CSS.escape(id)}"]`);
  if (!controls) return;
  const { parameters } = explorable;
  const defaults = defaultValues(parameters);
  const inputs = new Map<string, HTMLInputElement>();
  for (const name of Object.keys(parameters)) {
    const input = controls.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`);
    if (input) inputs.set(name, input);
  }
  const note = controls.querySelector<HTMLElement>('.explorable__note');
  const reset = controls.querySelector<HTMLButtonElement>('.explorable__reset');
  // What the live view keeps from the defaults' spec: a state whose spec changes it cannot be drawn.
  // Computed at the first move, not while the chart comes alive (it reruns the whole figure).
  let structure: unknown;
  const defaultsStructure = () => (structure ??= specStructure(runExplorable(explorable, defaults).spec));

  let shown: Values = { ...defaults };
  let wanted: Values | undefined;
  let drawing = false;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const problemBox = controls.querySelector<HTMLElement>('.explorable__problem');
  /** Shows what went wrong over the top of the chart, or, with no message, takes it away. */
  const sayProblem = (message?: string) => {
    if (!problemBox) return;
    if (message !== undefined) problemBox.textContent = message;
    problemBox.hidden = message === undefined;
  };

  const showValues = (values: Values) => {
    for (const [name, input] of inputs) {
      const value = values[name]!;
      if (Number(input.value) !== value) input.value = String(value);
      const output = controls.querySelector(`output[for="${CSS.escape(input.id)}"]`);
      if (output) output.textContent = formatValue(parameters[name]!, value);
    }
  };

  const writeHash = (values: Values) => {
    const atDefaults = Object.keys(values).every((name) => values[name] === defaults[name]);
    const ours = location.hash.startsWith(`#${id}:`);
    if (atDefaults && !ours) return;
    const url = atDefaults ? location.pathname + location.search : `#${id}:${formatState(values)}`;
    history.replaceState(history.state, '', url);
  };

  /** Computes and draws one state; where the function gives no chart for it, says why and keeps the last. */
  const draw = async (values: Values): Promise<void> => {
    let spec: unknown;
    let printed: string | undefined;
    try {
      ({ spec, printed } = runExplorable(explorable, values));
    } catch (error) {
      const message = (error as Error).message;
      sayProblem(`${message.charAt(0).toUpperCase()}${message.slice(1)}. The chart shows the last state it could draw.`);
      return;
    }
    const changed = firstDifference(defaultsStructure(), specStructure(spec));
    if (changed) {
      sayProblem(
        `At ${formatState(values)} the figure changes more than its data (${changed}); the chart shows the last state it could draw.`,
      );
      return;
    }
    const datasets = datasetsOf(spec);
    refit();
    for (const [name, rows] of Object.entries(datasets)) {
      view.data(name, rows);
      (payload.datasets as Record<string, unknown>)[name] = rows;
    }
    await view.runAsync();
    if (printed !== undefined) {
      for (const samp of document.querySelectorAll(`[data-printed-for="${CSS.escape(id)}"] samp`)) {
        if (samp.textContent !== printed) samp.textContent = printed;
      }
    }
    shown = values;
    sayProblem();
    clearTimeout(settle);
    settle = setTimeout(() => rewriteDisclosure(figure, id, spec), SETTLE_MS);
  };

  /**
   * Draws the latest wanted state at once (in time for the coming frame), and while one is being
   * drawn keeps only the latest of the moves that arrive, drawn as soon as it is done: a fast drag
   * skips states, never queues them.
   */
  const drawWanted = async () => {
    if (drawing || !wanted) return;
    drawing = true;
    const values = wanted;
    wanted = undefined;
    try {
      await draw(values);
    } finally {
      drawing = false;
      void drawWanted();
    }
  };

  // The link's hash follows once the controls rest: history.replaceState costs milliseconds a call
  // (a third of a drag step's time in a CPU profile), and Chromium throttles a page that calls it
  // hundreds of times in a few seconds.
  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  const want = (values: Values) => {
    showValues(values);
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => writeHash(values), SETTLE_MS);
    wanted = values;
    void drawWanted();
  };

  const fromInputs = (): Values =>
    Object.fromEntries([...inputs].map(([name, input]) => [name, snap(parameters[name]!, Number(input.value))]));

  for (const input of inputs.values()) {
    input.addEventListener('input', () => want(fromInputs()));
    input.disabled = false;
  }
  reset?.addEventListener('click', () => want({ ...defaults }));
  if (reset) reset.disabled = false;
  if (note) note.textContent = CONTROLS_LIVE;

  // A link to a state: drawn once the chart is live, and again when the hash changes.
  const fromHash = () => {
    const values = parseState(location.hash, id, parameters);
    if (!values || formatState(values) === formatState(wanted ?? shown)) return;
    showValues(values);
    wanted = values;
    void drawWanted();
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
}
