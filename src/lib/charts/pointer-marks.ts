/**
 * Vega-Lite draws a nearest-point tooltip as a layer of invisible Voronoi cells (path marks named
 * `<layer>_voronoi`) that only catch the pointer. A static SVG cannot use them, and computing them
 * is most of the time a line chart with a tooltip takes to render.
 *
 * So the headless render feeds them an empty dataset: they are still parsed, with the same
 * operators and the same tooltip expressions (the checks that the browser runtime can run the
 * chart see the whole chart, in the one parse), but they compute and draw nothing. They lie inside
 * the plot and draw nothing anyway, so the rest of the chart is laid out and drawn the same; the
 * live view in the browser runs the full spec.
 */
import type { Spec as VegaSpec } from 'vega';

interface WithMarks {
  data?: readonly { name: string }[];
  marks?: readonly ({ name?: string; from?: { data?: string } } & WithMarks)[];
}

/** The empty dataset the cells are fed; a name Vega-Lite never gives (it writes data_0, source_0, ...). */
export const NO_POINTER_DATA = 'static_render_no_pointer';

const isVoronoiCells = (mark: { name?: string }) => typeof mark.name === 'string' && mark.name.endsWith('_voronoi');

function hasVoronoiCells(node: WithMarks): boolean {
  return (node.marks ?? []).some((mark) => isVoronoiCells(mark) || hasVoronoiCells(mark));
}

function emptyVoronoiCells<T extends WithMarks>(node: T): T {
  if (!node.marks) return node;
  return {
    ...node,
    marks: node.marks.map((mark) => (isVoronoiCells(mark) ? { ...mark, from: { ...mark.from, data: NO_POINTER_DATA } } : emptyVoronoiCells(mark))),
  };
}

/**
 * The compiled spec with its Voronoi cell marks drawn from an empty dataset (declared at the top,
 * so marks in nested groups see it too), or null when it has none. Shares everything else with
 * its input (data rows too) and leaves the input as it was.
 */
export function withEmptyVoronoiCells(vega: VegaSpec): VegaSpec | null {
  const spec = vega as WithMarks;
  if (!hasVoronoiCells(spec)) return null;
  if (spec.data?.some((entry) => entry.name === NO_POINTER_DATA)) throw new Error(`the spec already has a dataset named "${NO_POINTER_DATA}"`);
  const withCells = emptyVoronoiCells(spec);
  return { ...withCells, data: [...(spec.data ?? []), { name: NO_POINTER_DATA, values: [] }] } as VegaSpec;
}
