import { describe, expect, it } from 'vitest';
import { checkLoaderResult, resultModule, valueSource } from '~/lib/loaders/value.ts';

/** Evaluates a result module the way the build's importers do: as an ES module. */
async function importModule(source: string): Promise<unknown> {
  return ((await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown }).default;
}

describe('a loader result read back from its module', () => {
  it('keeps every number bit for bit, NaN, ±Infinity and −0 included', async () => {
    const numbers = [0, -0, 1 / 3, -1e-310, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2, NaN, Infinity, -Infinity, 0.1 + 0.2];
    const back = (await importModule(resultModule({ numbers }))) as { numbers: number[] };
    expect(back.numbers).toHaveLength(numbers.length);
    back.numbers.forEach((value, i) => expect(Object.is(value, numbers[i]), `${numbers[i]}`).toBe(true));
  });

  it('gives typed arrays back as the same kind, with the same values', async () => {
    const float32 = new Float32Array([Math.PI, -0, NaN]);
    const value = {
      f64: new Float64Array([1 / 7, -Infinity]),
      f32: float32,
      i32: new Int32Array([-5, 2 ** 31 - 1]),
      u8: new Uint8Array([0, 255]),
    };
    const back = (await importModule(resultModule(value))) as typeof value;
    expect(back.f64).toBeInstanceOf(Float64Array);
    expect(back.f32).toBeInstanceOf(Float32Array);
    expect([...back.f32].map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual([String(float32[0]), '-0', 'NaN']);
    expect(back.i32).toEqual(value.i32);
    expect(back.u8).toEqual(value.u8);
    expect(back.f64).toEqual(value.f64);
  });

  it('keeps strings, nesting and keys that JavaScript treats specially', async () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "s": "</script>\\u2028\\"q\\"", "nested": [[null, true, {"a b": []}]]}');
    const back = (await importModule(resultModule(value))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 's', 'nested']);
    expect(back).toEqual(value);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('checkLoaderResult', () => {
  const refused = (value: unknown) => {
    try {
      checkLoaderResult(value);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('accepts data', () => {
    expect(refused({ a: [1, 'x', null, false, { b: new Float64Array(2) }], c: NaN })).toBe('accepted');
    expect(refused(Object.assign(Object.create(null), { a: 1 }))).toBe('accepted');
  });

  it('refuses what would not survive the cache, by its path, with advice', () => {
    expect(refused({ runs: [{ loss: 1 }, { loss: undefined }] })).toBe(
      'result.runs[1].loss is undefined, which a loader cannot return (leave the key out, or use null)',
    );
    expect(refused({ when: new Date(0) })).toBe(
      'result.when is a Date, which a loader cannot return (return its ISO string, value.toISOString()): use plain objects and arrays',
    );
    expect(refused({ 'odd key': new Map() })).toContain('result["odd key"] is a Map');
    expect(refused({ f: () => 1 })).toBe('result.f is a function, which a loader cannot return');
    expect(refused({ big: 1n })).toContain('result.big is the BigInt 1n');
    expect(refused([1, , 3])).toBe('result[1] is a hole in the array: fill it, with null if nothing else');
    class Point {
      x = 1;
    }
    expect(refused({ p: new Point() })).toContain('result.p is a Point');
    expect(refused({ d: new DataView(new ArrayBuffer(2)) })).toContain('result.d is a DataView');
  });

  it('refuses shared and cyclic references', () => {
    const shared = { x: 1 };
    expect(refused({ a: shared, b: shared })).toContain('result.b is the same object as one met earlier');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(refused(cycle)).toContain('result.self is the same object');
  });

  it('writes the module with no statement but its export', () => {
    expect(resultModule([1, -0])).toBe('export default [1,-0];\n');
    expect(valueSource({ a: new Int8Array([-1]) })).toBe('{"a":new Int8Array([-1])}');
  });
});
