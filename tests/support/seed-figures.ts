/**
 * The seed post's figures as the page draws them, at their controls' defaults: the explorable
 * figures of its figures.ts evaluated as the build evaluates them, and the series read back from
 * what they draw. Tests of the builders, the render and the numbers use these.
 */
import type { TopLevelSpec } from 'vega-lite';
import * as figures from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';
import { evaluateExplorable } from '../../src/lib/explorable.ts';
import { DATASET } from '../../src/lib/charts/builders.ts';

export { activations, gradients, x } from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

const tangentFigure = evaluateExplorable(figures.sigmoidAndTangent).atDefaults;
const decayFigure = evaluateExplorable(figures.cumulativeGradient).atDefaults;

/** Figure 1's spec at the defaults (the tangent at x = 0). */
export const sigmoidAndTangent = tangentFigure.spec as TopLevelSpec;
/** Figure 2's spec at the defaults (n = 6, x = 0). */
export const cumulativeGradient = decayFigure.spec as TopLevelSpec;
/** The "-- Inputs --" block at the defaults. */
export const printedInputs = decayFigure.printed!;

/** One series' rows of a figure's dataset. */
function seriesRows(spec: TopLevelSpec, series: string): { x: number; y: number }[] {
  const { datasets } = spec as { datasets: Record<string, { series: string; x: number; y: number }[]> };
  return datasets[DATASET]!.filter((row) => row.series === series);
}

export const tangentPlotX = seriesRows(sigmoidAndTangent, 'Tangent').map((row) => row.x);
export const tangentPlotY = seriesRows(sigmoidAndTangent, 'Tangent').map((row) => row.y);
export const steps = seriesRows(cumulativeGradient, 'Gradient').map((row) => row.x);
export const decayingValues = seriesRows(cumulativeGradient, 'Gradient').map((row) => row.y);
