/**
 * seededRandom and portableLog (src/lib/random.ts) against the same algorithms written again in
 * Python (tests/reference/random_reference.json, written by tests/reference/make_random_reference.py,
 * which first checks its SplitMix64 and xoshiro128** against their published outputs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { portableLog, seededRandom } from '../../src/lib/random.ts';

interface Case {
  readonly seed: number;
  readonly uint32: number[];
  readonly next: number[];
  readonly normal: number[];
  readonly normal_3_2: number[];
  readonly int: { lo: number; hi: number; values: number[] }[];
  readonly shuffle_10: number[];
  readonly shuffle_10_again: number[];
}

interface Reference {
  readonly portable_log_worst_ulps: number;
  readonly cases: Case[];
  readonly portable_log: { x: number; log: number }[];
}

const reference = JSON.parse(readFileSync(new URL('../reference/random_reference.json', import.meta.url), 'utf8')) as Reference;

/** `count` draws of `draw`. */
function take<T>(count: number, draw: () => T): T[] {
  return Array.from({ length: count }, draw);
}

const range10 = Array.from({ length: 10 }, (_, i) => i);

test('the reference covers seed 1 and the edges of the seed range', () => {
  expect(reference.cases.map((c) => c.seed)).toEqual(expect.arrayContaining([1, 0, -1, 2 ** 53 - 1, -(2 ** 53 - 1)]));
});

describe.each(reference.cases.map((c) => [`seed ${c.seed}`, c] as const))('%s: the same values as the Python', (_, c) => {
  // toEqual compares numbers with Object.is: every value is the same float64.
  test('uint32', () => {
    const random = seededRandom(c.seed);
    expect(take(10, random.uint32)).toEqual(c.uint32);
  });
  test('next', () => {
    const random = seededRandom(c.seed);
    expect(take(10, random.next)).toEqual(c.next);
  });
  test('normal, bit for bit', () => {
    const random = seededRandom(c.seed);
    expect(take(10, () => random.normal())).toEqual(c.normal);
    // Then with a mean and sd, and a next() between two normals: the pair's spare is still used.
    const rest = [...take(5, () => random.normal(3, 2)), random.next(), random.normal(3, 2), random.normal(3, 2)];
    expect(rest).toEqual(c.normal_3_2);
  });
  test.each(c.int.map((r) => [`[${r.lo}, ${r.hi})`, r] as const))('int %s', (_, r) => {
    const random = seededRandom(c.seed);
    expect(take(10, () => random.int(r.lo, r.hi))).toEqual(r.values);
  });
  test('shuffle, twice from one generator', () => {
    const random = seededRandom(c.seed);
    expect(random.shuffle(range10)).toEqual(c.shuffle_10);
    expect(random.shuffle(range10)).toEqual(c.shuffle_10_again);
  });
});

test('int(0, 2^31 + 1) redraws outputs at or above 2^31 + 1 rather than folding them', () => {
  // Seed 0's first four outputs are all redrawn, so int starts with the fifth; folding them
  // (u % span) would start with the first.
  const c = reference.cases.find((x) => x.seed === 0)!;
  const wide = c.int.find((r) => r.hi === 2 ** 31 + 1)!;
  expect(c.uint32.slice(0, 4).every((u) => u >= 2 ** 31 + 1)).toBe(true);
  expect(wide.values[0]).toBe(c.uint32[4]);
});

describe('determinism', () => {
  test('two generators with the same seed agree, whatever is drawn', () => {
    const a = seededRandom(20260101);
    const b = seededRandom(20260101);
    for (let i = 0; i < 1000; i++) {
      expect([a.next(), a.normal(), a.int(-3, 1000), a.uint32()]).toEqual([b.next(), b.normal(), b.int(-3, 1000), b.uint32()]);
    }
  });
  test('neighbouring seeds, and a seed and its negation, give different sequences', () => {
    const first = (seed: number) => take(4, seededRandom(seed).uint32);
    const seeds = [0, 1, 2, 3, -1, -2, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];
    const sequences = new Set(seeds.map((seed) => first(seed).join(',')));
    expect(sequences.size).toBe(seeds.length);
  });
});

