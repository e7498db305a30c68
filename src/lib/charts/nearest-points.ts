/**
 * Nearest-point tooltips without Voronoi cells, for the live view.
 *
 * Vega-Lite shows the tooltip of the point nearest the pointer (a `nearest: true` selection) by
 * drawing an invisible Voronoi cell around every point and letting the browser find the cell
 * under the pointer: hundreds of SVG paths to hit-test on every move, a selection signal and its
 * store updated through the dataflow on every move, and every cell recomputed when the view
 * zooms. The published spec keeps all of that, so it behaves the same in any Vega tool. The live
 * view instead drops the cells and the selection they drive, and finds the nearest point itself
 * (nearestItem), in the points' own drawn positions, which Vega keeps up to date as it zooms.
 *
 * Only a selection that nothing else reads is dropped: a spec that highlights the hovered point,
 * or filters by it, keeps its cells and Vega's handling.
 */
import type { Spec as VegaSpec } from 'vega';
import { allMarks } from './vega-marks.ts';

interface Mark {
  name?: string;
  from?: { data?: string };
  marks?: readonly Mark[];
}

interface EventSpec {
  markname?: string;
}

interface Signal {
  name: string;
  on?: readonly { events?: unknown }[];
}

interface WithParts {
  signals?: readonly Signal[];
  data?: readonly { name: string }[];
  marks?: readonly Mark[];
}

const VORONOI_SUFFIX = '_voronoi';
/** The parts Vega-Lite compiles a point selection into, besides its signal of the same name. */
const SELECTION_SIGNAL_SUFFIXES = ['_tuple', '_toggle', '_modify', '_tuple_fields'] as const;
const STORE_SUFFIX = '_store';

const isVoronoiCells = (mark: Mark) => typeof mark.name === 'string' && mark.name.endsWith(VORONOI_SUFFIX);

function withoutMarks<T extends { marks?: readonly Mark[] }>(node: T, drop: ReadonlySet<Mark>): T {
  if (!node.marks) return node;
  return { ...node, marks: node.marks.filter((mark) => !drop.has(mark)).map((mark) => withoutMarks(mark, drop)) };
}

/** The mark names an event selector of a signal's handlers filters on. */
function eventMarkNames(signal: Signal): string[] {
  const names: string[] = [];
  const visit = (events: unknown): void => {
    if (Array.isArray(events)) events.forEach(visit);
    else if (events && typeof events === 'object') {
      const { markname } = events as EventSpec;
      if (typeof markname === 'string') names.push(markname);
      for (const value of Object.values(events)) if (value && typeof value === 'object') visit(value);
    }
  };
  for (const handler of signal.on ?? []) visit(handler.events);
  return names;
}

/** Whether `text` names `name` as a whole word (a signal read in an expression, a store in `data("…")`). */
function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}($|[^\\w$])`).test(text);
}

export interface NearestPoints {
  /** The spec without its Voronoi cells and the selections they alone drove. */
  readonly spec: VegaSpec;
  /** The marks whose items the cells were drawn around: the points the tooltips belong to. */
  readonly pointMarks: readonly string[];
}

/**
 * The compiled spec without its Voronoi cells, with the names of the point marks they covered;
 * or null when it has no cells, or when something besides them reads a selection they drive
 * (then Vega's own handling stays). Leaves the input as it was.
 */
export function withoutVoronoiCells(vega: VegaSpec): NearestPoints | null {
  const spec = vega as WithParts;
  const cells = allMarks(spec).filter(isVoronoiCells);
  if (cells.length === 0) return null;
  const pointMarks = cells.map((mark) => mark.from?.data);
  if (pointMarks.some((name) => typeof name !== 'string')) return null;
  const cellNames = new Set(cells.map((mark) => mark.name!));

  // The selections whose events come from the cells: hover_tuple, hover_toggle → "hover".
  const selections = new Set<string>();
  for (const signal of spec.signals ?? []) {
    if (!eventMarkNames(signal).some((name) => cellNames.has(name))) continue;
    const suffix = SELECTION_SIGNAL_SUFFIXES.find((s) => signal.name.endsWith(s));
    if (!suffix) return null;
    selections.add(signal.name.slice(0, -suffix.length));
  }
  const droppedSignals = new Set([...selections].flatMap((s) => [s, ...SELECTION_SIGNAL_SUFFIXES.map((suffix) => s + suffix)]));
  const droppedData = new Set([...selections].map((s) => s + STORE_SUFFIX));
  const rest: WithParts = {
    ...withoutMarks(spec, new Set(cells)),
    signals: spec.signals?.filter((signal) => !droppedSignals.has(signal.name)),
    data: spec.data?.filter((entry) => !droppedData.has(entry.name)),
  };
  const text = JSON.stringify(rest);
  const stillRead = [...droppedSignals, ...droppedData, ...cellNames].some((name) => mentions(text, name));
  return stillRead ? null : { spec: rest as VegaSpec, pointMarks: [...new Set(pointMarks as string[])] };
}

/** A drawn item, in the plot's coordinates. */
export interface PlacedItem {
  readonly x?: unknown;
  readonly y?: unknown;
}

/**
 * The item nearest `at` (in two dimensions, as Voronoi cells divide the plot), among those drawn
 * inside the plot of `size`; undefined when `at` is outside the plot or no item is inside it
 * (zoomed in, the others are clipped away). Ties go to the first.
 */
export function nearestItem<T extends PlacedItem>(
  items: Iterable<T>,
  at: { x: number; y: number },
  size: { width: number; height: number },
): T | undefined {
  const inside = (x: number, y: number) => x >= 0 && x <= size.width && y >= 0 && y <= size.height;
  if (!inside(at.x, at.y)) return undefined;
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    const { x, y } = item;
    if (typeof x !== 'number' || typeof y !== 'number' || !inside(x, y)) continue;
    const distance = (x - at.x) ** 2 + (y - at.y) ** 2;
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}
