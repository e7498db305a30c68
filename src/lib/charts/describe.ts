/**
 * Words for a chart, computed from its numbers: one sentence per line series saying what the
 * line does (rises, falls, peaks, stays flat), where, and how far, so a reader who cannot see the
 * chart gets its point without reading the table. Pure functions; nothing here is typed in.
 */
import { maxOf, minOf } from '../numeric.ts';

/** A series to describe: a name and its points. */
export interface DescribedSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface DescribeOptions {
  /**
   * The x axis' title. A single letter ("x", "t") is written as a variable, "at x = 2"; a word
   * ("Step", "Epoch") as a noun, "at step 2".
   */
  readonly xTitle?: string;
}

/** The typographic minus, as chart axes print it (and screen readers read as "minus"). */
const MINUS = '\u2212';

/** A no-break space. */
const NBSP = '\u00a0';

/** Relative tolerance under which two numbers count as equal (float noise, not data). */
const EPSILON = 1e-9;

/**
 * A number with `digits` significant digits and no float noise: 0.30000000000000004 → "0.3",
 * 4.5397868702434395e-5 → "0.0000454", 1.5e-7 → "1.5e−7", −10 → "−10". When rounding would carry
 * up to a power of ten the value never reaches (0.99995 → "1"), digits are added until it does
 * not, so a sigmoid's last value reads "0.99995" rather than claiming 1.
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  let precision = digits;
  let rounded = Number(value.toPrecision(precision));
  while (precision < 15 && isPowerOfTen(Math.abs(rounded)) && Math.abs(rounded) !== Math.abs(value)) {
    precision += 1;
    rounded = Number(value.toPrecision(precision));
  }
  // String() writes 1e-6 ≤ |n| < 1e21 in full and the rest as "1.5e-7": short either way.
  return String(rounded).replace('e+', 'e').replace(/-/g, MINUS);
}

function isPowerOfTen(value: number): boolean {
  if (value <= 0) return false;
  const exponent = Math.round(Math.log10(value));
  return Math.abs(value - 10 ** exponent) <= EPSILON * value;
}

/** Rounds a position to the decimals its grid can resolve (spacing 0.2 → 1 decimal). */
function formatAtResolution(value: number, spacing: number): string {
  if (!(spacing > 0)) return formatNumber(value);
  const decimals = Math.max(0, -Math.floor(Math.log10(spacing)));
  const rounded = Number(value.toFixed(Math.min(decimals, 15)));
  return formatNumber(rounded, 15);
}

/** How a position on x is said: "x = −10" for a variable, "step 6" for a noun. */
interface Positions {
  /** "at x = 3" / "at step 3" */
  at(value: string): string;
  /** "|x| = 9.2" / "step ±9.2" */
  magnitude(value: string): string;
}

function positions(xTitle = 'x'): Positions {
  const title = xTitle.trim() || 'x';
  // No-break spaces keep "x = −10" and "step 6" on one line.
  if (/^\p{L}$/u.test(title)) {
    const variable = title.toLowerCase();
    return { at: (value) => `${variable}${NBSP}=${NBSP}${value}`, magnitude: (value) => `|${variable}|${NBSP}=${NBSP}${value}` };
  }
  const noun = title.toLowerCase();
  return { at: (value) => `${noun}${NBSP}${value}`, magnitude: (value) => `${noun}${NBSP}±${value}` };
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The series' points ordered by x, with values that are float noise next to the rest set to 0. */
function points(series: DescribedSeries): Point[] {
  if (series.x.length !== series.y.length) {
    throw new RangeError(`series "${series.name}" has ${series.x.length} x values but ${series.y.length} y values`);
  }
  const scale = maxOf(series.y.map(Math.abs));
  const pts = series.x.map((x, i) => {
    const y = series.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new RangeError(`series "${series.name}" row ${i} is not a pair of finite numbers`);
    }
    return { x, y: Math.abs(y) <= 1e-12 * scale ? 0 : y };
  });
  return pts.sort((a, b) => a.x - b.x);
}

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= EPSILON * scale;

/** The facts a sentence is made from. Exported for tests and for other kinds of description. */
export interface SeriesFacts {
  readonly count: number;
  readonly first: Point;
  readonly last: Point;
  readonly min: number;
  readonly max: number;
  /** Every x at which y is the maximum (more than one when several points tie). */
  readonly maxAt: readonly number[];
  readonly minAt: readonly number[];
  readonly shape: 'constant' | 'rising' | 'falling' | 'peak' | 'valley' | 'mixed';
  /** Evenly spaced x: the spacing, else null. */
  readonly spacing: number | null;
  /** y multiplied by the same ratio at every point (evenly spaced x): the ratio, else null. */
  readonly ratio: number | null;
  /** The points lie on one straight line: its slope, else null. */
  readonly slope: number | null;
}

