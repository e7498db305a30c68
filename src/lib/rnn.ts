/**
 * A small Elman RNN with back-propagation through time (BPTT), to show the vanishing gradient on
 * a real model: how ‖∂L/∂h_t‖ shrinks with the distance T − t, for a sigmoid and a tanh network
 * started from the same weights, before and after training.
 *
 * The task is "remember the first input": x_1 is +1 or −1, x_2 … x_T are noise, and the target is
 * x_1, read from the last hidden state. With hidden size H,
 *
 *   h_0 = 0,  a_t = W_hh h_(t−1) + w_xh x_t + b_h,  h_t = f(a_t)  (f = sigmoid or tanh),
 *   ŷ = w_out · h_T + b_out,  L = ½ (ŷ − y)².
 *
 * Everything is drawn from one seededRandom (./random.ts), in the order the functions below
 * document, so that tests/reference/make_rnn_reference.py draws the very same numbers and computes
 * the same experiment in numpy. Pure: no Node imports, so it bundles for a browser too.
 */
import { seededRandom, type SeededRandom } from './random.ts';

/** The hidden unit's non-linearity. */
export type Activation = 'sigmoid' | 'tanh';

/** Everything that fixes one run of the experiment. */
export interface RnnExperiment {
  /** H, the number of hidden units. */
  readonly hidden: number;
  /** T, the length of every sequence. */
  readonly steps: number;
  /** How many sequences training goes through each epoch. */
  readonly trainSequences: number;
  /** How many sequences the mean ‖δ_t‖ is taken over. */
  readonly evalSequences: number;
  /** How many passes training makes over the training sequences. */
  readonly epochs: number;
  /** How many sequences each SGD step averages the gradient over (the last batch may be smaller). */
  readonly batchSize: number;
  /** The SGD step size. */
  readonly learningRate: number;
  /** The standard deviation of the noise inputs x_2 … x_T. */
  readonly noiseSd: number;
  /** The seed of the one generator that draws the weights and the sequences. */
  readonly seed: number;
}

/**
 * The experiment the vanishing-gradient figures use; tests/reference/make_rnn_reference.py runs
 * the same one. Its size makes training both models take a few seconds (about 3.5 s under Node 22
 * on a 2.8 GHz Xeon core): a data loader's cold run is meant to take a noticeable time.
 *
 * The short training (8 batches × 40 epochs = 320 SGD steps of 0.005, so lr × steps = 1.6) is
 * what keeps the TypeScript within 1e-9 of numpy after training. Once lr × steps reaches about 4
 * (whatever the learning rate, from 0.005 to 0.05), the tanh network suddenly learns to hold x_1:
 * its loss falls from about 0.48 to under 0.2 within an epoch or two, and later its gradient can
 * explode. Those jumps amplify the last-bit differences between the two sides (the order of
 * numpy's sums, glibc's exp and numpy's own tanh against V8's) to 1e-8 and beyond. Before them
 * training is tame, and the two agree to about 1e-15.
 */
export const VANISHING_EXPERIMENT: RnnExperiment = Object.freeze({
  hidden: 16,
  steps: 50,
  trainSequences: 256,
  evalSequences: 64,
  epochs: 40,
  batchSize: 32,
  learningRate: 0.005,
  noiseSd: 0.5,
  seed: 20240607,
});

/** The parameters of the network (and, with the same shapes, their gradients). */
export interface RnnWeights {
  /** H. */
  readonly hidden: number;
  /** W_hh, H × H, row-major: wHh[i · H + j] multiplies h_(t−1)[j] into a_t[i]. */
  readonly wHh: Float64Array;
  /** w_xh, H: the input's weight into each hidden unit. */
  readonly wXh: Float64Array;
  /** b_h, H. */
  readonly bH: Float64Array;
  /** w_out, H: the read-out from h_T. */
  readonly wOut: Float64Array;
  /** b_out, the read-out's bias. */
  bOut: number;
}

/** One training or evaluation example. */
export interface RnnSequence {
  /** x_1 … x_T (inputs[t − 1] is x_t). */
  readonly inputs: Float64Array;
  /** y, which is x_1. */
  readonly target: number;
}

/** What the forward pass keeps for the backward pass. */
export interface ForwardPass {
  readonly activation: Activation;
  readonly sequence: RnnSequence;
  /** h_0 … h_T, (T + 1) × H row-major: states[t · H + i] is h_t[i]; h_0 is 0. */
  readonly states: Float64Array;
  /** ŷ. */
  readonly output: number;
  /** L = ½ (ŷ − y)². */
  readonly loss: number;
}

