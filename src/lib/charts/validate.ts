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

/** Describes the most specific schema error, for example "/layer/0/mark must be equal to one of the allowed values". */
function describe(errors: readonly ErrorObject[]): string {
  // With anyOf the deepest path is usually the one that names the real mistake.
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!deepest) return 'the spec does not match the schema';
  const where = deepest.instancePath || '(top level)';
  const allowed = deepest.params && 'allowedValues' in deepest.params ? `: ${JSON.stringify(deepest.params.allowedValues)}` : '';
  const extra = deepest.params && 'additionalProperty' in deepest.params ? ` "${String(deepest.params.additionalProperty)}"` : '';
  return `${where} ${deepest.message ?? 'is invalid'}${extra}${allowed}`;
}

/** Returns null for a valid Vega-Lite spec, else a one-line description of what is wrong. */
export function vegaLiteSchemaError(spec: unknown): string | null {
  const validate = schemaValidator();
  return validate(spec) ? null : describe(validate.errors ?? []);
}
