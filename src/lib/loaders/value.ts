/**
 * What a data loader may return, and how its result becomes the module a post imports.
 *
 * A result is data: null, booleans, numbers, strings, arrays, plain objects and typed arrays,
 * nested as deep as the author likes. Numbers keep every bit, NaN, ±Infinity and −0 included, and
 * typed arrays come back as the same kind of typed array. Anything else (undefined, functions,
 * Dates, Maps, Sets, class instances, BigInts, symbols, shared or cyclic references) is refused
 * with the path to it, because it would not survive the cache or would mean something else when
 * read back.
 */

/** The typed arrays a result may hold, by constructor name. */
export const TYPED_ARRAYS = [
  'Float64Array',
  'Float32Array',
  'Int32Array',
  'Uint32Array',
  'Int16Array',
  'Uint16Array',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
] as const;

type TypedArrayName = (typeof TYPED_ARRAYS)[number];

/** A typed array the cache keeps (not DataView, not the BigInt arrays). */
function typedArrayName(value: object): TypedArrayName | undefined {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return undefined;
  const name = Object.prototype.toString.call(value).slice(8, -1);
  return (TYPED_ARRAYS as readonly string[]).includes(name) ? (name as TypedArrayName) : undefined;
}

/** `result.a[2]["odd key"]`: where in the result a value sits, as the author would write it. */
function pathTo(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** What kind of thing a refused value is, in words. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `the BigInt ${value}n`;
  if (typeof value === 'symbol') return 'a symbol';
  const name = (value as object).constructor?.name;
  return name ? `a ${name}` : 'an object with no prototype';
}

/** Advice for the values authors most often return by mistake. */
function advice(value: unknown): string {
  if (value === undefined) return ' (leave the key out, or use null)';
  if (value instanceof Date) return ' (return its ISO string, value.toISOString())';
  if (value instanceof Map) return ' (return Object.fromEntries(map), or an array of [key, value] pairs)';
  if (value instanceof Set) return ' (return [...set])';
  if (typeof value === 'bigint') return ' (return Number(value) or String(value))';
  return '';
}

/**
 * Checks that `value` is data a loader may return; throws a TypeError naming the first value that
 * is not, by its path from `root` (e.g. `result.runs[3].loss`).
 */
export function checkLoaderResult(value: unknown, root = 'result'): void {
  const seen = new Set<object>();
  const visit = (item: unknown, path: string): void => {
    if (item === null || typeof item === 'boolean' || typeof item === 'number' || typeof item === 'string') return;
    if (typeof item !== 'object') throw new TypeError(`${path} is ${describe(item)}, which a loader cannot return${advice(item)}`);
    if (seen.has(item))
      throw new TypeError(`${path} is the same object as one met earlier in the result: return a copy, or refer to it by an index`);
    seen.add(item);
    if (typedArrayName(item)) return;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        if (!(i in item)) throw new TypeError(`${pathTo(path, i)} is a hole in the array: fill it, with null if nothing else`);
        visit(item[i], pathTo(path, i));
      }
      return;
    }
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null)
      throw new TypeError(`${path} is ${describe(item)}, which a loader cannot return${advice(item)}: use plain objects and arrays`);
    if (Object.getOwnPropertySymbols(item).length > 0) throw new TypeError(`${path} has symbol keys, which a loader cannot return`);
    for (const [key, child] of Object.entries(item)) visit(child, pathTo(path, key));
  };
  visit(value, root);
}

/** A number as JavaScript source that reads back to the very same number. */
function numberSource(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  // The shortest decimal that rounds back to the same double (ECMA-262 Number::toString).
  return String(value);
}

/** `value` (already checked by checkLoaderResult) as a JavaScript expression that evaluates to an equal value. */
export function valueSource(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return numberSource(value);
  // JSON's escapes are JavaScript's; U+2028 and U+2029 are legal in JavaScript strings since ES2019.
  if (typeof value === 'string') return JSON.stringify(value);
  const typed = typedArrayName(value as object);
  if (typed) return `new ${typed}([${Array.from(value as ArrayLike<number>, numberSource).join(',')}])`;
  if (Array.isArray(value)) return `[${value.map(valueSource).join(',')}]`;
  const entries = Object.entries(value as object).map(([key, child]) => {
    // A literal "__proto__" key would set the object's prototype instead; a computed key makes a property.
    const name = key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key);
    return `${name}:${valueSource(child)}`;
  });
  return `{${entries.join(',')}}`;
}

/** The module a post imports in place of a loader: its result as the default export. */
export function resultModule(value: unknown): string {
  return `export default ${valueSource(value)};\n`;
}
