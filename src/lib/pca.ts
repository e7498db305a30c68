/**
 * Principal component analysis, to project embeddings (word vectors, hidden states) to 2-D or k-D
 * at build time, as sklearn's PCA does with its covariance solver: the rows are centred, the d × d
 * covariance is formed with ddof 1 (numpy's cov), and its eigenvectors are found by cyclic Jacobi
 * rotations, sorted by eigenvalue, largest first. tests/reference/make_pca_reference.py computes the
 * same with numpy's cov and eigh.
 *
 * Each component's sign is fixed as sklearn's svd_flip fixes it: the entry of largest magnitude is
 * positive (the first such entry if two tie), so a run gives the same picture every time. Where
 * eigenvalues are equal the components spanning them are not unique, and those returned are one
 * deterministic choice among many.
 */
import { assertInteger } from './numeric.ts';

/** The most dimensions pca takes: Jacobi's cost grows as d³, and posts project embeddings of a few dozen dimensions. */
export const PCA_MAX_DIMENSIONS = 64;

/** What pca returns; k is the number of components asked for. */
export interface Pca {
  /** Each row, centred, in the components' coordinates: rows × k. */
  projected: number[][];
  /** The principal axes, unit vectors of d entries each, by explained variance, largest first: k × d. */
  components: number[][];
  /** Each component's variance (its covariance eigenvalue, ddof 1; a negative rounding error is 0). */
  explainedVariance: number[];
  /** Each component's share of the total variance, as sklearn's explained_variance_ratio_. */
  explainedVarianceRatio: number[];
  /** The mean row, subtracted before projecting: d entries. */
  mean: number[];
}

/**
 * The first `components` principal components of `rows` (n rows of d numbers, 2 ≤ n, 1 ≤ d ≤ 64)
 * and the rows projected onto them. `rows` is left as it was.
 */
export function pca(rows: readonly (readonly number[])[], components = 2): Pca {
  if (!Array.isArray(rows) || rows.length < 2) {
    throw new RangeError(`pca needs at least 2 rows, got ${Array.isArray(rows) ? rows.length : String(rows)}`);
  }
  const n = rows.length;
  if (!Array.isArray(rows[0])) throw new RangeError('pca: rows must be arrays of numbers; row 0 is not an array');
  const d = rows[0].length;
  if (d === 0) throw new RangeError('pca: rows have no values');
  if (d > PCA_MAX_DIMENSIONS) {
    throw new RangeError(
      `pca: rows have ${d} values, but pca takes at most ${PCA_MAX_DIMENSIONS} dimensions (its Jacobi eigen solver grows as d³); reduce the dimensions first`,
    );
  }
  assertInteger('pca: components', components, 1);
  if (components > d) throw new RangeError(`pca: components must be at most the rows' ${d} dimensions, got ${components}`);
  if (components > n) throw new RangeError(`pca: components must be at most the ${n} rows, got ${components}`);

  // The rows in one Float64Array, checked as they are copied.
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (!Array.isArray(row)) throw new RangeError(`pca: rows must be arrays of numbers; row ${i} is not an array`);
    if (row.length !== d) throw new RangeError(`pca: row ${i} has ${row.length} values, row 0 has ${d}`);
    for (let j = 0; j < d; j++) {
      const value = row[j];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(`pca: row ${i} value ${j} is ${String(value)}, but every value must be a finite number`);
      }
      x[i * d + j] = value;
    }
  }

  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j]! -= mean[j]!;

  // Covariance, ddof 1: the upper triangle summed row by row, then mirrored.
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const offset = i * d;
    for (let p = 0; p < d; p++) {
      const xp = x[offset + p]!;
      if (xp === 0) continue;
      for (let q = p; q < d; q++) cov[p * d + q]! += xp * x[offset + q]!;
    }
  }
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      const c = cov[p * d + q]! / (n - 1);
      cov[p * d + q] = c;
      cov[q * d + p] = c;
    }
  }

  const { values, vectors } = symmetricEigen(cov, d);
  const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  const clipped = values.map((value) => Math.max(0, value));
  const total = clipped.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) throw new RangeError('pca: every row is the same, so no direction has any variance');

  const axes = order.slice(0, components).map((k) => {
    const axis = Array.from({ length: d }, (_, j) => vectors[j * d + k]!);
    let largest = 0;
    for (let j = 1; j < d; j++) if (Math.abs(axis[j]!) > Math.abs(axis[largest]!)) largest = j;
    return axis[largest]! < 0 ? axis.map((v) => -v) : axis;
  });
  const explainedVariance = order.slice(0, components).map((k) => clipped[k]!);

  const projected = Array.from({ length: n }, (_, i) =>
    axes.map((axis) => {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += x[i * d + j]! * axis[j]!;
      return sum;
    }),
  );
  return {
    projected,
    components: axes,
    explainedVariance,
    explainedVarianceRatio: explainedVariance.map((value) => value / total),
    mean: Array.from(mean),
  };
}

/**
 * The eigenvalues and eigenvectors (column k of `vectors`, row-major d × d) of the symmetric
 * matrix `a` (row-major d × d, overwritten), by cyclic Jacobi: sweep over every pair p < q,
 * rotating a[p][q] to zero, until a sweep finds every off-diagonal entry negligible beside its
 * diagonal ones (|a_pq| ≤ ε·√|a_pp·a_qq|, or below ε²·‖a‖ for entries at rounding level).
 */
function symmetricEigen(a: Float64Array, d: number): { values: number[]; vectors: Float64Array } {
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  let norm = 0;
  for (let i = 0; i < d * d; i++) norm += a[i]! * a[i]!;
  const floor = Number.EPSILON * Number.EPSILON * Math.sqrt(norm);

  const MAX_SWEEPS = 100;
  for (let sweep = 0; ; sweep++) {
    let rotated = false;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q]!;
        const app = a[p * d + p]!;
        const aqq = a[q * d + q]!;
        if (Math.abs(apq) <= Math.max(Number.EPSILON * Math.sqrt(Math.abs(app * aqq)), floor)) continue;
        rotated = true;
        // t = tan θ, the smaller root of t² + 2τt − 1 = 0, with τ = cot 2θ = (a_qq − a_pp) / (2 a_pq).
        const tau = (aqq - app) / (2 * apq);
        const t = Math.abs(tau) > 1e150 ? 1 / (2 * tau) : Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        // a ← Jᵀ a J and v ← v J, for the rotation J in the (p, q) plane.
        for (let k = 0; k < d; k++) {
          if (k === p || k === q) continue;
          const akp = a[k * d + p]!;
          const akq = a[k * d + q]!;
          const kp = c * akp - s * akq;
          const kq = s * akp + c * akq;
          a[k * d + p] = kp;
          a[p * d + k] = kp;
          a[k * d + q] = kq;
          a[q * d + k] = kq;
        }
        a[p * d + p] = app - t * apq;
        a[q * d + q] = aqq + t * apq;
        a[p * d + q] = 0;
        a[q * d + p] = 0;
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p]!;
          const vkq = v[k * d + q]!;
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
    if (!rotated) break;
    if (sweep === MAX_SWEEPS) throw new Error(`symmetricEigen: no convergence after ${MAX_SWEEPS} Jacobi sweeps`);
  }
  return { values: Array.from({ length: d }, (_, i) => a[i * d + i]!), vectors: v };
}
