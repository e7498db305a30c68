/**
 * Hand-written Vega-Lite specs are first-class (src/lib/charts/hand-written.ts): they get the
 * house style and the layout, their inline rows become tables, and a data name that names no
 * dataset stops the build instead of drawing an empty chart.
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { missingDatasetProblem, withHouseStyle } from '../../src/lib/charts/hand-written.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { ChartError } from '../../src/lib/charts/chart-error.ts';
import { PLOT, themeConfig } from '../../src/lib/charts/theme.ts';
import { layeredLineChart } from '../../src/lib/charts/builders.ts';

const ROWS = [
  { word: 'the', count: 12 },
  { word: 'of', count: 2 },
];
const inlineBars = {
  data: { values: ROWS },
  mark: 'bar',
  encoding: { x: { field: 'word', type: 'nominal' }, y: { field: 'count', type: 'quantitative' } },
} as TopLevelSpec;

describe('withHouseStyle', () => {
  test("a builder's spec comes back equal to itself", () => {
    const spec = layeredLineChart([{ name: 'A', x: [0, 1], y: [1, 2], color: PLOT.colors.blue }], { xTitle: 'x', yTitle: 'y' });
    expect(withHouseStyle(spec)).toEqual(spec);
  });

  test('inline rows move into named datasets, the top-level as "values", others after it', () => {
    const spec = {
      layer: [
        { data: { values: ROWS }, mark: 'bar', encoding: { x: { field: 'word', type: 'nominal' } } },
        { data: { values: [{ word: 'it', count: 7 }] }, mark: 'text', encoding: { text: { field: 'word' } } },
      ],
    } as unknown as TopLevelSpec;
    const styled = withHouseStyle(spec) as unknown as { datasets: Record<string, unknown[]>; layer: { data: unknown }[] };
    expect(styled.datasets).toEqual({ values: ROWS, values_2: [{ word: 'it', count: 7 }] });
    expect(styled.layer.map((layer) => layer.data)).toEqual([{ name: 'values' }, { name: 'values_2' }]);
    expect((spec as unknown as { layer: { data: unknown }[] }).layer[0]!.data).toEqual({ values: ROWS });
  });

  test("the theme goes under the author's config, and a single view gets the layout's size and fit", () => {
    const styled = withHouseStyle({ ...inlineBars, config: { axis: { labelFontSize: 14 } } } as TopLevelSpec) as unknown as {
      config: { axis: Record<string, unknown>; font: string };
      width: number;
      height: number;
      autosize: unknown;
    };
    expect(styled.config.font).toBe(themeConfig(PLOT).font);
    expect(styled.config.axis.labelFontSize).toBe(14);
    expect(styled.config.axis.labelColor).toBe('currentColor');
    expect([styled.width, styled.height]).toEqual([PLOT.layouts.wide.width, PLOT.layouts.wide.height]);
    expect(styled.autosize).toEqual({ type: 'fit', contains: 'padding' });
    // A facet keeps its own sizing: "fit" does not apply to it.
    const facet = withHouseStyle({ ...inlineBars, facet: { field: 'word' }, spec: { mark: 'bar' } } as unknown as TopLevelSpec);
    expect(facet).not.toHaveProperty('autosize');
  });
});

describe('a hand-written spec at build time', () => {
  test('inline data.values gets a table, and the chart is drawn in the house style', async () => {
    const chart = await renderChart('inline-bars', inlineBars);
    expect(chart.datasets).toEqual({ values: ROWS });
    expect(chart.svg).toContain('fill="currentColor"');
    expect(chart.svg).toContain(`width="${PLOT.layouts.wide.width}"`);
  });

  test('a data.name that names no dataset stops the build, naming what there is', async () => {
    const spec = { ...inlineBars, data: { name: 'counts' }, datasets: { words: ROWS } } as unknown as TopLevelSpec;
    expect(missingDatasetProblem(spec)).toMatch(
      /the chart reads data named "counts", but the spec has no dataset of that name \(its datasets are "words"\)/,
    );
    await expect(renderChart('no-such-data', spec)).rejects.toThrow(ChartError);
    await expect(renderChart('no-such-data', spec)).rejects.toThrow(/reads data named "counts"/);
    const layered = { layer: [{ data: { name: 'nope' }, mark: 'bar' }] } as unknown as TopLevelSpec;
    expect(missingDatasetProblem(layered)).toMatch(
      /^layer 1 reads data named "nope", but the spec has no dataset of that name \(it has no `datasets`\)/,
    );
  });
});
