"""Writes numpy.histogram's edges and counts for the cases that tests/unit/histogram.test.ts checks
src/lib/histogram.ts against, to histogram_reference.json.

Run from the repository root:  python3 tests/reference/make_histogram_reference.py
The tests read the JSON file; python is never run by the tests. The input values are written into
the file too, so the TypeScript bins the very same float64s numpy did. Floats are written with
repr() (json.dumps does), which round-trips every bit of a float64.

Besides edges and counts, each case records how many of its values numpy's off-by-one correction
moved ("decremented", "incremented"; see corrections() below), so the tests can tell that the
reference still exercises that step. "refused" lists inputs numpy.histogram raises for.
"""
import json
import pathlib

import numpy

rng = numpy.random.default_rng(7)
normal = rng.normal(size=1000)

inputs = {
    "normal_1000": normal,
    "integers_0_20": numpy.arange(21, dtype=float),
    # 0.1 * i: most of these fall a rounding error away from the edges linspace computes.
    "tenths_0_3": numpy.array([0.1 * i for i in range(31)]),
    # i / 10: 0.3, 0.6 and 0.7 lie just below the edges linspace(0, 1, 11) computes for them
    # (3 * 0.1 = 0.30000000000000004), and the index formula puts them one bin too high.
    "decimals_0_1": numpy.array([i / 10 for i in range(11)]),
    # The edges of 14 bins over [0, 1] as data: the index formula puts three of them one bin too low.
    "edges_of_14_bins": numpy.linspace(0, 1, 15),
    # One float below each interior edge of 10 bins over [0, 1]: four land one bin too high.
    "below_edges_of_10_bins": numpy.concatenate(
        [[0.0], numpy.nextafter(numpy.linspace(0, 1, 11)[1:-1], -numpy.inf), [1.0]]
    ),
    "constant": numpy.full(5, 2.5),
    "single": numpy.array([3.0]),
    "empty": numpy.array([], dtype=float),
    "negative_zero_max": numpy.array([-1.0, -0.5, -0.0]),
    "range_ends": numpy.array([-3.0, -2.0, -1.5, 0.0, 1.999, 2.0, 2.0000000000000004, 7.0]),
    "around_a_million": numpy.array([1e6 + 0.1 * i for i in range(20)]),
    "around_five": numpy.array([4.4, 4.5, 5.0, 5.5, 5.6]),
}

# (input, bins, range); range None means numpy's default (the data's min and max).
case_specs = [
    ("normal_1000", 10, None),
    ("normal_1000", 7, None),
    ("normal_1000", 30, None),
    ("normal_1000", 5, (-1.0, 1.5)),
    ("integers_0_20", 4, None),
    ("integers_0_20", 5, (2.5, 15.0)),
    ("tenths_0_3", 3, None),
    ("tenths_0_3", 6, None),
    ("decimals_0_1", 10, None),
    ("edges_of_14_bins", 14, None),
    ("below_edges_of_10_bins", 10, None),
    ("constant", 10, None),
    ("single", 10, None),
    ("single", 1, None),
    ("empty", 10, None),
    ("empty", 4, (2.0, 4.0)),
    ("negative_zero_max", 2, None),
    ("range_ends", 4, (-2.0, 2.0)),
    ("around_a_million", 7, None),
    # A range of zero width is widened by 0.5 either side, as min == max is.
    ("around_five", 4, (5.0, 5.0)),
]


def corrections(values, bins, edges):
    """How many values numpy's uniform-bins path moves down and up a bin after its index formula.

    A copy of the fast path in numpy.lib._histograms_impl.histogram (numpy 2.x), checked against
    numpy's own counts below, so a numpy that bins differently stops this script.
    """
    first, last = edges[0], edges[-1]
    kept = values[(values >= first) & (values <= last)]
    indices = (((kept - first) / (last - first)) * bins).astype(numpy.intp)
    indices[indices == bins] -= 1
    decrement = kept < edges[indices]
    indices[decrement] -= 1
    increment = (kept >= edges[indices + 1]) & (indices != bins - 1)
    indices[increment] += 1
    return indices, int(decrement.sum()), int(increment.sum())


cases = []
for name, bins, range_ in case_specs:
    values = inputs[name]
    counts, edges = numpy.histogram(values, bins=bins, range=range_)
    indices, decremented, incremented = corrections(values, bins, edges)
    assert (numpy.bincount(indices, minlength=bins) == counts).all(), (name, bins, range_)
    cases.append(
        {
            "input": name,
            "bins": bins,
            "range": None if range_ is None else [float(range_[0]), float(range_[1])],
            "edges": [float(edge) for edge in edges],
            "counts": [int(count) for count in counts],
            "decremented": decremented,
            "incremented": incremented,
        }
    )

# Inputs numpy.histogram raises a ValueError for; the TypeScript must refuse them too.
refused_specs = [
    # 1e17 - 0.5 == 1e17: widening cannot open a gap, so all 11 edges are the same float.
    ([1e17], 10, None),
    # Only two floats lie in this range: 3 bins cannot have nonzero width.
    ([1.0], 3, (1.0, 1.0000000000000002)),
    ([1.0, 2.0], 10, (3.0, 1.0)),
]
refused = []
for values, bins, range_ in refused_specs:
    try:
        numpy.histogram(numpy.array(values, dtype=float), bins=bins, range=range_)
    except ValueError as error:
        message = str(error)
    else:
        raise AssertionError(f"numpy accepted {values}, bins={bins}, range={range_}")
    refused.append(
        {
            "values": values,
            "bins": bins,
            "range": None if range_ is None else [float(range_[0]), float(range_[1])],
            "numpy_error": message,
        }
    )

reference = {
    "numpy_version": numpy.__version__,
    "inputs": {name: [float(value) for value in values] for name, values in inputs.items()},
    "cases": cases,
    "refused": refused,
}

out = pathlib.Path(__file__).with_name("histogram_reference.json")
out.write_text(json.dumps(reference, indent=1) + "\n")
print(f"wrote {out} with numpy {numpy.__version__}: {len(cases)} cases, {len(refused)} refused")
