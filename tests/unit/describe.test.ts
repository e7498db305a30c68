/**
 * Chart descriptions written from the data (src/lib/charts/describe.ts): numbers formatted to
 * three significant digits without float noise, and a true sentence per series, checked on the
 * post's real figures and on synthetic rising, falling, peaked, flat and bumpy series.
 */
import { describe, expect, test } from 'vitest';
import { describeChart, describeSeries as describeWithNoBreakSpaces, formatNumber, seriesFacts } from '../../src/lib/charts/describe.ts';
import { linspace } from '../../src/lib/numeric.ts';
import { activations, decayingValues, gradients, steps, tangentPlotX, tangentPlotY, x } from '../support/seed-figures.ts';

const M = '\u2212'; // the minus sign the descriptions use

/** The sentence with its no-break spaces as plain ones, so the expectations below read easily. */
const describeSeries = (...args: Parameters<typeof describeWithNoBreakSpaces>) =>
  describeWithNoBreakSpaces(...args).replace(/\u00a0/g, ' ');

describe('formatNumber', () => {
  test.each([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [-10, `${M}10`],
    [0.25, '0.25'],
    [0.1 + 0.2, '0.3'],
    [4.5397868702434395e-5, '0.0000454'],
    [0.000244140625, '0.000244'],
    [0.24937655860349128, '0.249'],
    [0.10101010101010033, '0.101'],
    [123456, '123000'],
    [1.5e-7, '1.5e\u22127'],
    [-2.5e25, `${M}2.5e25`],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  test('never rounds up to a power of ten the value does not reach', () => {
    expect(formatNumber(0.9999546021312976)).toBe('0.99995');
    expect(formatNumber(9.9996)).toBe('9.9996');
    expect(formatNumber(-0.99999)).toBe(`${M}0.99999`);
    // Exact powers of ten, and values that round down, are left alone.
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(0.0012345)).toBe('0.00123');
  });

  test('takes another number of digits', () => {
    expect(formatNumber(Math.PI, 5)).toBe('3.1416');
    expect(formatNumber(Math.PI, 1)).toBe('3');
  });
});

describe("the post's figures", () => {
  test('figure 1, sigmoid: rises from its first value to its last', () => {
    expect(describeSeries({ name: 'Sigmoid', x, y: activations }, { xTitle: 'X' })).toBe(
      `Sigmoid rises from 0.0000454 at x = ${M}10 to 0.99995 at x = 10.`,
    );
  });

  test('figure 1, gradient: peaks where the grid has its maximum, and says where its tails fall under 0.0001', () => {
    // linspace(−10, 10, 100) has no x = 0: the largest gradient on the grid is at x = ±0.101.
    const facts = seriesFacts({ name: 'Gradient', x, y: gradients });
    expect(facts.shape).toBe('peak');
    expect(facts.maxAt.map((v) => v.toFixed(4))).toEqual(['-0.1010', '0.1010']);
    expect(facts.max).toBeLessThan(0.25);
    expect(describeSeries({ name: 'Gradient', x, y: gradients }, { xTitle: 'X' })).toBe(
      'Gradient peaks at 0.249 at x = ±0.101 and falls below 0.0001 beyond |x| = 9.2.',
    );
    // True to the data: every point beyond 9.2 is under the threshold, and the points just inside are over it.
    const outside = x.flatMap((xi, i) => (Math.abs(xi) > 9.3 ? [gradients[i]!] : []));
    const inside = x.flatMap((xi, i) => (Math.abs(xi) < 9.2 && Math.abs(xi) > 9 ? [gradients[i]!] : []));
    expect(Math.max(...outside)).toBeLessThan(1e-4);
    expect(Math.min(...inside)).toBeGreaterThan(1e-4);
  });

  test('figure 1, tangent: a straight line, with its slope', () => {
    expect(describeSeries({ name: 'Tangent', x: tangentPlotX, y: tangentPlotY }, { xTitle: 'X' })).toBe(
      `Tangent rises from 0 at x = ${M}2 to 1 at x = 2, in a straight line of slope 0.25.`,
    );
  });

  test('figure 2: falls by the same factor at every step', () => {
    expect(describeSeries({ name: 'Gradient', x: steps, y: decayingValues }, { xTitle: 'Step' })).toBe(
      'Gradient falls from 0.25 at step 1 to 0.000244 at step 6, a factor of 4 each step.',
    );
  });

  test('describeChart joins the sentences, one per series, in order', () => {
    const text = describeChart(
      [
        { name: 'Sigmoid', x, y: activations },
        { name: 'Gradient', x, y: gradients },
      ],
      { xTitle: 'X' },
    ).replace(/\u00a0/g, ' ');
    expect(text).toMatch(/^Sigmoid rises .*\. Gradient peaks .*\.$/);
  });
});

test('positions never break across lines: "x = −10", "|x| = 9.2" and "step 6" hold no-break spaces', () => {
  const figure1 = describeWithNoBreakSpaces({ name: 'Gradient', x, y: gradients }, { xTitle: 'X' });
  expect(figure1).toContain('at x\u00a0=\u00a0±0.101');
  expect(figure1).toContain('beyond |x|\u00a0=\u00a09.2.');
  const figure2 = describeWithNoBreakSpaces({ name: 'Gradient', x: steps, y: decayingValues }, { xTitle: 'Step' });
  expect(figure2).toContain('at step\u00a01 to');
});

describe('synthetic series', () => {
  const grid = linspace(0, 4, 5); // 0, 1, 2, 3, 4

  test('rising and falling, not straight nor geometric', () => {
    expect(describeSeries({ name: 'A', x: grid, y: [0, 1, 4, 9, 16] })).toBe('A rises from 0 at x = 0 to 16 at x = 4.');
    expect(describeSeries({ name: 'B', x: grid, y: [16, 9, 4, 1, 0] })).toBe('B falls from 16 at x = 0 to 0 at x = 4.');
  });

  test('a geometric rise says its factor; spacing other than 1 says the spacing', () => {
    expect(describeSeries({ name: 'Loss', x: [1, 2, 3, 4], y: [1, 2, 4, 8] }, { xTitle: 'Epoch' })).toBe(
      'Loss rises from 1 at epoch 1 to 8 at epoch 4, a factor of 2 each step.',
    );
    expect(describeSeries({ name: 'C', x: [0, 0.5, 1], y: [9, 3, 1] })).toBe(
      'C falls from 9 at x = 0 to 1 at x = 1, a factor of 3 every 0.5 in x.',
    );
  });

  test('a straight falling line gives a negative slope', () => {
    expect(describeSeries({ name: 'D', x: grid, y: grid.map((v) => 1 - 0.5 * v) })).toBe(
      `D falls from 1 at x = 0 to ${M}1 at x = 4, in a straight line of slope ${M}0.5.`,
    );
  });

  test('a flat series stays put', () => {
    expect(describeSeries({ name: 'E', x: grid, y: [2, 2, 2, 2, 2] })).toBe('E stays at 2 from x = 0 to x = 4.');
  });

  test('one point', () => {
    expect(describeSeries({ name: 'F', x: [3], y: [0.5] })).toBe('F is 0.5 at x = 3.');
  });

  test('a peak whose tails stay large: rises, peaks, falls', () => {
    expect(describeSeries({ name: 'G', x: grid, y: [1, 3, 5, 4, 2] })).toBe(
      'G rises from 1 at x = 0 to a peak of 5 at x = 2, then falls to 2 at x = 4.',
    );
  });

  test('a valley', () => {
    expect(describeSeries({ name: 'Only', x: [0, 1, 2], y: [1, 0, 1] })).toBe(
      'Only falls from 1 at x = 0 to a low of 0 at x = 1, then rises to 1 at x = 2.',
    );
  });

  test('a bump with tiny, lopsided tails says where it falls under the threshold on each side', () => {
    const xs = linspace(-4, 8, 13);
    const ys = xs.map((v) => Math.exp(-((v - 1) ** 2)));
    const text = describeSeries({ name: 'Bump', x: xs, y: ys });
    // Ends: exp(−25) at x = −4 and exp(−49) at x = 8, so the threshold is 1e−10, the power of ten above
    // exp(−25); the crossings are given to the grid's resolution (spacing 1), not more.
    expect(text).toBe(`Bump peaks at 1 at x = 1 and falls below 1e${M}10 before x = ${M}4 and after x = 6.`);
  });

  test('several peaks: the range, not a story', () => {
    expect(describeSeries({ name: 'H', x: grid, y: [0, 2, 1, 3, 0] })).toBe(
      'H goes up and down: lowest 0 at x = 0 and x = 4, highest 3 at x = 3.',
    );
  });

  test('x need not be in order; float noise next to real values counts as zero', () => {
    expect(describeSeries({ name: 'I', x: [2, 0, 1], y: [4, 1e-17, 1] })).toBe('I rises from 0 at x = 0 to 4 at x = 2.');
  });

  test('unequal lengths and non-finite values are errors', () => {
    expect(() => describeSeries({ name: 'J', x: [0, 1], y: [0] })).toThrow(RangeError);
    expect(() => describeSeries({ name: 'K', x: [0, 1], y: [0, Number.NaN] })).toThrow(RangeError);
    expect(() => describeSeries({ name: 'L', x: [], y: [] })).toThrow(RangeError);
  });
});
