/**
 * Activation functions and their gradients, written as the seed post wrote them in numpy.
 */
import { assertFinite } from './numeric.ts';

// #region sigmoid
/** The logistic sigmoid 1 / (1 + e^(−x)), the same expression numpy evaluates. */
export function sigmoid(x: number): number {
  assertFinite('x', x);
  return 1 / (1 + Math.exp(-x));
}
// #endregion sigmoid

// #region gradient
/**
 * The sigmoid's derivative written in terms of its activation `a = sigmoid(x)`: a × (1 − a).
 * It takes the activation, not x, exactly like the seed's `gradient` function.
 */
export function sigmoidGradient(activation: number): number {
  assertFinite('activation', activation);
  return activation * (1 - activation);
}
// #endregion gradient

/** A straight line through (x0, y0) with the given slope, evaluated at x: y0 + slope × (x − x0). */
export function tangentLine(x0: number, y0: number, slope: number, x: number): number {
  assertFinite('x0', x0);
  assertFinite('y0', y0);
  assertFinite('slope', slope);
  assertFinite('x', x);
  return y0 + slope * (x - x0);
}
