/**
 * The Elman RNN and its back-propagation through time (src/lib/rnn.ts) against numpy's
 * (tests/reference/rnn_reference.json, written by tests/reference/make_rnn_reference.py from the
 * same seeded draws), and against finite differences on a tiny model, which prove the gradient
 * right without numpy.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  backward,
  copyWeights,
  drawSequence,
  experimentData,
  forward,
  gradientsThroughTime,
  initialWeights,
  meanDeltaNorms,
  train,
  VANISHING_EXPERIMENT,
  zeroWeights,
  type Activation,
  type GradientsThroughTime,
  type RnnExperiment,
  type RnnWeights,
} from '../../src/lib/rnn.ts';
import { seededRandom } from '../../src/lib/random.ts';

interface ReferenceGradients {
  readonly wHh: number[];
  readonly wXh: number[];
  readonly bH: number[];
  readonly wOut: number[];
  readonly bOut: number;
}

interface ReferenceActivation {
  readonly normAtInit: number[];
  readonly normTrained: number[];
  readonly loss: number[];
  /** One BPTT: the first training sequence with the initial weights. */
  readonly single: { output: number; loss: number; deltaNorms: number[]; gradients: ReferenceGradients };
}

interface Reference {
  readonly experiment: RnnExperiment;
  readonly initialWeights: { wHh: number[]; wXh: number[]; wOut: number[] };
  readonly firstTrainSequence: number[];
  readonly lastEvalSequence: number[];
  readonly activations: Record<Activation, ReferenceActivation>;
}

const reference = JSON.parse(readFileSync(new URL('../reference/rnn_reference.json', import.meta.url), 'utf8')) as Reference;

const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh'];
/** Every number computed from the weights must be within this of numpy's, relative to numpy's. */
const RELATIVE = 1e-9;

/**
 * |actual − expected| ≤ 1e-9 × |expected| element by element (for an expected exact zero, which
 * has no relative scale, |actual| ≤ 1e-300), naming the first indices that are off.
 */
function expectClose(name: string, actual: ArrayLike<number>, expected: readonly number[]): void {
  expect(actual, name).toHaveLength(expected.length);
  const failures: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = e === 0 ? Math.abs(a) <= 1e-300 : Math.abs(a - e) <= RELATIVE * Math.abs(e);
    if (!ok) failures.push(`[${i}] got ${a}, numpy ${e}`);
  }
  const shown = failures.slice(0, 5).join('; ') + (failures.length > 5 ? `; … ${failures.length - 5} more` : '');
  expect(failures, `${name} differs from numpy by more than ${RELATIVE} relative: ${shown}`).toEqual([]);
}

test('VANISHING_EXPERIMENT is the experiment numpy ran', () => {
  expect({ ...VANISHING_EXPERIMENT }).toEqual(reference.experiment);
});

describe('the draws', () => {
  const data = experimentData(VANISHING_EXPERIMENT);

  test('the initial weights are numpy’s, bit for bit, with zero biases', () => {
    // toEqual compares numbers with Object.is: every value is the same float64.
    expect(Array.from(data.weights.wHh)).toEqual(reference.initialWeights.wHh);
    expect(Array.from(data.weights.wXh)).toEqual(reference.initialWeights.wXh);
    expect(Array.from(data.weights.wOut)).toEqual(reference.initialWeights.wOut);
    expect(Array.from(data.weights.bH)).toEqual(new Array(VANISHING_EXPERIMENT.hidden).fill(0));
    expect(data.weights.bOut).toBe(0);
  });

  test('the first training and the last evaluation sequence are numpy’s, bit for bit', () => {
    expect(data.train).toHaveLength(VANISHING_EXPERIMENT.trainSequences);
    expect(data.eval).toHaveLength(VANISHING_EXPERIMENT.evalSequences);
    expect(Array.from(data.train[0]!.inputs)).toEqual(reference.firstTrainSequence);
    expect(Array.from(data.eval.at(-1)!.inputs)).toEqual(reference.lastEvalSequence);
  });

  test('every sequence starts with ±1, its target, and both signs turn up', () => {
    for (const sequence of [...data.train, ...data.eval]) {
      expect(Math.abs(sequence.inputs[0]!)).toBe(1);
      expect(sequence.target).toBe(sequence.inputs[0]);
    }
    const signs = new Set(data.train.map((s) => s.target));
    expect([...signs].sort()).toEqual([-1, 1]);
  });
});

