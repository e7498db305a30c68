/**
 * Line chart builders: small pure functions `(data, options) => TopLevelSpec`. They copy what they
 * are given and never mutate it. Every builder's spec starts from chartFrame (frame.ts): the
 * house style, the two layouts, and the rows in one named dataset.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT } from './theme.ts';
import { chartFrame, checkDomain, requireText } from './frame.ts';
import { type LineSeries, toRows } from './series.ts';
import { describeChart } from './describe.ts';
import { maxOf } from '../numeric.ts';
import { type ChartUsermeta, ZOOM_PARAM, ZOOM_SIGNAL } from './layout.ts';
import { layoutWidthParam, wrappedLegend } from './legend.ts';

export { DATASET } from './frame.ts';

/** How the series of a line chart are named: labels at their ends, a legend, or neither. */
export type SeriesLabels = 'auto' | 'end' | 'legend' | 'none';

export interface LineChartOptions {
  /** What the x axis holds, in words or symbols ("x", "Time step"); builders never guess it. */
  readonly xTitle: string;
  /** What the y axis holds ("σ(x) and σ′(x)"). */
  readonly yTitle: string;
  /**
   * What the chart shows, in words, for readers who cannot see it: given to the SVG and the live
   * view as their description, and shown with the data. By default it is written from the data
   * (src/lib/charts/describe.ts), a sentence per series.
   */
  readonly description?: string;
  /** d3-format strings for the tooltip and table values. */
  readonly xFormat?: string;
  readonly yFormat?: string;
  /** A log scale on x or y (every value on it must then be positive). */
  readonly xScale?: 'linear' | 'log';
  readonly yScale?: 'linear' | 'log';
  /**
   * Ctrl/⌘ + wheel (or a plain wheel once the reader clicked the chart) zooms x, dragging pans,
   * both held to the data's extent; a Reset button and the 0 key go back.
   */
  readonly zoom?: boolean;
  /** Draw a marker at every point, not only at the hovered one. */
  readonly showPoints?: boolean;
  /** Axis ticks only at whole numbers of x (for steps, epochs, layers). */
  readonly integerX?: boolean;
  /**
   * "end" writes each series' name at the end of its line, "legend" draws a legend whose entries
   * isolate a series when clicked. "auto" (the default) labels ends where every line ends at the
   * right edge and the names do not collide, and falls back to the legend; one series gets none.
   */
  readonly labels?: SeriesLabels;
  readonly legendTitle?: string;
  /** What the series' bands show ("min–max over 5 seeds", "±1σ"): the tooltip's name for them. */
  readonly bandTitle?: string;
  /**
   * The range x's and y's scales span, in place of the data's own (niced, y from zero, as
   * without it): small multiples give every panel the same (small-multiples.ts).
   */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly theme?: ChartTheme;
}

/** How opaque a band is under its line: the line reads through it, and bands overlap visibly. */
const BAND_OPACITY = 0.2;

/** The point selection a legend click toggles: its series show, the others fade. */
const ISOLATE_PARAM = 'isolate';
/** How faint a series is while another is isolated. */
const FADED_OPACITY = 0.15;

/** The smallest and largest of some numbers (never empty here: toRows refuses empty series). */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of values) {
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return [lo, hi];
}

/**
 * Whether each series can be named at its end: every line ends at the largest x (so the names
 * sit in a column at the right edge) and no two ends are closer than a line of text, measured in
 * the smaller layout's plot.
 */
export function endLabelsFit(series: readonly LineSeries[], theme: ChartTheme = PLOT): boolean {
  const [, xMax] = extent(series.flatMap((s) => s.x));
  const [yMin, yMax] = extent(series.flatMap((s) => s.y));
  const ends = series.map((s) => ({ x: s.x[s.x.length - 1]!, y: s.y[s.y.length - 1]! }));
  if (ends.some((end) => end.x !== xMax)) return false;
  // The plot is the layout less its axes: roughly two lines of text below and one above.
  const plotHeight = theme.layouts.narrow.height - 3 * (theme.fontSize.label + 6);
  const pixels = (y: number) => (yMax === yMin ? 0 : ((y - yMin) / (yMax - yMin)) * plotHeight);
  const sorted = ends.map((end) => pixels(end.y)).sort((a, b) => a - b);
  return sorted.every((y, i) => i === 0 || y - sorted[i - 1]! >= theme.fontSize.label + 2);
}

/** The way series are named, once "auto" is decided. */
function resolveLabels(series: readonly LineSeries[], options: LineChartOptions, theme: ChartTheme): Exclude<SeriesLabels, 'auto'> {
  const labels = options.labels ?? 'auto';
  if (labels !== 'auto') return labels;
  if (series.length === 1) return 'none';
  return !options.zoom && endLabelsFit(series, theme) ? 'end' : 'legend';
}

