/**
 * Matrices as heatmaps: a confusion matrix, attention weights, a transition matrix P(next | word).
 * Rows and columns keep the order given; cells are coloured by a sequential scheme, or a diverging
 * one centred on a value, and may print their values in black or white, whichever reads better
 * on the cell.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT } from './theme.ts';
import { chartFrame, checkDomain, requireText } from './frame.ts';
import { formatNumber } from './describe.ts';
import { maxOf, minOf } from '../numeric.ts';

export interface MatrixData {
  /** The row labels, top to bottom (what is compared: the true class, the current word). */
  readonly rows: readonly string[];
  /** The column labels, left to right (the predicted class, the next word). */
  readonly columns: readonly string[];
  /** values[i][j] is the cell of rows[i] and columns[j]. */
  readonly values: readonly (readonly number[])[];
}

export interface HeatmapOptions {
  /** What the rows are ("True class", "Word"). */
  readonly rowTitle: string;
  /** What the columns are ("Predicted class", "Next word"). */
  readonly columnTitle: string;
  /** What a cell holds ("Count", "P(next | word)"): the legend's and the tooltip's name for it. */
  readonly valueTitle: string;
  /**
   * "sequential" (the default) runs from light to dark as values grow; "diverging" runs through
   * white at `center` (0 by default), for signed values such as a difference of two matrices.
   */
  readonly scheme?: 'sequential' | 'diverging';
  readonly center?: number;
  /** Print each cell's value in it. */
  readonly showValues?: boolean;
  /** d3-format for values in cells, tooltips and the table. */
  readonly valueFormat?: string;
  /** Replaces the description written from the matrix. */
  readonly description?: string;
  /** The values the colour scale spans, in place of the cells' own: small multiples share it, so one value is one colour. */
  readonly colorDomain?: readonly [number, number];
  readonly theme?: ChartTheme;
}

/**
 * Vega's schemes, chosen to read on either page: opaque cells whose lightness alone orders
 * them, and for colour-blind readers too (both are single- or two-hue ramps).
 */
const SCHEMES = { sequential: 'blues', diverging: 'redblue' } as const;

/**
 * Black text on a cell of relative luminance above this, else white: where the two have the
 * same WCAG contrast, (L + 0.05) / 0.05 = 1.05 / (L + 0.05).
 */
const DARK_TEXT_ABOVE = 0.179;

/** A row's least height, and the room the axes and the legend below take, in CSS pixels. */
const ROW_HEIGHT = 24;
const AXES_AND_LEGEND = 150;
const MAX_HEIGHT = 900;

/** About the width of a phone's plot, once the row labels have their room. */
const NARROW_PLOT_WIDTH = 220;

/** The most rows × columns whose values are printed: past this the text would be too small. */
const MAX_LABEL_CELLS = 400;

function checkMatrix(data: MatrixData, options: HeatmapOptions): void {
  for (const key of ['rowTitle', 'columnTitle', 'valueTitle'] as const) requireText('heatmapChart', options, key);
  const { rows, columns, values } = data;
  if (!rows?.length || !columns?.length) throw new RangeError('heatmapChart needs at least one row and one column label');
  for (const [name, labels] of [
    ['row', rows],
    ['column', columns],
  ] as const) {
    const seen = new Set<string>();
    for (const label of labels) {
      if (seen.has(label)) throw new RangeError(`heatmapChart: the ${name} label "${label}" is given twice`);
      seen.add(label);
    }
  }
  if (values?.length !== rows.length)
    throw new RangeError(`heatmapChart has ${rows.length} row labels but ${values?.length ?? 0} rows of values`);
  values.forEach((row, i) => {
    if (row.length !== columns.length) {
      throw new RangeError(`heatmapChart: row ${i} ("${rows[i]}") has ${row.length} values for ${columns.length} columns`);
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `heatmapChart: the cell of row "${rows[i]}" and column "${columns[j]}" is ${String(value)}, not a finite number`,
        );
      }
    });
  });
  checkDomain(options.colorDomain, 'colorDomain');
  if (options.colorDomain) {
    const [lo, hi] = [minOf(values.flat()), maxOf(values.flat())];
    if (lo < options.colorDomain[0] || hi > options.colorDomain[1]) {
      throw new RangeError(
        `heatmapChart: the cells run from ${formatNumber(lo)} to ${formatNumber(hi)}, beyond options.colorDomain [${options.colorDomain.join(', ')}]; give a domain that holds them`,
      );
    }
  }
}

/** Words for a matrix: its largest cell, and each row's peak. */
export function describeMatrix(data: MatrixData, options: Pick<HeatmapOptions, 'rowTitle' | 'columnTitle' | 'valueTitle'>): string {
  let best = { i: 0, j: 0 };
  const peaks = data.values.map((row, i) => {
    let j = 0;
    row.forEach((value, k) => {
      if (value > row[j]!) j = k;
    });
    if (row[j]! > data.values[best.i]![best.j]!) best = { i, j };
    return `${data.rows[i]} → ${data.columns[j]} (${formatNumber(row[j]!)})`;
  });
  const largest = data.values[best.i]![best.j]!;
  return (
    `${options.valueTitle} for ${data.rows.length} ${options.rowTitle.toLowerCase()} rows by ${data.columns.length} ` +
    `${options.columnTitle.toLowerCase()} columns; the largest, ${formatNumber(largest)}, is at ${data.rows[best.i]} and ${data.columns[best.j]}. ` +
    `Each row’s peak: ${peaks.join(', ')}.`
  );
}

