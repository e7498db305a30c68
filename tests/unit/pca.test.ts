/**
 * pca (src/lib/pca.ts) against numpy's cov and eigh with sklearn's sign rule
 * (tests/reference/pca_reference.json, written by tests/reference/make_pca_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PCA_MAX_DIMENSIONS, pca } from '../../src/lib/pca.ts';
import { seededRandom } from '../../src/lib/random.ts';

interface Case {
  readonly input: string;
  readonly components_asked: number;
  readonly mean: number[];
  readonly components: number[][];
  readonly explained_variance: number[];
  readonly explained_variance_ratio: number[];
  readonly projected: number[][];
}

interface Reference {
  readonly numpy_version: string;
  readonly inputs: Record<string, number[][]>;
  readonly cases: Case[];
}

const reference = JSON.parse(readFileSync(new URL('../reference/pca_reference.json', import.meta.url), 'utf8')) as Reference;

/** Element-wise |actual − expected| ≤ rel × |expected| over a vector or matrix, naming every entry that is off. */
function expectClose(actual: readonly (number | readonly number[])[], expected: readonly (number | readonly number[])[], rel = 1e-9): void {
  expect(actual).toHaveLength(expected.length);
  const a = actual.flat();
  const e = expected.flat();
  expect(a).toHaveLength(e.length);
  const failures = a.flatMap((value, i) =>
    Math.abs(value - e[i]!) <= rel * Math.abs(e[i]!) ? [] : [`entry ${i}: got ${value}, expected ${e[i]}`],
  );
  const shown = failures.slice(0, 5).join('; ') + (failures.length > 5 ? `; … ${failures.length - 5} more` : '');
  expect(failures, `values differ from numpy by more than ${rel} relative: ${shown}`).toEqual([]);
}

/** The rows a case names. */
function inputOf(c: Case): number[][] {
  const rows = reference.inputs[c.input];
  if (rows === undefined) throw new Error(`the reference has no input named ${c.input}`);
  return rows;
}

test('the reference file was written by numpy 2.x', () => {
  expect(reference.numpy_version).toMatch(/^2\./);
});

describe.each(reference.cases.map((c) => [`${c.input}, ${c.components_asked} components`, c] as const))("numpy's PCA of %s", (_, c) => {
  const result = pca(inputOf(c), c.components_asked);
  test('the mean', () => expectClose(result.mean, c.mean));
  test('the components, signs included', () => expectClose(result.components, c.components));
  test('the explained variance and its ratio', () => {
    expectClose(result.explainedVariance, c.explained_variance);
    expectClose(result.explainedVarianceRatio, c.explained_variance_ratio);
  });
  test('the projected rows', () => expectClose(result.projected, c.projected));
  test('the shapes: rows × k, k × d', () => {
    const rows = inputOf(c);
    expect(result.projected).toHaveLength(rows.length);
    for (const row of result.projected) expect(row).toHaveLength(c.components_asked);
    expect(result.components).toHaveLength(c.components_asked);
    for (const axis of result.components) expect(axis).toHaveLength(rows[0]!.length);
  });
});

