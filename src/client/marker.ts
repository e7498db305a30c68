/**
 * The dot on the point a live chart's tooltip is about. Vega-Lite would draw it as a layer whose
 * every point tests the hover selection, so each pointer move re-encoded all the points (and
 * recomputed their Voronoi cells); here one element moves instead, by transform (no layout, no
 * layout shift), in the colour of the point's series.
 */
import type { View } from 'vega-view';
import { plotOrigin } from './plot-origin.ts';

/** What Vega hands a tooltip handler for a Voronoi cell: the cell, whose datum is the point's item. */
interface CellItem {
  readonly datum?: { readonly x?: number; readonly y?: number; readonly fill?: string; readonly stroke?: string };
}

/** Shows and hides one marker over the chart drawn in `host`; `view` is read when it moves. */
export function createMarker(host: HTMLElement, view: () => View | undefined) {
  const dot = document.createElement('div');
  dot.className = 'chart__marker';
  dot.setAttribute('aria-hidden', 'true');
  dot.hidden = true;
  host.append(dot);

  return {
    /**
     * Puts the marker on the point the cell stands for, or hides it when there is none, and
     * returns where it put it (in the host's pixels). The caller passes the host's box it has
     * just read, so a move lays the page out once.
     */
    show(item: unknown, hostBox: DOMRect): { x: number; y: number } | undefined {
      const point = (item as CellItem | null)?.datum;
      const svg = host.querySelector('.chart__live svg');
      const current = view();
      if (!point || typeof point.x !== 'number' || typeof point.y !== 'number' || !svg || !current) {
        this.hide();
        return undefined;
      }
      // The live SVG fills the host from its top left corner, drawn at its layout's size and
      // scaled to the column by CSS: the host's box says where it is, with no second read.
      const scale = hostBox.width / (Number(svg.getAttribute('width')) || hostBox.width);
      const origin = plotOrigin(current);
      const x = (origin.x + point.x) * scale;
      const y = (origin.y + point.y) * scale;
      dot.style.background = point.fill ?? point.stroke ?? 'currentColor';
      dot.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      dot.hidden = false;
      return { x, y };
    },
    hide(): void {
      dot.hidden = true;
    },
  };
}
