/**
 * meanBand (src/lib/spread.ts) against numpy's mean, std (ddof 0), min and max over axis 0
 * (tests/reference/spread_reference.json, written by make_spread_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { meanBand } from '../../src/lib/spread.ts';

interface Case {
  runs: number[][];
  mean: number[];
  std: number[];
  min: number[];
  max: number[];
}
const { cases } = JSON.parse(readFileSync(new URL('../reference/spread_reference.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe.each(cases.map((c) => [`${c.runs.length} runs × ${c.runs[0]!.length} steps`, c] as const))('%s', (_, c) => {
  test("the mean is numpy's, bit for bit", () => {
    expect(meanBand(c.runs).mean).toEqual(c.mean);
  });
  test("±1σ and ±2σ are numpy's mean ± k × std", () => {
    const one = meanBand(c.runs, { kind: 'std' });
    const two = meanBand(c.runs, { kind: 'std', k: 2 });
    c.mean.forEach((mean, i) => {
      expect(one.upper[i]).toBeCloseTo(mean + c.std[i]!, 14);
      expect(one.lower[i]).toBeCloseTo(mean - c.std[i]!, 14);
      expect(two.upper[i]).toBeCloseTo(mean + 2 * c.std[i]!, 14);
    });
  });
  test("min–max is numpy's min and max", () => {
    const band = meanBand(c.runs, { kind: 'minmax' });
    expect(band.lower).toEqual(c.min);
    expect(band.upper).toEqual(c.max);
  });
});

test('refuses ragged runs, no runs, a non-finite value and k ≤ 0', () => {
  expect(() => meanBand([])).toThrow(/at least one run/);
  expect(() => meanBand([[1, 2], [1]])).toThrow(/run 1 has 1 steps, run 0 has 2/);
  expect(() => meanBand([[1, NaN]])).toThrow(/run 0 step 1/);
  expect(() => meanBand([[1, 2]], { kind: 'std', k: 0 })).toThrow(/k must be above 0/);
});

test('never mutates its input', () => {
  const runs = Object.freeze([Object.freeze([1, 2]), Object.freeze([3, 4])]);
  expect(meanBand(runs).mean).toEqual([2, 3]);
});
