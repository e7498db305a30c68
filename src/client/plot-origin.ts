/** Where a live view draws its plot. */
import type { View } from 'vega-view';

/**
 * The plot's top left corner in the view's SVG units: Vega's padding plus its origin (the room
 * autosize left for the axes). `view.origin()` alone leaves the padding out.
 */
export function plotOrigin(view: View): { x: number; y: number } {
  const [originX, originY] = view.origin();
  const { left, top } = view.padding() as { left: number; top: number };
  return { x: left + originX, y: top + originY };
}

/** A place in the plot, in the view's SVG units from the plot's top left corner. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
  /** SVG units per CSS pixel: the SVG is drawn at its layout's size and scaled to the column by CSS. */
  readonly svgUnitsPerPixel: number;
}

/** Where a place on the page (client pixels) lies in the plot of `view`, drawn as `svg`. */
export function plotPointAt(view: View, svg: Element, client: { clientX: number; clientY: number }): PlotPoint {
  const box = svg.getBoundingClientRect();
  const svgUnitsPerPixel = (Number(svg.getAttribute('width')) || box.width) / box.width;
  const origin = plotOrigin(view);
  return {
    x: (client.clientX - box.left) * svgUnitsPerPixel - origin.x,
    y: (client.clientY - box.top) * svgUnitsPerPixel - origin.y,
    svgUnitsPerPixel,
  };
}
