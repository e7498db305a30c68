/**
 * Colours for classes and groups: an ordered categorical palette that keeps 3:1 on both site
 * themes and stays distinguishable for colour-blind readers, with the helpers that check it.
 */
import { lab, rgb } from 'd3-color';

/** The colour-vision deficiencies simulated, each at full severity (dichromacy). */
export type ColourBlindness = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** Three numbers: a colour's channels or coordinates, or a row of a 3 × 3 matrix. */
type Triple = readonly [number, number, number];

/** A CIELAB colour as [L*, a*, b*]. */
export type Lab = Triple;

/** WCAG 2.x SC 1.4.11: the contrast a graphical object needs against what is next to it. */
export const MIN_CONTRAST = 3;

/**
 * The least CIEDE2000 distance CATEGORICAL keeps between any two of its colours, in normal vision
 * and under each simulation. A ΔE00 of about 1 is just noticeable for large patches side by side;
 * chart marks are small (50 px² points, 2 px lines), and the difference needed grows as a mark
 * shrinks (Stone, Szafir & Setlur 2014, "An engineering model for color difference as a function of
 * size"); a class must also be matched to its legend entry at a glance, not side by side. Hence
 * about ten times the threshold for large patches.
 */
export const MIN_DELTA_E = 10;

// #region palette
/**
 * Eight colours for the classes of a scatter plot or the groups of a bar chart, in order of use.
 *
 * What it guarantees (tests/unit/palette.test.ts checks each):
 * - Every colour has a WCAG 2.x contrast of at least 3:1 on the light page's #ffffff and on the
 *   dark one's #0d1117 (least: 3.14 on white, from #ce7b6d; 3.02 on #0d1117, from #1d6c5c and
 *   #5c52b8). Both hold only for relative luminance 0.1165 ≤ L ≤ 0.300, about L* 41 to 62, so
 *   every colour is a mid tone and the palette varies in hue more than in lightness.
 * - In normal vision and under simulated protanopia, deuteranopia and tritanopia
 *   (simulateColourBlindness), every pair is at least MIN_DELTA_E apart in CIEDE2000 (deltaE).
 *   Measured least: normal 17.3, protanopia 11.9, deuteranopia 12.0, tritanopia 12.0.
 * - From the fourth on, each colour is the one left that is farthest from those before it, over
 *   the four visions, so a chart with few classes gets the most distinct ones. The least ΔE00
 *   among the first k is 15.4, 14.6, 13.7, 12.5, 12.0 and 11.9 for k = 3 to 8.
 *
 * How it was chosen: the first three are PLOT.colors (blue, red, tan) in that order, so a chart
 * with three groups looks like the line charts. The other five came from a search, run once (it is
 * not part of the build): sRGB colours on a grid of step 3 inside the luminance band with a
 * little margin (3.02:1), with CIELAB chroma 15 to 60 so that they are as muted as the house
 * colours and none is a grey; a max-min search over 4,000 of them for the set whose closest pair,
 * across the four visions, is farthest apart; a hill-climb of each colour in small sRGB steps;
 * and of the orders of the last five, the one whose prefixes' least distances are greatest,
 * k = 4 first. The house colours cost some distance: a trial search without them (and without the
 * chroma limit) found eight with a closest pair of about 16.6.
 */
export const CATEGORICAL: readonly string[] = Object.freeze([
  '#4687b7', // blue (PLOT.colors.blue)
  '#ce7b6d', // red (PLOT.colors.red)
  '#916424', // tan (PLOT.colors.tan)
  '#1d6c5c', // green
  '#5c52b8', // violet
  '#bb2b5c', // crimson
  '#a08b0e', // mustard
  '#876c86', // mauve
]);
// #endregion palette

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", IEEE TVCG 15(6), 1291-1298: their matrices for severity 1.0, applied to
 * linear RGB. Each row sums to 1, so greys stay grey.
 */
const MACHADO_2009: Readonly<Record<ColourBlindness, readonly [Triple, Triple, Triple]>> = Object.freeze({
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
});

/** An opaque colour's sRGB channels in 0..255, or an error naming what did not parse. */
function channels(colour: string): Triple {
  const c = rgb(colour);
  // d3's rgb() gives NaN channels for what it cannot parse, and keeps any alpha: contrast and
  // distance mean nothing for a translucent colour, whose look depends on what is under it.
  if (![c.r, c.g, c.b].every(Number.isFinite) || c.opacity !== 1) throw new Error(`"${colour}" is not an opaque CSS colour`);
  return [c.r, c.g, c.b];
}