/** Refuses a log scale over values that are not all positive, naming the series and the axis. */
function checkLogScale(series: readonly LineSeries[], axis: 'x' | 'y'): void {
  for (const s of series) {
    const bad = s[axis].findIndex((value) => !(value > 0));
    if (bad >= 0)
      throw new RangeError(`series "${s.name}" has ${axis} = ${s[axis][bad]} at row ${bad}, but a log scale needs every ${axis} above 0`);
  }
}

/**
 * Several line series drawn over one another, each in its colour and dash, named at their ends
 * or by a legend, with a tooltip at the point nearest the pointer and (optionally) zoom and pan
 * on x.
 */
export function layeredLineChart(series: readonly LineSeries[], options: LineChartOptions): TopLevelSpec {
  // Rows first: toRows checks the series and names the bad one.
  const rows = toRows(series);
  for (const axis of ['xTitle', 'yTitle'] as const) {
    requireText('layeredLineChart', options, axis, `say what the ${axis[0]} axis holds (e.g. "Epoch", "Loss")`);
  }
  const theme = options.theme ?? PLOT;
  if (options.xScale === 'log') checkLogScale(series, 'x');
  if (options.yScale === 'log') checkLogScale(series, 'y');
  checkDomain(options.xDomain, 'xDomain');
  checkDomain(options.yDomain, 'yDomain');
  const { xTitle, yTitle } = options;
  const xFormat = options.xFormat ?? (options.integerX ? 'd' : '.3~f');
  const yFormat = options.yFormat ?? '.4~g';
  const labels = resolveLabels(series, options, theme);
  const names = series.map((s) => s.name);
  const colors = series.map((s) => s.color);
  const dashes = series.map((_, i) => [...theme.dashes[i % theme.dashes.length]!]);
  // Markers at the data's ends must not be cut in half by the plot's edge: they are drawn
  // unclipped, and where zoom needs them clipped (panned out of view), the scales are padded.
  const clipPoints = !options.showPoints || options.zoom === true;
  const padding = options.showPoints && options.zoom ? { padding: 8 } : {};

  const x = {
    field: 'x',
    type: 'quantitative',
    title: xTitle,
    scale: {
      ...(options.xScale === 'log' ? { type: 'log' } : { zero: false }),
      ...(options.xDomain ? { domain: [...options.xDomain], nice: true } : {}),
      ...padding,
    },
    ...(options.integerX ? { axis: { format: 'd', tickMinStep: 1 } } : {}),
  } as const;
  const y = {
    field: 'y',
    type: 'quantitative',
    title: yTitle,
    scale: {
      ...(options.yScale === 'log' ? { type: 'log' } : {}),
      // A given domain turns Vega-Lite's defaults off: keep them, so the scale is the one the data would get.
      ...(options.yDomain ? { domain: [...options.yDomain], nice: true, ...(options.yScale === 'log' ? {} : { zero: true }) } : {}),
      ...padding,
    },
  } as const;
  const legend = labels === 'legend' ? wrappedLegend(names, theme, { title: options.legendTitle, symbolType: 'stroke' }) : null;
  const color = { field: 'series', type: 'nominal', title: 'Series', scale: { domain: names, range: colors }, legend } as const;
  const strokeDash = { field: 'series', type: 'nominal', title: 'Series', scale: { domain: names, range: dashes }, legend } as const;
  // While the legend isolates some series, the others fade.
  const isolated = labels === 'legend' ? { condition: { param: ISOLATE_PARAM, value: 1 }, value: FADED_OPACITY } : { value: 1 };
  // Screen readers get each line as its series' name (Vega-Lite would read out its first point).
  const lineDescription = { field: 'series', type: 'nominal' } as const;
  // Each visible marker reads "Sigmoid: x −10, σ(x) 0.0000454", in the tooltip's formats.
  const pointDescription = [
    {
      calculate: [
        'datum.series',
        JSON.stringify(`: ${xTitle} `),
        `format(datum.x, ${JSON.stringify(xFormat)})`,
        JSON.stringify(`, ${yTitle} `),
        `format(datum.y, ${JSON.stringify(yFormat)})`,
      ].join(' + '),
      as: 'description',
    },
  ];
  // The series' name heads the tooltip (its key "title" makes it the heading, as in vega-tooltip).
  const banded = series.some((s) => s.band);
  const bandTitle = options.bandTitle ?? 'band';
  const tooltip = [
    ...(series.length > 1 ? [{ field: 'series', type: 'nominal', title: 'title' }] : []),
    { field: 'x', type: 'quantitative', title: xTitle, format: xFormat },
    { field: 'y', type: 'quantitative', title: yTitle, format: yFormat },
    ...(banded
      ? [
          { field: 'lower', type: 'quantitative', title: `${bandTitle} from`, format: yFormat },
          { field: 'upper', type: 'quantitative', title: `${bandTitle} to`, format: yFormat },
        ]
      : []),
  ] as const;
  const params = [
    ...(options.zoom ? [{ name: ZOOM_PARAM, select: { type: 'interval', encodings: ['x'], zoom: 'wheel!' }, bind: 'scales' }] : []),
    ...(labels === 'legend'
      ? [{ name: ISOLATE_PARAM, select: { type: 'point', fields: ['series'], toggle: 'true' }, bind: 'legend' }]
      : []),
  ];
  const usermeta: ChartUsermeta = options.zoom ? { zoomExtent: options.xDomain ?? extent(series.flatMap((s) => s.x)) } : {};

  return {
    ...chartFrame({ theme, description: options.description ?? describeChart(series, { xTitle }), rows, usermeta }),
    ...(legend ? { params: [layoutWidthParam(theme)] } : {}),
    layer: [
      ...(banded
        ? [
            {
              // Each series' band under its line, in its colour, faint (the rows without one draw none).
              transform: [{ filter: 'isValid(datum.lower)' }],
              mark: { type: 'area', clip: true, fillOpacity: BAND_OPACITY, aria: false },
              encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' }, color, opacity: isolated },
            },
          ]
        : []),
      {
        mark: { type: 'line', clip: true },
        encoding: { x, y, color, strokeDash, opacity: isolated, description: lineDescription },
        ...(params.length > 0 ? { params } : {}),
      },
      {
        // The points: drawn when showPoints, else invisible. Their nearest-point selection draws
        // an invisible Voronoi layer (over x and y both) that carries the tooltip; the live view
        // marks the hovered point itself (src/client/tooltip.ts). Nothing here depends on the
        // hover, so a pointer move re-encodes no point and recomputes no cell: with the CSP-safe
        // interpreter, doing so was most of a hover's time (about 7,000 interpreted expressions
        // a move for figure 1's 300 points). Invisible points stay out of the accessibility tree;
        // the figure's table carries the values.
        mark: { type: 'point', filled: true, clip: clipPoints, ...(options.showPoints ? {} : { aria: false }) },
        ...(options.showPoints ? { transform: pointDescription } : {}),
        params: [{ name: 'hover', select: { type: 'point', nearest: true, on: 'pointerover', clear: 'pointerout' } }],
        encoding: {
          x,
          y,
          color,
          opacity: { value: options.showPoints ? 1 : 0 },
          tooltip: [...tooltip],
          ...(options.showPoints ? { description: { field: 'description', type: 'nominal' } } : {}),
        },
      },
      ...(labels === 'end'
        ? [
            {
              // Each name at its line's last point, just right of it, in the line's colour.
              transform: [
                { joinaggregate: [{ op: 'max', field: 'x', as: 'lastX' }], groupby: ['series'] },
                { filter: 'datum.x === datum.lastX' },
              ],
              mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, clip: false, fontSize: theme.fontSize.label },
              encoding: {
                x,
                y,
                text: { field: 'series', type: 'nominal' },
                color,
                // Zoomed in, a line's end is off the plot, and so would its name be: hide the names.
                ...(options.zoom ? { opacity: { condition: { test: `!${ZOOM_SIGNAL}`, value: 1 }, value: 0 } } : {}),
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

export interface DecayOptions extends Omit<LineChartOptions, 'integerX' | 'showPoints' | 'xTitle' | 'yTitle'> {
  /** The x axis' title; "Step" by default. */
  readonly xTitle?: string;
  /** The y axis' title; the quantity's name by default. */
  readonly yTitle?: string;
  readonly color?: string;
}

/**
 * A quantity multiplied step after step (a gradient through layers or time steps): one series
 * over whole-numbered steps, with every step marked.
 */
export function decayChart(
  data: { readonly name: string; readonly steps: readonly number[]; readonly values: readonly number[] },
  options: DecayOptions = {},
): TopLevelSpec {
  const theme = options.theme ?? PLOT;
  return layeredLineChart([{ name: data.name, x: data.steps, y: data.values, color: options.color ?? theme.colors.blue }], {
    ...options,
    xTitle: options.xTitle ?? 'Step',
    yTitle: options.yTitle ?? data.name,
    integerX: true,
    showPoints: true,
  });
}
