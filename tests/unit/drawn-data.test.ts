/**
 * A hand-written spec that aggregates or bins gets a table of what it draws: the sums, counts and
 * bins, titled as its axes and tooltips title them, not the rows before the transform.
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { describedColumns } from '../../src/lib/charts/drawn-data.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { barChart } from '../../src/lib/charts/bar-chart.ts';
import { histogramChart } from '../../src/lib/charts/histogram-chart.ts';
import { heatmapChart } from '../../src/lib/charts/heatmap-chart.ts';
import { scatterChart } from '../../src/lib/charts/scatter-chart.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

const WORDS = [
  { word: 'the', n: 3 },
  { word: 'of', n: 2 },
  { word: 'the', n: 4 },
  { word: 'it', n: 0.5 },
];

describe('describedColumns', () => {
  test('pairs each title of a Vega-Lite description with the fields its part reads, and their formats', () => {
    const signal =
      '"Word: " + (isValid(datum["w"]) ? datum["w"] : ""+datum["w"]) + "; Total: " + (format(datum["sum_n"], ".1f")) + "; n (binned): " + (format(datum["bin_n"], "") + " – " + format(datum["bin_n_end"], ""))';
    expect(describedColumns(signal)).toEqual([
      { title: 'Word', field: 'w' },
      { title: 'Total', field: 'sum_n', format: '.1f' },
      { title: 'n (bin start)', field: 'bin_n' },
      { title: 'n (bin end)', field: 'bin_n_end' },
    ]);
  });

  test('a title with quotes and a colon of its own is read whole', () => {
    expect(describedColumns('"P(\\"next\\": word): " + (format(datum["p"], ".2f"))')).toEqual([
      { title: 'P("next": word)', field: 'p', format: '.2f' },
    ]);
  });
});

describe('the drawn rows of a rendered chart', () => {
  test('an aggregate: one row per word with its sum, titled as the chart titles them', async () => {
    const chart = await renderChart('sums', {
      data: { values: WORDS },
      mark: 'bar',
      encoding: {
        x: { field: 'word', type: 'nominal', title: 'Word', sort: null },
        y: { field: 'n', aggregate: 'sum', type: 'quantitative', title: 'Total' },
      },
    } as TopLevelSpec);
    expect(chart.drawn).toEqual([
      {
        rows: [
          { Word: 'the', Total: 7 },
          { Word: 'of', Total: 2 },
          { Word: 'it', Total: 0.5 },
        ],
        formats: {},
      },
    ]);
  });

  test('a histogram binned by Vega-Lite: its bins and counts, with the tooltip’s format', async () => {
    const values = [1, 2, 2, 3, 3, 3, 9].map((x) => ({ x }));
    const chart = await renderChart('bins', {
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'x', bin: { step: 5 }, type: 'quantitative', title: 'Length' },
        y: { aggregate: 'count', type: 'quantitative', title: 'Words' },
        tooltip: [{ aggregate: 'count', type: 'quantitative', title: 'Words', format: 'd' }],
      },
    } as TopLevelSpec);
    expect(chart.drawn).toHaveLength(1);
    const { rows, formats } = chart.drawn[0]!;
    const sorted = [...rows].sort((a, b) => (a['Length (bin start)'] as number) - (b['Length (bin start)'] as number));
    expect(sorted).toEqual([
      { 'Length (bin start)': 0, 'Length (bin end)': 5, Words: 6 },
      { 'Length (bin start)': 5, 'Length (bin end)': 10, Words: 1 },
    ]);
    expect(formats).toEqual({ Words: 'd' });
  });

  test('a chart that draws its rows as they are has nothing drawn apart from them', async () => {
    const charts: [string, TopLevelSpec][] = [
      ['sigmoid-and-tangent', sigmoidAndTangent],
      ['cumulative-gradient', cumulativeGradient],
      [
        'bars',
        barChart(
          [
            { category: 'a', value: 1, group: 'x' },
            { category: 'a', value: 2, group: 'y' },
          ],
          { categoryTitle: 'C', valueTitle: 'V', groups: 'stacked' },
        ),
      ],
      ['histogram', histogramChart([1, 2, 2, 3], { bins: 3, valueTitle: 'Length' })],
      [
        'heatmap',
        heatmapChart({ rows: ['a'], columns: ['b', 'c'], values: [[1, 2]] }, { rowTitle: 'R', columnTitle: 'C', valueTitle: 'V' }),
      ],
      [
        'scatter',
        scatterChart(
          [
            { x: 1, y: 2, label: 'w' },
            { x: 2, y: 1 },
          ],
          { xTitle: 'X', yTitle: 'Y' },
        ),
      ],
      [
        'filtered',
        {
          data: { values: WORDS },
          transform: [{ filter: 'datum.n > 1' }],
          mark: 'point',
          encoding: { x: { field: 'word', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
        } as TopLevelSpec,
      ],
    ];
    for (const [id, spec] of charts) expect((await renderChart(id, spec)).drawn, id).toEqual([]);
  });
});
