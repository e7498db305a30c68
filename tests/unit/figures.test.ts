/**
 * The numbers behind "RNNs and Vanishing Gradients" (its figures.ts), checked against numpy's
 * values for the seed post (tests/reference/numpy_reference.json).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  activations,
  decayingValues,
  gradients,
  printedInputs,
  steps,
  tangentPlotX,
  tangentPlotY,
  x,
} from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

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