/** What the backward pass gives besides the parameter gradients. */
export interface BackwardPass {
  /** δ_t = ∂L/∂h_t by distance k = T − t, T × H row-major: deltas[k · H + i] is δ_(T−k)[i]. */
  readonly deltas: Float64Array;
  /** ‖δ_(T−k)‖₂ for k = 0 … T − 1. */
  readonly deltaNorms: Float64Array;
}

/** The recorded result of the experiment for one activation. */
export interface GradientsThroughTime {
  readonly activation: Activation;
  /** The distances k = T − t, 0 … T − 1. */
  readonly distance: number[];
  /** The mean over the evaluation sequences of ‖δ_(T−k)‖₂, with the initial weights. */
  readonly normAtInit: number[];
  /** The same with the trained weights. */
  readonly normTrained: number[];
  /** The mean training loss of each epoch: the losses met during it, each before its batch's update. */
  readonly loss: number[];
}

/** All the sequences and the initial weights of an experiment, drawn from its one generator. */
export interface ExperimentData {
  readonly weights: RnnWeights;
  readonly train: RnnSequence[];
  readonly eval: RnnSequence[];
}

/** An all-zero set of parameters of hidden size `hidden` (also the start of a gradient sum). */
export function zeroWeights(hidden: number): RnnWeights {
  checkInteger('hidden', hidden);
  return {
    hidden,
    wHh: new Float64Array(hidden * hidden),
    wXh: new Float64Array(hidden),
    bH: new Float64Array(hidden),
    wOut: new Float64Array(hidden),
    bOut: 0,
  };
}

/** A copy of `weights` that shares no array with it. */
export function copyWeights(weights: RnnWeights): RnnWeights {
  return {
    hidden: weights.hidden,
    wHh: weights.wHh.slice(),
    wXh: weights.wXh.slice(),
    bH: weights.bH.slice(),
    wOut: weights.wOut.slice(),
    bOut: weights.bOut,
  };
}

/**
 * Initial weights drawn from `random`, in this order: W_hh row by row from normal(0, 1/√H), then
 * w_xh from normal(0, 1), then w_out from normal(0, 1/√H); b_h and b_out are 0. With W_hh's
 * entries of sd 1/√H its spectral radius is about 1, the textbook start: any shrinking of δ_t over
 * time then comes from the activation's derivative.
 */
export function initialWeights(hidden: number, random: SeededRandom): RnnWeights {
  const weights = zeroWeights(hidden);
  const scale = 1 / Math.sqrt(hidden);
  for (let i = 0; i < hidden * hidden; i++) weights.wHh[i] = random.normal(0, scale);
  for (let i = 0; i < hidden; i++) weights.wXh[i] = random.normal(0, 1);
  for (let i = 0; i < hidden; i++) weights.wOut[i] = random.normal(0, scale);
  return weights;
}

/**
 * One sequence drawn from `random`: its sign from int(0, 2) (0 gives −1, 1 gives +1), then
 * x_2 … x_T from normal(0, noiseSd).
 */
export function drawSequence(steps: number, noiseSd: number, random: SeededRandom): RnnSequence {
  checkInteger('steps', steps);
  const inputs = new Float64Array(steps);
  inputs[0] = random.int(0, 2) * 2 - 1;
  for (let t = 1; t < steps; t++) inputs[t] = random.normal(0, noiseSd);
  return { inputs, target: inputs[0]! };
}

/**
 * The experiment's initial weights, training sequences and evaluation sequences, drawn in that
 * order from one generator seeded with `experiment.seed`.
 */
export function experimentData(experiment: RnnExperiment): ExperimentData {
  checkExperiment(experiment);
  const random = seededRandom(experiment.seed);
  const weights = initialWeights(experiment.hidden, random);
  const draw = (count: number) => Array.from({ length: count }, () => drawSequence(experiment.steps, experiment.noiseSd, random));
  const train = draw(experiment.trainSequences);
  return { weights, train, eval: draw(experiment.evalSequences) };
}

/** f(a). */
function activate(activation: Activation, a: number): number {
  return activation === 'sigmoid' ? 1 / (1 + Math.exp(-a)) : Math.tanh(a);
}

/** f′(a) written with h = f(a), which the forward pass kept: h (1 − h) for the sigmoid, 1 − h² for tanh. */
function derivativeFromOutput(activation: Activation, h: number): number {
  return activation === 'sigmoid' ? h * (1 - h) : 1 - h * h;
}

