import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { dataProblem, quantitativeFields, quantityProblem, unknownFields } from '../../src/lib/charts/data-check.ts';
import { ChartError, renderChart } from '../../src/lib/charts/render.ts';

const line = (values: Record<string, unknown>[], y = 'y'): TopLevelSpec => ({
  data: { values },
  mark: 'line',
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: y, type: 'quantitative' } },
});

describe('chart data checks', () => {
  test.each([
    [{ s: [{ series: 'Loss', x: 1, y: Number.NaN }] }, 'the data set "s" has NaN in field "y" at row 0 (series "Loss")'],
    [
      {
        s: [
          { x: 1, y: 2 },
          { x: Number.POSITIVE_INFINITY, y: 2 },
        ],
      },
      'the data set "s" has Infinity in field "x" at row 1',
    ],
    [{ s: [{ x: 1, y: Number.NEGATIVE_INFINITY }] }, 'the data set "s" has -Infinity in field "y" at row 0'],
    [{ s: [] }, 'the data set "s" is empty'],
  ])('%j: %s', (datasets, message) => {
    expect(dataProblem(datasets)).toBe(message);
  });

  test('finite data passes', () => {
    expect(dataProblem({ s: [{ x: 0, y: -1e-300, label: 'a' }] })).toBeNull();
  });

  test('finds encoding fields the data does not have', () => {
    expect(unknownFields(line([{ x: 1, y: 2 }], 'why'), { values: [{ x: 1, y: 2 }] })).toEqual(['why']);
    expect(unknownFields(line([{ x: 1, y: 2 }]), { values: [{ x: 1, y: 2 }] })).toEqual([]);
  });

  test('fields a calculate transform creates are known; transforms that invent names are not second-guessed', () => {
    const calculated = { ...line([{ x: 1 }], 'twice'), transform: [{ calculate: 'datum.x * 2', as: 'twice' }] } as TopLevelSpec;
    expect(unknownFields(calculated, { values: [{ x: 1 }] })).toEqual([]);
    const folded = { ...line([{ x: 1, a: 2 }], 'value'), transform: [{ fold: ['a'] }] } as TopLevelSpec;
    expect(unknownFields(folded, { values: [{ x: 1, a: 2 }] })).toEqual([]);
  });

  test('renderChart stops on them, naming the chart', async () => {
    await expect(renderChart('loss-curve', line([{ x: 1, y: Number.NaN }]))).rejects.toThrow(
      new ChartError('loss-curve', 'the data set "values" has NaN in field "y" at row 0'),
    );
    await expect(renderChart('loss-curve', line([]))).rejects.toThrow(new ChartError('loss-curve', 'the data set "values" is empty'));
    await expect(renderChart('loss-curve', line([{ x: 1, y: 2 }], 'loss'))).rejects.toThrow(
      new ChartError('loss-curve', 'the encoding uses "loss", which the data does not have (fields: x, y)'),
    );
  });
});

describe('values that are not numbers where the chart plots numbers', () => {
  const spec = {
    mark: 'line',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: { field: 's', type: 'nominal' } },
  };
  test.each([
    [null, 'nothing (the field is empty)'],
    ['3,5', 'the string "3,5"'],
    ['NaN', 'the string "NaN"'],
    [true, 'true'],
  ])('%s in a quantitative field stops the build, naming the field, the data set and the row', (bad, described) => {
    const rows = [
      { x: 1, y: 2, s: 'a' },
      { x: 2, y: bad, s: 'a' },
    ];
    expect(quantityProblem(spec, { values: rows })).toBe(
      `the chart plots "y" as a number, but the data set "values" row 1 has ${described} there; give every row a number (or leave the row out in figures.ts)`,
    );
  });

  test('a missing value is named as such; numbers, numeric text and fields plotted as categories pass', () => {
    expect(quantityProblem(spec, { values: [{ x: 1, y: 2 }, { x: 2 }] })).toContain('row 1 has no value there');
    expect(
      quantityProblem(spec, {
        values: [
          { x: 1, y: '2.5', s: 7 },
          { x: -3, y: 1e-9, s: null },
        ],
      }),
    ).toBeNull();
    // A field no row has is made by a transform: not checked here.
    expect(quantityProblem({ ...spec, encoding: { x: { field: 'made', type: 'quantitative' } } }, { values: [{ x: 1 }] })).toBeNull();
    expect([...quantitativeFields({ layer: [spec, { encoding: { y: { aggregate: 'count', type: 'quantitative' } } }] })].sort()).toEqual([
      'x',
      'y',
    ]);
  });
});
