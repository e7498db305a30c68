/**
 * Scatter plots: points by class (word embeddings projected to 2-D, a classifier's inputs), in
 * the CATEGORICAL palette, with a tooltip at the nearest point, optional zoom, and text labels
 * placed here, at build time, so that no label covers another label or a point: a label that
 * finds no free place is dropped, never overprinted.
 */
import type { TopLevelSpec } from 'vega-lite';
import { scale as vegaScale } from 'vega';
import { type ChartTheme, PLOT } from './theme.ts';
import { chartFrame, checkDomain, requireText } from './frame.ts';
import { formatNumber } from './describe.ts';
import { CATEGORICAL } from './palette.ts';
import { ZOOM_PARAM } from './layout.ts';
import { LEGEND_OFFSET, layoutWidthParam, legendRows, wrappedLegend } from './legend.ts';
import { maxOf, minOf } from '../numeric.ts';

export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  /** The point's class; the points of one class share a colour. */
  readonly group?: string;
  /** Text written beside the point (a word), where it fits. */
  readonly label?: string;
}

export interface ScatterOptions {
  readonly xTitle: string;
  readonly yTitle: string;
  /** What the classes are ("Part of speech"); the legend's and the tooltip's name for them. */
  readonly groupTitle?: string;
  readonly xFormat?: string;
  readonly yFormat?: string;
  /** Ctrl/⌘ + wheel zooms x, dragging pans, as the line charts do. */
  readonly zoom?: boolean;
  readonly description?: string;
  /** The range x's and y's scales span, in place of the points' own (niced, padded, labels placed on it): small multiples share them. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly theme?: ChartTheme;
}

/** A label's place beside its point: to the right, the left, above or below. */
export type LabelPlace = 'right' | 'left' | 'above' | 'below';

/** A box in plot pixels. */
interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The room round a point a label keeps clear of, and the gap between a point and its label. */
const POINT_RADIUS = 4;
const GAP = 4;
/** Vega's own estimate of a text's width: 0.8 em a character (vega-scenegraph's textMetrics). */
const EM_PER_CHARACTER = 0.8;
/** Room at each end of both scales, so no point sits on the plot's edge, half cut off. */
const SCALE_PADDING = 12;

/**
 * Past this many points a scatter plot is a cloud (an embedding), not points to read one by one:
 * its coordinates are kept to a ten-thousandth of their range (keptPrecision), and its points
 * are not announced one by one to screen readers (the description and the table say what it
 * shows), so a 10,000-point figure stays under 300 KB of page gzipped.
 */
export const MANY_POINTS = 1000;

/**
 * The values rounded to the decimal places that keep a ten-thousandth of their range (12.3456 in
 * a range of 12 keeps 12.346): under a tenth of a pixel on the widest plot. Whole numbers stay
 * whole.
 */
export function keptPrecision(values: readonly number[]): number[] {
  const range = maxOf(values) - minOf(values);
  if (range === 0) return [...values];
  const decimals = Math.max(0, -Math.floor(Math.log10(range / 10_000)));
  const factor = 10 ** decimals;
  return values.map((value) => Math.round(value * factor) / factor);
}

export interface LabelPlacement {
  /** The label's point, by index in the input. */
  readonly index: number;
  readonly place: LabelPlace;
}

/** The x and y ranges a chart's scales span, where given in place of the points' own. */
export interface ScatterDomains {
  readonly x?: readonly [number, number] | undefined;
  readonly y?: readonly [number, number] | undefined;
}

/**
 * Where each point is drawn in a plot of this size: the chart's scales, linear over the data (or
 * the domains given), niced as Vega-Lite nices them, inside SCALE_PADDING pixels of room at each edge.
 */
export function plotPositions(
  points: readonly ScatterPoint[],
  plot: { readonly width: number; readonly height: number },
  domains: ScatterDomains = {},
) {
  type Linear = ((v: number) => number) & { domain(d: number[]): Linear; range(r: number[]): Linear; nice(): Linear };
  const scaleOver = (values: number[], domain: readonly [number, number] | undefined, range: [number, number]) => {
    const [lo, hi] = domain ?? [minOf(values), maxOf(values)];
    if (lo === hi) return () => (range[0] + range[1]) / 2;
    return (vegaScale('linear') as () => Linear)().domain([lo, hi]).nice().range(range);
  };
  const px = scaleOver(
    points.map((p) => p.x),
    domains.x,
    [SCALE_PADDING, plot.width - SCALE_PADDING],
  );
  const py = scaleOver(
    points.map((p) => p.y),
    domains.y,
    [plot.height - SCALE_PADDING, SCALE_PADDING],
  );
  return points.map((p) => ({ x: px(p.x), y: py(p.y) }));
}

/**
 * Places labels, in the points' order, each in the first of its four places that stays inside
 * the plot and covers no point and no label placed before it; a label with no such place is
 * left out. Pure and deterministic: the same points and plot give the same places.
 */
export function placeLabels(
  points: readonly ScatterPoint[],
  plot: { readonly width: number; readonly height: number },
  fontSize: number,
  domains: ScatterDomains = {},
): LabelPlacement[] {
  const centres = plotPositions(points, plot, domains);
  const taken: Box[] = centres.map(({ x, y }) => ({
    x0: x - POINT_RADIUS,
    y0: y - POINT_RADIUS,
    x1: x + POINT_RADIUS,
    y1: y + POINT_RADIUS,
  }));
  const placements: LabelPlacement[] = [];
  points.forEach((point, index) => {
    if (!point.label) return;
    const { x, y } = centres[index]!;
    const width = EM_PER_CHARACTER * fontSize * point.label.length;
    const height = fontSize;
    const boxes: [LabelPlace, Box][] = [
      ['right', { x0: x + POINT_RADIUS + GAP, y0: y - height / 2, x1: x + POINT_RADIUS + GAP + width, y1: y + height / 2 }],
      ['left', { x0: x - POINT_RADIUS - GAP - width, y0: y - height / 2, x1: x - POINT_RADIUS - GAP, y1: y + height / 2 }],
      ['above', { x0: x - width / 2, y0: y - POINT_RADIUS - GAP - height, x1: x + width / 2, y1: y - POINT_RADIUS - GAP }],
      ['below', { x0: x - width / 2, y0: y + POINT_RADIUS + GAP, x1: x + width / 2, y1: y + POINT_RADIUS + GAP + height }],
    ];
    const inside = (box: Box) => box.x0 >= 0 && box.y0 >= 0 && box.x1 <= plot.width && box.y1 <= plot.height;
    // A point never blocks its own label's places (they start past its radius).
    const free = boxes.find(([, box]) => inside(box) && !taken.some((other) => overlaps(box, other)));
    if (!free) return;
    taken.push(free[1]);
    placements.push({ index, place: free[0] });
  });
  return placements;
}

/** Words for a scatter plot: how many points in how many classes, and their extents. */
export function describeScatter(points: readonly ScatterPoint[], options: Pick<ScatterOptions, 'xTitle' | 'yTitle'>): string {
  const groups = [...new Set(points.map((p) => p.group ?? ''))];
  const extent = (values: number[]) => `${formatNumber(minOf(values))} to ${formatNumber(maxOf(values))}`;
  const classes = groups.filter(Boolean).length;
  return (
    `${points.length} points${classes > 0 ? ` in ${classes} classes (${groups.join(', ')})` : ''}, ` +
    `${options.xTitle} from ${extent(points.map((p) => p.x))} and ${options.yTitle} from ${extent(points.map((p) => p.y))}.`
  );
}

function checkPoints(points: readonly ScatterPoint[], options: ScatterOptions): void {
  if (!Array.isArray(points) || points.length === 0) throw new RangeError('scatterChart needs at least one point');
  for (const key of ['xTitle', 'yTitle'] as const) requireText('scatterChart', options, key);
  checkDomain(options.xDomain, 'xDomain');
  checkDomain(options.yDomain, 'yDomain');
  points.forEach((point, i) => {
    for (const axis of ['x', 'y'] as const) {
      if (typeof point?.[axis] !== 'number' || !Number.isFinite(point[axis])) {
        throw new RangeError(
          `scatterChart: point ${i}${point?.label ? ` ("${point.label}")` : ''} has ${axis} = ${String(point?.[axis])}, not a finite number`,
        );
      }
    }
  });
}

/**
 * A phone's scatter plot is taller than the theme's narrow layout: a map of points needs its
 * second dimension, and a legend of many classes wraps into rows above it, each taking this much.
 */
const NARROW_HEIGHT = 300;
const LEGEND_ROW = 20;

/** The points' area in px² and opacity: a cloud of many points draws them smaller and lighter, so its density shows. */
const POINT = { size: 40, opacity: 0.85 } as const;
const CLOUD_POINT = { size: 12, opacity: 0.6 } as const;

/** The room the axes take from a layout, roughly: the plot labels are placed in. */
const AXES = { width: 60, height: 50 };

/**
 * Points by class, with a tooltip at the nearest point and labels placed where they fit. Labels
 * are placed in the tighter of the two layouts' plots (a single chart's phone layout; a panel's
 * laptop one, a third of the row): the other spreads the same points further apart, so what
 * fits there fits here too.
 */
export function scatterChart(points: readonly ScatterPoint[], options: ScatterOptions): TopLevelSpec {
  checkPoints(points, options);
  const theme = options.theme ?? PLOT;
  const groups = [...new Set(points.flatMap((p) => (p.group === undefined ? [] : [p.group])))];
  if (groups.length > CATEGORICAL.length) {
    throw new RangeError(
      `scatterChart has ${groups.length} classes, more than the ${CATEGORICAL.length} colours that stay apart for every reader`,
    );
  }
  const xFormat = options.xFormat ?? '.3~g';
  const yFormat = options.yFormat ?? '.3~g';
  const groupTitle = options.groupTitle ?? 'Class';
  const legendHeight = (width: number) => (groups.length > 0 ? LEGEND_ROW * legendRows(groups, theme, width) : 0);
  const { wide } = theme.layouts;
  const narrow = { width: theme.layouts.narrow.width, height: NARROW_HEIGHT + legendHeight(theme.layouts.narrow.width) };
  // A layout's plot is the layout less its axes and its legend, roughly: an estimate too small only spaces labels wider.
  const plotOf = ({ width, height }: { width: number; height: number }) => {
    const legend = legendHeight(width);
    return { width: width - AXES.width, height: height - AXES.height - (legend && legend + LEGEND_OFFSET) };
  };
  const [widePlot, narrowPlot] = [plotOf(wide), plotOf(narrow)];
  const plot = { width: Math.min(widePlot.width, narrowPlot.width), height: Math.min(widePlot.height, narrowPlot.height) };
  const domains = { x: options.xDomain, y: options.yDomain };
  const places = new Map(placeLabels(points, plot, theme.fontSize.label, domains).map(({ index, place }) => [index, place]));
  const many = points.length > MANY_POINTS;
  const xs = many ? keptPrecision(points.map((p) => p.x)) : points.map((p) => p.x);
  const ys = many ? keptPrecision(points.map((p) => p.y)) : points.map((p) => p.y);
  const rows = points.map((p, i) => ({
    x: xs[i]!,
    y: ys[i]!,
    ...(p.group === undefined ? {} : { group: p.group }),
    ...(p.label === undefined ? {} : { label: p.label }),
  }));
  // Each place's labels, by their point (x, y and text: a word may label two points), so the
  // table and the CSV carry the points alone, with no column of places.
  const keysAt = (place: LabelPlace) => [...places].filter(([, at]) => at === place).map(([i]) => `${xs[i]},${ys[i]},${points[i]!.label}`);
  // A given domain is niced as the data's own would be (plotPositions nices it the same way).
  const scaleOf = (domain: readonly [number, number] | undefined) =>
    ({ zero: false, ...(domain ? { domain: [...domain], nice: true } : {}), padding: SCALE_PADDING }) as const;
  const x = { field: 'x', type: 'quantitative', title: options.xTitle, scale: scaleOf(options.xDomain) } as const;
  const y = { field: 'y', type: 'quantitative', title: options.yTitle, scale: scaleOf(options.yDomain) } as const;
  const color =
    groups.length > 0
      ? {
          field: 'group',
          type: 'nominal',
          title: groupTitle,
          scale: { domain: groups, range: CATEGORICAL.slice(0, groups.length) },
          legend: wrappedLegend(groups, theme, { symbolType: 'circle', opaqueSymbols: true }),
        }
      : { value: theme.colors.blue };
  const labelled = points.some((p) => p.label !== undefined);
  const tooltip = [
    ...(labelled ? [{ field: 'label', type: 'nominal', title: 'title' }] : []),
    ...(groups.length > 0 ? [{ field: 'group', type: 'nominal', title: groupTitle }] : []),
    { field: 'x', type: 'quantitative', title: options.xTitle, format: xFormat },
    { field: 'y', type: 'quantitative', title: options.yTitle, format: yFormat },
  ];
  const marks: Record<LabelPlace, object> = {
    right: { align: 'left', baseline: 'middle', dx: POINT_RADIUS + GAP },
    left: { align: 'right', baseline: 'middle', dx: -(POINT_RADIUS + GAP) },
    above: { align: 'center', baseline: 'bottom', dy: -(POINT_RADIUS + GAP) },
    below: { align: 'center', baseline: 'top', dy: POINT_RADIUS + GAP },
  };
  const usedPlaces = (Object.keys(marks) as LabelPlace[]).filter((place) => keysAt(place).length > 0);
  return {
    ...chartFrame({
      theme,
      description: options.description ?? describeScatter(points, options),
      rows,
      narrow,
      ...(options.zoom
        ? {
            usermeta: {
              zoomExtent: options.xDomain ? ([options.xDomain[0], options.xDomain[1]] as const) : ([minOf(xs), maxOf(xs)] as const),
            },
          }
        : {}),
    }),
    ...(groups.length > 0 ? { params: [layoutWidthParam(theme)] } : {}),
    layer: [
      {
        mark: { type: 'point', filled: true, clip: true, ...(many ? { ...CLOUD_POINT, aria: false } : POINT) },
        params: [
          { name: 'hover', select: { type: 'point', nearest: true, on: 'pointerover', clear: 'pointerout' } },
          ...(options.zoom ? [{ name: ZOOM_PARAM, select: { type: 'interval', encodings: ['x'], zoom: 'wheel!' }, bind: 'scales' }] : []),
        ],
        encoding: { x, y, color, tooltip },
      },
      // One text layer per place a label can take, each with its own alignment.
      ...usedPlaces.map((place) => ({
        // Vega writes numbers in strings as JavaScript does, so the keys match.
        transform: [{ filter: `indexof(${JSON.stringify(keysAt(place))}, datum.x + ',' + datum.y + ',' + datum.label) >= 0` }],
        mark: { type: 'text', fontSize: theme.fontSize.label, clip: true, aria: false, ...marks[place] },
        encoding: { x, y, text: { field: 'label', type: 'nominal' }, color: { value: 'currentColor' } },
      })),
    ],
  } as TopLevelSpec;
}
