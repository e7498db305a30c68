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

// #region tanh
/** The hyperbolic tangent (e^x − e^(−x)) / (e^x + e^(−x)), like `numpy.tanh(x)`. */
export function tanh(x: number): number {
  assertFinite('x', x);
  return Math.tanh(x);
}
// #endregion tanh

// #region tanh-gradient
/**
 * The tanh's derivative written in terms of its activation `a = tanh(x)`: 1 − a².
 * Like sigmoidGradient, it takes the activation, not x.
 */
export function tanhGradient(activation: number): number {
  assertFinite('activation', activation);
  return 1 - activation * activation;
}
// #endregion tanh-gradient

// #region relu
/** The rectified linear unit max(x, 0), like `numpy.maximum(x, 0.0)` (so relu(−0) is +0). */
export function relu(x: number): number {
  assertFinite('x', x);
  return x > 0 ? x : 0;
}
// #endregion relu

// #region relu-gradient
/**
 * The ReLU's derivative: 1 where x > 0, else 0, like `numpy.where(x > 0, 1.0, 0.0)`. At x = 0,
 * where the derivative does not exist, it is 0. It takes x (relu(x) gives the same answer, since
 * relu(x) > 0 exactly when x > 0).
 */
export function reluGradient(x: number): number {
  assertFinite('x', x);
  return x > 0 ? 1 : 0;
}
// #endregion relu-gradient
