/**
 * The tooltip of the point nearest the pointer, found here rather than by Vega-Lite's Voronoi
 * cells (which the runtime drops: src/lib/charts/nearest-points.ts). A move reads one box and
 * searches the points' drawn positions; Vega's dataflow does not run.
 */
import type { View } from 'vega-view';
import { nearestItem } from '../lib/charts/nearest-points.ts';
import { plotPointAt } from './plot-origin.ts';
import type { PointItem, TooltipBox } from './tooltip.ts';

interface DrawnPoint extends PointItem {
  readonly tooltip?: unknown;
}

export interface NearestTooltip {
  /** Shows the tooltip of the point nearest this place on the page (or hides it, off the plot). */
  showAt(pointer: { clientX: number; clientY: number }): void;
}

/**
 * Shows the tooltip of the nearest point of `pointMarks` as a mouse or pen moves over `live`, and
 * hides it when the pointer leaves. Touch is left to taps (src/client/touch.ts), as a finger's
 * moves scroll the page.
 */
export function wireNearestTooltip(live: HTMLElement, view: View, pointMarks: readonly string[], box: TooltipBox): NearestTooltip {
  const showAt = (pointer: { clientX: number; clientY: number }) => {
    const svg = live.querySelector('svg');
    if (!svg) return;
    const at = plotPointAt(view, svg, pointer);
    const points = pointMarks.flatMap((name) => view.data(name) as DrawnPoint[]);
    const point = nearestItem(points, at, { width: view.width(), height: view.height() });
    if (point) box.show('nearest', point.tooltip, pointer, point);
    else box.hide('nearest');
  };
  live.addEventListener('pointermove', (event) => {
    if (event.pointerType !== 'touch') showAt(event);
  });
  live.addEventListener('pointerleave', (event) => {
    if (event.pointerType !== 'touch') box.hide('nearest');
  });
  return { showAt };
}
