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
