/**
 * Histogram bins computed at build time, step for step as `numpy.histogram(values, bins, range)`
 * computes them for an integer `bins` (numpy 2.x), so the edges are the same float64s and the
 * counts the same integers.
 */
import { linspace, maxOf, minOf } from './numeric.ts';

/** What `histogram` takes besides the values: the number of bins (10 by default) and the span they cover. */
export interface HistogramOptions {
  /** How many equal-width bins; a positive integer. numpy's default is 10. */
  bins?: number;
  /** [lo, hi] for the outer edges; values outside it are not counted. Default: the data's min and max. */
  range?: readonly [number, number];
}

/** Bin i holds `counts[i]` values in [edges[i], edges[i + 1]); the last bin holds its right edge too. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** Equal-width bins and their counts, like `numpy.histogram(values, bins=bins, range=range)`; `values` is left as it was. */
export function histogram(values: readonly number[] | Float64Array, options: HistogramOptions = {}): Histogram {
  const bins = options.bins ?? 10;
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`histogram: bins must be a positive integer (how many bins to draw), got ${String(bins)}`);
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(
        `histogram: values[${i}] is ${String(value)}, but every value must be a finite number; remove or fill missing values before binning`,
      );
    }
  }

  const [first, last] = outerEdges(values, options.range);
  // numpy divides by this width; a span wider than the largest float64 gives Infinity and NaN edges.
  const width = last - first;
  if (!Number.isFinite(width)) {
    throw new RangeError(`histogram: the span from ${first} to ${last} is too wide for float64 arithmetic (hi - lo overflows)`);
  }
  const edges = linspace(first, last, bins + 1);
  for (let i = 0; i < bins; i++) {
    // numpy raises "Too many bins for data range" here: between two floats this close there are
    // fewer than bins + 1 distinct float64s, so some bins would have zero width.
    if (!(at(edges, i) < at(edges, i + 1))) {
      throw new RangeError(
        `histogram: cannot make ${bins} bins of nonzero width between ${first} and ${last}: too few float64 values lie between them; use fewer bins or a wider range`,
      );
    }
  }

  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    // Only values in [first, last] are counted (numpy's `keep` mask); with a range, the rest are outside it.
    if (!(value >= first && value <= last)) continue;
    // numpy's index formula, in numpy's order: divide by the width, then multiply by bins. A value
    // equal to `last` gives `bins`, which belongs in the last bin (the only bin closed on the right).
    let index = Math.floor(((value - first) / width) * bins);
    if (index === bins) index -= 1;
    // The formula can land one bin off for a value within an ulp or so of an edge, because the edges
    // come from linspace (i * step + first), not from this division: 0.3 is below the edge 3 * 0.1 =
    // 0.30000000000000004 yet the formula gives bin 3. numpy then lets the edges decide, and so do
    // we. After a decrement the increment test cannot pass, as in numpy, where both run in turn.
    if (value < at(edges, index)) index -= 1;
    if (value >= at(edges, index + 1) && index !== bins - 1) index += 1;
    counts[index] = at(counts, index) + 1;
  }
  return { edges, counts };
}

/**
 * The first and last edge, as numpy's `_get_outer_edges`: the range if given (lo ≤ hi, both
 * finite), else the data's min and max, else (no data) 0 and 1; then, if they are equal, half a
 * unit either side, since bins over a zero-width span would divide by zero.
 */
function outerEdges(values: readonly number[] | Float64Array, range: readonly [number, number] | undefined): [number, number] {
  let first: number;
  let last: number;
  if (range !== undefined) {
    if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1])) {
      throw new RangeError(`histogram: range must be two finite numbers [lo, hi], got ${describeRange(range)}`);
    }
    const [lo, hi] = range;
    if (lo > hi) {
      throw new RangeError(`histogram: range must run from low to high, got [${lo}, ${hi}]; did you mean [${hi}, ${lo}]?`);
    }
    [first, last] = [lo, hi];
  } else if (values.length === 0) {
    [first, last] = [0, 1];
  } else {
    // minOf/maxOf keep the first of equal values; numpy's reduction may return the other zero when
    // both 0 and -0 are the max, which changes only the sign of a zero last edge, never a count.
    [first, last] = [minOf(values), maxOf(values)];
  }
  if (first === last) return [first - 0.5, last + 0.5];
  return [first, last];
}

/** `array[index]` for an index the caller has checked is in bounds. */
function at(array: readonly number[], index: number): number {
  const value = array[index];
  if (value === undefined) throw new RangeError(`histogram: internal error, index ${index} is outside 0..${array.length - 1}`);
  return value;
}

/** The range as given, for an error message (it may not be an array of numbers at all). */
function describeRange(range: unknown): string {
  return Array.isArray(range) ? `[${range.map(String).join(', ')}]` : String(range);
}
