"""Writes numpy's mean, std (ddof=0), min and max over axis 0 of seeded runs × steps arrays to
spread_reference.json, for src/lib/spread.ts's meanBand.

Run from the repository root:  python3 tests/reference/make_spread_reference.py
The tests read the JSON; python is never run by the tests. Floats keep every bit (json uses repr).
"""
import json
import pathlib

import numpy

rng = numpy.random.default_rng(11)
cases = []
for runs, steps in [(5, 40), (3, 7), (1, 4), (12, 25)]:
    # A decaying training loss with noise, as a seed sweep gives.
    t = numpy.arange(steps)
    data = numpy.exp(-t / 10)[None, :] * (1 + 0.2 * rng.standard_normal((runs, steps))) + 0.05
    cases.append({
        "runs": data.tolist(),
        "mean": data.mean(axis=0).tolist(),
        "std": data.std(axis=0).tolist(),
        "min": data.min(axis=0).tolist(),
        "max": data.max(axis=0).tolist(),
    })

out = pathlib.Path(__file__).with_name("spread_reference.json")
out.write_text(json.dumps({"numpy_version": numpy.__version__, "cases": cases}, indent=1) + "\n")
print(f"wrote {out}")
