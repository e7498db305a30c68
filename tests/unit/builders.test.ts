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
} from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

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
  width: 480,
  height: 320,
  fontscale: 1,
  colors: { blue: '#1f77b4', red: '#d62728', tan: '#bcbd22' },
  font: 'Georgia, serif',
};

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
  { label: 'no options', options: {} },
  { label: 'zoom', options: { zoom: true } },
  { label: 'showPoints', options: { showPoints: true } },
  { label: 'legend false', options: { legend: false } },
  { label: 'legend title', options: { legendTitle: 'Function' } },
  { label: 'integerX', options: { integerX: true } },
  { label: 'custom theme', options: { theme: CUSTOM_THEME } },
  {
    label: 'everything',
    options: {
      title: 'T',
      description: 'A chart.',
      xTitle: 'X',
      yTitle: 'Y',
      xFormat: '.2f',
      yFormat: '.3e',
      zoom: true,
      showPoints: true,
      integerX: true,
      legend: false,
      theme: CUSTOM_THEME,
    },
  },
];

const decayOptions: { label: string; options: DecayOptions }[] = [
  { label: 'no options', options: {} },
  { label: 'zoom', options: { zoom: true } },
  { label: 'legend true', options: { legend: true, legendTitle: 'Quantity' } },
  { label: 'custom colour', options: { color: PLOT.colors.red } },
  { label: 'custom theme', options: { theme: CUSTOM_THEME, title: 'Decay', description: 'It decays.' } },
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
    build: () => layeredLineChart([{ name: 'Only', x: [0, 1, 2], y: [1, 0, 1], color: PLOT.colors.tan }]),
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
    const spec = json(layeredLineChart(series));
    const domain = spec.layer[0].encoding.color.scale.domain as string[];
    const range = spec.layer[0].encoding.color.scale.range as string[];
    domain.push('Extra');
    range.push('#000000');
    spec.datasets[DATASET][0].y = 42;
    expect(series.map((s) => s.name)).toEqual(['Sigmoid', 'Gradient', 'Tangent']);
    expect(series[0]?.y).toEqual(activations);
  });

  test('two calls give equal, independent specs', () => {
    const a = layeredLineChart(figureSeries(), { zoom: true });
    const b = layeredLineChart(figureSeries(), { zoom: true });
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
      expect(layer.encoding.color.scale).toEqual({
        domain: ['Sigmoid', 'Gradient', 'Tangent'],
        range: [PLOT.colors.blue, PLOT.colors.red, PLOT.colors.tan],
      });
    }
  });

  test('size and title come from PLOT and the figure', () => {
    expect(spec.width).toBe(PLOT.width);
    expect(spec.height).toBe(PLOT.height);
    expect(spec.title).toBe('Sigmoid and Tangent');
    expect(spec.layer[0].encoding.x.title).toBe('X');
    expect(spec.layer[0].encoding.y.title).toBe('Y');
  });

  test('zoom: an interval selection on x bound to the scales', () => {
    const params = spec.layer.flatMap((layer: Json) => layer.params ?? []) as Json[];
    const intervals = params.filter((p) => p.select?.type === 'interval');
    expect(intervals).toHaveLength(1);
    expect(intervals[0]?.select.encodings).toEqual(['x']);
    expect(intervals[0]?.bind).toBe('scales');
  });

  test('without zoom there is no interval selection', () => {
    const plain = json(layeredLineChart(figureSeries()));
    const params = plain.layer.flatMap((layer: Json) => layer.params ?? []) as Json[];
    expect(params.some((p) => p.select?.type === 'interval')).toBe(false);
  });

  test('the tooltip lists series, x and y', () => {
    expect(points.encoding.tooltip.map((t: Json) => t.field)).toEqual(['series', 'x', 'y']);
    expect(points.params[0].select).toMatchObject({ type: 'point', nearest: true });
  });

  test('markers show only at the hovered point unless showPoints', () => {
    expect(points.encoding.opacity.value).toBe(0);
    expect(points.encoding.opacity.condition).toMatchObject({ param: 'hover', value: 1 });
    const shown = json(layeredLineChart(figureSeries(), { showPoints: true }));
    expect(shown.layer[1].encoding.opacity).toEqual({ value: 1 });
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

  test('legend false drops the legend; the default shows it', () => {
    expect(lines.encoding.color.legend).not.toBeNull();
    const noLegend = json(layeredLineChart(figureSeries(), { legend: false }));
    expect(noLegend.layer[0].encoding.color.legend).toBeNull();
  });

  test('a custom theme sets the size and fonts', () => {
    const themed = json(layeredLineChart(figureSeries(), { theme: CUSTOM_THEME }));
    expect(themed.width).toBe(CUSTOM_THEME.width);
    expect(themed.height).toBe(CUSTOM_THEME.height);
    expect(themed.config.font).toBe(CUSTOM_THEME.font);
    expect(themed.config.axis.labelFontSize * PLOT.fontscale).toBe(spec.config.axis.labelFontSize * CUSTOM_THEME.fontscale);
  });
});

describe('figure 2: cumulative gradient', () => {
  const spec = json(cumulativeGradient);

  test('one series over whole-numbered steps, every step marked, in PLOT blue, no legend', () => {
    const [lines, points] = spec.layer as [Json, Json];
    expect(spec.title).toBe('Cumulative Gradient');
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
    expect(() => layeredLineChart(series)).toThrow(new RangeError(message));
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
        { xTitle: 'X' },
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
    expect(layeredLineChart(figureSeries(), { description: 'Three curves.' }).description).toBe('Three curves.');
    expect(decayChart(decayData(), { description: 'It decays.' }).description).toBe('It decays.');
  });

  test('lines are named by their series; visible markers read series, x and y in the tooltip formats', () => {
    const shown = json(layeredLineChart(figureSeries(), { showPoints: true, xTitle: 'X', yTitle: 'Y', yFormat: '.3~g' }));
    expect(shown.layer[0].encoding.description).toEqual({ field: 'series', type: 'nominal' });
    expect(shown.layer[1].encoding.description).toEqual({ field: 'description', type: 'nominal' });
    expect(shown.layer[1].transform[0]).toEqual({
      calculate: 'datum.series + ": X " + format(datum.x, ".4~f") + ", Y " + format(datum.y, ".3~g")',
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
