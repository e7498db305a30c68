import { describe, expect, test } from 'vitest';
import {
  checkEdgeStates,
  edgeStates,
  evaluateExplorable,
  explorable,
  firstDifference,
  formatState,
  isExplorable,
  parameterProblem,
  parseState,
  runExplorable,
  snap,
  stepDecimals,
} from '../../src/lib/explorable.ts';

const N = { min: 1, max: 30, step: 1, value: 6, label: 'Steps' } as const;
const X = { min: -10, max: 10, step: 0.1, value: 0 } as const;

describe('parameters', () => {
  test('the seed’s n and x are accepted', () => {
    expect(parameterProblem('n', N)).toBeUndefined();
    expect(parameterProblem('x', X)).toBeUndefined();
  });

  test('a default outside the range, a step that does not divide it, a name that is not an identifier are refused, saying why', () => {
    expect(parameterProblem('n', { ...N, value: 31 })).toBe('parameter "n" has the default 31, outside its range 1 to 30');
    expect(parameterProblem('n', { ...N, step: 7 })).toBe(
      'parameter "n": its step 7 does not divide its range 1 to 30 (4.143 steps); choose a step that reaches max from min',
    );
    expect(parameterProblem('x', { ...X, value: 0.05 })).toBe(
      'parameter "x" has the default 0.05, which its steps of 0.1 from -10 never reach (the nearest is 0.1)',
    );
    expect(parameterProblem('2n', N)).toMatch(/^the parameter name "2n" is not an identifier/);
    expect(parameterProblem('learning rate', N)).toMatch(/is not an identifier/);
    expect(parameterProblem('n', { ...N, min: 5, max: 5 })).toMatch(/its min must be less than its max/);
    expect(parameterProblem('n', { ...N, step: 0 })).toMatch(/a step must be more than 0/);
    expect(parameterProblem('n', { ...N, max: Infinity })).toBe('parameter "n" needs max as a finite number, got null');
    expect(parameterProblem('n', { min: 1, max: 2, step: 1 })).toBe('parameter "n" needs value as a finite number, got undefined');
  });

  test('a floating-point step that divides the range to rounding error is accepted', () => {
    expect(parameterProblem('lr', { min: 0, max: 0.3, step: 0.1, value: 0.2 })).toBeUndefined();
    expect(parameterProblem('p', { min: 0.05, max: 0.95, step: 0.05, value: 0.5 })).toBeUndefined();
  });
});

describe('snap', () => {
  test('takes a value to the nearest point of the grid, inside the range, written as the step writes it', () => {
    expect(snap(X, 0.1 + 0.2)).toBe(0.3);
    expect(snap(X, 2.04)).toBe(2);
    expect(snap(X, -10.7)).toBe(-10);
    expect(snap(X, 99)).toBe(10);
    expect(snap(N, 6.4)).toBe(6);
    expect(snap({ min: 0.5, max: 2.5, step: 1, value: 0.5 }, 2)).toBe(2.5);
  });

  test('stepDecimals reads a step’s decimals, exponent forms included', () => {
    expect([1, 0.1, 0.25, 1e-7, 2.5e-8].map(stepDecimals)).toEqual([0, 1, 2, 7, 9]);
  });
});

