/**
 * The dot on the point a live chart's tooltip is about. Vega-Lite would draw it as a layer whose
 * every point tests the hover selection, so each pointer move re-encoded all the points (and
 * recomputed their Voronoi cells); here one element moves instead, by transform (no layout, no
 * layout shift), in the colour of the point's series.
 */
import type { View } from 'vega-view';
import { plotOrigin } from './plot-origin.ts';
import type { PointItem, PointMarker } from './tooltip.ts';

/**
 * Shows and hides one marker over the chart drawn in `chart`, placed in `layer` (a layer over the
 * chart with its box); `view` is read when it moves.
 */
export function createMarker(layer: HTMLElement, chart: HTMLElement, view: () => View | undefined): PointMarker {
  const dot = document.createElement('div');
  dot.className = 'chart__marker';
  dot.setAttribute('aria-hidden', 'true');
  dot.hidden = true;
  layer.append(dot);

  return {
    /**
     * Puts the marker on the drawn point, or hides it when there is none, and
     * returns where it put it (in the layer's pixels). The caller passes the layer's box it has
     * just read, so a move lays the page out once.
     */
    show(point: PointItem | undefined, layerBox: DOMRect): { x: number; y: number } | undefined {
      const svg = chart.querySelector('.chart__live svg');
      const current = view();
      if (!point || typeof point.x !== 'number' || typeof point.y !== 'number' || !svg || !current) {
        this.hide();
        return undefined;
      }
      // The live SVG fills the chart (and so the layer) from its top left corner, drawn at its
      // layout's size and scaled to the column by CSS: the layer's box says where it is, with no
      // second read.
      const scale = layerBox.width / (Number(svg.getAttribute('width')) || layerBox.width);
      const origin = plotOrigin(current);
      const x = (origin.x + point.x) * scale;
      const y = (origin.y + point.y) * scale;
      const colour = [point.fill, point.stroke].find((value) => typeof value === 'string');
      dot.style.background = (colour as string | undefined) ?? 'currentColor';
      dot.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      dot.hidden = false;
      return { x, y };
    },
    hide(): void {
      dot.hidden = true;
    },
  };
}