describe.each(ACTIVATIONS)('%s: one BPTT, the first training sequence with the initial weights', (activation) => {
  const expected = reference.activations[activation].single;
  const { weights, train } = experimentData(VANISHING_EXPERIMENT);
  const pass = forward(weights, activation, train[0]!);
  const gradients = zeroWeights(weights.hidden);
  const { deltas, deltaNorms } = backward(weights, pass, gradients);

  test('output and loss', () => {
    expectClose('output', [pass.output], [expected.output]);
    expectClose('loss', [pass.loss], [expected.loss]);
  });

  test('‖δ_t‖ at every distance, and δ_T = (ŷ − y) w_out', () => {
    expectClose('deltaNorms', deltaNorms, expected.deltaNorms);
    const error = pass.output - pass.sequence.target;
    expect(Array.from(deltas.subarray(0, weights.hidden))).toEqual(Array.from(weights.wOut, (w) => error * w));
  });

  test('the gradient of every parameter', () => {
    expectClose('∂L/∂W_hh', gradients.wHh, expected.gradients.wHh);
    expectClose('∂L/∂w_xh', gradients.wXh, expected.gradients.wXh);
    expectClose('∂L/∂b_h', gradients.bH, expected.gradients.bH);
    expectClose('∂L/∂w_out', gradients.wOut, expected.gradients.wOut);
    expectClose('∂L/∂b_out', [gradients.bOut], [expected.gradients.bOut]);
  });

  test('backward adds into the gradients it is given', () => {
    const twice = zeroWeights(weights.hidden);
    backward(weights, pass, twice);
    backward(weights, pass, twice);
    // Not bit for bit: the second pass adds its terms one by one onto the first pass's sums.
    for (const name of ['wHh', 'wXh', 'bH', 'wOut'] as const) {
      const scale = Math.max(...Array.from(gradients[name], Math.abs));
      twice[name].forEach((g, i) => expect(Math.abs(g - 2 * gradients[name][i]!)).toBeLessThanOrEqual(1e-13 * scale));
    }
    expect(twice.bOut).toBe(gradients.bOut + gradients.bOut);
  });
});

/** gradientsThroughTime of VANISHING_EXPERIMENT for each activation, run once (≈ 2 s each) and shared. */
const experiments = new Map<Activation, { result: GradientsThroughTime; progress: [number, number][] }>();
function experiment(activation: Activation) {
  let run = experiments.get(activation);
  if (!run) {
    const progress: [number, number][] = [];
    const result = gradientsThroughTime(VANISHING_EXPERIMENT, activation, (epoch, epochs) => progress.push([epoch, epochs]));
    run = { result, progress };
    experiments.set(activation, run);
  }
  return run;
}

describe.each(ACTIVATIONS)('%s: the experiment against numpy', (activation) => {
  let result: GradientsThroughTime;
  let progress: [number, number][];
  beforeAll(() => {
    ({ result, progress } = experiment(activation));
  });

  test('mean ‖δ_t‖ by distance, at initialisation and after training', () => {
    expect(result.activation).toBe(activation);
    expect(result.distance).toEqual(Array.from({ length: VANISHING_EXPERIMENT.steps }, (_, k) => k));
    expectClose('normAtInit', result.normAtInit, reference.activations[activation].normAtInit);
    expectClose('normTrained', result.normTrained, reference.activations[activation].normTrained);
  });

  test('the training loss of every epoch', () => {
    expectClose('loss', result.loss, reference.activations[activation].loss);
  });

  test('onEpoch hears of every epoch, in order', () => {
    const { epochs } = VANISHING_EXPERIMENT;
    expect(progress).toEqual(Array.from({ length: epochs }, (_, i) => [i + 1, epochs]));
  });
});

describe('the physics: the gradient vanishes with distance', () => {
  const init = (activation: Activation) => experiment(activation).result.normAtInit;
  const trained = (activation: Activation) => experiment(activation).result.normTrained;
  test.each([
    ['at initialisation', init],
    ['after training', trained],
  ])('%s: the sigmoid’s mean ‖δ‖ at distance 49 is under 1e-6 of that at distance 0; tanh’s decays more slowly', (_, norms) => {
    const sigmoid = norms('sigmoid');
    const tanh = norms('tanh');
    expect(sigmoid[49]! / sigmoid[0]!).toBeLessThan(1e-6);
    for (let k = 1; k < sigmoid.length; k++) {
      expect(tanh[k]! / tanh[0]!, `distance ${k}`).toBeGreaterThan(sigmoid[k]! / sigmoid[0]!);
    }
  });

  test('meanDeltaNorms of the initial weights is normAtInit, and leaves the weights as they were', () => {
    const { weights, eval: sequences } = experimentData(VANISHING_EXPERIMENT);
    const before = copyWeights(weights);
    expect(meanDeltaNorms(weights, 'sigmoid', sequences)).toEqual(init('sigmoid'));
    expect(weights).toEqual(before);
  });
});

