/**
 * Histograms binned at build time by `histogram` (numpy's edges and counts, src/lib/histogram.ts):
 * the chart, its table and its CSV hold the bins, never the raw values, so the page carries
 * `bins` rows however many values there were.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT } from './theme.ts';
import { chartFrame, checkDomain, requireText } from './frame.ts';
import { formatNumber } from './describe.ts';
import { histogram, type HistogramOptions } from '../histogram.ts';
import { maxOf } from '../numeric.ts';

export interface HistogramChartOptions extends HistogramOptions {
  /** What the values are ("Sentence length (tokens)"); builders never guess it. */
  readonly valueTitle: string;
  /** The y axis' title; "Count" by default. */
  readonly countTitle?: string;
  /** d3-format for the bins' edges in tooltips and the table. */
  readonly edgeFormat?: string;
  /** Replaces the description written from the bins. */
  readonly description?: string;
  readonly color?: string;
  /** The counts the y axis must span (from zero, as without it): small multiples share it, with `bins` and `range`. */
  readonly countDomain?: readonly [number, number];
  readonly theme?: ChartTheme;
}

/** One bin as the chart draws it and the table lists it. */
export interface BinRow {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/** The bins of `values` as rows: [start, end) with its count (the last bin holds its end too). */
export function histogramRows(values: readonly number[] | Float64Array, options: HistogramOptions = {}): BinRow[] {
  const { edges, counts } = histogram(values, options);
  return counts.map((count, i) => ({ start: edges[i]!, end: edges[i + 1]!, count }));
}

/** Words for a histogram: its modal bin and its range. */
export function describeHistogram(rows: readonly BinRow[], valueTitle: string): string {
  let modal = rows[0]!;
  for (const row of rows) if (row.count > modal.count) modal = row;
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const range = `${formatNumber(rows[0]!.start)} to ${formatNumber(rows[rows.length - 1]!.end)}`;
  return (
    `${total} values of ${valueTitle.toLowerCase()} from ${range} in ${rows.length} bins; ` +
    `the most, ${modal.count}, lie between ${formatNumber(modal.start)} and ${formatNumber(modal.end)}.`
  );
}

/** A histogram of `values`, binned here with numpy's edges, each bar a bin with its count in the tooltip. */
export function histogramChart(values: readonly number[] | Float64Array, options: HistogramChartOptions): TopLevelSpec {
  requireText('histogramChart', options, 'valueTitle', 'say what the values are (e.g. "Sentence length")');
  const theme = options.theme ?? PLOT;
  checkDomain(options.countDomain, 'countDomain');
  const rows = histogramRows(values, options);
  const most = maxOf(rows.map((row) => row.count));
  if (options.countDomain && most > options.countDomain[1]) {
    throw new RangeError(
      `histogramChart: a bin holds ${most} values, more than options.countDomain [${options.countDomain.join(', ')}] spans`,
    );
  }
  const edgeFormat = options.edgeFormat ?? '.3~g';
  const countTitle = options.countTitle ?? 'Count';
  const startTitle = `${options.valueTitle} from`;
  const endTitle = 'to';
  return {
    ...chartFrame({ theme, description: options.description ?? describeHistogram(rows, options.valueTitle), rows }),
    transform: [
      {
        calculate: `format(datum.start, ${JSON.stringify(edgeFormat)}) + ' to ' + format(datum.end, ${JSON.stringify(edgeFormat)}) + ': ' + datum.count`,
        as: 'description',
      },
    ],
    // A pixel between bars, so equal neighbours read as two bins. (Not
    // Vega-Lite's `bin: { binned: true }`: its axis ticks the edges, and a phone's drops most.)
    mark: { type: 'bar', orient: 'vertical', color: options.color ?? theme.colors.blue, x2Offset: -1 },
    encoding: {
      x: { field: 'start', type: 'quantitative', title: options.valueTitle, scale: { zero: false } },
      x2: { field: 'end' },
      y: {
        field: 'count',
        type: 'quantitative',
        title: countTitle,
        ...(options.countDomain ? { scale: { domain: [Math.min(0, options.countDomain[0]), options.countDomain[1]], nice: true } } : {}),
        axis: { format: 'd', tickMinStep: 1 },
      },
      tooltip: [
        { field: 'start', type: 'quantitative', title: startTitle, format: edgeFormat },
        { field: 'end', type: 'quantitative', title: endTitle, format: edgeFormat },
        { field: 'count', type: 'quantitative', title: countTitle, format: 'd' },
      ],
      description: { field: 'description', type: 'nominal' },
    },
  } as TopLevelSpec;
}
