// The transforms the browser runtime registers, one per name (see runtime-transforms.ts for why
// these and not others). Each name is a transform's lower-case type, as vega-runtime looks it up.
export {
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
export { bound, identifier, mark, overlap, render, viewlayout } from 'vega-view-transforms';
export { axisticks, datajoin, encode, legendentries, linkpath, pie, scale, sortitems, stack } from 'vega-encode';
export { voronoi } from 'vega-voronoi';
