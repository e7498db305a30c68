/**
 * A tooltip for live charts: a small box that follows the pointer, headed by the series' name and
 * listing "Name: value" lines. Text goes in with textContent, never as markup, so data can't
 * inject anything. The box is placed with a CSS transform from the chart's corner: moving it
 * needs no layout and is no layout shift.
 */

type TooltipValue = unknown;

/** The key a tooltip entry has when it is the heading (vega-tooltip's convention). */
const TITLE_KEY = 'title';

/** A tooltip's heading and its "key: value" lines. */
export interface TooltipContent {
  readonly title?: string;
  readonly lines: readonly string[];
}

/** Turns a Vega tooltip value into a heading and "key: value" lines. */
export function tooltipContent(value: TooltipValue): TooltipContent {
  if (value == null || value === '') return { lines: [] };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { [TITLE_KEY]: title, ...rest } = value as Record<string, unknown>;
    const lines = Object.entries(rest).map(([key, v]) => `${key}: ${String(v)}`);
    return title == null ? { lines } : { title: String(title), lines };
  }
  return { lines: [String(value)] };
}

/** How far the box sits from the pointer, so it never covers it. */
const OFFSET = 14;

/** What marks the point a tooltip is about (src/client/marker.ts). */
export interface PointMarker {
  show(item: unknown, hostBox: DOMRect): void;
  hide(): void;
}

/**
 * A Vega tooltip handler drawing into one box per chart: below and right of the pointer, flipped
 * to its left or above it where it would leave the chart. A `marker`, if given, marks the point.
 */
export function createTooltipHandler(host: HTMLElement, marker?: PointMarker) {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  host.append(box);

  return (_handler: unknown, event: MouseEvent | undefined, item: unknown, value: TooltipValue): void => {
    const { title, lines } = tooltipContent(value);
    if ((lines.length === 0 && title === undefined) || !event) {
      box.hidden = true;
      marker?.hide();
      return;
    }
    const rows = lines.map((line) => {
      const row = document.createElement('div');
      row.textContent = line;
      return row;
    });
    if (title !== undefined) {
      const heading = document.createElement('div');
      heading.className = 'chart-tooltip__title';
      heading.textContent = title;
      rows.unshift(heading);
    }
    // Writes, then every read, then the writes that place things: one layout a move.
    box.replaceChildren(...rows);
    box.hidden = false;
    const hostBox = host.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = box;
    marker?.show(item, hostBox);
    const pointerX = event.clientX - hostBox.left;
    const pointerY = event.clientY - hostBox.top;
    let x = pointerX + OFFSET;
    if (x + width > hostBox.width) x = pointerX - OFFSET - width;
    let y = pointerY + OFFSET;
    if (y + height > hostBox.height) y = pointerY - OFFSET - height;
    box.style.transform = `translate(${Math.round(Math.max(0, x))}px, ${Math.round(Math.max(0, y))}px)`;
  };
}
