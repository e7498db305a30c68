"""Writes numpy's back-propagation through time of a small Elman RNN, and what training it does to
the gradients, to rnn_reference.json, for tests/unit/rnn.test.ts to compare with src/lib/rnn.ts.

Run from the repository root:  python3 tests/reference/make_rnn_reference.py
python is never run by the tests. json.dumps writes floats with repr(), which round-trips every
bit of a float64.

Written from the experiment's description in src/lib/rnn.ts, not by calling the TypeScript: numpy,
vectorised over the hidden units and over the sequences of a batch. The random draws come from the
generator of make_random_reference.py (imported); the script checks it against random_reference.json
before drawing anything, so both sides draw the very same numbers.

The experiment, "remember the first input": a sequence x_1 .. x_T with x_1 = +1 or -1 and noise
after it; the target is x_1, read from the last hidden state. With hidden size H,
    h_0 = 0,  a_t = W_hh h_(t-1) + w_xh x_t + b_h,  h_t = f(a_t)  (f = sigmoid or tanh),
    y_hat = w_out . h_T + b_out,  L = (y_hat - y)**2 / 2.
BPTT: e = y_hat - y, delta_T = dL/dh_T = e w_out; then for t = T .. 1, g_t = delta_t * f'(a_t)
(f' from h_t: h (1 - h) for the sigmoid, 1 - h**2 for tanh), dW_hh += g_t h_(t-1)^T,
dw_xh += g_t x_t, db_h += g_t, delta_(t-1) = W_hh^T g_t; dw_out = e h_T, db_out = e.

One generator seeded with the experiment's seed draws, in this order:
  1. the weights: W_hh row by row from normal(0, 1/sqrt(H)), then w_xh from normal(0, 1), then
     w_out from normal(0, 1/sqrt(H)); b_h and b_out are 0;
  2. the training sequences, then 3. the evaluation sequences; each sequence draws its sign with
     int(0, 2) (0 gives -1, 1 gives +1), then x_2 .. x_T from normal(0, noise_sd).
normal() keeps the second value of each pair for the next call, across sequences too.
Training is mini-batch SGD: every epoch goes through the training sequences in their drawn order,
in consecutive batches (the last one smaller if the batch size does not divide their number); each
batch's update is p -= lr * (sum of the batch's gradients / its size). An epoch's loss is the mean
of the training losses met during it, each computed before its batch's update. Both activations
start from the same weights and see the same data.

Recorded for each activation: the mean over the evaluation sequences of ||delta_t||_2 at each
distance k = T - t (k = 0 .. T-1), with the initial and with the trained weights, and the loss of
every epoch; and, for the first training sequence with the initial weights, its loss, its
||delta_t|| and every gradient, to check a single BPTT. The initial weights and that sequence are
written too: their draws must agree bit for bit.
"""
import json
import math
import pathlib
import sys

import numpy

# The experiment, as VANISHING_EXPERIMENT in src/lib/rnn.ts. Training is kept short (lr x SGD steps
# = 1.6): from about 4 on, the tanh network suddenly learns to hold x_1 and that jump amplifies the
# last-bit differences between numpy and the TypeScript beyond 1e-9 (see the comment there).
EXPERIMENT = {
    "hidden": 16,
    "steps": 50,
    "trainSequences": 256,
    "evalSequences": 64,
    "epochs": 40,
    "batchSize": 32,
    "learningRate": 0.005,
    "noiseSd": 0.5,
    "seed": 20240607,
}
ACTIVATIONS = ("sigmoid", "tanh")

# --- The generator: make_random_reference.py's own, imported. --------------------------------

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from make_random_reference import Generator, portable_log  # noqa: E402

# It must still give random_reference.json's values, bit for bit, before it draws anything here.
random_reference = json.loads(pathlib.Path(__file__).with_name("random_reference.json").read_text())
for case in random_reference["cases"]:
    g = Generator(case["seed"])
    assert [g.uint32() for _ in range(10)] == case["uint32"], case["seed"]
    g = Generator(case["seed"])
    assert [g.normal() for _ in range(10)] == case["normal"], case["seed"]
    assert [g.normal(3, 2) for _ in range(5)] + [g.next(), g.normal(3, 2), g.normal(3, 2)] == case["normal_3_2"]
    for entry in case["int"]:
        g = Generator(case["seed"])
        assert [g.int(entry["lo"], entry["hi"]) for _ in range(10)] == entry["values"]
assert all(portable_log(c["x"]) == c["log"] for c in random_reference["portable_log"])

# --- The draws. -------------------------------------------------------------------------------


def draw_weights(g, hidden):
    """W_hh row by row, then w_xh, then w_out; zero biases."""
    scale = 1 / math.sqrt(hidden)
    w_hh = numpy.array([g.normal(0, scale) for _ in range(hidden * hidden)]).reshape(hidden, hidden)
    w_xh = numpy.array([g.normal(0, 1) for _ in range(hidden)])
    w_out = numpy.array([g.normal(0, scale) for _ in range(hidden)])
    return {"w_hh": w_hh, "w_xh": w_xh, "b_h": numpy.zeros(hidden), "w_out": w_out, "b_out": 0.0}


def draw_sequences(g, count, steps, noise_sd):
    """`count` sequences as the rows of a (count, steps) array; the targets are the first column."""
    rows = []
    for _ in range(count):
        first = g.int(0, 2) * 2 - 1
        rows.append([float(first)] + [g.normal(0, noise_sd) for _ in range(steps - 1)])
    return numpy.array(rows)


# --- The model, over a batch of sequences at once. ------------------------------------------


def f(activation, a):
    return 1 / (1 + numpy.exp(-a)) if activation == "sigmoid" else numpy.tanh(a)


