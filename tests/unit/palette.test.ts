/**
 * The categorical palette in src/lib/charts/palette.ts: its contrast on both site themes and its
 * distances in normal vision and under simulated colour blindness; and its helpers, checked on
 * known values and on numpy's (tests/reference/palette_reference.json, written by
 * tests/reference/make_palette_reference.py).
 */
import { readFileSync } from 'node:fs';
import { rgb } from 'd3-color';
import { describe, expect, test } from 'vitest';
import {
  CATEGORICAL,
  MIN_CONTRAST,
  MIN_DELTA_E,
  ciede2000,
  contrastRatio,
  deltaE,
  relativeLuminance,
  simulateColourBlindness,
  type ColourBlindness,
  type Lab,
} from '../../src/lib/charts/palette.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';

interface Reference {
  readonly simulations: { colour: string; kind: ColourBlindness; rgb255: [number, number, number]; hex: string }[];
  readonly luminance: Record<string, number>;
  readonly contrast: { a: string; b: string; ratio: number }[];
}

const reference = JSON.parse(readFileSync(new URL('../reference/palette_reference.json', import.meta.url), 'utf8')) as Reference;

const KINDS: readonly ColourBlindness[] = ['protanopia', 'deuteranopia', 'tritanopia'];

/** Every `--background:` in the site's stylesheet, light theme and dark, lower-cased, once each. */
function pageBackgrounds(): string[] {
  const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
  return [...new Set([...css.matchAll(/--background:\s*([^;]+);/g)].map((m) => (m[1] ?? '').trim().toLowerCase()))];
}

/** The closest pair of `colours` by deltaE: its distance and the two colours. */
function closestPair(colours: readonly string[]): { distance: number; pair: string } {
  let best = { distance: Infinity, pair: '' };
  colours.forEach((a, i) =>
    colours.slice(i + 1).forEach((b) => {
      const distance = deltaE(a, b);
      if (distance < best.distance) best = { distance, pair: `${a} and ${b}` };
    }),
  );
  return best;
}

/** The palette in normal vision and under each simulation, by name. */
function visions(colours: readonly string[]): [string, string[]][] {
  return [
    ['normal vision', [...colours]],
    ...KINDS.map((kind): [string, string[]] => [kind, colours.map((c) => simulateColourBlindness(c, kind))]),
  ];
}

/** The least deltaE between any two of `colours` in any of the four visions. */
function leastDistance(colours: readonly string[]): number {
  return Math.min(...visions(colours).map(([, seen]) => closestPair(seen).distance));
}

describe('CATEGORICAL', () => {
  test('is eight distinct #rrggbb colours, frozen, starting with the line charts’ blue, red and tan', () => {
    expect(CATEGORICAL).toHaveLength(8);
    expect(Object.isFrozen(CATEGORICAL)).toBe(true);
    for (const colour of CATEGORICAL) expect(rgb(colour).formatHex(), colour).toBe(colour);
    expect(new Set(CATEGORICAL).size).toBe(8);
    expect(CATEGORICAL.slice(0, 3)).toEqual([PLOT.colors.blue, PLOT.colors.red, PLOT.colors.tan]);
  });

  test('every colour has 3:1 on each theme’s page background, as global.css sets it', () => {
    const backgrounds = pageBackgrounds();
    // The light theme and the dark one (a new theme's background is checked too).
    expect(backgrounds).toEqual(expect.arrayContaining(['#ffffff', '#0d1117']));
    for (const background of backgrounds)
      for (const colour of CATEGORICAL)
        expect(contrastRatio(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  test.each(['normal vision', ...KINDS])('every pair is at least MIN_DELTA_E apart in %s', (name) => {
    const seen = visions(CATEGORICAL).find(([n]) => n === name)?.[1] ?? [];
    const { distance, pair } = closestPair(seen);
    expect(distance, `closest pair in ${name}: ${pair}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  test('from the fourth on, each colour is the one left that is farthest from those before it', () => {
    // The first three are PLOT's, in PLOT's order; after them a chart with k classes gets the
    // k colours whose closest pair, over the four visions, is as far apart as the order allows.
    for (let k = 3; k < CATEGORICAL.length; k++) {
      const before = CATEGORICAL.slice(0, k);
      const chosen = leastDistance([...before, CATEGORICAL[k] ?? '']);
      for (const other of CATEGORICAL.slice(k + 1))
        expect(leastDistance([...before, other]), `${other} in place of ${CATEGORICAL[k]} at ${k}`).toBeLessThanOrEqual(chosen);
    }
  });
});

describe('contrastRatio', () => {
  test('known values: black on white is 21, a colour on itself 1, #767676 on white 4.54', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', 'black')).toBe(21);
    expect(contrastRatio('#4687b7', '#4687b7')).toBe(1);
    // The lightest grey with 4.5:1 on white, WCAG's classic example.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  test('matches numpy’s relative luminance and contrast', () => {
    for (const [colour, luminance] of Object.entries(reference.luminance))
      expect(relativeLuminance(colour), colour).toBeCloseTo(luminance, 12);
    for (const { a, b, ratio } of reference.contrast) expect(contrastRatio(a, b), `${a} on ${b}`).toBeCloseTo(ratio, 10);
  });

  test('refuses what is not an opaque colour', () => {
    expect(() => contrastRatio('not a colour', '#fff')).toThrow('"not a colour" is not an opaque CSS colour');
    expect(() => contrastRatio('rgb(0 0 0 / 0.5)', '#fff')).toThrow('is not an opaque CSS colour');
  });
});

describe('simulateColourBlindness', () => {
  test('greys stay grey, and black and white stay put', () => {
    for (const kind of KINDS)
      for (const grey of ['#000000', '#404040', '#808080', '#c0c0c0', '#ffffff'])
        expect(simulateColourBlindness(grey, kind), `${grey} ${kind}`).toBe(grey);
  });

  test('pure red under deuteranopia is a dark yellow, as numpy computes from the published matrix', () => {
    const expected = reference.simulations.find((s) => s.colour === '#ff0000' && s.kind === 'deuteranopia');
    expect(expected?.hex).toBe('#a39000');
    expect(simulateColourBlindness('#ff0000', 'deuteranopia')).toBe('#a39000');
  });

  test('matches numpy for primaries, a grey, Okabe & Ito colours and the palette, within rounding', () => {
    expect(reference.simulations.length).toBeGreaterThanOrEqual(14 * 3);
    for (const { colour, kind, rgb255 } of reference.simulations) {
      const got = rgb(simulateColourBlindness(colour, kind));
      // formatHex() rounds each channel, so it may be at most half a step from numpy's float.
      [got.r, got.g, got.b].forEach((channel, i) =>
        expect(Math.abs(channel - (rgb255[i] ?? NaN)), `${colour} ${kind} channel ${i}`).toBeLessThanOrEqual(0.5 + 1e-9),
      );
    }
  });
});

describe('deltaE', () => {
  // Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
  // supplementary test data, and mathematical observations": pairs from their test data, each
  // with its published ΔE00 to 4 decimals.
  const sharma: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, -1, 2], [50, 0, 0], 2.3669],
    [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  ];

  test.each(sharma)('Sharma et al.’s test pair %j and %j: %f', (a, b, expected) => {
    expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
    expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
  });

  test('is 0 for a colour and itself, and symmetric', () => {
    expect(deltaE('#4687b7', 'rgb(70, 135, 183)')).toBe(0);
    expect(deltaE('#ce7b6d', '#916424')).toBeCloseTo(deltaE('#916424', '#ce7b6d'), 12);
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 6);
  });
});
