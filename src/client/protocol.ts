/**
 * The contract between the small loader (on every page) and the chart runtime (fetched once, when
 * a chart is about to be seen). The runtime announces itself with an event rather than a global.
 */

/** The event the runtime dispatches on `document` when its script has run. */
export const RUNTIME_READY_EVENT = 'vega-chart:runtime-ready';

/** The runtime script's file name, next to the loader's. */
export const RUNTIME_FILE = 'chart-runtime.js';

/** What the runtime hands the loader. */
export interface ChartRuntime {
  /** Replaces the element's static SVG with a live view of the same size. */
  hydrate(element: HTMLElement): Promise<void>;
}

export type RuntimeReadyEvent = CustomEvent<ChartRuntime>;
