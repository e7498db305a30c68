/**
 * Marks that only serve the pointer, held back until the pointer comes.
 *
 * Vega-Lite draws a nearest-point tooltip as a layer of invisible Voronoi cells (path marks named
 * `<layer>_voronoi`) over a layer of invisible points, and the point a hover selection highlights
 * as markers drawn at opacity 0 until something is selected. None of them draws anything until a
 * pointer arrives, yet encoding them (and computing the cells) was most of the work of bringing a
 * line chart to life, and of rendering it headless. So the spec both run (live-spec.ts) draws
 * them from a copy of their data that stays empty until a signal opens it: the headless render
 * never opens it, and the browser opens it in the first idle moment or at the first pointer.
 */
import type { Spec as VegaSpec } from 'vega';
import { allMarks } from './vega-marks.ts';

interface Mark {
  name?: string;
  from?: { data?: string };
  encode?: { update?: { opacity?: unknown } };
  marks?: readonly Mark[];
}

interface WithMarks {
  data?: readonly { name: string; values?: unknown }[];
  marks?: readonly Mark[];
}

const isVoronoiCells = (mark: Mark) => typeof mark.name === 'string' && mark.name.endsWith('_voronoi');

/** How Vega-Lite tests a selection: `length(data("hover_store")) && ...`, false while the store is empty. */
const SELECTION_TEST = /^length\(data\("([^"]+)"\)\) && /;

/** Selection stores that start empty (Vega-Lite gives a store initial `values` when the selection has a `value`). */
function emptyStores(spec: WithMarks): Set<string> {
  return new Set(
    (spec.data ?? []).filter((entry) => entry.name.endsWith('_store') && entry.values === undefined).map((entry) => entry.name),
  );
}

/**
 * Whether every item of `mark` has opacity 0, at least until a selection: its opacity is a plain
 * `{ value: 0 }` (points that only carry a tooltip), or a list of rules, each tested on a store
 * that starts empty, ending in a plain `{ value: 0 }` (markers shown on hover).
 */
function hiddenUntilSelected(mark: Mark, stores: ReadonlySet<string>): boolean {
  const opacity = mark.encode?.update?.opacity;
  if (isZero(opacity)) return true;
  if (!Array.isArray(opacity) || opacity.length < 2) return false;
  if (!isZero(opacity.at(-1))) return false;
  return opacity.slice(0, -1).every((rule: { test?: unknown }) => {
    const store = typeof rule.test === 'string' ? SELECTION_TEST.exec(rule.test)?.[1] : undefined;
    return store !== undefined && stores.has(store);
  });
}

/** `{ value: 0 }` and nothing else. */
function isZero(rule: unknown): boolean {
  return (
    !!rule &&
    typeof rule === 'object' &&
    !Array.isArray(rule) &&
    Object.keys(rule).length === 1 &&
    (rule as { value?: unknown }).value === 0
  );
}

/**
 * The names of the marks to hold back: every Voronoi cell layer, and every layer hidden until a
 * selection that nothing but such cells reads from (a mark is a data source for the marks after it).
 */
export function pointerOnlyMarks(vega: VegaSpec): Set<string> {
  const spec = vega as WithMarks;
  const marks = allMarks(spec);
  const idle = new Set(marks.filter(isVoronoiCells).map((mark) => mark.name!));
  const stores = emptyStores(spec);
  for (const mark of marks) {
    if (!mark.name || idle.has(mark.name) || !hiddenUntilSelected(mark, stores)) continue;
    // Another mark drawing from this one would lose its items too; and an expression could read
    // the mark's items by name. Only Voronoi cells may use it.
    const elsewhere = JSON.stringify(spec, (_key, value: unknown) =>
      value === mark || isVoronoiCells((value ?? {}) as Mark) ? undefined : value,
    );
    if (!elsewhere.includes(mark.name)) idle.add(mark.name);
  }
  return idle;
}

/** The signal that opens the live view's pointer-only marks to their data (false until then). */
export const POINTER_READY_SIGNAL = 'pointer_ready';

/**
 * The compiled spec for the browser, with its pointer-only marks held back until the signal
 * POINTER_READY_SIGNAL is set: each mark hidden until a selection draws from a copy of its data
 * that a filter keeps empty while the signal is false (the Voronoi cells follow the marks they
 * are drawn from). Bringing a chart to life then skips encoding those points and computing their
 * cells, most of the work on a line chart; the runtime opens them right after, or at the first
 * pointer. Null when the spec has no such marks.
 */
export function withDeferredPointerMarks(vega: VegaSpec): VegaSpec | null {
  const spec = vega as WithMarks;
  const deferred = new Map<string, string>();
  const defer = <T extends { marks?: readonly Mark[] }>(node: T): T => {
    if (!node.marks) return node;
    return {
      ...node,
      marks: node.marks.map((mark) => {
        if (!mark.name || !idle.has(mark.name) || isVoronoiCells(mark) || !mark.from?.data) return defer(mark);
        const gated = `${mark.from.data}_${POINTER_READY_SIGNAL}`;
        deferred.set(gated, mark.from.data);
        return { ...mark, from: { ...mark.from, data: gated } };
      }),
    };
  };
  const idle = pointerOnlyMarks(vega);
  const marks = defer(spec);
  if (deferred.size === 0) return null;
  const gatedData = [...deferred].map(([name, source]) => ({ name, source, transform: [{ type: 'filter', expr: POINTER_READY_SIGNAL }] }));
  return {
    ...marks,
    signals: [...((vega as { signals?: unknown[] }).signals ?? []), { name: POINTER_READY_SIGNAL, value: false }],
    // After every dataset, so each gated copy follows its source.
    data: [...(spec.data ?? []), ...gatedData],
  } as VegaSpec;
}
