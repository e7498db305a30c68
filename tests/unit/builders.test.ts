/**
 * The chart builders (src/lib/charts/builders.ts) and the rows they write (series.ts): every spec
 * they make is valid Vega-Lite that compiles without a warning, and they never mutate their input.
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  DATASET,
  type DecayOptions,
  decayChart,
  type LineChartOptions,
  endLabelsFit,
  layeredLineChart,
} from '../../src/lib/charts/builders.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { compileChart } from '../../src/lib/charts/render.ts';
import { type LineSeries, toRows } from '../../src/lib/charts/series.ts';
import { type ChartTheme, PLOT } from '../../src/lib/charts/theme.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import {
  activations,
  cumulativeGradient,
  decayingValues,
  gradients,
  sigmoidAndTangent,
  steps,
  tangentPlotX,
  tangentPlotY,
  x,
} from '../support/seed-figures.ts';

/** Freezes an object and everything reachable from it, so any write throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Loosely typed access into a spec, for reading nested parts without repeating casts. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = (spec: TopLevelSpec): Json => spec as unknown as Json;

const CUSTOM_THEME: ChartTheme = {
  layouts: { wide: { width: 480, height: 300 }, narrow: { width: 300, height: 200 } },
  fontSize: { label: 14, title: 15 },
  colors: { blue: '#1f77b4', red: '#d62728', tan: '#8c6d1f' },
  dashes: [[], [4, 4]],
  font: 'Georgia, serif',
};

/** The axis titles every line chart must be given. */
const TITLES = { xTitle: 'x', yTitle: 'σ(x)' } as const;

/** Fresh copies of the figure 1 series, so a test can freeze them without touching figures.ts. */
function figureSeries(): LineSeries[] {
  return [
    { name: 'Sigmoid', x: [...x], y: [...activations], color: PLOT.colors.blue },
    { name: 'Gradient', x: [...x], y: [...gradients], color: PLOT.colors.red },
    { name: 'Tangent', x: [...tangentPlotX], y: [...tangentPlotY], color: PLOT.colors.tan },
  ];
}

function decayData() {
  return { name: 'Gradient', steps: [...steps], values: [...decayingValues] };
}

const lineOptions: { label: string; options: LineChartOptions }[] = [
  { label: 'axis titles only', options: TITLES },
  { label: 'zoom', options: { ...TITLES, zoom: true } },
  { label: 'showPoints', options: { ...TITLES, showPoints: true } },
  { label: 'labels none', options: { ...TITLES, labels: 'none' } },
  { label: 'labels end', options: { ...TITLES, labels: 'end' } },
  { label: 'labels legend', options: { ...TITLES, labels: 'legend' } },
  { label: 'legend title', options: { ...TITLES, labels: 'legend', legendTitle: 'Function' } },
  { label: 'integerX', options: { ...TITLES, integerX: true } },
  { label: 'custom theme', options: { ...TITLES, theme: CUSTOM_THEME } },
  {
    label: 'everything',
    options: {
      description: 'A chart.',
      xTitle: 'Time step',
      yTitle: 'Norm',
      xFormat: '.2f',
      yFormat: '.3e',
      zoom: true,
      showPoints: true,
      integerX: true,
      labels: 'end',
      theme: CUSTOM_THEME,
    },
  },
];

const decayOptions: { label: string; options: DecayOptions }[] = [
  { label: 'no options', options: {} },
  { label: 'zoom', options: { zoom: true } },
  { label: 'labels legend', options: { labels: 'legend', legendTitle: 'Quantity' } },
  { label: 'log y', options: { yScale: 'log' } },
  { label: 'custom colour', options: { color: PLOT.colors.red } },
  { label: 'custom theme', options: { theme: CUSTOM_THEME, xTitle: 'Layer', yTitle: 'Decay', description: 'It decays.' } },
];

const specs: { label: string; build: () => TopLevelSpec }[] = [
  { label: 'figure 1 (sigmoidAndTangent)', build: () => sigmoidAndTangent },
  { label: 'figure 2 (cumulativeGradient)', build: () => cumulativeGradient },
  ...lineOptions.map(({ label, options }) => ({
    label: `layeredLineChart, ${label}`,
    build: () => layeredLineChart(figureSeries(), options),
  })),
  {
    label: 'layeredLineChart, one series',
    build: () => layeredLineChart([{ name: 'Only', x: [0, 1, 2], y: [1, 0, 1], color: PLOT.colors.tan }], TITLES),
  },
  ...decayOptions.map(({ label, options }) => ({
    label: `decayChart, ${label}`,
    build: () => decayChart(decayData(), options),
  })),
];

