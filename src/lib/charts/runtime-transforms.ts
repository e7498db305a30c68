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
export const OMITTED_EXPRESSION_FUNCTIONS = ['geoArea', 'geoBounds', 'geoCentroid'] as const;
