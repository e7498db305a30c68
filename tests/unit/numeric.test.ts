/**
 * The numpy-compatible helpers in src/lib/numeric.ts, checked against numpy's own values
 * (tests/reference/numpy_reference.json, written by tests/reference/make_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { arange, assertFinite, assertInteger, cumprod, full, linspace, maxOf, minOf } from '../../src/lib/numeric.ts';

interface Reference {
  readonly numpy_version: string;
  readonly x: number[];
  readonly tangent_x: number[];
  readonly decay_steps: number[];
  readonly decay: number[];
  readonly tangent_point: { x: number; y: number; slope: number };
  readonly linspace_cases: { start: number; stop: number; num: number; values: number[] }[];
  readonly arange_cases: { start: number; stop: number; values: number[] }[];
  readonly cumprod_cases: { values: number[]; cumprod: number[] }[];
  readonly full_cases: { length: number; value: number; values: number[] }[];
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

/** How many elements are the very same float64 as numpy's (Object.is, so 0 and −0 differ). */
function bitIdentical(actual: readonly number[], expected: readonly number[]): number {
  return actual.filter((a, i) => Object.is(a, expected[i])).length;
}

/** Asserts that `fn` throws a RangeError with exactly `message`. */
function expectRangeError(fn: () => unknown, message: string): void {
  expect(fn).toThrow(new RangeError(message));
  expect(fn).toThrow(RangeError);
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(message);
  }
}

test('the reference file was written by numpy 2.x', () => {
  expect(reference.numpy_version).toMatch(/^2\./);
});

describe('linspace', () => {
  const cases = [
    { label: 'x = linspace(-10, 10, 100)', start: -10, stop: 10, num: 100, values: reference.x },
    { label: 'tangent_x = linspace(-2, 2, 100)', start: -2, stop: 2, num: 100, values: reference.tangent_x },
    ...reference.linspace_cases.map((c) => ({ label: `linspace(${c.start}, ${c.stop}, ${c.num})`, ...c })),
  ];

  test.each(cases)('$label matches numpy within 1e-12 relative', ({ start, stop, num, values }) => {
    expectClose(linspace(start, stop, num), values);
  });

  test.each(cases)('$label is bit-identical to numpy', ({ start, stop, num, values }) => {
    const actual = linspace(start, stop, num);
    expect(bitIdentical(actual, values)).toBe(values.length);
    expect(actual).toEqual(values);
  });

  test.each(cases.filter((c) => c.num > 1))('$label ends exactly at stop', ({ start, stop, num }) => {
    expect(Object.is(linspace(start, stop, num).at(-1), stop)).toBe(true);
  });

  test.each(cases)('$label starts exactly at start', ({ start, stop, num }) => {
    expect(Object.is(linspace(start, stop, num)[0], start)).toBe(true);
  });

  test('num = 1 gives [start], like numpy', () => {
    const single = reference.linspace_cases.find((c) => c.num === 1);
    expect(single).toBeDefined();
    expect(linspace(single!.start, single!.stop, 1)).toEqual([single!.start]);
    expect(linspace(single!.start, single!.stop, 1)).toEqual(single!.values);
  });

  test('bad arguments throw a RangeError naming the argument and the value', () => {
    expectRangeError(() => linspace(0, 1, 0), 'num must be at least 1, got 0');
    expectRangeError(() => linspace(0, 1, -1), 'num must be at least 1, got -1');
    expectRangeError(() => linspace(0, 1, 2.5), 'num must be an integer, got 2.5');
    expectRangeError(() => linspace(0, 1, Number.NaN), 'num must be an integer, got NaN');
    expectRangeError(() => linspace(Number.NaN, 1, 5), 'start must be a finite number, got NaN');
    expectRangeError(() => linspace(0, Number.POSITIVE_INFINITY, 5), 'stop must be a finite number, got Infinity');
    expectRangeError(() => linspace(0, Number.NEGATIVE_INFINITY, 5), 'stop must be a finite number, got -Infinity');
  });
});