describe('finite differences on a tiny model (H = 3, T = 5)', () => {
  /** Random weights with non-zero biases, so that every parameter's gradient is exercised. */
  function tinyWeights(): RnnWeights {
    const random = seededRandom(31);
    const weights = initialWeights(3, random);
    for (let i = 0; i < 3; i++) weights.bH[i] = random.normal(0, 0.5);
    weights.bOut = random.normal(0, 0.5);
    return weights;
  }
  const sequence = drawSequence(5, 1, seededRandom(32));
  const STEP = 1e-6;
  /** Central difference: truncation ≈ STEP² and rounding ≈ 1e-16 / STEP, both far under this. */
  const within = (numeric: number, analytic: number) => Math.abs(numeric - analytic) <= 1e-7 + 1e-6 * Math.abs(analytic);

  describe.each(ACTIVATIONS)('%s', (activation) => {
    const weights = tinyWeights();
    const gradients = zeroWeights(3);
    const pass = forward(weights, activation, sequence);
    const { deltas } = backward(weights, pass, gradients);
    const loss = (w: RnnWeights, s = sequence) => forward(w, activation, s).loss;

    test.each(['wHh', 'wXh', 'bH', 'wOut'] as const)('∂L/∂%s, every entry', (name) => {
      const analytic = gradients[name];
      expect(analytic.some((g) => Math.abs(g) > 1e-3)).toBe(true);
      for (let i = 0; i < analytic.length; i++) {
        const up = copyWeights(weights);
        const down = copyWeights(weights);
        up[name][i] = up[name][i]! + STEP;
        down[name][i] = down[name][i]! - STEP;
        const numeric = (loss(up) - loss(down)) / (2 * STEP);
        expect(within(numeric, analytic[i]!), `${name}[${i}]: finite difference ${numeric}, BPTT ${analytic[i]}`).toBe(true);
      }
    });

    test('∂L/∂b_out', () => {
      const up = copyWeights(weights);
      const down = copyWeights(weights);
      up.bOut += STEP;
      down.bOut -= STEP;
      const numeric = (loss(up) - loss(down)) / (2 * STEP);
      expect(within(numeric, gradients.bOut), `finite difference ${numeric}, BPTT ${gradients.bOut}`).toBe(true);
    });

    test('δ_t at every step, through ∂L/∂x_t = Σ_i w_xh[i] f′(a_t)[i] δ_t[i]', () => {
      const H = 3;
      const T = sequence.inputs.length;
      for (let t = 1; t <= T; t++) {
        let analytic = 0;
        for (let i = 0; i < H; i++) {
          const h = pass.states[t * H + i]!;
          const slope = activation === 'sigmoid' ? h * (1 - h) : 1 - h * h;
          analytic += weights.wXh[i]! * slope * deltas[(T - t) * H + i]!;
        }
        // Moving x_1 moves the target too (y = x_1), so the target is held where it was.
        const shifted = (by: number) => {
          const inputs = sequence.inputs.slice();
          inputs[t - 1] = inputs[t - 1]! + by;
          return { inputs, target: sequence.target };
        };
        const numeric = (loss(weights, shifted(STEP)) - loss(weights, shifted(-STEP))) / (2 * STEP);
        expect(within(numeric, analytic), `t = ${t}: finite difference ${numeric}, from δ_t ${analytic}`).toBe(true);
      }
    });
  });
});

describe('refusals', () => {
  test.each([
    [{ hidden: 0 }, 'rnn: hidden must be an integer of at least 1, got 0'],
    [{ steps: 2.5 }, 'rnn: steps must be an integer of at least 1, got 2.5'],
    [{ batchSize: Number.NaN }, 'rnn: batchSize must be an integer of at least 1, got NaN'],
    [{ learningRate: 0 }, 'rnn: learningRate must be a finite number above 0, got 0'],
    [{ noiseSd: -1 }, 'rnn: noiseSd must be a finite number of at least 0, got -1'],
  ])('an experiment with %o', (change, message) => {
    expect(() => gradientsThroughTime({ ...VANISHING_EXPERIMENT, ...change }, 'tanh')).toThrow(new RangeError(message));
  });

  test('an unknown activation', () => {
    expect(() => gradientsThroughTime(VANISHING_EXPERIMENT, 'relu' as Activation)).toThrow(
      new RangeError("gradientsThroughTime: activation must be 'sigmoid' or 'tanh', got relu"),
    );
  });

  test('an unknown activation in forward, and training on no sequences', () => {
    const weights = zeroWeights(2);
    const sequence = drawSequence(3, 1, seededRandom(1));
    expect(() => forward(weights, 'relu' as Activation, sequence)).toThrow(
      new RangeError("forward: activation must be 'sigmoid' or 'tanh', got relu"),
    );
    expect(() => train(weights, 'tanh', [], { epochs: 1, batchSize: 1, learningRate: 0.1 })).toThrow(
      new RangeError('train: needs at least one sequence'),
    );
  });

  test('gradients of another size than the weights', () => {
    const weights = zeroWeights(3);
    const pass = forward(weights, 'tanh', drawSequence(4, 1, seededRandom(1)));
    expect(() => backward(weights, pass, zeroWeights(4))).toThrow(new RangeError('backward: gradients of hidden size 4 for weights of 3'));
  });
});
