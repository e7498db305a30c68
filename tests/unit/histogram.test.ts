/**
 * src/lib/histogram.ts checked against numpy.histogram's own edges and counts
 * (tests/reference/histogram_reference.json, written by tests/reference/make_histogram_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { histogram } from '../../src/lib/histogram.ts';

interface Case {
  readonly input: string;
  readonly bins: number;
  readonly range: [number, number] | null;
  readonly edges: number[];
  readonly counts: number[];
  readonly decremented: number;
  readonly incremented: number;
}

interface Reference {
  readonly numpy_version: string;
  readonly inputs: Record<string, number[]>;
  readonly cases: Case[];
  readonly refused: { values: number[]; bins: number; range: [number, number] | null; numpy_error: string }[];
}

const reference = JSON.parse(readFileSync(new URL('../reference/histogram_reference.json', import.meta.url), 'utf8')) as Reference;

/** The input values a case names. */
function inputOf(c: Case): number[] {
  const values = reference.inputs[c.input];
  if (values === undefined) throw new Error(`the reference has no input named ${c.input}`);
  return values;
}

/** The options for a case: numpy's default range when the reference has none. */
function optionsOf(c: { bins: number; range: [number, number] | null }): { bins: number; range?: [number, number] } {
  return c.range === null ? { bins: c.bins } : { bins: c.bins, range: c.range };
}

/** Asserts that `fn` throws a RangeError whose message contains `fragment`. */
function expectRangeError(fn: () => unknown, fragment: string): void {
  expect(fn).toThrow(RangeError);
  expect(fn).toThrow(fragment);
}

test('the reference file was written by numpy 2.x', () => {
  expect(reference.numpy_version).toMatch(/^2\./);
});

describe('the same bins as numpy.histogram', () => {
  const cases = reference.cases.map((c) => ({
    label: `${c.input}, bins ${c.bins}${c.range === null ? '' : `, range [${c.range.join(', ')}]`}`,
    c,
  }));

  test.each(cases)('$label', ({ c }) => {
    const { edges, counts } = histogram(inputOf(c), optionsOf(c));
    // toEqual compares numbers with Object.is: every edge is the same float64, 0 and -0 apart.
    expect(edges).toEqual(c.edges);
    expect(counts).toEqual(c.counts);
    expect(edges).toHaveLength(counts.length + 1);
  });

  test.each(cases)('$label, from a Float64Array', ({ c }) => {
    expect(histogram(Float64Array.from(inputOf(c)), optionsOf(c))).toEqual({ edges: c.edges, counts: c.counts });
  });

  test.each(cases)('$label: the counts add up to the values inside the outer edges', ({ c }) => {
    const { edges, counts } = histogram(inputOf(c), optionsOf(c));
    const first = edges[0] ?? Number.NaN;
    const last = edges[edges.length - 1] ?? Number.NaN;
    const inside = inputOf(c).filter((value) => value >= first && value <= last).length;
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(inside);
    if (c.range === null) expect(inside).toBe(inputOf(c).length);
  });

  test('the reference exercises both directions of the correction against the edges', () => {
    // Without these the tests above would pass even if histogram skipped the correction step.
    expect(reference.cases.filter((c) => c.decremented > 0).length).toBeGreaterThan(0);
    expect(reference.cases.filter((c) => c.incremented > 0).length).toBeGreaterThan(0);
  });

  test('0.3 goes in the bin below, as in numpy: the edge linspace makes is 3 * 0.1 = 0.30000000000000004', () => {
    const { edges, counts } = histogram([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], { bins: 10 });
    expect(edges[3]).toBe(0.30000000000000004);
    expect(counts).toEqual([1, 1, 2, 0, 1, 2, 1, 0, 1, 2]);
  });

  test('the default is 10 bins over the data, and an empty input gets the range [0, 1]', () => {
    expect(histogram([1, 2, 3])).toEqual(histogram([1, 2, 3], { bins: 10 }));
    expect(histogram([]).edges).toEqual([0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1]);
    expect(histogram([]).counts).toEqual(new Array(10).fill(0));
  });
});

describe('refuses what it cannot bin', () => {
  test.each(reference.refused)('numpy raises "$numpy_error" for $values, bins $bins, range $range; so do we', (c) => {
    expect(() => histogram(c.values, optionsOf(c))).toThrow(RangeError);
  });

  test('bins that are not a positive integer', () => {
    for (const bins of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectRangeError(
        () => histogram([1, 2, 3], { bins }),
        `histogram: bins must be a positive integer (how many bins to draw), got ${bins}`,
      );
    }
    expectRangeError(() => histogram([1, 2, 3], { bins: '5' as unknown as number }), 'bins must be a positive integer');
  });

  test('a NaN or an infinite value, naming its index', () => {
    expectRangeError(() => histogram([1, Number.NaN, 3]), 'histogram: values[1] is NaN, but every value must be a finite number');
    expectRangeError(() => histogram([1, 2, Number.POSITIVE_INFINITY]), 'values[2] is Infinity');
    expectRangeError(() => histogram(Float64Array.of(Number.NEGATIVE_INFINITY, 0)), 'values[0] is -Infinity');
    // numpy would drop a NaN that falls outside a range silently; we refuse it all the same.
    expectRangeError(() => histogram([1, Number.NaN], { range: [0, 2] }), 'values[1] is NaN');
    expectRangeError(() => histogram(['4' as unknown as number]), 'values[0] is 4, but every value must be a finite number');
  });

  test('a range whose low end is above its high end, or which is not finite', () => {
    expectRangeError(
      () => histogram([1, 2], { range: [3, 1] }),
      'histogram: range must run from low to high, got [3, 1]; did you mean [1, 3]?',
    );
    expectRangeError(
      () => histogram([1, 2], { range: [0, Number.NaN] }),
      'histogram: range must be two finite numbers [lo, hi], got [0, NaN]',
    );
    expectRangeError(() => histogram([1, 2], { range: [Number.NEGATIVE_INFINITY, 2] }), 'got [-Infinity, 2]');
    expectRangeError(() => histogram([1, 2], { range: [1] as unknown as [number, number] }), 'range must be two finite numbers');
  });

  test('a span too wide for float64 and too many bins for a narrow one', () => {
    expectRangeError(() => histogram([-1e308, 1e308]), 'histogram: the span from -1e+308 to 1e+308 is too wide');
    expectRangeError(
      () => histogram([1e17]),
      'histogram: cannot make 10 bins of nonzero width between 100000000000000000 and 100000000000000000',
    );
    expect(histogram([1], { bins: 1, range: [1, 1.0000000000000002] })).toEqual({ edges: [1, 1.0000000000000002], counts: [1] });
  });
});

describe('leaves its input alone', () => {
  test('a frozen array bins the same and stays as it was', () => {
    const values = Object.freeze([3, 1, 2, 2, 5, 0.5]);
    const copy = [...values];
    expect(histogram(values, { bins: 3, range: [1, 4] })).toEqual({ edges: [1, 2, 3, 4], counts: [1, 2, 1] });
    expect(values).toEqual(copy);
  });

  test('a Float64Array (which cannot be frozen) keeps its values and order', () => {
    const values = Float64Array.from(reference.inputs['normal_1000'] ?? []);
    const copy = Float64Array.from(values);
    histogram(values, { bins: 30 });
    expect(values).toEqual(copy);
  });

  test('the range array is not changed, even when widened', () => {
    const range = Object.freeze([5, 5] as [number, number]);
    expect(histogram([5], { bins: 2, range }).edges).toEqual([4.5, 5, 5.5]);
    expect(range).toEqual([5, 5]);
  });
});