describe('arange', () => {
  test('arange(1, 7) equals the reference decay steps', () => {
    expect(arange(1, reference.decay_steps.length + 1)).toEqual(reference.decay_steps);
  });

  test.each(reference.arange_cases)('arange($start, $stop) equals numpy', ({ start, stop, values }) => {
    expect(arange(start, stop)).toEqual(values);
  });

  test('non-integer bounds throw a RangeError naming the argument and the value', () => {
    expectRangeError(() => arange(0.5, 3), 'start must be an integer, got 0.5');
    expectRangeError(() => arange(0, 2.5), 'stop must be an integer, got 2.5');
    expectRangeError(() => arange(Number.NaN, 3), 'start must be an integer, got NaN');
    expectRangeError(() => arange(0, Number.POSITIVE_INFINITY), 'stop must be an integer, got Infinity');
  });
});

describe('cumprod', () => {
  test('the decaying gradient equals numpy "decay" bit for bit', () => {
    // The seed multiplies gradient(sigmoid(0)) step after step; the reference records it as the tangent slope.
    const factor = reference.tangent_point.slope;
    const actual = cumprod(full(reference.decay.length, factor));
    expectClose(actual, reference.decay);
    expect(actual).toEqual(reference.decay);
  });

  test.each(reference.cumprod_cases)('cumprod($values) equals numpy bit for bit', ({ values, cumprod: expected }) => {
    expect(cumprod(values)).toEqual(expected);
  });

  test('does not mutate its input', () => {
    const input = Object.freeze([2, 0.5, 3]);
    const before = structuredClone([...input]);
    cumprod(input);
    expect([...input]).toEqual(before);
  });

  test('a non-finite element throws a RangeError naming its index', () => {
    expectRangeError(() => cumprod([1, Number.NaN, 2]), 'values[1] must be a finite number, got NaN');
    expectRangeError(() => cumprod([Number.NEGATIVE_INFINITY]), 'values[0] must be a finite number, got -Infinity');
  });
});

describe('full', () => {
  test.each(reference.full_cases)('full($length, $value) equals numpy', ({ length, value, values }) => {
    expect(full(length, value)).toEqual(values);
  });

  test('bad arguments throw a RangeError naming the argument and the value', () => {
    expectRangeError(() => full(-1, 0), 'length must be at least 0, got -1');
    expectRangeError(() => full(1.5, 0), 'length must be an integer, got 1.5');
    expectRangeError(() => full(2, Number.NaN), 'value must be a finite number, got NaN');
  });
});

describe('assertFinite and assertInteger', () => {
  test('accept valid values', () => {
    expect(() => assertFinite('a', -0.5)).not.toThrow();
    expect(() => assertInteger('b', 3, 3)).not.toThrow();
  });

  test('reject non-numbers with the value in the message', () => {
    expectRangeError(() => assertFinite('a', '1' as unknown as number), 'a must be a finite number, got 1');
    expectRangeError(() => assertInteger('b', '2' as unknown as number, 0), 'b must be an integer, got 2');
    expectRangeError(() => assertInteger('b', 2, 3), 'b must be at least 3, got 2');
  });
});

describe('maxOf and minOf', () => {
  test('agree with Math.max and Math.min, NaN and empty input included', () => {
    for (const values of [[3, -1, 2], [-0.5], [], [1, Number.NaN, 3], [-Infinity, Infinity]]) {
      expect(maxOf(values)).toBe(Math.max(...values));
      expect(minOf(values)).toBe(Math.min(...values));
    }
  });

  test('take a series far too long to spread into Math.max', () => {
    const long = Array.from({ length: 500_000 }, (_, i) => Math.sin(i));
    long[123_456] = 7;
    expect(() => Math.max(...long)).toThrow(RangeError);
    expect(maxOf(long)).toBe(7);
    expect(minOf(long)).toBeCloseTo(-1, 6);
  });
});
