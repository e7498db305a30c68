/**
 * The histogram builder: its bars, table and CSV are numpy's bins for the same input
 * (tests/reference/histogram_reference.json), and it describes the modal bin and the range.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeHistogram, histogramChart, histogramRows } from '../../src/lib/charts/histogram-chart.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { toCsv } from '../../src/lib/charts/csv.ts';

interface Reference {
  inputs: Record<string, number[]>;
  cases: { input: string; bins: number; range: [number, number] | null; edges: number[]; counts: number[] }[];
}
const reference = JSON.parse(readFileSync(new URL('../reference/histogram_reference.json', import.meta.url), 'utf8')) as Reference;
const normal = reference.cases.find((c) => c.input === 'normal_1000' && c.bins === 10 && c.range === null)!;
const values = reference.inputs.normal_1000!;

describe('histogramChart', () => {
  test("its rows are numpy's bins: edges and counts", () => {
    const rows = histogramRows(values, { bins: 10 });
    expect(rows.map((row) => row.start)).toEqual(normal.edges.slice(0, -1));
    expect(rows.map((row) => row.end)).toEqual(normal.edges.slice(1));
    expect(rows.map((row) => row.count)).toEqual(normal.counts);
  });

  test('valid Vega-Lite; the page embeds the bins, not the 1,000 values, and draws a bar per bin', async () => {
    const spec = histogramChart(values, { bins: 10, valueTitle: 'Value' });
    expect(vegaLiteSchemaError(spec)).toBeNull();
    const chart = await renderChart('histogram', spec);
    const [rows] = Object.values(chart.datasets);
    expect(rows).toHaveLength(10);
    expect(rows!.map((row) => row.count)).toEqual(normal.counts);
    expect(chart.svg.match(/<path[^>]*aria-roledescription="bar"/g)).toHaveLength(10);
  });

  test('the CSV holds the bins', async () => {
    const chart = await renderChart('histogram-csv', histogramChart(values, { bins: 10, valueTitle: 'Value' }));
    const csv = toCsv(Object.values(chart.datasets)[0]!);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('start,end,count');
    expect(lines).toHaveLength(11);
    expect(Number(lines[1]!.split(',')[2])).toBe(normal.counts[0]);
  });

  test('says its modal bin and its range', () => {
    const rows = [
      { start: 0, end: 1, count: 2 },
      { start: 1, end: 2, count: 5 },
      { start: 2, end: 3, count: 1 },
    ];
    expect(describeHistogram(rows, 'Length')).toBe('8 values of length from 0 to 3 in 3 bins; the most, 5, lie between 1 and 2.');
  });

  test('refuses values it cannot bin, and a missing title', () => {
    expect(() => histogramChart([1, NaN], { valueTitle: 'x' })).toThrow(/values\[1\] is NaN/);
    expect(() => histogramChart([1, 2], {} as never)).toThrow(/options.valueTitle/);
  });
});
