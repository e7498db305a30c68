/**
 * Explorable figures: a figure written as a function of named parameters, each with its range,
 * step and default. The build draws it at the defaults (what the post shows with JavaScript off);
 * the browser runs the same function, bundled from the post's own module, when the reader moves a
 * control. This module is pure and runs on both sides: the declaration, its checks, the values a
 * control may take, and the state a link's hash holds (`#cumulative-gradient:n=20,x=1`).
 */

/** One parameter: a number from `min` to `max` in steps of `step`, starting at `value`. */
export interface Parameter {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The default: what the build draws and the page shows before the reader moves anything. */
  readonly value: number;
  /** The control's label; the parameter's name by default. */
  readonly label?: string;
}

export type Parameters = Readonly<Record<string, Parameter>>;

/** A value for each parameter. */
export type Values<P extends Parameters> = { readonly [K in keyof P]: number };

/** What the function returns: what a static figure takes, a spec, and the printed text where the figure has one. */
export interface ExplorableOutput<Spec> {
  readonly spec: Spec;
  readonly printed?: string;
}

/** An explorable figure, as `explorable()` makes it: the parameters, the function, and its output at the defaults. */
export interface Explorable<P extends Parameters = Parameters, Spec = unknown> {
  readonly kind: 'explorable';
  readonly parameters: P;
  readonly figure: (values: Values<P>) => ExplorableOutput<Spec>;
  /** The defaults, and the function's output at them (computed once, by `explorable`). */
  readonly defaults: Values<P>;
  readonly atDefaults: ExplorableOutput<Spec>;
}

/** A JavaScript identifier of ASCII letters, digits, `_` and `$`: it names the parameter in the hash and in code. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** How close a range must be to a whole number of steps: floating-point steps such as 0.1 never divide exactly. */
const STEP_TOLERANCE = 1e-9;

/** The number of decimals a step has (0.1 → 1, 0.25 → 2, 5 → 0), so values print as the step writes them. */
export function stepDecimals(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/**
 * The value on the parameter's grid nearest `value`, held inside its range: min + k · step for a
 * whole k, rounded to the step's decimals so that 0.1 + 0.2 reads 0.3.
 */
export function snap(parameter: Parameter, value: number): number {
  const { min, max, step } = parameter;
  const k = Math.round((Math.min(max, Math.max(min, value)) - min) / step);
  const snapped = Math.min(max, min + k * step);
  const decimals = Math.max(stepDecimals(step), stepDecimals(min));
  return Number(snapped.toFixed(Math.min(decimals, 20)));
}

/** What is wrong with one parameter, in an author's words, or undefined. */
export function parameterProblem(name: string, parameter: unknown): string | undefined {
  if (!IDENTIFIER.test(name)) {
    return `the parameter name "${name}" is not an identifier: use letters, digits and _ (not starting with a digit), as in n or learning_rate`;
  }
  if (!parameter || typeof parameter !== 'object') return `parameter "${name}" must be { min, max, step, value }`;
  const { min, max, step, value, label } = parameter as Record<string, unknown>;
  for (const [key, number] of Object.entries({ min, max, step, value })) {
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      return `parameter "${name}" needs ${key} as a finite number, got ${JSON.stringify(number) ?? String(number)}`;
    }
  }
  const p = parameter as Parameter;
  if (label !== undefined && (typeof label !== 'string' || !label.trim())) return `parameter "${name}" has a label that is not text`;
  if (!(p.min < p.max)) return `parameter "${name}" runs from ${p.min} to ${p.max}: its min must be less than its max`;
  if (!(p.step > 0)) return `parameter "${name}" has step ${p.step}: a step must be more than 0`;
  const steps = (p.max - p.min) / p.step;
  if (Math.abs(steps - Math.round(steps)) > STEP_TOLERANCE * Math.max(1, steps)) {
    return `parameter "${name}": its step ${p.step} does not divide its range ${p.min} to ${p.max} (${steps.toFixed(3)} steps); choose a step that reaches max from min`;
  }
  if (p.value < p.min || p.value > p.max) return `parameter "${name}" has the default ${p.value}, outside its range ${p.min} to ${p.max}`;
  if (snap(p, p.value) !== p.value) {
    return `parameter "${name}" has the default ${p.value}, which its steps of ${p.step} from ${p.min} never reach (the nearest is ${snap(p, p.value)})`;
  }
  return undefined;
}

