/**
 * The numbers behind "RNNs and Vanishing Gradients" (its figures.ts), checked against numpy's
 * values for the seed post (tests/reference/numpy_reference.json).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { activations, decayingValues, gradients, printedInputs, steps, tangentPlotX, tangentPlotY, x } from '../support/seed-figures.ts';
import * as figures from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';
import { runExplorable } from '../../src/lib/explorable.ts';

interface Reference {
  readonly x: number[];
  readonly sigmoid: number[];
  readonly gradient: number[];
  readonly tangent_x: number[];
  readonly tangent_y: number[];
  readonly decay_steps: number[];
  readonly decay: number[];
}

const reference = JSON.parse(readFileSync(new URL('../reference/numpy_reference.json', import.meta.url), 'utf8')) as Reference;

/** Element-wise |actual − expected| ≤ rel × |expected|, naming every index that is off. */
function expectClose(actual: readonly number[], expected: readonly number[], rel = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  const failures = actual.flatMap((a, i) => {
    const e = expected[i] ?? Number.NaN;
    return Math.abs(a - e) <= rel * Math.abs(e) ? [] : [`index ${i}: got ${a}, expected ${e}`];
  });
  const shown = failures.slice(0, 5).join('; ') + (failures.length > 5 ? `; … ${failures.length - 5} more` : '');
  expect(failures, `values differ from numpy by more than ${rel} relative: ${shown}`).toEqual([]);
}

test.each([
  { name: 'x', actual: x, expected: reference.x },
  { name: 'activations', actual: activations, expected: reference.sigmoid },
  { name: 'gradients', actual: gradients, expected: reference.gradient },
  { name: 'tangentPlotX', actual: tangentPlotX, expected: reference.tangent_x },
  { name: 'tangentPlotY', actual: tangentPlotY, expected: reference.tangent_y },
  { name: 'steps', actual: steps, expected: reference.decay_steps },
  { name: 'decayingValues', actual: decayingValues, expected: reference.decay },
])('$name matches numpy within 1e-12 relative', ({ actual, expected }) => {
  expectClose(actual, expected);
});

test('steps are the integers numpy.arange gave', () => {
  expect(steps).toEqual(reference.decay_steps);
});

test("printedInputs is the seed post's printed output", () => {
  expect(printedInputs).toBe('-- Inputs --\nsteps : 6\nx value : 0\nsigmoid : 0.50000\ngradient : 0.25000');
});

interface StatesReference {
  readonly decay_states: { n: number; x: number; gradient: number; decay: number[] }[];
  readonly tangent_states: { x: number; tangent_x: number[]; tangent_y: number[] }[];
}
const states = reference as unknown as StatesReference;

/** One series' x and y, from an explorable figure's output at some state. */
function drawn(output: { spec: unknown }, series: string): { x: number[]; y: number[] } {
  const rows = (output.spec as { datasets: { series: { series: string; x: number; y: number }[] } }).datasets.series.filter(
    (row) => row.series === series,
  );
  return { x: rows.map((row) => row.x), y: rows.map((row) => row.y) };
}

test.each(states.decay_states)('Figure 2 at n = $n, x = $x matches numpy, and prints its inputs', (state) => {
  const output = runExplorable(figures.cumulativeGradient, { n: state.n, x: state.x });
  const { x: steps, y } = drawn(output, 'Gradient');
  expect(steps).toEqual(Array.from({ length: state.n }, (_, i) => i + 1));
  expectClose(y, state.decay);
  expect(output.printed).toBe(
    `-- Inputs --\nsteps : ${state.n}\nx value : ${state.x}\nsigmoid : ${(1 / (1 + Math.exp(-state.x))).toFixed(5)}\ngradient : ${state.gradient.toFixed(5)}`,
  );
});

test('Figure 2 at n = 10 ends at 0.25^10 exactly', () => {
  const { y } = drawn(runExplorable(figures.cumulativeGradient, { n: 10, x: 0 }), 'Gradient');
  expect(y.at(-1)).toBe(9.5367431640625e-7);
});

test.each(states.tangent_states)('Figure 1 with the tangent at x = $x matches numpy', (state) => {
  const tangent = drawn(runExplorable(figures.sigmoidAndTangent, { tangentX: state.x }), 'Tangent');
  expectClose(tangent.x, state.tangent_x);
  expectClose(tangent.y, state.tangent_y);
});
