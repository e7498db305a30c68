/**
 * What a chart carries beyond Vega-Lite, in its `usermeta` (which Vega-Lite copies into the
 * compiled Vega spec): the size of its narrow layout and the extent its zoom is held to. The
 * build, the page and the browser runtime all read it from here.
 */
import type { Spec as VegaSpec } from 'vega';
import { type ChartSize, PLOT, WIDE_LAYOUT_MIN_WIDTH } from './theme.ts';

/** The interval selection the builders bind to the scales for zoom and pan. */
export const ZOOM_PARAM = 'zoom';
/** The signal that selection keeps x's visible range in (null: the whole extent). */
export const ZOOM_SIGNAL = `${ZOOM_PARAM}_x`;

/**
 * A variable a chart may define for expressions that depend on the layout it is drawn in (a
 * legend's columns): the layout's whole width. Unlike Vega's `width` signal, which autosize
 * "fit" adjusts to the room left after the legend, it never depends on what it decides.
 */
export const LAYOUT_WIDTH_PARAM = 'layout_width';

/** A view that can be resized: Vega's View, as far as layouts need it. */
interface Resizable {
  width(value: number): unknown;
  height(value: number): unknown;
  padding(value: Padding): unknown;
  signal(name: string, value: unknown): unknown;
}

/** Room round the plot, in CSS pixels. */
export interface Padding {
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * A layout once Vega's autosize "fit" has laid it out: the plot's size, and the room round it
 * that the axes, legend and padding took (ChartPayload.fitted; fittedStart says why).
 */
export interface FittedLayout {
  readonly width: number;
  readonly height: number;
  readonly padding: Padding;
}

/** A fitted view's layout: its plot size, and its padding plus the room its axes took (origin). */
export function fittedLayout(
  view: { width(): number; height(): number; origin(): [number, number]; padding(): Padding },
  size: ChartSize,
): FittedLayout {
  const [x, y] = view.origin();
  const { top, left } = view.padding();
  const width = view.width();
  const height = view.height();
  const padding = { top: top + y, left: left + x, right: size.width - width - left - x, bottom: size.height - height - top - y };
  return { width, height, padding };
}

/** Whether a compiled chart defines the layout-width variable. */
export function hasLayoutWidth(vega: VegaSpec): boolean {
  return (vega.signals ?? []).some((signal) => signal.name === LAYOUT_WIDTH_PARAM);
}

/**
 * Sets a view to a layout's size, and the chart's layout-width variable where it has one. With
 * `fitted`, the view (started by fittedStart) takes the plot's size and the padding "fit" arrived
 * at instead; the layout-width variable is still the layout's whole width.
 */
export function resizeView(view: Resizable, size: ChartSize, layoutWidth: boolean, fitted?: FittedLayout): void {
  view.width((fitted ?? size).width);
  view.height((fitted ?? size).height);
  if (fitted) view.padding(fitted.padding);
  if (layoutWidth) view.signal(LAYOUT_WIDTH_PARAM, size.width);
}

type Autosize = { type?: string; contains?: string; resize?: boolean };

/**
 * The compiled spec for a view started where autosize "fit" ended (ChartPayload.fitted) rather
 * than at the layout's whole size: autosize "fit" (and "fit-x", "fit-y") becomes "none", and the
 * view takes the fitted plot size and, as padding, the room "fit" left round it.
 *
 * With "fit", Vega lays the chart out at the whole width, finds the room the axes and legend
 * take, sets the plot's width to what is left, and runs the whole dataflow again (vega-view's
 * size.js). Started from where that ended, one run draws what the build drew, and a phone skips
 * the second run (about 130 ms of the 800 ms to bring Figure 1 alive at 4× CPU throttling).
 * ("Pad" from the fitted size is not the same: it measures the room again at the final size,
 * and a legend or an axis whose extent depends on the plot's size then moves.)
 */
export function fittedStart(vega: VegaSpec): VegaSpec {
  const autosize = (typeof vega.autosize === 'string' ? { type: vega.autosize } : (vega.autosize ?? {})) as Autosize;
  if (!autosize.type?.startsWith('fit')) return vega;
  return { ...vega, autosize: { ...autosize, type: 'none', contains: 'content' } } as VegaSpec;
}

export interface ChartUsermeta {
  /** The chart's phone layout; without it, the theme's narrow width at the wide layout's shape. */
  readonly narrow?: ChartSize;
  /** Zoom and pan never show x beyond this range. */
  readonly zoomExtent?: readonly [number, number];
}

/** A chart's two layouts, as the page draws them. */
export interface ChartSizes {
  readonly wide: ChartSize;
  readonly narrow: ChartSize;
}

function usermetaOf(spec: unknown): ChartUsermeta {
  const { usermeta } = (spec ?? {}) as { usermeta?: unknown };
  return usermeta && typeof usermeta === 'object' ? (usermeta as ChartUsermeta) : {};
}

/** The sizes a chart is drawn at: its own width × height, and its narrow layout. */
export function chartSizes(spec: unknown): ChartSizes {
  const { width, height } = spec as { width?: unknown; height?: unknown };
  const wide = {
    width: typeof width === 'number' ? width : PLOT.layouts.wide.width,
    height: typeof height === 'number' ? height : PLOT.layouts.wide.height,
  };
  const narrowWidth = PLOT.layouts.narrow.width;
  const narrow = usermetaOf(spec).narrow ?? { width: narrowWidth, height: Math.round((wide.height * narrowWidth) / wide.width) };
  return { wide, narrow };
}

/** Which layout a column of this width shows (global.css's container query says the same). */
export function layoutFor(columnWidth: number): keyof ChartSizes {
  return columnWidth >= WIDE_LAYOUT_MIN_WIDTH ? 'wide' : 'narrow';
}

interface SignalWithHandlers {
  name: string;
  on?: { events: unknown; update?: string }[];
}

/**
 * The compiled spec with its zoom held to the usermeta's extent: every update of the zoom signal
 * (wheel, drag, double click) goes through Vega's `clampRange`, which keeps the visible span and
 * slides it back inside, or shows the whole extent when zoomed out beyond it.
 */
export function withClampedZoom(vega: VegaSpec): VegaSpec {
  const extent = usermetaOf(vega).zoomExtent;
  if (!extent) return vega;
  const [lo, hi] = extent;
  const clamp = (update: string) => `${update} ? clampRange(${update}, ${lo}, ${hi}) : null`;
  const signals = (vega.signals ?? []).map((signal) => {
    const { name, on } = signal as SignalWithHandlers;
    if (name !== ZOOM_SIGNAL || !on) return signal;
    return { ...signal, on: on.map((handler) => (handler.update ? { ...handler, update: clamp(handler.update) } : handler)) };
  });
  return { ...vega, signals } as VegaSpec;
}

/**
 * A visible x range held inside `extent` as Vega's `clampRange` holds it: the span is kept and
 * the range slid back inside, and a span wider than the extent becomes the extent.
 */
export function clampToExtent(range: readonly [number, number], extent: readonly [number, number]): [number, number] {
  const [lo, hi] = extent;
  const span = range[1] - range[0];
  if (span >= hi - lo) return [lo, hi];
  if (range[0] < lo) return [lo, lo + span];
  if (range[1] > hi) return [hi - span, hi];
  return [range[0], range[1]];
}

/** The extent a compiled chart's zoom is held to, if it zooms. */
export function zoomExtent(vega: unknown): readonly [number, number] | undefined {
  return usermetaOf(vega).zoomExtent;
}
