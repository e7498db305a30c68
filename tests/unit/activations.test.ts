/**
 * The activation functions in src/lib/activations.ts, checked against numpy's values
 * (tests/reference/numpy_reference.json, written by tests/reference/make_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sigmoid, sigmoidGradient, tangentLine } from '../../src/lib/activations.ts';

interface Reference {
  readonly x: number[];
  readonly sigmoid: number[];
  readonly gradient: number[];
  readonly tangent_x: number[];
  readonly tangent_y: number[];
  readonly tangent_point: { x: number; y: number; slope: number };
  readonly sigmoid_cases: { x: number; sigmoid: number }[];
}

const reference = JSON.parse(
  readFileSync(new URL('../reference/numpy_reference.json', import.meta.url), 'utf8'),
) as Reference;

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

/** Asserts that `fn` throws a RangeError with exactly `message`. */
function expectRangeError(fn: () => unknown, message: string): void {
  expect(fn).toThrow(new RangeError(message));
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
  }
}

describe('expectClose', () => {
  test('reports the index of a value that is off', () => {
    expect(() => expectClose([1, 2, 3], [1, 2, 3 * (1 + 1e-9)])).toThrow(/index 2: got 3/);
  });

  test('applies the relative tolerance to tiny values too', () => {
    const tiny = Math.min(...reference.sigmoid);
    expect(tiny).toBeLessThan(1e-4);
    expect(() => expectClose([tiny * (1 + 1e-9)], [tiny])).toThrow(/index 0/);
    expect(() => expectClose([tiny * (1 + 1e-13)], [tiny])).not.toThrow();
  });

  test('rejects a length mismatch and NaN', () => {
    expect(() => expectClose([1], [1, 2])).toThrow();
    expect(() => expectClose([Number.NaN], [1])).toThrow(/index 0/);
  });
});

describe('sigmoid', () => {
  test('sigmoid(x) matches numpy within 1e-12 relative', () => {
    expectClose(reference.x.map(sigmoid), reference.sigmoid);
  });

  test.each(reference.sigmoid_cases)('sigmoid($x) matches numpy within 1e-12 relative', ({ x, sigmoid: expected }) => {
    expectClose([sigmoid(x)], [expected]);
  });

  test('sigmoid(0) is the tangent point y', () => {
    expect(sigmoid(reference.tangent_point.x)).toBe(reference.tangent_point.y);
  });

  test('a non-finite x throws a RangeError naming x', () => {
    expectRangeError(() => sigmoid(Number.NaN), 'x must be a finite number, got NaN');
    expectRangeError(() => sigmoid(Number.POSITIVE_INFINITY), 'x must be a finite number, got Infinity');
  });
});

describe('sigmoidGradient', () => {
  test('sigmoidGradient(sigmoid(x)) matches numpy within 1e-12 relative', () => {
    expectClose(reference.x.map(sigmoid).map(sigmoidGradient), reference.gradient);
  });

  test("numpy's own activations give numpy's gradients bit for bit (the same a × (1 − a))", () => {
    expect(reference.sigmoid.map(sigmoidGradient)).toEqual(reference.gradient);
  });

  test('sigmoidGradient(sigmoid(0)) is the tangent slope', () => {
    expect(sigmoidGradient(sigmoid(reference.tangent_point.x))).toBe(reference.tangent_point.slope);
  });

  test('a non-finite activation throws a RangeError naming activation', () => {
    expectRangeError(() => sigmoidGradient(Number.NaN), 'activation must be a finite number, got NaN');
  });
});

describe('tangentLine', () => {
  test('matches numpy tangent_y within 1e-12 relative', () => {
    const { x: x0, y: y0, slope } = reference.tangent_point;
    expectClose(
      reference.tangent_x.map((x) => tangentLine(x0, y0, slope, x)),
      reference.tangent_y,
    );
  });

  test('each non-finite argument throws a RangeError naming it', () => {
    expectRangeError(() => tangentLine(Number.NaN, 0.5, 0.25, 1), 'x0 must be a finite number, got NaN');
    expectRangeError(() => tangentLine(0, Number.NaN, 0.25, 1), 'y0 must be a finite number, got NaN');
    expectRangeError(() => tangentLine(0, 0.5, Number.NaN, 1), 'slope must be a finite number, got NaN');
    expectRangeError(() => tangentLine(0, 0.5, 0.25, Number.NaN), 'x must be a finite number, got NaN');
  });
});
