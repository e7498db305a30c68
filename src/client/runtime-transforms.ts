/**
 * The Vega transforms the browser runtime registers: enough for Vega-Lite's line, point, bar,
 * area, rule, text and tick charts, with aggregation, binning, stacking, windows, time units and
 * selections. The build parses every chart and fails, naming it, when it needs one that is not
 * here (src/lib/charts/runtime-check.ts), so a chart can never fail only in the browser.
 * Left out to keep the runtime lean: density, kde, quantile and dotbin (they bring
 * vega-statistics), load (charts embed their data), sample, cross, countpattern, generate, and the
 * geo, force, hierarchy, label, regression, wordcloud and crossfilter packages.
 */
import {
  aggregate,
  bin,
  collect,
  compare,
  expression,
  extent,
  facet,
  field,
  filter,
  flatten,
  fold,
  formula,
  impute,
  joinaggregate,
  key,
  lookup,
  multiextent,
  multivalues,
  params,
  pivot,
  prefacet,
  project,
  proxy,
  relay,
  sequence,
  sieve,
  subflow,
  timeunit,
  tupleindex,
  values,
  window,
} from 'vega-transforms';
import { bound, identifier, mark, overlap, render, viewlayout } from 'vega-view-transforms';
import { axisticks, datajoin, encode, legendentries, linkpath, pie, scale, sortitems, stack } from 'vega-encode';
import { voronoi } from 'vega-voronoi';

/** Registered under their lower-case names, as vega-runtime looks them up. */
export const RUNTIME_TRANSFORMS: Readonly<Record<string, unknown>> = {
  aggregate,
  bin,
  collect,
  compare,
  expression,
  extent,
  facet,
  field,
  filter,
  flatten,
  fold,
  formula,
  impute,
  joinaggregate,
  key,
  lookup,
  multiextent,
  multivalues,
  params,
  pivot,
  prefacet,
  project,
  proxy,
  relay,
  sequence,
  sieve,
  subflow,
  timeunit,
  tupleindex,
  values,
  window,
  bound,
  identifier,
  mark,
  overlap,
  render,
  viewlayout,
  axisticks,
  datajoin,
  encode,
  legendentries,
  linkpath,
  pie,
  scale,
  sortitems,
  stack,
  voronoi,
};

/**
 * Vega expression functions the runtime leaves out (their d3-geo code is stubbed by
 * src/integrations/chart-runtime.ts); the build refuses a chart whose expressions call one.
 */
export const OMITTED_EXPRESSION_FUNCTIONS = ['geoArea', 'geoBounds', 'geoCentroid'] as const;
