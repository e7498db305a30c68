/**
 * The numbers behind "RNNs and Vanishing Gradients", computed at build time. The post shows the
 * regions between the `#region` markers as its code listings, so what a reader sees is what ran.
 */
// #region imports
import { arange, cumprod, full, linspace } from '~/lib/numeric.ts';
import { sigmoid, sigmoidGradient, tangentLine } from '~/lib/activations.ts';
import { decayChart, layeredLineChart } from '~/lib/charts/builders.ts';
import { PLOT } from '~/lib/charts/theme.ts';
// #endregion imports

// #region data
const STOP = 10;
const STEPS = 100;
export const x = linspace(-STOP, STOP, STEPS);
// #endregion data

// #region activations
export const activations = x.map(sigmoid);
// #endregion activations

// #region gradients
export const gradients = activations.map(sigmoidGradient);
// #endregion gradients

// #region tangent
const tangentX = 0;
const tangentY = sigmoid(tangentX);
const span = 2;

const gradientTangent = sigmoidGradient(sigmoid(tangentX));

export const tangentPlotX = linspace(tangentX - span, tangentX + span, STEPS);
export const tangentPlotY = tangentPlotX.map((xi) => tangentLine(tangentX, tangentY, gradientTangent, xi));

export const sigmoidAndTangent = layeredLineChart(
  [
    { name: 'Sigmoid', x, y: activations, color: PLOT.colors.blue },
    { name: 'Gradient', x, y: gradients, color: PLOT.colors.red },
    { name: 'Tangent', x: tangentPlotX, y: tangentPlotY, color: PLOT.colors.tan },
  ],
  { xTitle: 'x', yTitle: 'σ(x), σ′(x) and the tangent', zoom: true },
);
// #endregion tangent

// #region decay-inputs
const n = 6;
const decayX = 0;

const decayGradient = sigmoidGradient(sigmoid(decayX));
export const steps = arange(1, n + 1);
export const printedInputs = [
  '-- Inputs --',
  `steps : ${n}`,
  `x value : ${decayX}`,
  `sigmoid : ${sigmoid(decayX).toFixed(5)}`,
  `gradient : ${decayGradient.toFixed(5)}`,
].join('\n');
// #endregion decay-inputs

// #region decay-plot
export const decayingValues = cumprod(full(steps.length, decayGradient));

export const cumulativeGradient = decayChart({ name: 'Gradient', steps, values: decayingValues }, { yTitle: 'Cumulative gradient' });
// #endregion decay-plot