describe('every spec is valid and compiles without warnings', () => {
  test.each(specs)('$label matches the Vega-Lite JSON schema', ({ build }) => {
    expect(vegaLiteSchemaError(build())).toBeNull();
  });

  test.each(specs)('$label compiles without a warning', ({ label, build }) => {
    const vega = compileChart('spec-under-test', build());
    expect(vega.data, label).toBeDefined();
  });
});

describe('builders never mutate their input', () => {
  test.each(lineOptions)('layeredLineChart with $label', ({ options }) => {
    const series = figureSeries();
    const opts = structuredClone(options);
    const before = structuredClone({ series, opts });
    deepFreeze(series);
    deepFreeze(opts);
    expect(() => layeredLineChart(series, opts)).not.toThrow();
    expect({ series, opts }).toEqual(before);
  });

  test.each(decayOptions)('decayChart with $label', ({ options }) => {
    const data = decayData();
    const opts = structuredClone(options);
    const before = structuredClone({ data, opts });
    deepFreeze(data);
    deepFreeze(opts);
    expect(() => decayChart(data, opts)).not.toThrow();
    expect({ data, opts }).toEqual(before);
  });

  test('the spec shares no arrays with the input, so editing it cannot reach the input', () => {
    const series = figureSeries();
    const spec = json(layeredLineChart(series, TITLES));
    const domain = spec.layer[0].encoding.color.scale.domain as string[];
    const range = spec.layer[0].encoding.color.scale.range as string[];
    domain.push('Extra');
    range.push('#000000');
    spec.datasets[DATASET][0].y = 42;
    expect(series.map((s) => s.name)).toEqual(['Sigmoid', 'Gradient', 'Tangent']);
    expect(series[0]?.y).toEqual(activations);
  });

  test('two calls give equal, independent specs', () => {
    const a = layeredLineChart(figureSeries(), { ...TITLES, zoom: true });
    const b = layeredLineChart(figureSeries(), { ...TITLES, zoom: true });
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});

describe('figure 1: sigmoid and tangent', () => {
  const spec = json(sigmoidAndTangent);
  const [lines, points] = spec.layer as [Json, Json];

  test('colours: Sigmoid, Gradient and Tangent in the PLOT blue, red and tan', () => {
    for (const layer of [lines, points]) {
      expect(layer.encoding.color.field).toBe('series');
      expect({ domain: layer.encoding.color.scale.domain, range: layer.encoding.color.scale.range }).toEqual({
        domain: ['Sigmoid', 'Gradient', 'Tangent'],
        range: [PLOT.colors.blue, PLOT.colors.red, PLOT.colors.tan],
      });
    }
  });

  test('size from PLOT, axis titles that say what the axes hold, and no title (the caption is the title)', () => {
    expect(spec.width).toBe(PLOT.layouts.wide.width);
    expect(spec.height).toBe(PLOT.layouts.wide.height);
    expect(spec.usermeta.narrow).toEqual(PLOT.layouts.narrow);
    expect(spec.title).toBeUndefined();
    expect(spec.layer[0].encoding.x.title).toBe('x');
    expect(spec.layer[0].encoding.y.title).toBe('σ(x), σ′(x) and the tangent');
  });

  test('series differ by dash as well as colour', () => {
    expect(lines.encoding.strokeDash.field).toBe('series');
    expect(lines.encoding.strokeDash.scale).toEqual({ domain: ['Sigmoid', 'Gradient', 'Tangent'], range: PLOT.dashes.slice(0, 3) });
    expect(new Set(lines.encoding.strokeDash.scale.range.map(String)).size).toBe(3);
  });

  test('the tangent ends mid-plot, so the series are named by a legend above the plot, whose clicks isolate a series', () => {
    expect(lines.encoding.color.legend).toMatchObject({ orient: 'top', direction: 'horizontal' });
    const isolate = lines.params.find((p: Json) => p.name === 'isolate');
    expect(isolate).toEqual({ name: 'isolate', select: { type: 'point', fields: ['series'], toggle: 'true' }, bind: 'legend' });
    expect(lines.encoding.opacity).toEqual({ condition: { param: 'isolate', value: 1 }, value: 0.15 });
    expect(spec.layer).toHaveLength(2);
  });

  test('the zoom is held to the extent of the data on x', () => {
    expect(spec.usermeta.zoomExtent).toEqual([-10, 10]);
  });

  test('zoom: an interval selection on x bound to the scales', () => {
    const params = spec.layer.flatMap((layer: Json) => layer.params ?? []) as Json[];
    const intervals = params.filter((p) => p.select?.type === 'interval');
    expect(intervals).toHaveLength(1);
    expect(intervals[0]?.select.encodings).toEqual(['x']);
    expect(intervals[0]?.bind).toBe('scales');
  });

  test('without zoom there is no interval selection', () => {
    const plain = json(layeredLineChart(figureSeries(), TITLES));
    const params = plain.layer.flatMap((layer: Json) => layer.params ?? []) as Json[];
    expect(params.some((p) => p.select?.type === 'interval')).toBe(false);
  });

  test('the tooltip is headed by the series (its key "title"), then x and y', () => {
    expect(points.encoding.tooltip.map((t: Json) => t.field)).toEqual(['series', 'x', 'y']);
    expect(points.encoding.tooltip.map((t: Json) => t.title)).toEqual(['title', 'x', 'σ(x), σ′(x) and the tangent']);
    expect(points.params[0].select).toMatchObject({ type: 'point', nearest: true });
  });

  test('the points are invisible unless showPoints, and nothing about them depends on the hover (a move re-encodes none)', () => {
    expect(points.encoding.opacity).toEqual({ value: 0 });
    expect(JSON.stringify(points.encoding)).not.toContain('hover');
    const shown = json(layeredLineChart(figureSeries(), { ...TITLES, showPoints: true }));
    expect(shown.layer[1].encoding.opacity).toEqual({ value: 1 });
    expect(JSON.stringify(shown.layer[1].encoding)).not.toContain('hover');
    // In the compiled spec, no encoding reads the hover selection's store.
    const vega = compileChart('figure-1', sigmoidAndTangent);
    expect(JSON.stringify((vega as { marks?: unknown }).marks)).not.toContain('hover_store');
  });

  test('the dataset rows are the series values, 300 rows', () => {
    expect(spec.data).toEqual({ name: DATASET });
    const rows = spec.datasets[DATASET] as { series: string; x: number; y: number }[];
    expect(rows).toHaveLength(300);
    const pick = (name: string) => rows.filter((r) => r.series === name);
    expect(pick('Sigmoid').map((r) => r.x)).toEqual(x);
    expect(pick('Sigmoid').map((r) => r.y)).toEqual(activations);
    expect(pick('Gradient').map((r) => r.x)).toEqual(x);
    expect(pick('Gradient').map((r) => r.y)).toEqual(gradients);
    expect(pick('Tangent').map((r) => r.x)).toEqual(tangentPlotX);
    expect(pick('Tangent').map((r) => r.y)).toEqual(tangentPlotY);
  });

  test('labels "none" draws neither legend nor labels', () => {
    const none = json(layeredLineChart(figureSeries(), { ...TITLES, labels: 'none' }));
    expect(none.layer[0].encoding.color.legend).toBeNull();
    expect(none.layer).toHaveLength(2);
  });

  test('a custom theme sets the sizes, fonts and dashes', () => {
    const themed = json(layeredLineChart(figureSeries(), { ...TITLES, theme: CUSTOM_THEME }));
    expect(themed.width).toBe(CUSTOM_THEME.layouts.wide.width);
    expect(themed.height).toBe(CUSTOM_THEME.layouts.wide.height);
    expect(themed.usermeta.narrow).toEqual(CUSTOM_THEME.layouts.narrow);
    expect(themed.config.font).toBe(CUSTOM_THEME.font);
    expect(themed.config.axis.labelFontSize).toBe(CUSTOM_THEME.fontSize.label);
    // Two dashes for three series: they repeat.
    expect(themed.layer[0].encoding.strokeDash.scale.range).toEqual([[], [4, 4], []]);
  });
});

describe('figure 2: cumulative gradient', () => {
  const spec = json(cumulativeGradient);

  test('one series over whole-numbered steps, every step marked, in PLOT blue, no legend', () => {
    const [lines, points] = spec.layer as [Json, Json];
    expect(spec.title).toBeUndefined();
    expect(lines.encoding.x.title).toBe('Step');
    expect(lines.encoding.y.title).toBe('Cumulative gradient');
    expect(lines.encoding.color.scale).toEqual({ domain: ['Gradient'], range: [PLOT.colors.blue] });
    expect(lines.encoding.color.legend).toBeNull();
    expect(lines.encoding.x.axis).toMatchObject({ tickMinStep: 1 });
    expect(points.encoding.opacity).toEqual({ value: 1 });
  });

  test('the dataset rows are the steps and decaying values, 6 rows', () => {
    const rows = spec.datasets[DATASET] as { series: string; x: number; y: number }[];
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.series)).toEqual(steps.map(() => 'Gradient'));
    expect(rows.map((r) => r.x)).toEqual(steps);
    expect(rows.map((r) => r.y)).toEqual(decayingValues);
  });

  test('options can override the colour but not integerX or showPoints', () => {
    const red = json(decayChart(decayData(), { color: PLOT.colors.red, integerX: false, showPoints: false } as DecayOptions));
    expect(red.layer[0].encoding.color.scale.range).toEqual([PLOT.colors.red]);
    expect(red.layer[0].encoding.x.axis).toMatchObject({ tickMinStep: 1 });
    expect(red.layer[1].encoding.opacity).toEqual({ value: 1 });
  });
});