/** Runs the network over `sequence`, keeping every hidden state for the backward pass. */
export function forward(weights: RnnWeights, activation: Activation, sequence: RnnSequence): ForwardPass {
  checkActivation('forward', activation);
  const { hidden: H, wHh, wXh, bH, wOut } = weights;
  const { inputs } = sequence;
  const steps = inputs.length;
  const states = new Float64Array((steps + 1) * H); // row 0 is h_0 = 0
  for (let t = 1; t <= steps; t++) {
    const x = inputs[t - 1]!;
    const previous = (t - 1) * H;
    const current = t * H;
    for (let i = 0; i < H; i++) {
      // a_t[i] = Σ_j W_hh[i, j] h_(t−1)[j] + w_xh[i] x_t + b_h[i], summed in that order.
      let a = 0;
      const row = i * H;
      for (let j = 0; j < H; j++) a += wHh[row + j]! * states[previous + j]!;
      a = a + wXh[i]! * x + bH[i]!;
      states[current + i] = activate(activation, a);
    }
  }
  const last = steps * H;
  let output = 0;
  for (let i = 0; i < H; i++) output += wOut[i]! * states[last + i]!;
  output += weights.bOut;
  const error = output - sequence.target;
  return { activation, sequence, states, output, loss: 0.5 * error * error };
}

/**
 * Back-propagation through time for one forward pass: ADDS ∂L/∂θ for every parameter θ into
 * `gradients` (so a batch's gradients sum up in one object; pass zeroWeights(H) for one sequence
 * alone), and returns δ_t = ∂L/∂h_t for t = T … 1 with their norms.
 *
 * With e = ŷ − y: δ_T = e w_out; then for t = T … 1, g_t = ∂L/∂a_t = δ_t ⊙ f′(a_t),
 * ∂L/∂W_hh += g_t h_(t−1)ᵀ, ∂L/∂w_xh += g_t x_t, ∂L/∂b_h += g_t, and δ_(t−1) = W_hhᵀ g_t.
 * ∂L/∂w_out = e h_T and ∂L/∂b_out = e.
 */
export function backward(weights: RnnWeights, pass: ForwardPass, gradients: RnnWeights): BackwardPass {
  const { hidden: H, wHh, wOut } = weights;
  if (gradients.hidden !== H) throw new RangeError(`backward: gradients of hidden size ${gradients.hidden} for weights of ${H}`);
  const { states, activation } = pass;
  const { inputs } = pass.sequence;
  const steps = inputs.length;
  const error = pass.output - pass.sequence.target;
  const deltas = new Float64Array(steps * H);
  const deltaNorms = new Float64Array(steps);
  const g = new Float64Array(H);

  // The gradient arrays in locals: the loops below run T × H² times per sequence.
  const gWhh = gradients.wHh;
  const gWxh = gradients.wXh;
  const gBh = gradients.bH;
  const gWout = gradients.wOut;

  const last = steps * H;
  for (let i = 0; i < H; i++) {
    gWout[i] = gWout[i]! + error * states[last + i]!;
    deltas[i] = error * wOut[i]!;
  }
  gradients.bOut += error;

  for (let t = steps; t >= 1; t--) {
    const k = steps - t;
    const delta = k * H; // δ_t's row in deltas
    const current = t * H;
    const previous = (t - 1) * H;
    const x = inputs[t - 1]!;
    let squares = 0;
    for (let i = 0; i < H; i++) {
      const d = deltas[delta + i]!;
      squares += d * d;
      g[i] = d * derivativeFromOutput(activation, states[current + i]!);
    }
    deltaNorms[k] = Math.sqrt(squares);
    for (let i = 0; i < H; i++) {
      const gi = g[i]!;
      const row = i * H;
      for (let j = 0; j < H; j++) gWhh[row + j] = gWhh[row + j]! + gi * states[previous + j]!;
      gWxh[i] = gWxh[i]! + gi * x;
      gBh[i] = gBh[i]! + gi;
    }
    if (t > 1) {
      // δ_(t−1)[j] = Σ_i W_hh[i, j] g_t[i]: W_hh's transpose, read down column j.
      const next = delta + H;
      for (let j = 0; j < H; j++) {
        let sum = 0;
        for (let i = 0; i < H; i++) sum += wHh[i * H + j]! * g[i]!;
        deltas[next + j] = sum;
      }
    }
  }
  return { deltas, deltaNorms };
}

/** The mean over `sequences` of ‖δ_(T−k)‖₂ for each distance k, summed in the sequences' order. */
export function meanDeltaNorms(weights: RnnWeights, activation: Activation, sequences: readonly RnnSequence[]): number[] {
  if (sequences.length === 0) throw new RangeError('meanDeltaNorms: needs at least one sequence');
  const steps = sequences[0]!.inputs.length;
  const sums = new Float64Array(steps);
  const scratch = zeroWeights(weights.hidden); // the parameter gradients, not needed here
  for (const sequence of sequences) {
    const { deltaNorms } = backward(weights, forward(weights, activation, sequence), scratch);
    for (let k = 0; k < steps; k++) sums[k] = sums[k]! + deltaNorms[k]!;
  }
  return Array.from(sums, (sum) => sum / sequences.length);
}

