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

/**
 * An explorable figure, as `explorable()` makes it: the parameters and the function. Nothing is
 * computed when it is made, so the post's module costs the browser nothing when its code loads;
 * the build evaluates it (evaluateExplorable) where it knows the figure and the file to blame.
 */
export interface Explorable<P extends Parameters = Parameters, Spec = unknown> {
  readonly kind: 'explorable';
  readonly parameters: P;
  // A method, so that an explorable of some parameters is one of Parameters (its argument is checked both ways).
  figure(values: Values<P>): ExplorableOutput<Spec>;
}

/** An explorable figure at its defaults, as the build draws it. */
export interface EvaluatedExplorable<Spec = unknown> {
  readonly defaults: Readonly<Record<string, number>>;
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

/** What is wrong with the parameters as a whole, or undefined. */
function parametersProblem(parameters: unknown): string | undefined {
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) {
    return 'the parameters must be an object: { n: { min: 1, max: 30, step: 1, value: 6 } }';
  }
  const names = Object.keys(parameters);
  if (names.length === 0) return 'an explorable figure needs at least one parameter';
  for (const name of names) {
    const problem = parameterProblem(name, (parameters as Record<string, unknown>)[name]);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * An explorable figure: `figure` is called with a value for each parameter and returns what a
 * static figure takes ({ spec, printed? }). Pass it to <VegaChart spec={…}>, which draws it at
 * the defaults and gives the reader a control for each parameter.
 */
export function explorable<P extends Parameters, Spec>(
  parameters: P,
  figure: (values: Values<P>) => ExplorableOutput<Spec>,
): Explorable<P, Spec> {
  return { kind: 'explorable', parameters, figure };
}

/** Each parameter's default. */
export function defaultValues<P extends Parameters>(parameters: P): Values<P> {
  return Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, p.value])) as Values<P>;
}

/** Calls the figure's function at `values`, turning a throw or another shape than { spec, printed? } into a RangeError that names the state. */
export function runExplorable<Spec>(
  subject: Explorable<Parameters, Spec>,
  values: Readonly<Record<string, number>>,
): ExplorableOutput<Spec> {
  let output: ExplorableOutput<Spec>;
  try {
    output = subject.figure(values);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RangeError(`at ${formatState(values)} the function threw: ${message}`);
  }
  const problem = outputProblem(output);
  if (problem) throw new RangeError(`at ${formatState(values)} ${problem}`);
  return output;
}

/**
 * Checks the parameters and runs the function at the defaults, throwing a RangeError in an
 * author's words (naming the parameter, or the state the function failed at).
 */
export function evaluateExplorable<Spec>(subject: Explorable<Parameters, Spec>): EvaluatedExplorable<Spec> {
  const problem = parametersProblem(subject.parameters);
  if (problem) throw new RangeError(problem);
  if (typeof subject.figure !== 'function') throw new RangeError('explorable needs a function of the parameters as its second argument');
  const defaults = defaultValues(subject.parameters);
  return { defaults, atDefaults: runExplorable(subject, defaults) };
}

/**
 * What the live view may not see change between states: the spec less its data and its words.
 * The browser swaps the datasets into the running view (view.data) and rewrites the description;
 * it does not recompile the spec, so anything else that changed would be drawn stale.
 */
export function specStructure(spec: unknown): unknown {
  if (!spec || typeof spec !== 'object') return spec;
  const { datasets: _datasets, description: _description, ...rest } = spec as Record<string, unknown>;
  return rest;
}

/** The first place two JSON-like values differ, as a path ("encoding.x.scale.domain"), or undefined. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const here = path || '(the whole spec)';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return here;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (inner) return inner;
  }
  return undefined;
}

/** The states the build tries besides the defaults: each parameter at its min and its max, the others at their defaults. */
export function edgeStates(parameters: Parameters): Record<string, number>[] {
  const defaults = defaultValues(parameters);
  return Object.entries(parameters).flatMap(([name, p]) =>
    [p.min, p.max].filter((v) => v !== p.value).map((v) => ({ ...defaults, [name]: v })),
  );
}

/**
 * Runs the function at each parameter's ends and checks that only the data and the description
 * change from the defaults' spec (specStructure); throws a RangeError naming the state and what changed.
 */
export function checkEdgeStates(subject: Explorable, atDefaults: ExplorableOutput<unknown>): void {
  const expected = specStructure(atDefaults.spec);
  for (const state of edgeStates(subject.parameters)) {
    const output = runExplorable(subject, state);
    const changed = firstDifference(expected, specStructure(output.spec));
    if (changed) {
      throw new RangeError(
        `at ${formatState(state)} the spec differs from the defaults' in more than its data: ${changed} changes. The live view swaps the data and keeps the rest, so fix what depends on the parameters (a builder's xDomain, yDomain or labels, say)`,
      );
    }
  }
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

/** A value as its control shows it: with its step's decimals, and the typographic minus the axes print. */
export function formatValue(parameter: Parameter, value: number): string {
  const decimals = Math.min(20, Math.max(stepDecimals(parameter.step), stepDecimals(parameter.min)));
  return value.toFixed(decimals).replace(/^-/, '\u2212');
}

/** The most characters a parameter's value takes as shown, so its readout keeps one width while it moves. */
export function valueWidth(parameter: Parameter): number {
  return Math.max(...[parameter.min, parameter.max, parameter.value].map((v) => formatValue(parameter, v).length));
}

/** The control's label: the parameter's own, or its name. */
export function parameterLabel(name: string, parameter: Parameter): string {
  return parameter.label?.trim() || name;
}

/**
 * The controls' note, before they work and once they do: of about the same length, so the note
 * takes as many lines either way and nothing below it moves when the runtime arrives.
 */
export const CONTROLS_NEED_JAVASCRIPT = 'The controls need JavaScript; the figure shows their defaults.';
export const CONTROLS_LIVE = 'Move a control and the figure is recomputed in your browser.';
