/**
 * Checks a Vega-Lite spec against the JSON schema that vega-lite ships, before compiling it, so an
 * unknown mark or channel is reported as such rather than as a confusing compile error.
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json') as object;
    // The schema uses keywords and unions that Ajv's strict mode rejects; it is still a valid draft-07 schema.
    const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/** The value at a JSON pointer such as "/layer/0/mark". */
function valueAt(spec: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), spec);
}

/**
 * Describes the schema error an author can act on, at the deepest path that failed: a value
 * outside a fixed set (with the set), else an unknown property by name, else the error itself.
 */
function describe(errors: readonly ErrorObject[], spec: unknown): string {
  // With anyOf, the deepest path is usually the one that names the real mistake.
  const deepestPath = errors.reduce((path, e) => (e.instancePath.length > path.length ? e.instancePath : path), '');
  const atPath = errors.filter((e) => e.instancePath === deepestPath);
  if (atPath.length === 0) return 'the spec does not match the schema';
  const where = deepestPath || '(top level)';
  const allowed = atPath.flatMap((e) =>
    'allowedValues' in e.params ? (e.params.allowedValues as unknown[]) : 'allowedValue' in e.params ? [e.params.allowedValue] : [],
  );
  if (allowed.length > 0) {
    const choices = [...new Set(allowed.map((value) => JSON.stringify(value)))].join(', ');
    return `${where} is ${JSON.stringify(valueAt(spec, deepestPath))}, which is not one of ${choices}`;
  }
  const unknownProperty = atPath.find((e) => 'additionalProperty' in e.params) ?? errors.find((e) => 'additionalProperty' in e.params);
  if (unknownProperty) {
    return `${unknownProperty.instancePath || '(top level)'} has an unknown property "${String(unknownProperty.params.additionalProperty)}"`;
  }
  return `${where} ${atPath[0]!.message ?? 'is invalid'}`;
}

/** Returns null for a valid Vega-Lite spec, else a one-line description of what is wrong. */
export function vegaLiteSchemaError(spec: unknown): string | null {
  const validate = schemaValidator();
  return validate(spec) ? null : describe(validate.errors ?? [], spec);
}
