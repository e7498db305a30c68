/**
 * The numbers behind "RNNs and Vanishing Gradients", computed at build time. The post shows the
 * regions between the `#region` markers as its code listings, so what a reader sees is what ran.
 */
// #region imports
import { arange, cumprod, full, linspace } from '~/lib/numeric.ts';
import { sigmoid, sigmoidGradient, tangentLine } from '~/lib/activations.ts';
import { decayChart, layeredLineChart } from '~/lib/charts/builders.ts';
import { PLOT } from '~/lib/charts/theme.ts';
import { explorable } from '~/lib/explorable.ts';
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
const span = 2;

/** The tangent to the sigmoid at tangentX, drawn from span before it to span after. */
export function tangentPoints(tangentX: number) {
  const tangentY = sigmoid(tangentX);
  const gradientTangent = sigmoidGradient(sigmoid(tangentX));
  const tangentPlotX = linspace(tangentX - span, tangentX + span, STEPS);
  const tangentPlotY = tangentPlotX.map((xi) => tangentLine(tangentX, tangentY, gradientTangent, xi));
  return { x: tangentPlotX, y: tangentPlotY };
}

export const sigmoidAndTangent = explorable(
  { tangentX: { min: -STOP, max: STOP, step: 0.1, value: 0, label: 'Tangent at x' } },
  ({ tangentX }) => {
    const tangent = tangentPoints(tangentX);
    const spec = layeredLineChart(
      [
        { name: 'Sigmoid', x, y: activations, color: PLOT.colors.blue },
        { name: 'Gradient', x, y: gradients, color: PLOT.colors.red },
        { name: 'Tangent', x: tangent.x, y: tangent.y, color: PLOT.colors.tan },
      ],
      // The x axis keeps the sigmoid's range wherever the tangent is drawn.
      { xTitle: 'x', yTitle: 'σ(x), σ′(x) and the tangent', zoom: true, xDomain: [-STOP, STOP] },
    );
    return { spec };
  },
);
// #endregion tangent

// #region decay-inputs
/** The simulation's inputs: n steps of the gradient at decayX, and what it prints of them. */
export function decayInputs(n: number, decayX: number) {
  const decayGradient = sigmoidGradient(sigmoid(decayX));
  const steps = arange(1, n + 1);
  const printed = [
    '-- Inputs --',
    `steps : ${n}`,
    `x value : ${decayX}`,
    `sigmoid : ${sigmoid(decayX).toFixed(5)}`,
    `gradient : ${decayGradient.toFixed(5)}`,
  ].join('\n');
  return { decayGradient, steps, printed };
}
// #endregion decay-inputs

// #region decay-plot
export const cumulativeGradient = explorable(
  {
    n: { min: 1, max: 30, step: 1, value: 6, label: 'Steps (n)' },
    x: { min: -STOP, max: STOP, step: 0.1, value: 0, label: 'x value' },
  },
  ({ n, x }) => {
    const { decayGradient, steps, printed } = decayInputs(n, x);
    const decayingValues = cumprod(full(steps.length, decayGradient));
    const spec = decayChart({ name: 'Gradient', steps, values: decayingValues }, { yTitle: 'Cumulative gradient' });
    return { spec, printed };
  },
);
// #endregion decay-plot