describe('explorable', () => {
  let calls = 0;
  const decay = explorable({ n: N, x: X }, ({ n, x }) => {
    calls += 1;
    return { spec: { n, x }, printed: `steps : ${n}\nx value : ${x}` };
  });

  test('computes nothing when made (the browser loads the module for its function alone)', () => {
    expect(calls).toBe(0);
    expect(isExplorable(decay)).toBe(true);
    expect(isExplorable({ spec: {} })).toBe(false);
  });

  test('the build runs the function at the defaults', () => {
    const evaluated = evaluateExplorable(decay);
    expect(evaluated.defaults).toEqual({ n: 6, x: 0 });
    expect(evaluated.atDefaults).toEqual({ spec: { n: 6, x: 0 }, printed: 'steps : 6\nx value : 0' });
    expect(runExplorable(decay, { n: 20, x: 3 }).printed).toBe('steps : 20\nx value : 3');
  });

  test('refuses bad parameters, and a function that throws or returns another shape at the defaults', () => {
    const evaluate = (parameters: unknown, figure: unknown) => () => evaluateExplorable(explorable(parameters as never, figure as never));
    expect(evaluate({ n: { ...N, value: 0 } }, () => ({ spec: {} }))).toThrow('parameter "n" has the default 0, outside its range 1 to 30');
    expect(evaluate({ 'learning-rate': N }, () => ({ spec: {} }))).toThrow('the parameter name "learning-rate" is not an identifier');
    expect(evaluate({}, () => ({ spec: {} }))).toThrow('at least one parameter');
    expect(
      evaluate({ n: N }, ({ n }: { n: number }) => {
        throw new Error(`no chart for ${n}`);
      }),
    ).toThrow('at n=6 the function threw: no chart for 6');
    expect(evaluate({ n: N }, () => 42)).toThrow('at n=6 the function returned number, not { spec, printed? }');
    expect(evaluate({ n: N }, () => ({ chart: {} }))).toThrow('the function returned no spec');
    expect(evaluate({ n: N }, () => ({ spec: {}, printed: 3 }))).toThrow('its printed output is number, not text');
    expect(evaluate({ n: N }, 'f')).toThrow('a function of the parameters');
  });
});

describe('what may change between states', () => {
  test('each parameter at its ends, the others at their defaults', () => {
    expect(edgeStates({ n: N, x: X })).toEqual([
      { n: 1, x: 0 },
      { n: 30, x: 0 },
      { n: 6, x: -10 },
      { n: 6, x: 10 },
    ]);
  });

  test('the data and the description may change; anything else is refused, naming the state and the place', () => {
    const spec = (n: number, domain: number[]) => ({
      description: `${n} steps`,
      datasets: { rows: [{ n }] },
      encoding: { x: { scale: { domain } } },
    });
    const steady = explorable({ n: N }, ({ n }) => ({ spec: spec(n, [0, 30]) }));
    expect(() => checkEdgeStates(steady, evaluateExplorable(steady).atDefaults)).not.toThrow();
    const drifting = explorable({ n: N }, ({ n }) => ({ spec: spec(n, [0, n]) }));
    expect(() => checkEdgeStates(drifting, evaluateExplorable(drifting).atDefaults)).toThrow(
      "at n=1 the spec differs from the defaults' in more than its data: encoding.x.scale.domain.1 changes",
    );
    expect(firstDifference({ a: [1, 2] }, { a: [1, 2] })).toBeUndefined();
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('a.1');
  });
});

describe('the state in the hash', () => {
  const parameters = { n: N, x: X };

  test('reads #id:n=20,x=1 for its own figure, snapped to the grid, the defaults for what is missing or bad', () => {
    expect(parseState('#cumulative-gradient:n=20,x=1', 'cumulative-gradient', parameters)).toEqual({ n: 20, x: 1 });
    expect(parseState('#cumulative-gradient:n=20.4', 'cumulative-gradient', parameters)).toEqual({ n: 20, x: 0 });
    expect(parseState('#cumulative-gradient:n=abc,x=99', 'cumulative-gradient', parameters)).toEqual({ n: 6, x: 10 });
    expect(parseState('#cumulative-gradient:n=,x=', 'cumulative-gradient', parameters)).toEqual({ n: 6, x: 0 });
    expect(parseState('#sigmoid-and-tangent:x=1', 'cumulative-gradient', parameters)).toBeUndefined();
    expect(parseState('', 'cumulative-gradient', parameters)).toBeUndefined();
  });

  test('writes a state in the parameters’ order, and reads it back', () => {
    const text = formatState({ n: 20, x: -2.5 });
    expect(text).toBe('n=20,x=-2.5');
    expect(parseState(`#fig:${text}`, 'fig', parameters)).toEqual({ n: 20, x: -2.5 });
  });
});
