/**
 * Checks at build time that the browser runtime can run a chart: every dataflow operator the
 * parsed Vega spec creates must be a transform the runtime registers, and its expressions must
 * call none of the functions the runtime leaves out.
 */
import type { Runtime } from 'vega';
import { OMITTED_EXPRESSION_FUNCTIONS, RUNTIME_TRANSFORMS } from './runtime-transforms.ts';

/** Types vega-runtime handles itself, without a registered transform. */
const BUILT_IN = new Set(['operator']);

/**
 * Where a parsed spec keeps inline data rows: never an operator nor code, and for a chart with a
 * few hundred points most of what there is to walk, so the walk skips it.
 */
const DATA_ROWS = '$ingest';

/** Calls `visit` on every object in a parsed spec (arrays walked through, data rows skipped). */
function eachObject(node: unknown, visit: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) eachObject(item, visit);
  } else if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    visit(object);
    for (const key in object) {
      const value = object[key];
      if (key !== DATA_ROWS && value !== null && typeof value === 'object') eachObject(value, visit);
    }
  }
}

/** Every operator type in a parsed dataflow, subflows included, in lower case. */
export function operatorTypes(runtime: Runtime): Set<string> {
  const types = new Set<string>();
  eachObject(runtime.operators, (object) => {
    if (typeof object.type === 'string' && 'id' in object) types.add(object.type.toLowerCase());
  });
  return types;
}

/** The operator types a parsed chart needs that the browser runtime does not bundle, sorted. */
export function missingRuntimeTransforms(runtime: Runtime, available: Readonly<Record<string, unknown>> = RUNTIME_TRANSFORMS): string[] {
  return [...operatorTypes(runtime)].filter((type) => !BUILT_IN.has(type) && !(type in available)).sort();
}

/**
 * The expression functions a parsed chart calls that the browser runtime leaves out, sorted.
 * Vega's code generator writes a call to one of them as `this.<name>(`, in the `code` of every
 * expression: signals, updates, encoders, event handlers and transform parameters alike.
 */
export function omittedFunctionCalls(runtime: Runtime, omitted: readonly string[] = OMITTED_EXPRESSION_FUNCTIONS): string[] {
  if (omitted.length === 0) return [];
  const call = new RegExp(`\\bthis\\.(${omitted.join('|')})\\(`, 'g');
  const found = new Set<string>();
  eachObject(runtime, (object) => {
    if (typeof object.code === 'string') for (const match of object.code.matchAll(call)) found.add(match[1]!);
  });
  return [...found].sort();
}

/** The text formats whose parsers the runtime leaves out (OMITTED_DATA_PARSERS). */
const TEXT_FORMATS = new Set(['csv', 'tsv', 'dsv', 'topojson']);

/**
 * The compiled spec's datasets that ask Vega to parse text (CSV, TSV, DSV or TopoJSON), as
 * "name (format)": the runtime cannot, and a chart's rows come from the post's TypeScript anyway.
 */
export function textDataFormats(vega: { data?: readonly { name: string; format?: { type?: unknown } }[] }): string[] {
  return (vega.data ?? []).flatMap((entry) => {
    const type = entry.format?.type;
    return typeof type === 'string' && TEXT_FORMATS.has(type) ? [`${entry.name} (${type})`] : [];
  });
}