describe('toRows', () => {
  const ok = (name: string): LineSeries => ({ name, x: [0, 1, 2], y: [3, 4, 5], color: PLOT.colors.blue });

  test('flattens series into rows in order', () => {
    const rows = toRows([ok('A'), { ...ok('B'), y: [6, 7, 8] }]);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.series)).toEqual(['A', 'A', 'A', 'B', 'B', 'B']);
    expect(rows.slice(3).map((r) => r.y)).toEqual([6, 7, 8]);
  });

  test.each([
    { label: 'no series', series: [], message: 'series must hold at least one series, got none' },
    { label: 'an empty series', series: [{ ...ok('A'), x: [], y: [] }], message: 'series "A" is empty' },
    {
      label: 'x and y of different lengths',
      series: [ok('A'), { ...ok('B'), y: [1, 2] }],
      message: 'series "B" has 3 x values but 2 y values',
    },
    {
      label: 'a NaN y',
      series: [{ ...ok('A'), y: [3, Number.NaN, 5] }],
      message: 'series "A" row 1 y must be a finite number, got NaN',
    },
    {
      label: 'an infinite x',
      series: [ok('A'), { ...ok('B'), x: [0, 1, Number.POSITIVE_INFINITY] }],
      message: 'series "B" row 2 x must be a finite number, got Infinity',
    },
    { label: 'duplicate names', series: [ok('A'), ok('B'), ok('A')], message: 'series names must be unique, got "A" twice' },
  ])('rejects $label with a RangeError', ({ series, message }) => {
    expect(() => toRows(series)).toThrow(new RangeError(message));
    expect(() => toRows(series)).toThrow(RangeError);
    // The builders check through toRows, so they fail the same way.
    expect(() => layeredLineChart(series, TITLES)).toThrow(new RangeError(message));
  });
});