export function seriesFacts(series: DescribedSeries): SeriesFacts {
  const pts = points(series);
  if (pts.length === 0) throw new RangeError(`series "${series.name}" is empty`);
  const ys = pts.map((p) => p.y);
  const min = minOf(ys);
  const max = maxOf(ys);
  const yScale = Math.max(Math.abs(min), Math.abs(max));
  const xScale = maxOf(pts.map((p) => Math.abs(p.x)));
  const maxAt = pts.filter((p) => close(p.y, max, yScale)).map((p) => p.x);
  const minAt = pts.filter((p) => close(p.y, min, yScale)).map((p) => p.x);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;

  const steps = pts.slice(1).map((p, i) => ({ dx: p.x - pts[i]!.x, dy: p.y - pts[i]!.y }));
  const rising = steps.every((s) => s.dy >= -EPSILON * yScale);
  const falling = steps.every((s) => s.dy <= EPSILON * yScale);
  const firstPeak = pts.findIndex((p) => close(p.y, max, yScale));
  const lastPeak = pts.length - 1 - [...pts].reverse().findIndex((p) => close(p.y, max, yScale));
  const firstLow = pts.findIndex((p) => close(p.y, min, yScale));
  const lastLow = pts.length - 1 - [...pts].reverse().findIndex((p) => close(p.y, min, yScale));
  const interior = (i: number, j: number) => i > 0 && j < pts.length - 1;
  const upThenDown = (i: number, j: number) =>
    steps.slice(0, i).every((s) => s.dy >= -EPSILON * yScale) && steps.slice(j).every((s) => s.dy <= EPSILON * yScale);
  const downThenUp = (i: number, j: number) =>
    steps.slice(0, i).every((s) => s.dy <= EPSILON * yScale) && steps.slice(j).every((s) => s.dy >= -EPSILON * yScale);

  let shape: SeriesFacts['shape'];
  if (max - min <= EPSILON * yScale) shape = 'constant';
  else if (rising) shape = 'rising';
  else if (falling) shape = 'falling';
  else if (interior(firstPeak, lastPeak) && upThenDown(firstPeak, lastPeak)) shape = 'peak';
  else if (interior(firstLow, lastLow) && downThenUp(firstLow, lastLow)) shape = 'valley';
  else shape = 'mixed';

  const spacing = steps.length > 0 && steps.every((s) => close(s.dx, steps[0]!.dx, xScale)) && steps[0]!.dx > 0 ? steps[0]!.dx : null;
  const ratios = pts.slice(1).map((p, i) => p.y / pts[i]!.y);
  const ratio =
    spacing !== null &&
    steps.length >= 2 &&
    (shape === 'rising' || shape === 'falling') &&
    pts.every((p) => p.y !== 0) &&
    ratios.every((r) => close(r, ratios[0]!, Math.abs(ratios[0]!)))
      ? ratios[0]!
      : null;
  const slopes = steps.map((s) => s.dy / s.dx);
  const slopeScale = maxOf(slopes.map(Math.abs));
  const slope =
    steps.length >= 2 && (shape === 'rising' || shape === 'falling') && slopes.every((s) => close(s, slopes[0]!, slopeScale))
      ? slopes[0]!
      : null;
  return { count: pts.length, first, last, min, max, maxAt, minAt, shape, spacing, ratio, slope };
}

