import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { formatProblem, isColour, styleProblem } from '../../src/lib/charts/style-check.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { sigmoidAndTangent, cumulativeGradient } from '../support/seed-figures.ts';

const x = { field: 'x', type: 'quantitative' } as const;
const data = { values: [{ x: 1, t: '2026-01-01' }] };

describe("a chart's sizes, formats and colours", () => {
  test('the posts’ own figures pass', () => {
    expect(styleProblem(sigmoidAndTangent)).toBeUndefined();
    expect(styleProblem(cumulativeGradient)).toBeUndefined();
  });

  test('a width or height of 0, negative or not finite is refused', () => {
    expect(styleProblem({ width: 0, mark: 'point' })).toBe(
      "the chart's width at / is 0; give a positive number of pixels, or leave it out for the theme's size",
    );
    expect(styleProblem({ layer: [{ height: -40, mark: 'point' }] })).toContain("the chart's height at /layer/0 is -40");
    expect(styleProblem({ width: 300, height: 200, mark: 'point' })).toBeUndefined();
  });

  test('number and time formats are checked as d3 reads them', () => {
    expect(formatProblem('.2f', 'number')).toBeUndefined();
    expect(formatProblem('.3~g', 'either')).toBeUndefined();
    expect(formatProblem('%Y-%m-%d', 'time')).toBeUndefined();
    expect(formatProblem('%-d %b', 'either')).toBeUndefined();
    expect(formatProblem('.2z', 'number')).toMatch(/not a number format/);
    expect(formatProblem('%Y-%K', 'time')).toMatch(/not a time format/);
    expect(styleProblem({ data, mark: 'point', encoding: { x: { ...x, axis: { format: '.2z' } } } })).toBe(
      'the format ".2z" at /encoding/x/axis/format is not a number format (d3-format, such as ".2f", ".3~g" or ",d")',
    );
    expect(styleProblem({ data, mark: 'point', encoding: { x: { field: 't', type: 'temporal', format: '%Q%K' } } })).toContain(
      'not a time format',
    );
  });

  test('a colour that is not a colour is refused, in marks, encodings, scale ranges and config', () => {
    for (const ok of ['#4687b7', 'steelblue', 'rgb(70 135 183)', 'hsl(200, 50%, 50%)', 'currentColor', 'transparent'])
      expect(isColour(ok), ok).toBe(true);
    for (const bad of ['blu', '#12345', 'var(--ink)', '']) expect(isColour(bad), bad).toBe(false);
    expect(styleProblem({ data, mark: { type: 'line', color: 'blu' }, encoding: { x } })).toBe(
      '"blu" at /mark/color is not a colour; use a CSS colour such as "#4687b7", "rgb(70, 135, 183)" or "steelblue"',
    );
    expect(styleProblem({ data, mark: 'line', encoding: { x, color: { value: 'reddish' } } })).toContain(
      '"reddish" at /encoding/color/value',
    );
    expect(styleProblem({ data, mark: 'line', encoding: { x, color: { field: 's', scale: { range: ['#000', 'nope'] } } } })).toContain(
      '/encoding/color/scale/range/1',
    );
    expect(styleProblem({ data, mark: 'line', encoding: { x }, config: { axis: { gridColor: 'gray-ish' } } })).toContain(
      '/config/axis/gridColor',
    );
    // A field named "color" in the data is data, not a colour.
    expect(
      styleProblem({ data: { values: [{ color: 'not a colour' }] }, mark: 'point', encoding: { x: { field: 'color', type: 'nominal' } } }),
    ).toBeUndefined();
  });

  test('renderChart stops on them, naming the chart', async () => {
    const spec = { data, mark: { type: 'line', color: 'blu' }, encoding: { x } } as TopLevelSpec;
    await expect(renderChart('bad-colour', spec)).rejects.toThrow('chart "bad-colour": "blu" at /mark/color is not a colour');
  });
});

test('a series given to a builder with a colour that is not one is refused, naming the series', async () => {
  const { toRows } = await import('../../src/lib/charts/series.ts');
  expect(() => toRows([{ name: 'Loss', x: [0], y: [1], color: 'blu' }])).toThrow(
    'series "Loss" has the colour "blu", which is not a colour; use a CSS colour such as PLOT.colors.blue or "#4687b7"',
  );
  expect(toRows([{ name: 'Loss', x: [0], y: [1], color: '#916424' }])).toEqual([{ series: 'Loss', x: 0, y: 1 }]);
});