describe('descriptions for screen readers', () => {
  test('figure 1 carries the sentences written from its data, one per series', () => {
    expect(sigmoidAndTangent.description).toBe(
      describeChart(
        [
          { name: 'Sigmoid', x, y: activations },
          { name: 'Gradient', x, y: gradients },
          { name: 'Tangent', x: tangentPlotX, y: tangentPlotY },
        ],
        { xTitle: 'x' },
      ),
    );
    expect(sigmoidAndTangent.description).toMatch(/^Sigmoid rises .* Gradient peaks .* Tangent rises .*\.$/);
  });

  test('figure 2 says its gradient falls by a factor of 4 each step', () => {
    expect(cumulativeGradient.description?.replace(/\u00a0/g, ' ')).toBe(
      'Gradient falls from 0.25 at step 1 to 0.000244 at step 6, a factor of 4 each step.',
    );
  });

  test('a description the author passes wins over the generated one', () => {
    expect(layeredLineChart(figureSeries(), { ...TITLES, description: 'Three curves.' }).description).toBe('Three curves.');
    expect(decayChart(decayData(), { description: 'It decays.' }).description).toBe('It decays.');
  });

  test('lines are named by their series; visible markers read series, x and y in the tooltip formats', () => {
    const shown = json(layeredLineChart(figureSeries(), { showPoints: true, xTitle: 'X', yTitle: 'Y', yFormat: '.3~g' }));
    expect(shown.layer[0].encoding.description).toEqual({ field: 'series', type: 'nominal' });
    expect(shown.layer[1].encoding.description).toEqual({ field: 'description', type: 'nominal' });
    expect(shown.layer[1].transform[0]).toEqual({
      calculate: 'datum.series + ": X " + format(datum.x, ".3~f") + ", Y " + format(datum.y, ".3~g")',
      as: 'description',
    });
  });

  test('hidden hover markers stay out of the accessibility tree and get no description', () => {
    const points = json(sigmoidAndTangent).layer[1];
    expect(points.mark.aria).toBe(false);
    expect(points.transform).toBeUndefined();
    expect(points.encoding.description).toBeUndefined();
  });
});