describe('the sign rule', () => {
  const rows = reference.inputs['full_rank_40x5']!;

  test("each component's entry of largest magnitude is positive", () => {
    for (const axis of pca(rows, 5).components) {
      const largest = axis.reduce((best, v, j) => (Math.abs(v) > Math.abs(axis[best]!) ? j : best), 0);
      expect(axis[largest]).toBeGreaterThan(0);
    }
  });

  test('negating the data keeps the components and negates the projection', () => {
    const plain = pca(rows, 3);
    const negated = pca(
      rows.map((row) => row.map((v) => -v)),
      3,
    );
    expectClose(negated.components, plain.components, 1e-12);
    expectClose(
      negated.projected,
      plain.projected.map((row) => row.map((v) => -v)),
      1e-10,
    );
  });

  test('of two entries of equal magnitude, the first is made positive', () => {
    // Points on y = −x: the axis is ±(1, −1)/√2, whose entries tie.
    const result = pca([
      [0, 0],
      [1, -1],
      [2, -2],
      [3, -3],
    ]);
    expect(result.components[0]![0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(result.components[0]![1]).toBeCloseTo(-Math.SQRT1_2, 15);
  });
});

test('points on a line: the first axis is the line, with all the variance', () => {
  // (t, 2t + 1) for t = 0 … 9: direction (1, 2)/√5, variance 5 × var(t) = 5 × 55/6; nothing across it.
  const rows = Array.from({ length: 10 }, (_, t) => [t, 2 * t + 1]);
  const result = pca(rows, 2);
  const [first, second] = result.components;
  expect(first![0]).toBeCloseTo(1 / Math.sqrt(5), 14);
  expect(first![1]).toBeCloseTo(2 / Math.sqrt(5), 14);
  // Across the line: ±(2, −1)/√5, and the sign rule makes the 2 positive.
  expect(second![0]).toBeCloseTo(2 / Math.sqrt(5), 14);
  expect(second![1]).toBeCloseTo(-1 / Math.sqrt(5), 14);
  expect(result.mean).toEqual([4.5, 10]);
  expect(result.explainedVariance[0]).toBeCloseTo((5 * 55) / 6, 12);
  expect(result.explainedVariance[1]).toBeCloseTo(0, 12);
  expect(result.explainedVarianceRatio[0]).toBeCloseTo(1, 14);
  // A row's first coordinate is its distance along the line from the mean: (t − 4.5) × √5.
  result.projected.forEach(([along, across], t) => {
    expect(along).toBeCloseTo((t - 4.5) * Math.sqrt(5), 12);
    expect(across).toBeCloseTo(0, 12);
  });
});

test('rank-deficient rows: the variance beyond the rank is a rounding error, never below 0', () => {
  // Rank 3 in 5 dimensions. The covariance's two zero eigenvalues come out of Jacobi as ±1e-16;
  // the negative ones are set to 0, as sklearn sets them (several of these seeds give some).
  for (let seed = 0; seed < 10; seed++) {
    const random = seededRandom(seed);
    const rows = Array.from({ length: 30 }, () => {
      const [a, b, c] = [random.normal(), random.normal(), random.normal()];
      return [a, b, a - b, 0.3 * c, c + a];
    });
    const { explainedVariance, explainedVarianceRatio } = pca(rows, 5);
    for (const variance of explainedVariance) expect(variance).toBeGreaterThanOrEqual(0);
    expect(explainedVariance[3]).toBeLessThan(1e-14);
    expect(explainedVarianceRatio.reduce((sum, r) => sum + r, 0)).toBeCloseTo(1, 14);
  }
});

test('never mutates its input', () => {
  const rows = Object.freeze([Object.freeze([1, 2, 0]), Object.freeze([3, 1, 1]), Object.freeze([0, 5, 2])]);
  const result = pca(rows);
  expect(rows).toEqual([
    [1, 2, 0],
    [3, 1, 1],
    [0, 5, 2],
  ]);
  expect(result.components).toHaveLength(2);
});

describe('size', () => {
  /** n rows of d values: two strong latent directions and small noise, from a seeded generator. */
  function embeddings(n: number, d: number, seed: number): number[][] {
    const random = seededRandom(seed);
    const loadings = Array.from({ length: 2 }, () => Array.from({ length: d }, () => random.normal()));
    return Array.from({ length: n }, () => {
      const a = random.normal(0, 3);
      const b = random.normal(0, 2);
      return Array.from({ length: d }, (_, j) => a * loadings[0]![j]! + b * loadings[1]![j]! + random.normal(0, 0.1));
    });
  }

  test('10,000 rows × 16 dimensions in well under a second', () => {
    const rows = embeddings(10_000, 16, 1);
    const start = performance.now();
    const result = pca(rows, 2);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(500);
    expect(result.projected).toHaveLength(10_000);
    // The two latent directions carry nearly all the variance.
    expect(result.explainedVarianceRatio[0]! + result.explainedVarianceRatio[1]!).toBeGreaterThan(0.99);
    // The components are orthonormal.
    const [u, v] = result.components;
    const dot = (x: number[], y: number[]) => x.reduce((sum, value, j) => sum + value * y[j]!, 0);
    expect(dot(u!, u!)).toBeCloseTo(1, 12);
    expect(dot(v!, v!)).toBeCloseTo(1, 12);
    expect(dot(u!, v!)).toBeCloseTo(0, 12);
  });

  test(`${PCA_MAX_DIMENSIONS} dimensions, every component: orthonormal, ratios summing to 1`, () => {
    const d = PCA_MAX_DIMENSIONS;
    const result = pca(embeddings(200, d, 2), d);
    const ratios = result.explainedVarianceRatio;
    expect(ratios.reduce((sum, r) => sum + r, 0)).toBeCloseTo(1, 12);
    for (let k = 1; k < d; k++) expect(ratios[k]).toBeLessThanOrEqual(ratios[k - 1]!);
    for (let p = 0; p < d; p++) {
      for (let q = p; q < d; q++) {
        const dot = result.components[p]!.reduce((sum, value, j) => sum + value * result.components[q]![j]!, 0);
        expect(Math.abs(dot - (p === q ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
  });
});

describe('refusals', () => {
  const ok = [
    [1, 2],
    [3, 5],
    [4, 4],
  ];
  test.each([
    ['no rows', [], 2, 'pca needs at least 2 rows, got 0'],
    ['one row', [[1, 2]], 1, 'pca needs at least 2 rows, got 1'],
    [
      'ragged rows',
      [
        [1, 2],
        [3, 4, 5],
      ],
      1,
      'pca: row 1 has 3 values, row 0 has 2',
    ],
    ['NaN', [[1, 2], [3, NaN], ...ok], 1, 'pca: row 1 value 1 is NaN, but every value must be a finite number'],
    ['Infinity', [[Infinity, 2], ...ok], 1, 'pca: row 0 value 0 is Infinity, but every value must be a finite number'],
    ['rows without values', [[], []], 1, 'pca: rows have no values'],
    ['more components than dimensions', ok, 3, "pca: components must be at most the rows' 2 dimensions, got 3"],
    [
      'more components than rows',
      [
        [1, 2, 3],
        [4, 5, 7],
      ],
      3,
      'pca: components must be at most the 2 rows, got 3',
    ],
    ['zero components', ok, 0, 'pca: components must be at least 1, got 0'],
    ['a fractional number of components', ok, 1.5, 'pca: components must be an integer, got 1.5'],
    [
      'identical rows',
      [
        [1, 2],
        [1, 2],
      ],
      1,
      'pca: every row is the same, so no direction has any variance',
    ],
  ] as const)('%s', (_, rows, components, message) => {
    expect(() => pca(rows as unknown as number[][], components)).toThrow(new RangeError(message));
  });

  test(`more than ${PCA_MAX_DIMENSIONS} dimensions`, () => {
    const rows = [Array.from({ length: 65 }, () => 0), Array.from({ length: 65 }, (_, j) => j)];
    expect(() => pca(rows)).toThrow(
      new RangeError(
        'pca: rows have 65 values, but pca takes at most 64 dimensions (its Jacobi eigen solver grows as d³); reduce the dimensions first',
      ),
    );
  });

  test('rows that are not arrays', () => {
    expect(() => pca([[1, 2], 'ab'] as unknown as number[][])).toThrow(
      new RangeError('pca: rows must be arrays of numbers; row 1 is not an array'),
    );
  });
});
