import { describe, expect, test } from 'vitest';
import { parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ChartError, renderChart } from '../../src/lib/charts/render.ts';
import * as chromatic from 'd3-scale-chromatic';
import { liveSpec } from '../../src/lib/charts/live-spec.ts';
import { missingRuntimeTransforms, omittedFunctionCalls, operatorTypes, textDataFormats } from '../../src/lib/charts/runtime-check.ts';
import { OMITTED_EASING_FUNCTIONS, OMITTED_EXPRESSION_FUNCTIONS, RUNTIME_TRANSFORMS } from '../../src/lib/charts/runtime-transforms.ts';
import { build } from 'esbuild';
import { categoricalSchemesModule, clientBuildOptions, entries } from '../../src/integrations/chart-runtime.ts';
import { RUNTIME_FILE } from '../../src/client/protocol.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

/** A chart whose expression calls geoArea, whose d3-geo code the runtime leaves out. */
const geoAreaSpec = {
  data: { values: [{ v: 1 }] },
  transform: [{ calculate: "geoArea(null, {type: 'Point', coordinates: [0, 0]})", as: 'area' }],
  mark: 'point',
  encoding: { x: { field: 'area', type: 'quantitative' } },
} as TopLevelSpec;

const densitySpec = {
  data: { values: [{ v: 1 }, { v: 2 }, { v: 2.5 }] },
  transform: [{ density: 'v' }],
  mark: 'area',
  encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } },
} as TopLevelSpec;

describe('the browser runtime covers what charts need', () => {
  test('both figures of the first post, as the browser runs them, need only transforms the runtime registers', () => {
    for (const spec of [sigmoidAndTangent, cumulativeGradient]) {
      const published = compile(spec).spec;
      // The published spec draws Voronoi cells for its nearest-point tooltips, which the runtime
      // does not bundle; the live spec finds the nearest point without them.
      expect(missingRuntimeTransforms(parse(structuredClone(published)))).toEqual(['voronoi']);
      const live = parse(structuredClone(liveSpec(published).spec));
      expect(operatorTypes(live).has('voronoi')).toBe(false);
      expect(missingRuntimeTransforms(live)).toEqual([]);
    }
  });

  test('finds a transform the runtime lacks', () => {
    const dataflow = parse(compile(densitySpec).spec);
    expect(missingRuntimeTransforms(dataflow)).toEqual(['kde']);
    expect(missingRuntimeTransforms(dataflow, { ...RUNTIME_TRANSFORMS, kde: {} })).toEqual([]);
  });

  test('a chart needing a missing transform stops the build, naming the chart and the transform', async () => {
    await expect(renderChart('density-plot', densitySpec)).rejects.toThrow(
      new ChartError(
        'density-plot',
        'the chart needs Vega transforms the browser runtime does not bundle: kde (add them to src/lib/charts/runtime-transforms.ts)',
      ),
    );
  });
});

describe('the checks read the chart, not its data', () => {
  // Rows that look like parsed operators and expression code: fields named id, type and code.
  const rowsLikeCode = {
    data: {
      values: [
        { id: 1, type: 'kde', code: 'this.geoArea(x)', v: 1 },
        { id: 2, type: 'density', code: 'this.geoBounds(x)', v: 2 },
      ],
    },
    mark: 'point',
    encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'id', type: 'quantitative' } },
  } as TopLevelSpec;

  test('data rows are never taken for transforms or calls', () => {
    const dataflow = parse(compile(rowsLikeCode).spec);
    expect(missingRuntimeTransforms(dataflow)).toEqual([]);
    expect(omittedFunctionCalls(dataflow)).toEqual([]);
    expect(operatorTypes(dataflow).has('kde')).toBe(false);
  });

  test('such a chart renders', async () => {
    const chart = await renderChart('rows-like-code', rowsLikeCode);
    expect(chart.svg).toMatch(/^<svg /);
  });
});

describe('what the runtime leaves out of d3', () => {
  test('finds calls to the omitted geo functions, and none in the figures', () => {
    expect(omittedFunctionCalls(parse(compile(geoAreaSpec).spec))).toEqual(['geoArea']);
    for (const spec of [sigmoidAndTangent, cumulativeGradient]) expect(omittedFunctionCalls(parse(compile(spec).spec))).toEqual([]);
  });

  test('a chart calling one stops the build, naming the chart and the function', async () => {
    await expect(renderChart('geo-area', geoAreaSpec)).rejects.toThrow(
      new ChartError(
        'geo-area',
        "the chart's expressions call geoArea, which the browser runtime leaves out (see src/lib/charts/runtime-transforms.ts)",
      ),
    );
  });

  test("the runtime's categorical colour schemes are d3-scale-chromatic's own", async () => {
    const code = await categoricalSchemesModule();
    const schemes = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, string[]>;
    expect(Object.keys(schemes)).toEqual(expect.arrayContaining(['schemeCategory10', 'schemeTableau10', 'schemeSet3']));
    for (const [name, colours] of Object.entries(schemes)) expect(colours, name).toEqual((chromatic as Record<string, unknown>)[name]);
  });

  test('the runtime holds no d3-geo, d3-ease, d3-dsv, topojson or d3-scale-chromatic code, only the stubs and the schemes', async () => {
    const result = await build({ ...clientBuildOptions(entries[RUNTIME_FILE]), metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => /node_modules\/(d3-(geo|ease|dsv|scale-chromatic)|topojson-client)\//.test(path))).toEqual([]);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'lean-d3:d3-geo',
        'lean-d3:d3-ease',
        'lean-d3:d3-dsv',
        'lean-d3:topojson-client',
        'lean-d3:d3-scale-chromatic',
      ]),
    );
    const runtime = result.outputFiles[0]!.text;
    for (const name of OMITTED_EXPRESSION_FUNCTIONS) expect(runtime).toContain(`"${name}"`);
    // Nor Vega's hybrid renderer (nor its canvas and string ones, whose code is less easy to spot).
    expect(runtime).not.toMatch(/svgOnTop|svgMarkTypes/);
  });

  test('the easing functions left out are exactly the ones d3-ease has', async () => {
    // @ts-expect-error: d3-ease ships no types, and only its names matter here.
    const ease = (await import('d3-ease')) as Record<string, unknown>;
    expect([...OMITTED_EASING_FUNCTIONS].sort()).toEqual(Object.keys(ease).sort());
  });

  test('a spec whose data Vega would parse as text is named, with its format', () => {
    expect(
      textDataFormats({
        data: [{ name: 'rows' }, { name: 'table', format: { type: 'csv' } }, { name: 'map', format: { type: 'topojson' } }],
      }),
    ).toEqual(['table (csv)', 'map (topojson)']);
    expect(textDataFormats({ data: [{ name: 'rows', format: { type: 'json' } }] })).toEqual([]);
  });
});
