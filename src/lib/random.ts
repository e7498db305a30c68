/**
 * Seeded pseudo-random numbers for posts and data loaders: the same seed gives the same sequence
 * on every machine and every JavaScript engine. The generator is xoshiro128** 1.1 (Blackman &
 * Vigna, "Scrambled linear pseudorandom number generators", 2018): 128 bits of state, period
 * 2^128 − 1. Its state is filled from two outputs of SplitMix64 (Steele, Lea & Flood 2014) seeded
 * with the seed, as its authors recommend; SplitMix64 never gives two zero outputs in a row, so the
 * state is never all zero. Not for cryptography.
 *
 * Every value is made with integer operations and IEEE + − × ÷ and √, which JavaScript rounds the
 * same way everywhere. Math.log may differ in its last bit between engines, so normal() uses
 * portableLog below instead. tests/reference/make_random_reference.py computes the same values
 * in Python.
 */

/** A seeded generator; every method draws from the one shared sequence. */
export interface SeededRandom {
  /** The next 32-bit output of xoshiro128**, an integer in [0, 2^32). */
  uint32(): number;
  /** A float in [0, 1) with 53 random bits: ((a >>> 5) · 2^26 + (b >>> 6)) / 2^53 from two outputs, as MT19937's genrand_res53. */
  next(): number;
  /** A normal deviate, Marsaglia's polar method; each pair's second value is kept for the next call. */
  normal(mean?: number, sd?: number): number;
  /** An integer in [lo, hi) (hi excluded, like numpy's integers), without modulo bias; hi − lo ≤ 2^32. */
  int(lo: number, hi: number): number;
  /** A shuffled copy of `items` (Fisher–Yates, drawing int(0, i + 1) for i from the end); `items` is left as it was. */
  shuffle<T>(items: readonly T[]): T[];
  /** One of `items`, each equally likely (items[int(0, length)]); refuses an empty array. */
  pick<T>(items: readonly T[]): T;
}

const TWO_32 = 2 ** 32;
const MASK_64 = (1n << 64n) - 1n;

/** A generator seeded with `seed`, any safe integer (negative seeds are taken modulo 2^64). */
export function seededRandom(seed: number): SeededRandom {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    const shown = typeof seed === 'number' ? String(seed) : `${typeof seed} ${JSON.stringify(seed)}`;
    throw new RangeError(`seededRandom: seed must be a finite number, got ${shown}`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seededRandom: seed must be an integer between −(2^53 − 1) and 2^53 − 1, got ${seed}`);
  }

  // SplitMix64, in BigInt: only while seeding.
  let mix = BigInt.asUintN(64, BigInt(seed));
  const splitMix64 = (): bigint => {
    mix = (mix + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = mix;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  };
  const first = splitMix64();
  const second = splitMix64();
  // The state words as int32s, low half of each SplitMix64 output first.
  let s0 = Number(BigInt.asIntN(32, first));
  let s1 = Number(BigInt.asIntN(32, first >> 32n));
  let s2 = Number(BigInt.asIntN(32, second));
  let s3 = Number(BigInt.asIntN(32, second >> 32n));

  const uint32 = (): number => {
    const scrambled = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return scrambled >>> 0;
  };

  // 27 bits then 26 bits, exact in a float64; never 1.
  const next = (): number => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / 9007199254740992;

  let spare: number | undefined;
  const normal = (mean = 0, sd = 1): number => {
    if (typeof mean !== 'number' || !Number.isFinite(mean)) {
      throw new RangeError(`seededRandom: normal's mean must be a finite number, got ${String(mean)}`);
    }
    if (typeof sd !== 'number' || !Number.isFinite(sd) || sd < 0) {
      throw new RangeError(`seededRandom: normal's sd must be a finite number of at least 0, got ${String(sd)}`);
    }
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return mean + sd * z;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * portableLog(s)) / s);
      spare = v * factor;
      return mean + sd * (u * factor);
    }
  };

  const int = (lo: number, hi: number): number => {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      throw new RangeError(`seededRandom: int needs safe integers lo and hi, got ${String(lo)} and ${String(hi)}`);
    }
    const span = hi - lo;
    if (!(span >= 1 && span <= TWO_32)) {
      throw new RangeError(`seededRandom: int(lo, hi) needs lo < hi and hi − lo ≤ 2^32, got int(${lo}, ${hi})`);
    }
    if (span === TWO_32) return lo + uint32();
    // Outputs at or above the largest multiple of span below 2^32 would favour the low values.
    const limit = TWO_32 - (TWO_32 % span);
    let u = uint32();
    while (u >= limit) u = uint32();
    return lo + (u % span);
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i + 1);
      const item = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = item;
    }
    return copy;
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('seededRandom: pick needs at least one item');
    return items[int(0, items.length)]!;
  };

  return { uint32, next, normal, int, shuffle, pick };
}

/** x rotated left by k bits, as a 32-bit word. */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const bits = new DataView(new ArrayBuffer(8));
// ln 2 = LN2_HI + LN2_LO: the first 32 bits, so that e · LN2_HI is exact, and the float nearest the rest.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
// 1/3, 1/5, …, 1/25: the series of atanh, enough terms for |s| ≤ 3 − 2√2.
const ATANH_TERMS = Array.from({ length: 12 }, (_, k) => 1 / (2 * k + 3));

/**
 * The natural logarithm of a positive finite x by + − × ÷ alone, so it is the same float64 on
 * every engine (within 1.5 ulp of the true value; Math.log is engine-dependent).
 * x = m · 2^e with m in (√2/2, √2], f = m − 1, s = f / (2 + f); then
 * log m = 2 atanh s = f − s · (f − 2R) with R = s² / 3 + s⁴ / 5 + …, and log x = e · ln 2 + log m.
 */
export function portableLog(x: number): number {
  if (typeof x !== 'number' || !(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`portableLog: x must be a positive finite number, got ${String(x)}`);
  }
  let e = 0;
  if (x < 2 ** -1022) {
    // Subnormal: scale into the normal range first.
    x *= 2 ** 54;
    e = -54;
  }
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  e += ((high >>> 20) & 0x7ff) - 1023;
  bits.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = bits.getFloat64(0); // in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  let series = 0;
  for (let k = ATANH_TERMS.length - 1; k >= 0; k--) series = (series + ATANH_TERMS[k]!) * z;
  return e * LN2_HI + (f - s * (f - 2 * series) + e * LN2_LO);
}