/** Where the extreme is: "at x = 2", "at x = ±0.101" (a symmetric tie), "at x = 0 and x = 4". */
function extremeAt(xs: readonly number[], where: Positions): string {
  const [a, b] = [xs[0]!, xs[xs.length - 1]!];
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (xs.length === 2 && close(a, -b, scale)) return `at ${where.at(`±${formatNumber(Math.abs(a))}`)}`;
  if (xs.length <= 3) {
    const all = xs.map((v) => where.at(formatNumber(v)));
    return `at ${all.length === 1 ? all[0] : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`}`;
  }
  return `at ${xs.length} points from ${where.at(formatNumber(a))} to ${where.at(formatNumber(b))}`;
}

/**
 * For a peak whose tails are tiny (both ends under 1% of it, none negative): the power of ten
 * the tails fall under, and where (interpolated between the points on either side) the series
 * drops below it, on the left and on the right.
 */
function tailCrossing(
  pts: readonly Point[],
  facts: SeriesFacts,
): { threshold: number; left: number; right: number; spacing: number } | null {
  const ends = Math.max(facts.first.y, facts.last.y);
  if (facts.min < 0 || facts.max <= 0 || ends <= 0 || ends > facts.max / 100) return null;
  const threshold = 10 ** (Math.floor(Math.log10(ends) + EPSILON) + 1);
  if (threshold >= facts.max) return null;
  const i = pts.findIndex((p) => p.y >= threshold);
  const j = pts.length - 1 - [...pts].reverse().findIndex((p) => p.y >= threshold);
  const cross = (a: Point, b: Point) => a.x + ((threshold - a.y) / (b.y - a.y)) * (b.x - a.x);
  return {
    threshold,
    left: cross(pts[i - 1]!, pts[i]!),
    right: cross(pts[j]!, pts[j + 1]!),
    spacing: Math.max(pts[i]!.x - pts[i - 1]!.x, pts[j + 1]!.x - pts[j]!.x),
  };
}

/**
 * One sentence about one line series, e.g.
 * "Sigmoid rises from 0.0000454 at x = −10 to 0.99995 at x = 10.",
 * "Gradient peaks at 0.249 at x = ±0.101 and falls below 0.0001 beyond |x| = 9.2.",
 * "Gradient falls from 0.25 at step 1 to 0.000244 at step 6, a factor of 4 each step."
 */
export function describeSeries(series: DescribedSeries, options: DescribeOptions = {}): string {
  const where = positions(options.xTitle);
  const facts = seriesFacts(series);
  const { name } = series;
  const at = (p: Point) => `${formatNumber(p.y)} at ${where.at(formatNumber(p.x))}`;
  const { first, last } = facts;

  if (facts.count === 1) return `${name} is ${at(first)}.`;
  switch (facts.shape) {
    case 'constant':
      return `${name} stays at ${formatNumber(first.y)} from ${where.at(formatNumber(first.x))} to ${where.at(formatNumber(last.x))}.`;
    case 'rising':
    case 'falling': {
      const verb = facts.shape === 'rising' ? 'rises' : 'falls';
      let how = '';
      if (facts.ratio !== null) {
        const factor = facts.ratio > 1 ? facts.ratio : 1 / facts.ratio;
        const per =
          facts.spacing === 1 ? 'each step' : `every ${formatNumber(facts.spacing!)} in ${options.xTitle?.trim().toLowerCase() || 'x'}`;
        how = facts.ratio > 0 ? `, a factor of ${formatNumber(factor)} ${per}` : '';
      } else if (facts.slope !== null) {
        how = `, in a straight line of slope ${formatNumber(facts.slope)}`;
      }
      return `${name} ${verb} from ${at(first)} to ${at(last)}${how}.`;
    }
    case 'peak': {
      const peak = `${formatNumber(facts.max)} ${extremeAt(facts.maxAt, where)}`;
      const tails = tailCrossing(points(series), facts);
      if (tails) {
        const t = formatNumber(tails.threshold);
        const [left, right] = [tails.left, tails.right];
        const symmetric = Math.abs(-left - right) <= tails.spacing / 2;
        const beyond = symmetric
          ? `beyond ${where.magnitude(formatAtResolution((right - left) / 2, tails.spacing))}`
          : `before ${where.at(formatAtResolution(left, tails.spacing))} and after ${where.at(formatAtResolution(right, tails.spacing))}`;
        return `${name} peaks at ${peak} and falls below ${t} ${beyond}.`;
      }
      return `${name} rises from ${at(first)} to a peak of ${peak}, then falls to ${at(last)}.`;
    }
    case 'valley': {
      const low = `${formatNumber(facts.min)} ${extremeAt(facts.minAt, where)}`;
      return `${name} falls from ${at(first)} to a low of ${low}, then rises to ${at(last)}.`;
    }
    case 'mixed':
      return `${name} goes up and down: lowest ${formatNumber(facts.min)} ${extremeAt(facts.minAt, where)}, highest ${formatNumber(facts.max)} ${extremeAt(facts.maxAt, where)}.`;
  }
}

/** The sentences for every series of a chart, one after another. */
export function describeChart(series: readonly DescribedSeries[], options: DescribeOptions = {}): string {
  return series.map((s) => describeSeries(s, options)).join(' ');
}
