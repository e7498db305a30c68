/**
 * What the browser runs instead of Vega-Lite's pointer machinery, for the live view.
 *
 * Every event stream a Vega view registers runs the whole dataflow once per event (vega-view
 * wraps each in `runAsync`), before any filter sees it. Vega-Lite's zoom registers two that see
 * every pointer move: its `unit` signal, on every move over the chart, and the drag pan, on every
 * move anywhere in the window (a filter then drops the moves made with no button down). With two
 * zoomable charts on a page, a hover ran three dataflows and read the SVG's screen matrix three
 * times. The live view drops both and does the same work itself: the unit is pinned to the root
 * group (the only group a single view has), and src/client/zoom.ts pans on a drag. The published
 * spec keeps them, so it behaves the same in any Vega tool.
 */
import type { Spec as VegaSpec } from 'vega';
import { ZOOM_PARAM, ZOOM_SIGNAL } from './layout.ts';
import { withoutVoronoiCells } from './nearest-points.ts';
import { withDeferredPointerMarks } from './pointer-marks.ts';

interface Handler {
  events?: unknown;
  update?: unknown;
}

interface Signal {
  name: string;
  on?: readonly Handler[];
}

type WithSignals = VegaSpec & { signals?: readonly Signal[] };

/** Vega-Lite's `unit` signal and its one handler. */
export const UNIT_SIGNAL = 'unit';
const UNIT_HANDLER: Handler = { events: 'pointermove', update: 'isTuple(group()) ? group() : unit' };

/** The drag pan of the zoom selection: where the drag started and how far it has moved. */
const PAN_SIGNALS = [`${ZOOM_PARAM}_translate_anchor`, `${ZOOM_PARAM}_translate_delta`] as const;

const sameHandler = (a: Handler, b: Handler) =>
  Object.keys(a).length === 2 && JSON.stringify(a.events) === JSON.stringify(b.events) && a.update === b.update;

/**
 * The spec with the top-level `unit` signal's pointer handler removed (the runtime sets it to the
 * root group item), or null when it has no such signal or it has any other handler.
 */
export function withPinnedUnit(vega: VegaSpec): VegaSpec | null {
  const signals = (vega as WithSignals).signals ?? [];
  const unit = signals.find((signal) => signal.name === UNIT_SIGNAL);
  if (!unit?.on || unit.on.length !== 1 || !sameHandler(unit.on[0]!, UNIT_HANDLER)) return null;
  const { on: _pointerMoves, ...pinned } = unit;
  return { ...vega, signals: signals.map((signal) => (signal === unit ? pinned : signal)) } as VegaSpec;
}

/**
 * The spec without the zoom's drag pan (its anchor and delta signals, and the zoom signal's
 * handler for the delta), for src/client/zoom.ts to pan instead; or null when it has no drag pan,
 * or something else reads its signals.
 */
export function withoutVegaPan(vega: VegaSpec): VegaSpec | null {
  const signals = (vega as WithSignals).signals ?? [];
  const names = new Set<string>(PAN_SIGNALS);
  if (!PAN_SIGNALS.every((name) => signals.some((signal) => signal.name === name))) return null;
  const readsPan = (handler: Handler) => JSON.stringify(handler.events).includes(`"${PAN_SIGNALS[1]}"`);
  const rest = signals
    .filter((signal) => !names.has(signal.name))
    .map((signal) => (signal.name === ZOOM_SIGNAL && signal.on ? { ...signal, on: signal.on.filter((h) => !readsPan(h)) } : signal));
  const spec = { ...vega, signals: rest } as VegaSpec;
  const text = JSON.stringify(spec);
  return PAN_SIGNALS.some((name) => text.includes(name)) ? null : spec;
}

export interface LiveSpec {
  /** The compiled spec the browser parses. */
  readonly spec: VegaSpec;
  /** The point marks whose nearest item the client finds for the tooltip (Voronoi cells dropped); empty when Vega's cells stay. */
  readonly pointMarks: readonly string[];
  /** Set `unit` to the root group item once the view has run. */
  readonly pinnedUnit: boolean;
  /** Pan on a drag in the client: the spec no longer does. */
  readonly clientPan: boolean;
  /** Its pointer-only marks wait for POINTER_READY_SIGNAL (withDeferredPointerMarks). */
  readonly deferred: boolean;
}

/**
 * The spec the live view runs, from the compiled one: without its Voronoi cells, with its
 * per-move pointer streams taken out where they can be, and its pointer-only marks deferred. The
 * build checks this spec against the runtime's transforms, so what it checks is what runs.
 */
export function liveSpec(vega: VegaSpec): LiveSpec {
  const nearest = withoutVoronoiCells(vega);
  const withCells = nearest?.spec ?? vega;
  const pinned = withPinnedUnit(withCells);
  const unpanned = withoutVegaPan(pinned ?? withCells);
  const running = unpanned ?? pinned ?? withCells;
  const deferred = withDeferredPointerMarks(running);
  return {
    spec: deferred ?? running,
    pointMarks: nearest?.pointMarks ?? [],
    pinnedUnit: pinned !== null,
    clientPan: unpanned !== null,
    deferred: deferred !== null,
  };
}
