"""Writes numpy's principal components of a few deterministic inputs to pca_reference.json, for
tests/unit/pca.test.ts to compare with src/lib/pca.ts.

Run from the repository root:  python3 tests/reference/make_pca_reference.py
python is never run by the tests. json.dumps writes floats with repr(), which round-trips every
bit of a float64. The inputs are sin/cos formulas of the row i and column j, no random numbers,
and are written into the file, so the TypeScript reads the very same float64s.

The PCA is sklearn's with its covariance solver, in numpy: centre the rows, numpy.cov (ddof 1),
numpy.linalg.eigh, eigenvalues largest first with negative rounding errors set to 0, the variance
ratio over their sum, and each component's sign chosen as sklearn's svd_flip chooses it (its entry
of largest magnitude positive; numpy.argmax takes the first of equal ones). The script checks the
components against numpy.linalg.svd of the centred rows (a second route to the same axes) and that
every eigenvalue it writes stands apart from its neighbours, so the components are unique up to
that sign.
"""
import json
import pathlib

import numpy

i = numpy.arange(60, dtype=float)[:, None]
base = numpy.hstack(
    [
        numpy.sin(0.3 * i) + 0.5 * numpy.cos(0.11 * i),
        2 * numpy.cos(0.17 * i),
        0.7 * numpy.sin(0.05 * i + 1) + 0.01 * i,
        numpy.sin(0.71 * i) * numpy.cos(0.23 * i),
    ]
)
# Two more columns that are combinations of these (with an offset): rank 4 in 6 dimensions.
sincos_60x6 = numpy.hstack(
    [base[:, :2], 0.5 * base[:, :1] - 0.25 * base[:, 1:2], base[:, 2:], base[:, 2:3] - 2 * base[:, 3:4] + 3]
)

i = numpy.arange(40, dtype=float)[:, None]
j = numpy.arange(5, dtype=float)[None, :]
full_rank_40x5 = numpy.sin((j + 1) * 0.37 * i + j) * (1 + 0.5 * j) + 0.1 * j * numpy.cos(0.9 * i)

# Fewer rows than dimensions: at most 4 directions of variance in 8 dimensions.
i = numpy.arange(5, dtype=float)[:, None]
j = numpy.arange(8, dtype=float)[None, :]
wide_5x8 = numpy.cos(0.8 * i * (j + 1) + 0.3 * j) + 0.2 * i * numpy.sin(j)

inputs = {
    "sincos_60x6": sincos_60x6,
    "full_rank_40x5": full_rank_40x5,
    "wide_5x8": wide_5x8,
    # Far from the origin: the centring has to be right.
    "offset_1000": full_rank_40x5 + 1000.0,
    "one_column": numpy.cos(0.4 * numpy.arange(10, dtype=float))[:, None],
}

case_specs = [
    ("sincos_60x6", 2),
    ("sincos_60x6", 4),
    ("full_rank_40x5", 5),
    ("full_rank_40x5", 1),
    ("wide_5x8", 4),
    ("offset_1000", 3),
    ("one_column", 1),
]


def pca(x, k):
    mean = x.mean(axis=0)
    centred = x - mean
    cov = numpy.atleast_2d(numpy.cov(x, rowvar=False))  # ddof 1
    values, vectors = numpy.linalg.eigh(cov)
    order = numpy.argsort(-values, kind="stable")
    values = numpy.clip(values[order], 0, None)
    vectors = vectors[:, order]
    components = vectors.T[:k].copy()
    for component in components:
        if component[numpy.argmax(numpy.abs(component))] < 0:
            component *= -1
    return {
        "mean": mean,
        "components": components,
        "explained_variance": values[:k],
        "explained_variance_ratio": values[:k] / values.sum(),
        "projected": centred @ components.T,
        "all_eigenvalues": values,
    }


cases = []
for name, k in case_specs:
    x = inputs[name]
    result = pca(x, k)
    values = result["all_eigenvalues"]
    # Each written component's eigenvalue is apart from the next ones (else its axis is not unique).
    for m in range(k):
        gap = values[m] - values[m + 1] if m + 1 < len(values) else values[m]
        assert gap > 1e-6 * values[0], (name, k, m, values)
    # The same axes from the SVD of the centred rows, with the same sign rule.
    _, singular, vt = numpy.linalg.svd(x - x.mean(axis=0), full_matrices=False)
    for m in range(k):
        axis = vt[m] * numpy.sign(vt[m][numpy.argmax(numpy.abs(vt[m]))])
        assert numpy.allclose(axis, result["components"][m], rtol=0, atol=1e-10), (name, m)
        assert numpy.isclose(singular[m] ** 2 / (len(x) - 1), result["explained_variance"][m], rtol=1e-10)
    cases.append(
        {
            "input": name,
            "components_asked": k,
            "mean": result["mean"].tolist(),
            "components": result["components"].tolist(),
            "explained_variance": result["explained_variance"].tolist(),
            "explained_variance_ratio": result["explained_variance_ratio"].tolist(),
            "projected": result["projected"].tolist(),
        }
    )

reference = {
    "numpy_version": numpy.__version__,
    "inputs": {name: x.tolist() for name, x in inputs.items()},
    "cases": cases,
}

# One line per row, so a diff of this file shows which row changed.
rows = {}


def one_line(values):
    key = f"@@{len(rows)}@@"
    rows[key] = json.dumps(values)
    return key


reference["inputs"] = {name: [one_line(row) for row in x] for name, x in reference["inputs"].items()}
for case in cases:
    for field in ("mean", "explained_variance", "explained_variance_ratio"):
        case[field] = one_line(case[field])
    for field in ("components", "projected"):
        case[field] = [one_line(row) for row in case[field]]
text = json.dumps(reference, indent=1)
for key, value in rows.items():
    text = text.replace(f'"{key}"', value)

out = pathlib.Path(__file__).with_name("pca_reference.json")
out.write_text(text + "\n")
print(f"wrote {out} with numpy {numpy.__version__}: {len(cases)} cases")
