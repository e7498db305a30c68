/**
 * Chart builders: small pure functions `(data, options) => TopLevelSpec`. They copy what they are
 * given and never mutate it. Data goes into a named dataset, so the page can embed it once and
 * both the Vega-Lite spec and the compiled Vega spec refer to it by name.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT, themeConfig } from './theme.ts';
import { type LineSeries, toRows } from './series.ts';
import { describeChart } from './describe.ts';

/** The name of the dataset every builder here writes its rows into. */
export const DATASET = 'series';

export interface LineChartOptions {
  readonly title?: string;
  /**
   * What the chart shows, in words, for readers who cannot see it: shown under the caption and
   * given to the SVG and the live view as their description. By default it is written from the
   * data (src/lib/charts/describe.ts), a sentence per series.
   */
  readonly description?: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** d3-format strings for the tooltip and table values. */
  readonly xFormat?: string;
  readonly yFormat?: string;
  /** Wheel zoom and drag pan on x, double click to reset. */
  readonly zoom?: boolean;
  /** Draw a marker at every point, not only at the hovered one. */
  readonly showPoints?: boolean;
  /** Axis ticks only at whole numbers of x (for steps, epochs, layers). */
  readonly integerX?: boolean;
  /** Show a legend naming the series (default true). */
  readonly legend?: boolean;
  readonly legendTitle?: string;
  readonly theme?: ChartTheme;
}

/**
 * Several line series drawn over one another, with a legend, a tooltip at the nearest point
 * naming series, x and y, and (optionally) zoom and pan on x.
 */
export function layeredLineChart(series: readonly LineSeries[], options: LineChartOptions = {}): TopLevelSpec {
  const theme = options.theme ?? PLOT;
  // Rows first: toRows checks the series and names the bad one.
  const rows = toRows(series);
  const xTitle = options.xTitle ?? 'x';
  const yTitle = options.yTitle ?? 'y';
  const xFormat = options.xFormat ?? '.4~f';
  const yFormat = options.yFormat ?? '.6~g';
  const names = series.map((s) => s.name);
  const colors = series.map((s) => s.color);

  const x = {
    field: 'x',
    type: 'quantitative',
    title: xTitle,
    ...(options.integerX ? { axis: { tickMinStep: 1, format: 'd' } } : {}),
  } as const;
  const y = { field: 'y', type: 'quantitative', title: yTitle } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: names, range: colors },
    legend: options.legend === false ? null : { title: options.legendTitle ?? null, orient: 'top-right' },
  } as const;
  // Screen readers get each line as its series' name (Vega-Lite would read out its first point).
  const lineDescription = { field: 'series', type: 'nominal' } as const;
  // Each visible marker reads "Sigmoid: X −10, Y 0.0000454", in the tooltip's formats.
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
  const tooltip = [
    { field: 'series', type: 'nominal', title: 'Series' },
    { field: 'x', type: 'quantitative', title: xTitle, format: xFormat },
    { field: 'y', type: 'quantitative', title: yTitle, format: yFormat },
  ] as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(options.title ? { title: options.title } : {}),
    description: options.description ?? describeChart(series, { xTitle }),
    width: theme.width,
    height: theme.height,
    // "fit" makes width × height the size of the whole SVG, labels included, so the box a chart
    // takes never depends on its labels: the static SVG and the live view are the same size.
    autosize: { type: 'fit', contains: 'padding' },
    config: themeConfig(theme),
    datasets: { [DATASET]: rows },
    data: { name: DATASET },
    layer: [
      {
        mark: { type: 'line', clip: true },
        encoding: { x, y, color, description: lineDescription },
        ...(options.zoom
          ? { params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }] }
          : {}),
      },
      {
        // Markers: every point when showPoints, else only the one nearest the pointer. The nearest
        // selection draws an invisible Voronoi layer that carries the tooltip.
        // Hidden markers stay out of the accessibility tree; the figure's table carries the values.
        mark: { type: 'point', filled: true, clip: true, ...(options.showPoints ? {} : { aria: false }) },
        ...(options.showPoints ? { transform: pointDescription } : {}),
        params: [{ name: 'hover', select: { type: 'point', nearest: true, on: 'pointerover', clear: 'pointerout' } }],
        encoding: {
          x,
          y,
          color,
          opacity: options.showPoints
            ? { value: 1 }
            : { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
          size: { condition: { param: 'hover', empty: false, value: 160 * theme.fontscale ** 2 }, value: 40 * theme.fontscale ** 2 },
          tooltip: [...tooltip],
          ...(options.showPoints ? { description: { field: 'description', type: 'nominal' } } : {}),
        },
      },
    ],
  } as TopLevelSpec;
}

export interface DecayOptions extends Omit<LineChartOptions, 'integerX' | 'showPoints'> {
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
    xTitle: 'Step',
    yTitle: data.name,
    legend: false,
    ...options,
    integerX: true,
    showPoints: true,
  });
}