/** An sRGB channel (0..255) as linear light (0..1). */
function toLinear(channel: number): number {
  const c = channel / 255;
  // IEC 61966-2-1's 0.04045; WCAG 2.x writes 0.03928, but no 8-bit value lies between the two.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light (0..1) as an sRGB channel (0..255), clipped to the gamut. */
function fromLinear(value: number): number {
  const v = Math.min(1, Math.max(0, value));
  return 255 * (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055);
}

/** An opaque colour's channels as linear light, each 0..1. */
function linearRgb(colour: string): Triple {
  const [r, g, b] = channels(colour);
  return [toLinear(r), toLinear(g), toLinear(b)];
}

/** The dot product of two triples. */
function dot(a: Triple, b: Triple): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** WCAG 2.x relative luminance of an opaque colour, 0 for black to 1 for white. */
export function relativeLuminance(colour: string): number {
  return dot([0.2126, 0.7152, 0.0722], linearRgb(colour));
}

/** WCAG 2.x contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A colour as a dichromat sees it (Machado et al. 2009, full severity), as a #rrggbb hex. */
export function simulateColourBlindness(colour: string, kind: ColourBlindness): string {
  const linear = linearRgb(colour);
  const [r, g, b] = MACHADO_2009[kind];
  // The matrices can send a saturated colour out of the sRGB gamut; it is clipped per channel
  // (fromLinear), as a screen would show it, and formatHex() rounds to 8 bits, as the SVG holds it.
  return rgb(fromLinear(dot(r, linear)), fromLinear(dot(g, linear)), fromLinear(dot(b, linear))).formatHex();
}

/** CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu & Dalal 2005), kL = kC = kH = 1. */
export function ciede2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const cMean7 = ((Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2) ** 7;
  // a* is stretched for near-neutral colours, where CIELAB's hue spacing is too tight.
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const [ap1, ap2] = [(1 + g) * a1, (1 + g) * a2];
  const [cp1, cp2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (b: number, ap: number) => (b === 0 && ap === 0 ? 0 : (((Math.atan2(b, ap) / rad) % 360) + 360) % 360);
  const [hp1, hp2] = [hue(b1, ap1), hue(b2, ap2)];
  const neutral = cp1 * cp2 === 0; // a grey has no hue: its hue difference is 0, its mean the other's
  let dhp = hp2 - hp1;
  if (dhp > 180) dhp -= 360;
  else if (dhp < -180) dhp += 360;
  if (neutral) dhp = 0;
  const dL = l2 - l1;
  const dC = cp2 - cp1;
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin((dhp / 2) * rad);
  const lMean = (l1 + l2) / 2;
  const cpMean = (cp1 + cp2) / 2;
  let hMean = hp1 + hp2;
  if (!neutral) hMean = Math.abs(hp1 - hp2) <= 180 ? hMean / 2 : hMean < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2;
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * rad) +
    0.24 * Math.cos(2 * hMean * rad) +
    0.32 * Math.cos((3 * hMean + 6) * rad) -
    0.2 * Math.cos((4 * hMean - 63) * rad);
  const sL = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sC = 1 + 0.045 * cpMean;
  const sH = 1 + 0.015 * cpMean * t;
  // The rotation term corrects the blue region (hue near 275°), where chroma and hue interact.
  const rC = 2 * Math.sqrt(cpMean ** 7 / (cpMean ** 7 + 25 ** 7));
  const rT = -Math.sin(2 * 30 * Math.exp(-(((hMean - 275) / 25) ** 2)) * rad) * rC;
  const [x, y, z] = [dL / sL, dC / sC, dH / sH];
  return Math.sqrt(x * x + y * y + z * z + rT * y * z);
}

/** An opaque colour in CIELAB, as d3-color computes it (D50, as CSS Color 4's lab()). */
export function toLab(colour: string): Lab {
  const [r, g, b] = channels(colour);
  const c = lab(rgb(r, g, b));
  return [c.l, c.a, c.b];
}

/** CIEDE2000 difference of two opaque CSS colours; about 1 is just noticeable on large patches. */
export function deltaE(a: string, b: string): number {
  return ciede2000(toLab(a), toLab(b));
}