describe('distributions', () => {
  test('100,000 uniforms lie in [0, 1), with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const random = seededRandom(5);
    const values = take(100_000, random.next);
    expect(values.every((u) => u >= 0 && u < 1)).toBe(true);
    const mean = values.reduce((sum, u) => sum + u, 0) / values.length;
    const variance = values.reduce((sum, u) => sum + (u - mean) ** 2, 0) / values.length;
    // Standard errors: 0.29 / √n ≈ 0.0009 for the mean, 0.075 / √n ≈ 0.0003 for the variance; 5 of each.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.0015);
    // Ten equal bins, each within 5 standard errors (√(n · 0.1 · 0.9) ≈ 95) of 10,000.
    const counts = new Array<number>(10).fill(0);
    for (const u of values) counts[Math.floor(u * 10)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(475);
  });

  test('100,000 normals have mean ≈ 0, sd ≈ 1 and normal tails', () => {
    const random = seededRandom(6);
    const values = take(100_000, () => random.normal());
    const mean = values.reduce((sum, z) => sum + z, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, z) => sum + (z - mean) ** 2, 0) / (values.length - 1));
    // Standard errors 1 / √n ≈ 0.0032 for the mean and 1 / √(2n) ≈ 0.0022 for the sd; 5 of each.
    expect(Math.abs(mean)).toBeLessThan(0.016);
    expect(Math.abs(sd - 1)).toBeLessThan(0.011);
    // P(|Z| > 1) = 0.3173, P(|Z| > 2) = 0.0455: within 5 standard errors.
    const beyond = (k: number) => values.filter((z) => Math.abs(z) > k).length / values.length;
    expect(Math.abs(beyond(1) - 0.3173)).toBeLessThan(5 * Math.sqrt((0.3173 * 0.6827) / 1e5));
    expect(Math.abs(beyond(2) - 0.0455)).toBeLessThan(5 * Math.sqrt((0.0455 * 0.9545) / 1e5));
  });

  test('normal(mean, sd) is mean + sd × the standard normal from the same draws', () => {
    const a = seededRandom(8);
    const b = seededRandom(8);
    for (let i = 0; i < 100; i++) expect(a.normal(-4, 0.5)).toBe(-4 + 0.5 * b.normal());
    expect(seededRandom(8).normal(7, 0)).toBe(7);
  });

  test('int covers [lo, hi) evenly and never reaches hi', () => {
    const random = seededRandom(9);
    const counts = new Map<number, number>();
    for (let i = 0; i < 70_000; i++) {
      const k = random.int(-3, 4);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect(take(100, () => random.int(5, 6))).toEqual(new Array(100).fill(5));
  });

  test('shuffle returns a permutation and leaves its input as it was; pick draws from the items', () => {
    const random = seededRandom(10);
    const items = Object.freeze(['a', 'b', 'c', 'd', 'e']);
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort()).toEqual([...items]);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(random.shuffle([])).toEqual([]);
    // Every one of the 6 orders of 3 items turns up, about equally often.
    const orders = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const order = random.shuffle([1, 2, 3]).join('');
      orders.set(order, (orders.get(order) ?? 0) + 1);
    }
    expect(orders.size).toBe(6);
    for (const count of orders.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
    const picked = new Set(take(200, () => random.pick(items)));
    expect([...picked].sort()).toEqual([...items]);
  });
});

describe('portableLog', () => {
  test("the same float64s as the Python's, which mpmath puts within 1.5 ulp of log x", () => {
    expect(reference.portable_log_worst_ulps).toBeLessThanOrEqual(1.5);
    expect(reference.portable_log.map(({ x }) => portableLog(x))).toEqual(reference.portable_log.map(({ log }) => log));
  });

  test('within 2 ulp of Math.log from the subnormals to the largest float', () => {
    const random = seededRandom(11);
    const xs = [5e-324, 1e-310, 2 ** -1022, 0.5, 1, Math.SQRT2, 2, Number.MAX_VALUE];
    for (let i = 0; i < 20_000; i++) xs.push(random.next() || 1, Math.exp(1400 * (random.next() - 0.5)));
    const worst = Math.max(...xs.map((x) => Math.abs(portableLog(x) - Math.log(x)) / ulp(Math.log(x))));
    expect(worst).toBeLessThanOrEqual(2);
    expect(portableLog(1)).toBe(0);
  });

  test('refuses zero, negatives, Infinity and NaN', () => {
    for (const x of [0, -1, Infinity, NaN]) expect(() => portableLog(x)).toThrow(RangeError);
    expect(() => portableLog(0)).toThrow('portableLog: x must be a positive finite number, got 0');
  });
});

/** The spacing of float64s at x (for x ≠ 0). */
function ulp(x: number): number {
  const exponent = Math.floor(Math.log2(Math.abs(x)));
  return 2 ** Math.max(exponent - 52, -1074);
}

describe('refusals', () => {
  test.each([
    [Number.NaN, 'seededRandom: seed must be a finite number, got NaN'],
    [Infinity, 'seededRandom: seed must be a finite number, got Infinity'],
    [1.5, 'seededRandom: seed must be an integer between −(2^53 − 1) and 2^53 − 1, got 1.5'],
    [2 ** 53, 'seededRandom: seed must be an integer between −(2^53 − 1) and 2^53 − 1, got 9007199254740992'],
  ])('seed %s', (seed, message) => {
    expect(() => seededRandom(seed)).toThrow(new RangeError(message));
  });

  test('a seed that is not a number', () => {
    expect(() => seededRandom('1' as unknown as number)).toThrow(
      new RangeError('seededRandom: seed must be a finite number, got string "1"'),
    );
  });

  test('int with lo ≥ hi, a span over 2^32, or bounds that are not safe integers', () => {
    const random = seededRandom(1);
    expect(() => random.int(3, 3)).toThrow(new RangeError('seededRandom: int(lo, hi) needs lo < hi and hi − lo ≤ 2^32, got int(3, 3)'));
    expect(() => random.int(0, 2 ** 32 + 1)).toThrow(RangeError);
    expect(() => random.int(0, 2.5)).toThrow(new RangeError('seededRandom: int needs safe integers lo and hi, got 0 and 2.5'));
    expect(() => random.int(0, Infinity)).toThrow(RangeError);
  });

  test('normal with a negative or non-finite sd or mean; pick from nothing', () => {
    const random = seededRandom(1);
    expect(() => random.normal(0, -1)).toThrow(new RangeError("seededRandom: normal's sd must be a finite number of at least 0, got -1"));
    expect(() => random.normal(NaN)).toThrow(new RangeError("seededRandom: normal's mean must be a finite number, got NaN"));
    expect(() => random.pick([])).toThrow(new RangeError('seededRandom: pick needs at least one item'));
  });
});
