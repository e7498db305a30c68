"""Writes numpy's values for the first post's figures (and the activations later posts use,
such as tanh and ReLU) to numpy_reference.json.

Run from the repository root:  python3 tests/reference/make_reference.py
The tests compare our TypeScript helpers with this file; python is never run by the tests.
Floats are written with repr(), which round-trips every bit of a float64.
"""
import json
import pathlib

import numpy


def sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def gradient(x):
    return (x) * (1 - x)


STOP, STEPS = 10, 100
x = numpy.linspace(-STOP, STOP, STEPS)
activations = sigmoid(x)
gradients = gradient(activations)

tangent_x = 0
tangent_y = sigmoid(tangent_x)
span = 2
gradient_tangent = gradient(sigmoid(tangent_x))
tangent_plot_x = numpy.linspace(tangent_x - span, tangent_x + span, STEPS)
tangent_plot_y = tangent_y + gradient_tangent * (tangent_plot_x - tangent_x)

n = 6
decay_gradient = gradient(sigmoid(0))
steps = numpy.arange(1, n + 1)
decaying_values = (numpy.ones(len(steps)) * decay_gradient).cumprod()

# Extra linspace cases: odd bounds, a single point, a reversed interval.
linspace_cases = [
    {"start": start, "stop": stop, "num": num, "values": numpy.linspace(start, stop, num).tolist()}
    for start, stop, num in [(0.1, 0.7, 7), (-3.3, 17.9, 51), (5, 5, 3), (2.5, -1.25, 11), (1, 9, 1), (0, 1, 2)]
]

# Extra cases for the other helpers: arange with empty and negative ranges, cumprod with signs,
# zeros and an empty input, full with length 0, and sigmoid far into both tails.
arange_cases = [
    {"start": start, "stop": stop, "values": numpy.arange(start, stop).tolist()}
    for start, stop in [(1, 7), (-3, 2), (5, 5), (4, 1), (0, 1)]
]
cumprod_cases = [
    {"values": values, "cumprod": numpy.cumprod(numpy.array(values, dtype=float)).tolist()}
    for values in [[2.0, -0.5, 3.0, 1e-3, 7.25], [0.1] * 20, [1.5, 0.0, 4.0], [-2.0], []]
]
full_cases = [
    {"length": length, "value": value, "values": numpy.full(length, value, dtype=float).tolist()}
    for length, value in [(4, 0.25), (0, 1.5), (1, -3.75)]
]
sigmoid_inputs = [-700.0, -40.0, -1e-8, 0.0, 1e-8, 3.5, 40.0, 700.0]
sigmoid_cases = [
    {"x": value, "sigmoid": float(sigmoid(numpy.float64(value)))} for value in sigmoid_inputs
]

# tanh and ReLU with their gradients over linspace(-5, 5, 101), as the activations fixture post
# (tests/fixtures/posts/nlp/activations-tanh-relu) computes them. Like the sigmoid's, the tanh's
# gradient takes the activation: 1 - a**2. The ReLU's gradient at 0 is 0: numpy.where(x > 0, 1, 0).
def tanh_gradient(a):
    return 1 - a**2


def relu(x):
    return numpy.maximum(x, 0.0)


def relu_gradient(x):
    return numpy.where(x > 0, 1.0, 0.0)


activation_x = numpy.linspace(-5, 5, 101)
tanh_activations = numpy.tanh(activation_x)
# Far into both tails, around 0 (signed zeros included) and where tanh rounds to 1.
tanh_inputs = [-700.0, -40.0, -19.5, -1.0, -1e-8, -0.0, 0.0, 1e-300, 1e-8, 0.25, 0.5, 0.55, 1.0, 3.5, 19.0, 20.0, 40.0, 700.0]
tanh_cases = [
    {"x": value, "tanh": float(numpy.tanh(numpy.float64(value))), "gradient": float(tanh_gradient(numpy.tanh(numpy.float64(value))))}
    for value in tanh_inputs
]
relu_inputs = [-1e308, -3.5, -5e-324, -0.0, 0.0, 5e-324, 1e-8, 2.5, 1e308]
relu_cases = [
    {"x": value, "relu": float(relu(numpy.float64(value))), "gradient": float(relu_gradient(numpy.float64(value)))}
    for value in relu_inputs
]

# The explorable figures at other states of their controls: Figure 2 over n steps at x, and
# Figure 1's tangent at other points, as the reader's browser recomputes them.
def decay_at(n, at_x):
    g = gradient(sigmoid(numpy.float64(at_x)))
    return {"n": n, "x": at_x, "gradient": float(g), "decay": (numpy.ones(n) * g).cumprod().tolist()}


def tangent_at(at_x):
    at_x = numpy.float64(at_x)
    y, slope = sigmoid(at_x), gradient(sigmoid(at_x))
    xs = numpy.linspace(at_x - span, at_x + span, STEPS)
    return {"x": float(at_x), "tangent_x": xs.tolist(), "tangent_y": (y + slope * (xs - at_x)).tolist()}


decay_states = [decay_at(n, at_x) for n, at_x in [(10, 0), (20, 1), (20, 3), (6, 2), (30, -10), (1, 0.5)]]
tangent_states = [tangent_at(at_x) for at_x in [2, 3, -4.5, 10]]

reference = {
    "numpy_version": numpy.__version__,
    "decay_states": decay_states,
    "tangent_states": tangent_states,
    "x": x.tolist(),
    "sigmoid": activations.tolist(),
    "gradient": gradients.tolist(),
    "tangent_x": tangent_plot_x.tolist(),
    "tangent_y": tangent_plot_y.tolist(),
    "tangent_point": {"x": tangent_x, "y": float(tangent_y), "slope": float(gradient_tangent)},
    "decay_steps": steps.tolist(),
    "decay": decaying_values.tolist(),
    "linspace_cases": linspace_cases,
    "arange_cases": arange_cases,
    "cumprod_cases": cumprod_cases,
    "full_cases": full_cases,
    "sigmoid_cases": sigmoid_cases,
    "activation_x": activation_x.tolist(),
    "tanh": tanh_activations.tolist(),
    "tanh_gradient": tanh_gradient(tanh_activations).tolist(),
    "relu": relu(activation_x).tolist(),
    "relu_gradient": relu_gradient(activation_x).tolist(),
    "tanh_cases": tanh_cases,
    "relu_cases": relu_cases,
}

out = pathlib.Path(__file__).with_name("numpy_reference.json")
out.write_text(json.dumps(reference, indent=1) + "\n")
print(f"wrote {out} with numpy {numpy.__version__}")