/** Checks every parameter, throwing a RangeError with the first problem. */
function checkParameters(parameters: unknown): asserts parameters is Parameters {
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw new RangeError('explorable needs its parameters as an object: { n: { min: 1, max: 30, step: 1, value: 6 } }');
  }
  const names = Object.keys(parameters);
  if (names.length === 0) throw new RangeError('explorable needs at least one parameter');
  for (const name of names) {
    const problem = parameterProblem(name, (parameters as Record<string, unknown>)[name]);
    if (problem) throw new RangeError(`explorable: ${problem}`);
  }
}

/**
 * An explorable figure: `figure` is called with a value for each parameter and returns what a
 * static figure takes ({ spec, printed? }). It is called here at the defaults, so a function that
 * throws or returns something else stops the build where the post's module is loaded.
 */
export function explorable<P extends Parameters, Spec>(
  parameters: P,
  figure: (values: Values<P>) => ExplorableOutput<Spec>,
): Explorable<P, Spec> {
  checkParameters(parameters);
  if (typeof figure !== 'function') throw new RangeError('explorable needs a function of the parameters as its second argument');
  const defaults = Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, p.value])) as Values<P>;
  let atDefaults: ExplorableOutput<Spec>;
  try {
    atDefaults = figure(defaults);
  } catch (error) {
    throw new RangeError(
      `explorable: the function threw at the defaults (${formatState(defaults)}): ${(error as Error).message ?? String(error)}`,
    );
  }
  const problem = outputProblem(atDefaults);
  if (problem) throw new RangeError(`explorable: at the defaults (${formatState(defaults)}), ${problem}`);
  return { kind: 'explorable', parameters, figure, defaults, atDefaults };
}

/** What is wrong with a function's output, or undefined: it must be { spec: an object, printed?: text }. */
export function outputProblem(output: unknown): string | undefined {
  if (!output || typeof output !== 'object')
    return `the function returned ${output === null ? 'null' : typeof output}, not { spec, printed? }`;
  const { spec, printed, ...rest } = output as Record<string, unknown>;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return 'the function returned no spec: return { spec: aBuilder(...) }';
  if (printed !== undefined && typeof printed !== 'string') return `its printed output is ${typeof printed}, not text`;
  const extra = Object.keys(rest);
  if (extra.length > 0) return `the function returned ${extra.map((key) => `"${key}"`).join(', ')} besides spec and printed`;
  return undefined;
}

/** Whether a value is an explorable figure (for components that take a spec or an explorable). */
export function isExplorable(value: unknown): value is Explorable {
  return !!value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'explorable';
}

/** A state as the hash writes it: `n=20,x=1`, in the parameters' order. */
export function formatState(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
}

/**
 * The state a link's hash holds for the figure `id` (`#<id>:n=20,x=1`), each value snapped to its
 * parameter's grid; the defaults for a parameter the hash does not give or gives badly. Undefined
 * when the hash is not about this figure.
 */
export function parseState<P extends Parameters>(hash: string, id: string, parameters: P): Values<P> | undefined {
  const text = decodeURIComponent(hash.replace(/^#/, ''));
  const prefix = `${id}:`;
  if (!text.startsWith(prefix)) return undefined;
  const given = new Map<string, string | undefined>(
    text
      .slice(prefix.length)
      .split(',')
      .map((pair): [string, string | undefined] => {
        const [name = '', value] = pair.split('=');
        return [name, value];
      }),
  );
  return Object.fromEntries(
    Object.entries(parameters).map(([name, parameter]) => {
      const raw = given.get(name);
      const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
      return [name, Number.isFinite(value) ? snap(parameter, value) : parameter.value];
    }),
  ) as Values<P>;
}
