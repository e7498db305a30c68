/**
 * What Vega only logs stops the build: with the format check switched off (mocked to find
 * nothing), a bad format string, which Vega logs as an error and draws on without, still stops it.
 */
import { describe, expect, test, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';

vi.mock('../../src/lib/charts/style-check.ts', async (original) => ({
  ...(await original<typeof import('../../src/lib/charts/style-check.ts')>()),
  styleProblem: () => undefined,
}));

const { renderChart, MAX_ROWS } = await import('../../src/lib/charts/render.ts');

describe('errors Vega logs and draws on', () => {
  test('a bad axis format stops the build, naming the chart', async () => {
    const spec = {
      data: { values: [{ x: 1 }, { x: 2 }] },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative', axis: { format: 'abc' } } },
    } as TopLevelSpec;
    await expect(renderChart('bad-format', spec)).rejects.toThrow(
      /chart "bad-format": Vega reported an error while drawing the chart: .*abc/,
    );
  });
});

describe('how much data a figure may have', () => {
  test(`more than ${MAX_ROWS} rows stop the build, saying how many and what to do`, async () => {
    const values = Array.from({ length: MAX_ROWS + 1 }, (_, x) => ({ x, y: Math.sin(x) }));
    const spec = {
      data: { values },
      mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    } as TopLevelSpec;
    await expect(renderChart('too-long', spec)).rejects.toThrow(
      'chart "too-long": the chart has 50,001 rows of data, more than the 50,000 a figure may have',
    );
  });
});
