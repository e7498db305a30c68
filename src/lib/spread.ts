/**
 * A mean over several runs of one experiment (training loss over seeds) and the spread round it,
 * step by step, as numpy computes them over axis 0 of a runs × steps array: `mean` and `std`
 * (ddof = 0), or `min` and `max`.
 */
import { assertFinite, maxOf, minOf } from './numeric.ts';

export interface MeanBand {
  readonly mean: number[];
  readonly lower: number[];
  readonly upper: number[];
}

/** How far the band reaches: `k` standard deviations each side of the mean, or the runs' extremes. */
export type Spread = { readonly kind: 'std'; readonly k?: number } | { readonly kind: 'minmax' };

/**
 * The mean of `runs` at each step, with a band of ±k standard deviations (numpy's std, ddof 0)
 * or from the smallest to the largest run. Every run must have the same number of steps.
 */
export function meanBand(runs: readonly (readonly number[])[], spread: Spread = { kind: 'std', k: 1 }): MeanBand {
  if (runs.length === 0) throw new RangeError('meanBand needs at least one run');
  const steps = runs[0]!.length;
  runs.forEach((run, r) => {
    if (run.length !== steps) throw new RangeError(`meanBand: run ${r} has ${run.length} steps, run 0 has ${steps}`);
    run.forEach((value, i) => assertFinite(`meanBand: run ${r} step ${i}`, value));
  });
  // Summed run after run, in order, as numpy reduces over axis 0.
  const sumOver = (term: (run: readonly number[], i: number) => number) =>
    Array.from({ length: steps }, (_, i) => runs.reduce((sum, run) => sum + term(run, i), 0));
  const mean = sumOver((run, i) => run[i]!).map((sum) => sum / runs.length);
  if (spread.kind === 'minmax') {
    const lower = Array.from({ length: steps }, (_, i) => minOf(runs.map((run) => run[i]!)));
    const upper = Array.from({ length: steps }, (_, i) => maxOf(runs.map((run) => run[i]!)));
    return { mean, lower, upper };
  }
  const k = spread.k ?? 1;
  if (!(k > 0)) throw new RangeError(`meanBand: k must be above 0, got ${k}`);
  const std = sumOver((run, i) => (run[i]! - mean[i]!) * (run[i]! - mean[i]!)).map((sum) => Math.sqrt(sum / runs.length));
  return { mean, lower: mean.map((m, i) => m - k * std[i]!), upper: mean.map((m, i) => m + k * std[i]!) };
}