def f_prime_from_h(activation, h):
    return h * (1 - h) if activation == "sigmoid" else 1 - h * h


def forward(w, activation, x):
    """The hidden states, shape (T + 1, B, H) with states[0] = h_0 = 0, the outputs and the losses."""
    batch, steps = x.shape
    hidden = w["w_xh"].shape[0]
    states = numpy.zeros((steps + 1, batch, hidden))
    for t in range(1, steps + 1):
        a = states[t - 1] @ w["w_hh"].T + x[:, t - 1, None] * w["w_xh"] + w["b_h"]
        states[t] = f(activation, a)
    output = states[steps] @ w["w_out"] + w["b_out"]
    loss = 0.5 * (output - x[:, 0]) ** 2
    return states, output, loss


def backward(w, activation, x, states, output):
    """The gradients summed over the batch, and ||delta_t|| for each sequence, shape (B, T), by distance T - t."""
    batch, steps = x.shape
    error = output - x[:, 0]  # dL/dy_hat, one per sequence
    grads = {
        "w_hh": numpy.zeros_like(w["w_hh"]),
        "w_xh": numpy.zeros_like(w["w_xh"]),
        "b_h": numpy.zeros_like(w["b_h"]),
        "w_out": error @ states[steps],
        "b_out": float(error.sum()),
    }
    norms = numpy.zeros((batch, steps))
    delta = error[:, None] * w["w_out"]  # dL/dh_T
    for t in range(steps, 0, -1):
        norms[:, steps - t] = numpy.sqrt((delta * delta).sum(axis=1))
        g = delta * f_prime_from_h(activation, states[t])  # dL/da_t
        grads["w_hh"] += g.T @ states[t - 1]
        grads["w_xh"] += g.T @ x[:, t - 1]
        grads["b_h"] += g.sum(axis=0)
        delta = g @ w["w_hh"]  # dL/dh_(t-1) = W_hh^T g, row by row
    return grads, norms


def mean_delta_norms(w, activation, x):
    states, output, _ = forward(w, activation, x)
    _, norms = backward(w, activation, x, states, output)
    return norms.mean(axis=0)


def train(w, activation, x, epochs, batch_size, lr):
    w = {k: (v.copy() if isinstance(v, numpy.ndarray) else v) for k, v in w.items()}
    losses = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, x.shape[0], batch_size):
            batch = x[start : start + batch_size]
            states, output, loss = forward(w, activation, batch)
            grads, _ = backward(w, activation, batch, states, output)
            total += loss.sum()
            size = batch.shape[0]
            for k in w:
                w[k] = w[k] - lr * (grads[k] / size)
        losses.append(total / x.shape[0])
    return w, losses


# --- The experiment. ---------------------------------------------------------------------------

E = EXPERIMENT
g = Generator(E["seed"])
weights = draw_weights(g, E["hidden"])
train_x = draw_sequences(g, E["trainSequences"], E["steps"], E["noiseSd"])
eval_x = draw_sequences(g, E["evalSequences"], E["steps"], E["noiseSd"])

results = {}
for activation in ACTIVATIONS:
    trained, losses = train(weights, activation, train_x, E["epochs"], E["batchSize"], E["learningRate"])
    one = train_x[:1]
    states, output, loss = forward(weights, activation, one)
    grads, norms = backward(weights, activation, one, states, output)
    results[activation] = {
        "normAtInit": mean_delta_norms(weights, activation, eval_x).tolist(),
        "normTrained": mean_delta_norms(trained, activation, eval_x).tolist(),
        "loss": [float(v) for v in losses],
        "single": {
            "output": float(output[0]),
            "loss": float(loss[0]),
            "deltaNorms": norms[0].tolist(),
            "gradients": {
                "wHh": grads["w_hh"].ravel().tolist(),
                "wXh": grads["w_xh"].tolist(),
                "bH": grads["b_h"].tolist(),
                "wOut": grads["w_out"].tolist(),
                "bOut": grads["b_out"],
            },
        },
    }

reference = {
    "python_version": sys.version.split()[0],
    "numpy_version": numpy.__version__,
    "experiment": EXPERIMENT,
    "initialWeights": {
        "wHh": weights["w_hh"].ravel().tolist(),
        "wXh": weights["w_xh"].tolist(),
        "wOut": weights["w_out"].tolist(),
    },
    "firstTrainSequence": train_x[0].tolist(),
    "lastEvalSequence": eval_x[-1].tolist(),
    "activations": results,
}

# The summary printed at the end, before the lists below become placeholders.
summary = []
for activation in ACTIVATIONS:
    r = results[activation]
    init, trained = r["normAtInit"], r["normTrained"]
    summary.append(
        f"{activation}: loss {r['loss'][0]:.4f} -> {r['loss'][-1]:.4f}; mean ||delta|| at distance 0, 10, 25, 49: "
        f"init {init[0]:.3g} {init[10]:.3g} {init[25]:.3g} {init[49]:.3g}, "
        f"trained {trained[0]:.3g} {trained[10]:.3g} {trained[25]:.3g} {trained[49]:.3g}"
    )

# One line per list, so a diff of this file shows which list changed.
rows = {}


def one_line(values):
    key = f"@@{len(rows)}@@"
    rows[key] = json.dumps(values)
    return key


def lists_on_one_line(node):
    for key, value in node.items():
        if isinstance(value, list):
            node[key] = one_line(value)
        elif isinstance(value, dict):
            lists_on_one_line(value)


lists_on_one_line(reference)
text = json.dumps(reference, indent=1)
for key, value in rows.items():
    text = text.replace(f'"{key}"', value)

out = pathlib.Path(__file__).with_name("rnn_reference.json")
out.write_text(text + "\n")
print(f"wrote {out} with numpy {numpy.__version__}\n" + "\n".join(summary))