/**
 * Mini-batch SGD on `weights`, in place. Each epoch goes through `sequences` in their order, in
 * consecutive batches of `batchSize` (the last one smaller if need be); each batch's update is
 * θ ← θ − learningRate × (the sum of its gradients / its size). Returns each epoch's mean loss, the
 * losses met during it (each before its batch's update). Calls onEpoch(epoch, epochs) after each
 * epoch, epoch counting from 1.
 */
export function train(
  weights: RnnWeights,
  activation: Activation,
  sequences: readonly RnnSequence[],
  options: { readonly epochs: number; readonly batchSize: number; readonly learningRate: number },
  onEpoch?: (epoch: number, epochs: number) => void,
): number[] {
  const { epochs, batchSize, learningRate } = options;
  checkInteger('epochs', epochs);
  checkInteger('batchSize', batchSize);
  checkLearningRate(learningRate);
  if (sequences.length === 0) throw new RangeError('train: needs at least one sequence');
  const losses: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let total = 0;
    for (let start = 0; start < sequences.length; start += batchSize) {
      const batch = sequences.slice(start, start + batchSize);
      const sum = zeroWeights(weights.hidden);
      // Every pass of the batch is taken with the weights as they were before its update.
      for (const sequence of batch) {
        const pass = forward(weights, activation, sequence);
        total += pass.loss;
        backward(weights, pass, sum);
      }
      step(weights, sum, learningRate, batch.length);
    }
    losses.push(total / sequences.length);
    onEpoch?.(epoch, epochs);
  }
  return losses;
}

/** θ ← θ − learningRate × (gradientSum / count), for every parameter. */
function step(weights: RnnWeights, gradientSum: RnnWeights, learningRate: number, count: number): void {
  const update = (target: Float64Array, source: Float64Array) => {
    for (let i = 0; i < target.length; i++) target[i] = target[i]! - learningRate * (source[i]! / count);
  };
  update(weights.wHh, gradientSum.wHh);
  update(weights.wXh, gradientSum.wXh);
  update(weights.bH, gradientSum.bH);
  update(weights.wOut, gradientSum.wOut);
  weights.bOut = weights.bOut - learningRate * (gradientSum.bOut / count);
}

/**
 * Runs the experiment for one activation: draws its weights and sequences (experimentData), takes
 * the mean ‖δ_t‖ over the evaluation sequences at every distance, trains, and takes it again.
 * onEpoch(epoch, epochs) is called after every epoch, to report progress ("epoch 40/100").
 */
export function gradientsThroughTime(
  experiment: RnnExperiment,
  activation: Activation,
  onEpoch?: (epoch: number, epochs: number) => void,
): GradientsThroughTime {
  checkActivation('gradientsThroughTime', activation);
  const data = experimentData(experiment);
  const normAtInit = meanDeltaNorms(data.weights, activation, data.eval);
  const weights = copyWeights(data.weights);
  const loss = train(weights, activation, data.train, experiment, onEpoch);
  const normTrained = meanDeltaNorms(weights, activation, data.eval);
  const distance = Array.from({ length: experiment.steps }, (_, k) => k);
  return { activation, distance, normAtInit, normTrained, loss };
}

/** Throws a RangeError unless `value` is an integer of at least 1. */
function checkInteger(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`rnn: ${name} must be an integer of at least 1, got ${String(value)}`);
  }
}

/** Throws a RangeError naming the first field of `experiment` that is out of range. */
function checkExperiment(experiment: RnnExperiment): void {
  for (const name of ['hidden', 'steps', 'trainSequences', 'evalSequences', 'epochs', 'batchSize'] as const) {
    checkInteger(name, experiment[name]);
  }
  checkLearningRate(experiment.learningRate);
  const { noiseSd } = experiment;
  if (typeof noiseSd !== 'number' || !Number.isFinite(noiseSd) || noiseSd < 0) {
    throw new RangeError(`rnn: noiseSd must be a finite number of at least 0, got ${String(noiseSd)}`);
  }
  // seededRandom checks the seed itself.
}

/** Throws a RangeError unless `learningRate` is a finite number above 0. */
function checkLearningRate(learningRate: number): void {
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new RangeError(`rnn: learningRate must be a finite number above 0, got ${String(learningRate)}`);
  }
}

/** Throws a RangeError unless `activation` is one of the two the model knows. */
function checkActivation(caller: string, activation: Activation): void {
  if (activation !== 'sigmoid' && activation !== 'tanh') {
    throw new RangeError(`${caller}: activation must be 'sigmoid' or 'tanh', got ${String(activation)}`);
  }
}