describe('house style', () => {
  const ends = (yEnds: number[]): LineSeries[] =>
    yEnds.map((end, i) => ({ name: `S${i}`, x: [0, 1, 2], y: [0.1, 1, end], color: PLOT.colors.blue }));

  test('"auto" names lines at their ends when all end at the right edge, apart', () => {
    const spec = json(layeredLineChart(ends([0, 1]), TITLES));
    const labels = spec.layer[2];
    expect(labels.mark).toMatchObject({ type: 'text', align: 'left', clip: false });
    expect(labels.encoding.text).toEqual({ field: 'series', type: 'nominal' });
    expect(labels.transform[1]).toEqual({ filter: 'datum.x === datum.lastX' });
    expect(spec.layer[0].encoding.color.legend).toBeNull();
  });

  test('"auto" falls back to the legend when ends collide, when a line ends early, or when the chart zooms', () => {
    expect(endLabelsFit(ends([0, 1]))).toBe(true);
    expect(endLabelsFit(ends([0.5, 0.51]))).toBe(false);
    expect(endLabelsFit([...ends([0.1]), { name: 'Short', x: [0, 1], y: [1, 1], color: PLOT.colors.red }])).toBe(false);
    for (const spec of [layeredLineChart(ends([0.5, 0.51]), TITLES), layeredLineChart(ends([0, 1]), { ...TITLES, zoom: true })]) {
      expect(json(spec).layer).toHaveLength(2);
      expect(json(spec).layer[0].encoding.color.legend).toMatchObject({ orient: 'top' });
    }
  });

  test('names at the ends of a zoomable chart hide while it is zoomed (the ends are off the plot then)', () => {
    const spec = json(layeredLineChart(ends([0, 1]), { ...TITLES, zoom: true, labels: 'end' }));
    expect(spec.layer[2].encoding.opacity).toEqual({ condition: { test: '!zoom_x', value: 1 }, value: 0 });
    expect(json(layeredLineChart(ends([0, 1]), TITLES)).layer[2].encoding.opacity).toBeUndefined();
  });

  test('one series gets no legend and no label by default (its axis names it)', () => {
    const spec = json(layeredLineChart(ends([1]), TITLES));
    expect(spec.layer).toHaveLength(2);
    expect(spec.layer[0].encoding.color.legend).toBeNull();
  });

  test('a legend wraps into the columns its layout has room for', () => {
    const spec = json(layeredLineChart(ends([0, 1]), { ...TITLES, labels: 'legend' }));
    expect(spec.params).toEqual([{ name: 'layout_width', value: PLOT.layouts.wide.width }]);
    expect(spec.layer[0].encoding.color.legend.columns.expr).toMatch(/layout_width/);
  });

  test('axis titles are required, also from a module TypeScript never checked', () => {
    const untyped = layeredLineChart as (series: readonly LineSeries[], options?: Partial<LineChartOptions>) => unknown;
    expect(() => untyped(ends([1]))).toThrow(
      new RangeError('layeredLineChart needs options.xTitle: say what the x axis holds (e.g. "Epoch", "Loss")'),
    );
    expect(() => untyped(ends([1]), { xTitle: 'Epoch', yTitle: ' ' })).toThrow(/needs options.yTitle/);
  });

  test('log scales, refused for values that are not positive', () => {
    const spec = json(layeredLineChart(ends([0.2, 1]), { ...TITLES, yScale: 'log' }));
    expect(spec.layer[0].encoding.y.scale.type).toBe('log');
    expect(() => layeredLineChart(ends([0, 1]), { ...TITLES, yScale: 'log' })).toThrow(
      new RangeError('series "S0" has y = 0 at row 2, but a log scale needs every y above 0'),
    );
  });

  test('marked points are never cut by the plot edge: unclipped, or clipped inside padded scales when zoom pans them away', () => {
    const spec = json(cumulativeGradient);
    expect(spec.layer[1].mark.clip).toBe(false);
    const zoomed = json(decayChart(decayData(), { zoom: true }));
    expect(zoomed.layer[1].mark.clip).toBe(true);
    expect(zoomed.layer[0].encoding.x.scale.padding).toBeGreaterThan(0);
    expect(zoomed.layer[0].encoding.y.scale.padding).toBeGreaterThan(0);
    expect(json(sigmoidAndTangent).layer[0].encoding.x.scale.padding).toBeUndefined();
  });

  test('about one tick per 80 px on x and per 40 px on y, in every layout', () => {
    const { axisX, axisY } = json(sigmoidAndTangent).config;
    expect(axisX.tickCount).toEqual({ expr: 'ceil(width / 80)' });
    expect(axisY.tickCount).toEqual({ expr: 'ceil(height / 40)' });
  });
});
