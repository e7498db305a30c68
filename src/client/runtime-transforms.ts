/**
 * The Vega transforms the browser runtime registers. The build imports this same list to check
 * that every transform a compiled chart uses is here, so a chart can never fail only in the browser.
 * Not bundled: geo, force, hierarchy, label, regression, wordcloud and crossfilter.
 */
import * as core from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encode from 'vega-encode';
import * as voronoi from 'vega-voronoi';

export const RUNTIME_TRANSFORMS: Readonly<Record<string, unknown>> = { ...core, ...viewTransforms, ...encode, ...voronoi };
