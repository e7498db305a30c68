/**
 * Numpy-compatible array helpers. Each one reproduces numpy's arithmetic step for step, so the
 * values match numpy's to the last bit where the floating-point operations are the same.
 */

/** Throws a RangeError naming the argument unless `value` is a finite number. */
export function assertFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** Throws a RangeError naming the argument unless `value` is an integer of at least `min`. */
export function assertInteger(name: string, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RangeError(`${name} must be an integer, got ${String(value)}`);
  }
  if (value < min) {
    throw new RangeError(`${name} must be at least ${min}, got ${value}`);
  }
}

/**
 * `num` evenly spaced values over [start, stop], like `numpy.linspace(start, stop, num)`.
 * numpy computes `i * step + start` and then sets the last value to `stop` exactly; doing the
 * same (rather than `start + i * (stop - start) / (num - 1)`) is what makes the bits agree.
 */
export function linspace(start: number, stop: number, num: number): number[] {
  assertFinite('start', start);
  assertFinite('stop', stop);
  assertInteger('num', num, 1);
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const values = Array.from({ length: num }, (_, i) => i * step + start);
  values[num - 1] = stop;
  return values;
}

/** Integers from `start` up to but not including `stop`, like `numpy.arange(start, stop)`. */
export function arange(start: number, stop: number): number[] {
  assertInteger('start', start, Number.MIN_SAFE_INTEGER);
  assertInteger('stop', stop, Number.MIN_SAFE_INTEGER);
  const length = Math.max(0, stop - start);
  return Array.from({ length }, (_, i) => start + i);
}

/** Running product, like `numpy.cumprod`: element i is values[0] × … × values[i]. */
export function cumprod(values: readonly number[]): number[] {
  let product = 1;
  return values.map((value, i) => {
    assertFinite(`values[${i}]`, value);
    product = i === 0 ? value : product * value;
    return product;
  });
}

/** An array of `length` copies of `value`, like `numpy.full(length, value)`. */
export function full(length: number, value: number): number[] {
  assertInteger('length', length, 0);
  assertFinite('value', value);
  return Array.from({ length }, () => value);
}

/**
 * The largest of `values` (-Infinity for none; NaN if one is NaN, as Math.max), by a loop: `Math.max(...values)` passes every
 * value as an argument, and a series of a few hundred thousand points overflows the stack.
 */
export function maxOf(values: Iterable<number>): number {
  let largest = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return Number.NaN;
    if (value > largest) largest = value;
  }
  return largest;
}

/** The smallest of `values` (Infinity for none; NaN if one is NaN, as Math.min), by a loop, as maxOf. */
export function minOf(values: Iterable<number>): number {
  let smallest = Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return Number.NaN;
    if (value < smallest) smallest = value;
  }
  return smallest;
}
