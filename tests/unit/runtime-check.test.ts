import { describe, expect, test } from 'vitest';
import { parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ChartError, renderChart } from '../../src/lib/charts/render.ts';
import { missingRuntimeTransforms, operatorTypes } from '../../src/lib/charts/runtime-check.ts';
import { RUNTIME_TRANSFORMS } from '../../src/client/runtime-transforms.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

const densitySpec = {
  data: { values: [{ v: 1 }, { v: 2 }, { v: 2.5 }] },
  transform: [{ density: 'v' }],
  mark: 'area',
  encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } },
} as TopLevelSpec;

describe('the browser runtime covers what charts need', () => {
  test('both figures of the first post need only transforms the runtime registers', () => {
    for (const spec of [sigmoidAndTangent, cumulativeGradient]) {
      const dataflow = parse(structuredClone(compile(spec).spec));
      expect(operatorTypes(dataflow).has('voronoi')).toBe(true);
      expect(missingRuntimeTransforms(dataflow)).toEqual([]);
    }
  });

  test('finds a transform the runtime lacks', () => {
    const dataflow = parse(compile(densitySpec).spec);
    expect(missingRuntimeTransforms(dataflow)).toEqual(['kde']);
    // Without vega-voronoi, figure 1's nearest-point tooltips could not run.
    const { voronoi: _voronoi, ...withoutVoronoi } = RUNTIME_TRANSFORMS;
    expect(missingRuntimeTransforms(parse(compile(sigmoidAndTangent).spec), withoutVoronoi)).toEqual(['voronoi']);
  });

  test('a chart needing a missing transform stops the build, naming the chart and the transform', async () => {
    await expect(renderChart('density-plot', densitySpec)).rejects.toThrow(
      new ChartError('density-plot', 'the chart needs Vega transforms the browser runtime does not bundle: kde (add them to src/client/runtime-transforms.ts)'),
    );
  });
});
