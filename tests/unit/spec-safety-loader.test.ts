/**
 * The second layer on its own: with the spec check switched off (mocked to find nothing), a
 * chart whose data names a URL still loads nothing, and the build still stops, naming it.
 */
import { describe, expect, test, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';

vi.mock('../../src/lib/charts/spec-safety.ts', async (original) => ({
  ...(await original<typeof import('../../src/lib/charts/spec-safety.ts')>()),
  externalResource: () => undefined,
}));

const { renderChart } = await import('../../src/lib/charts/render.ts');

describe("the build's Vega loader, when the spec check misses a load", () => {
  test('a data.url is refused by the loader, and the build stops naming the chart and the URL', async () => {
    const spec = {
      data: { url: 'file:///etc/passwd', format: { type: 'csv' } },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' } },
    } as TopLevelSpec;
    await expect(renderChart('sneaky', spec)).rejects.toThrow(
      'chart "sneaky": the chart asked to load "file:///etc/passwd"; charts load nothing: their data comes from the post\'s TypeScript',
    );
  });
});
