/**
 * A tooltip for live charts: a small box beside the point it is about, headed by the series' name and
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

/** A point's drawn item, in the plot's coordinates (Vega's scenegraph item of a symbol mark). */
export interface PointItem {
  readonly x?: unknown;
  readonly y?: unknown;
  readonly fill?: unknown;
  readonly stroke?: unknown;
}

/** What marks the point a tooltip is about (src/client/marker.ts). */
export interface PointMarker {
  show(point: PointItem | undefined, hostBox: DOMRect): Point | undefined;
  hide(): void;
}

/** Who showed the tooltip: Vega's handler (marks with their own tooltips) or the nearest-point search. */
export type TooltipSource = 'vega' | 'nearest';

export interface TooltipBox {
  /**
   * Shows `value` beside `point` (a drawn point, which the marker marks), or beside the pointer
   * without one. A value shown last time is not written again, so a move along one point's
   * neighbourhood only moves the box.
   */
  show(source: TooltipSource, value: TooltipValue, pointer: { clientX: number; clientY: number }, point?: PointItem): void;
  /** Hides the box if `source` showed it (or whoever did, without one). */
  hide(source?: TooltipSource): void;
}

/**
 * Writes the heading, then a line per "key: value", into `box` as text. Rows already there are
 * reused, and their text nodes rewritten: a move to the next point changes a few characters and
 * builds no new elements (nothing to style, nothing to add to the layout tree).
 */
function writeRows(box: HTMLElement, { title, lines }: TooltipContent): void {
  const texts = title === undefined ? lines : [title, ...lines];
  while (box.children.length > texts.length) box.lastElementChild!.remove();
  while (box.children.length < texts.length) box.append(document.createElement('div'));
  texts.forEach((text, index) => {
    const row = box.children[index] as HTMLElement;
    const className = index === 0 && title !== undefined ? 'chart-tooltip__title' : '';
    if (row.className !== className) row.className = className;
    const node = row.firstChild;
    if (node instanceof Text && row.childNodes.length === 1) {
      if (node.data !== text) node.data = text;
    } else row.textContent = text;
  });
}

/** One tooltip box per chart, placed by placeTooltip beside the point it is about. */
export function createTooltipBox(host: HTMLElement, marker?: PointMarker): TooltipBox {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  host.append(box);
  let shownBy: TooltipSource | undefined;
  let shownValue: TooltipValue;
  let size = { width: 0, height: 0 };

  const hide = (source?: TooltipSource) => {
    if (source && shownBy !== source) return;
    box.hidden = true;
    shownBy = undefined;
    shownValue = undefined;
    marker?.hide();
  };

  return {
    hide,
    show(source, value, pointer, point) {
      const content = tooltipContent(value);
      if (content.lines.length === 0 && content.title === undefined) return hide(source);
      const fresh = value !== shownValue || box.hidden;
      // Every read of the page's layout before any write, then the box's size (a layout of the
      // box alone: it is contained), then the writes that place things. With the content it had,
      // a move writes only transforms.
      const hostBox = host.getBoundingClientRect();
      if (fresh) {
        writeRows(box, content);
        box.hidden = false;
        size = { width: box.offsetWidth, height: box.offsetHeight };
      }
      shownBy = source;
      shownValue = value;
      const pointerAt = { x: pointer.clientX - hostBox.left, y: pointer.clientY - hostBox.top };
      const marked = marker?.show(point, hostBox);
      const { x, y } = placeTooltip(size, hostBox, marked ?? pointerAt, pointerAt);
      box.style.transform = `translate(${x}px, ${y}px)`;
    },
  };
}

/** What Vega hands a tooltip handler: an item, and for a Voronoi cell the point's item as its datum. */
interface VegaItem {
  readonly isVoronoi?: boolean;
  readonly datum?: PointItem;
  readonly mark?: { readonly name?: string };
}

/**
 * A Vega tooltip handler showing into `box`. A Voronoi cell's tooltip is marked on its point.
 * Items of `ignoredMarks` are left alone: the nearest-point search shows theirs.
 */
export function vegaTooltipHandler(box: TooltipBox, ignoredMarks: ReadonlySet<string> = new Set()) {
  return (_handler: unknown, event: MouseEvent | undefined, item: unknown, value: TooltipValue): void => {
    const vegaItem = item as VegaItem | null | undefined;
    const markName = vegaItem?.mark?.name;
    if (markName !== undefined && ignoredMarks.has(markName)) return;
    if (!event || value == null || value === '') return box.hide('vega');
    box.show('vega', value, event, vegaItem?.isVoronoi ? vegaItem.datum : undefined);
  };
}