/**
 * The column axis: names side by side when they fit a phone's plot (about 7 px a letter), else
 * slanted at 45°, or upright where the columns are too narrow for that. Every column of a
 * confusion matrix must be named, so slanted names are all drawn (Vega would otherwise drop every
 * other one, judging their boxes to overlap); only columns too narrow for a line of text each let
 * Vega thin them.
 */
function columnAxis(columns: readonly string[], theme: ChartTheme) {
  const longest = maxOf(columns.map((name) => name.length));
  if (columns.length * (7 * longest + 6) <= NARROW_PLOT_WIDTH) return { labelAngle: 0 };
  const column = NARROW_PLOT_WIDTH / columns.length;
  const line = theme.fontSize.label + 2;
  if (column * Math.SQRT1_2 >= line) return { labelAngle: -45, labelAlign: 'right', labelOverlap: false };
  return { labelAngle: -90, labelAlign: 'right', labelBaseline: 'middle', labelOverlap: column < line };
}

/** How much taller than a line of text the column names stand, at their angle (Vega's estimate of text: 0.8 em a character). */
function columnLabelRoom(columns: readonly string[], theme: ChartTheme): number {
  const { labelAngle } = columnAxis(columns, theme);
  const length = 0.8 * theme.fontSize.label * maxOf(columns.map((name) => name.length));
  return Math.ceil(length * Math.abs(Math.sin((labelAngle * Math.PI) / 180)));
}

/** A matrix as a heatmap: labelled rows and columns in the given order, a colour legend, and optional printed values. */
export function heatmapChart(data: MatrixData, options: HeatmapOptions): TopLevelSpec {
  checkMatrix(data, options);
  const theme = options.theme ?? PLOT;
  const valueFormat = options.valueFormat ?? (data.values.every((row) => row.every(Number.isInteger)) ? 'd' : '.2~f');
  // The legend ticks between the values: whole-number counts over a short range need decimals there.
  const [lo, hi] = options.colorDomain ?? [minOf(data.values.flat()), maxOf(data.values.flat())];
  const legendFormat = valueFormat === 'd' && hi - lo <= 10 ? '.2~f' : valueFormat;
  const cells = data.rows.flatMap((row, i) => data.columns.map((column, j) => ({ row, column, value: data.values[i]![j]! })));
  const scheme = options.scheme ?? 'sequential';
  const colour = {
    field: 'value',
    type: 'quantitative',
    title: options.valueTitle,
    scale: {
      ...(scheme === 'diverging' ? { scheme: SCHEMES.diverging, domainMid: options.center ?? 0 } : { scheme: SCHEMES.sequential }),
      ...(options.colorDomain ? { domain: [lo, hi] } : {}),
    },
    // Below the matrix, across: beside it, it took a third of a phone's width from the cells.
    legend: { orient: 'bottom', direction: 'horizontal', format: legendFormat },
  } as const;
  const x = {
    field: 'column',
    type: 'ordinal',
    title: options.columnTitle,
    sort: [...data.columns],
    axis: columnAxis(data.columns, theme),
  };
  const y = { field: 'row', type: 'ordinal', title: options.rowTitle, sort: [...data.rows] };
  const tooltip = [
    { field: 'row', type: 'ordinal', title: options.rowTitle },
    { field: 'column', type: 'ordinal', title: options.columnTitle },
    { field: 'value', type: 'quantitative', title: options.valueTitle, format: valueFormat },
  ];
  // Rows of at least a line of text each, in both layouts, plus room for the axes and the legend.
  // Slanted or upright column names take their own room below the matrix, past the axes' usual.
  const height = Math.min(
    MAX_HEIGHT,
    Math.max(theme.layouts.narrow.height, ROW_HEIGHT * data.rows.length + AXES_AND_LEGEND + columnLabelRoom(data.columns, theme)),
  );
  const showValues = options.showValues === true && cells.length <= MAX_LABEL_CELLS;
  return {
    ...chartFrame({
      theme,
      description: options.description ?? describeMatrix(data, options),
      rows: cells,
      wide: { width: theme.layouts.wide.width, height },
      narrow: { width: theme.layouts.narrow.width, height },
    }),
    layer: [
      {
        transform: [
          { calculate: `datum.row + ', ' + datum.column + ': ' + format(datum.value, ${JSON.stringify(valueFormat)})`, as: 'description' },
        ],
        mark: { type: 'rect', stroke: 'currentColor', strokeOpacity: 0.15, strokeWidth: 0.5 },
        encoding: { x, y, color: colour, tooltip, description: { field: 'description', type: 'nominal' } },
      },
      ...(showValues
        ? [
            {
              mark: { type: 'text', fontSize: theme.fontSize.label, aria: false },
              encoding: {
                x,
                y,
                text: { field: 'value', type: 'quantitative', format: valueFormat },
                // Black or white, whichever has the more contrast on the cell's own colour.
                color: {
                  condition: { test: `luminance(scale('color', datum.value)) > ${DARK_TEXT_ABOVE}`, value: '#000000' },
                  value: '#ffffff',
                },
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}
