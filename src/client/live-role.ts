/** The ARIA role of a live chart's container, from what its compiled spec lets a reader do. */
import type { Spec as VegaSpec } from 'vega';
import { zoomExtent } from '../lib/charts/layout.ts';

/**
 * "application" for a chart that zooms (screen readers then pass its keys through), "group" for
 * one whose legend entries are buttons (an image may hold none), else "img".
 */
export function liveRole(vega: VegaSpec): 'application' | 'group' | 'img' {
  if (zoomExtent(vega) !== undefined) return 'application';
  // Vega-Lite names a legend-bound selection's signal "<param>_<field>_legend".
  if ((vega.signals ?? []).some((signal) => signal.name.endsWith('_legend'))) return 'group';
  return 'img';
}
