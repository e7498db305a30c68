/**
 * The Vega transforms the browser runtime registers: enough for Vega-Lite's line, point, bar,
 * area, rule, text and tick charts, with aggregation, binning, stacking, windows, time units and
 * selections. The build parses every chart and fails, naming it, when it needs one that is not
 * here (runtime-check.ts, beside it), so a chart can never fail only in the browser. The
 * list itself is in transform-list.ts: one name per transform, re-exported from its package.
 * Left out to keep the runtime lean: density, kde, quantile and dotbin (they bring
 * vega-statistics), load (charts embed their data), sample, cross, countpattern, generate, and the
 * geo, force, hierarchy, label, regression, wordcloud and crossfilter packages; and voronoi: the
 * live view finds the nearest point itself (src/lib/charts/live-spec.ts), so the cells Vega-Lite
 * draws for a nearest-point selection never reach it.
 *
 * It lives in src/lib, below both its readers: the build's check and the client runtime.
 */
import * as listedTransforms from './transform-list.ts';

/** Registered under their lower-case names, as vega-runtime looks them up. */
export const RUNTIME_TRANSFORMS: Readonly<Record<string, unknown>> = { ...listedTransforms };

/**
 * Vega expression functions the runtime leaves out (their d3-geo code is stubbed by
 * src/integrations/chart-runtime.ts); the build refuses a chart whose expressions call one.
 */
export const OMITTED_GEO_FUNCTIONS = ['geoArea', 'geoBounds', 'geoCentroid'] as const;

/**
 * d3-ease's easing functions, which Vega's expressions may call under their d3 names (for
 * animation, which a static figure has none of): stubbed like the geo functions, 0.6 KB gzipped.
 * A unit test checks the list against d3-ease's exports.
 */
export const OMITTED_EASING_FUNCTIONS = [
  ...['Back', 'Bounce', 'Circle', 'Cubic', 'Elastic', 'Exp', 'Poly', 'Quad', 'Sin'].flatMap((name) =>
    ['', 'In', 'InOut', 'Out'].map((variant) => `ease${name}${variant}`),
  ),
  'easeLinear',
];

export const OMITTED_EXPRESSION_FUNCTIONS: readonly string[] = [...OMITTED_GEO_FUNCTIONS, ...OMITTED_EASING_FUNCTIONS];

/**
 * The parsers of text data (CSV, TSV and other delimited text; TopoJSON) that vega-loader imports,
 * left out of the runtime (about 2 KB gzipped): a chart's data is rows from the post's TypeScript,
 * and the build refuses a spec that asks Vega to parse text (src/lib/charts/runtime-check.ts).
 */
export const OMITTED_DATA_PARSERS = { 'd3-dsv': ['dsvFormat'], 'topojson-client': ['feature', 'mesh'] } as const;
