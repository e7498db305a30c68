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

/** A position in the chart's box, in CSS pixels from its top left corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Where a tooltip box of `size` goes in a chart of `bounds`: beside the point it is about (or the
 * pointer, without one): below and right of it, else left, else above, the first that fits in the
 * chart and covers neither the point nor the pointer; else the same places slid inside the chart.
 */
export function placeTooltip(
  size: { width: number; height: number },
  bounds: { width: number; height: number },
  anchor: Point,
  pointer: Point,
): Point {
  const clamp = (value: number, room: number) => Math.round(Math.max(0, Math.min(value, room)));
  const inside = (at: Point) => ({ x: clamp(at.x, bounds.width - size.width), y: clamp(at.y, bounds.height - size.height) });
  const covers = (at: Point, p: Point) =>
    p.x >= at.x - OFFSET / 2 && p.x <= at.x + size.width + OFFSET / 2 && p.y >= at.y - OFFSET / 2 && p.y <= at.y + size.height + OFFSET / 2;
  const beside = [
    { x: anchor.x + OFFSET, y: anchor.y + OFFSET },
    { x: anchor.x - OFFSET - size.width, y: anchor.y + OFFSET },
    { x: anchor.x + OFFSET, y: anchor.y - OFFSET - size.height },
    { x: anchor.x - OFFSET - size.width, y: anchor.y - OFFSET - size.height },
  ];
  const clear = (at: Point) => !covers(at, anchor) && !covers(at, pointer);
  const fits = (at: Point) => at.x >= 0 && at.y >= 0 && at.x + size.width <= bounds.width && at.y + size.height <= bounds.height;
  const slid = beside.map(inside);
  // A place that fits as it is; else one slid inside the chart; else the first, slid.
  // Where none is clear, the pointer comes first: a tooltip over it hides what the reader points at.
  const chosen = beside.find((at) => fits(at) && clear(at)) ?? slid.find(clear) ?? slid.find((at) => !covers(at, pointer)) ?? slid[0]!;
  return { x: Math.round(chosen.x), y: Math.round(chosen.y) };
}

/** What marks the point a tooltip is about (src/client/marker.ts). */
export interface PointMarker {
  show(item: unknown, hostBox: DOMRect): Point | undefined;
  hide(): void;
}

/**
 * A Vega tooltip handler drawing into one box per chart, placed by placeTooltip beside the point
 * it is about. A `marker`, if given, marks the point.
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
    const pointer = { x: event.clientX - hostBox.left, y: event.clientY - hostBox.top };
    const point = marker?.show(item, hostBox);
    const { x, y } = placeTooltip({ width, height }, hostBox, point ?? pointer, pointer);
    box.style.transform = `translate(${x}px, ${y}px)`;
  };
}
