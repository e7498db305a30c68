/**
 * Checks at build time that the browser runtime can run a chart: every dataflow operator the
 * parsed Vega spec creates must be a transform the runtime registers.
 */
import type { Runtime } from 'vega';
import { RUNTIME_TRANSFORMS } from '../../client/runtime-transforms.ts';

/** Types vega-runtime handles itself, without a registered transform. */
const BUILT_IN = new Set(['operator']);

/** Every operator type in a parsed dataflow, subflows included, in lower case. */
export function operatorTypes(runtime: Runtime): Set<string> {
  const types = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const { type, $subflow } = node as { type?: unknown; $subflow?: { operators?: unknown } };
    if (typeof type === 'string' && 'id' in node) types.add(type.toLowerCase());
    if ($subflow) visit($subflow.operators);
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(runtime.operators);
  return types;
}

/** The operator types a parsed chart needs that the browser runtime does not bundle, sorted. */
export function missingRuntimeTransforms(runtime: Runtime, available: Readonly<Record<string, unknown>> = RUNTIME_TRANSFORMS): string[] {
  return [...operatorTypes(runtime)].filter((type) => !BUILT_IN.has(type) && !(type in available)).sort();
}
