/**
 * Vega-Lite draws a nearest-point tooltip as a layer of invisible Voronoi cells (path marks named
 * `<layer>_voronoi`) that only catch the pointer. A static SVG cannot use them: renderChart's
 * stripInteractiveMarks drops them from the markup, and computing them is most of the time a line
 * chart with a tooltip takes to render. So the headless render runs without them. They lie inside
 * the plot and draw nothing, so the rest of the chart is laid out and drawn the same; the live
 * view in the browser runs the full spec.
 */
import type { Spec as VegaSpec } from 'vega';

interface WithMarks {
  marks?: readonly ({ name?: string } & WithMarks)[];
}

const isVoronoiCells = (mark: { name?: string }) => typeof mark.name === 'string' && mark.name.endsWith('_voronoi');

function hasVoronoiCells(node: WithMarks): boolean {
  return (node.marks ?? []).some((mark) => isVoronoiCells(mark) || hasVoronoiCells(mark));
}

function dropVoronoiCells<T extends WithMarks>(node: T): T {
  if (!node.marks) return node;
  return { ...node, marks: node.marks.filter((mark) => !isVoronoiCells(mark)).map(dropVoronoiCells) };
}

/** The compiled spec without its Voronoi cell marks, or null when it has none. Shares everything else (data rows too). */
export function withoutVoronoiCells(vega: VegaSpec): VegaSpec | null {
  return hasVoronoiCells(vega as WithMarks) ? (dropVoronoiCells(vega as WithMarks) as VegaSpec) : null;
}
