"""Writes numpy's colour-blindness simulations and WCAG contrasts for a few colours to
palette_reference.json, for tests/unit/palette.test.ts to compare with src/lib/charts/palette.ts.

Run from the repository root:  python3 tests/reference/make_palette_reference.py
python is never run by the tests. json.dumps writes floats with repr(), which round-trips every
bit of a float64.

Written again from the sources, not from the TypeScript:
- the simulation matrices are Machado, Oliveira & Fernandes (2009), "A Physiologically-based
  Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 1291-1298, severity 1.0,
  applied to linear RGB; a result outside [0, 1] is clipped before it is encoded as sRGB;
- the sRGB transfer function is IEC 61966-2-1's;
- relative luminance and contrast ratio are WCAG 2.x's definitions.
"""
import json
import pathlib

import numpy

MACHADO_2009 = {
    "protanopia": numpy.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": numpy.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": numpy.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}

# Primaries, a grey, Okabe & Ito's orange and sky blue, and the palette's own colours.
COLOURS = [
    "#ff0000",
    "#00ff00",
    "#0000ff",
    "#808080",
    "#e69f00",
    "#56b4e9",
    "#4687b7",
    "#ce7b6d",
    "#916424",
    "#1d6c5c",
    "#5c52b8",
    "#bb2b5c",
    "#a08b0e",
    "#876c86",
]
BACKGROUNDS = ["#ffffff", "#0d1117", "#000000"]


def channels(hex_colour):
    """A #rrggbb colour's channels as floats in 0..1."""
    return numpy.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def to_linear(c):
    return numpy.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def from_linear(v):
    v = numpy.clip(v, 0, 1)
    return numpy.where(v <= 0.0031308, v * 12.92, 1.055 * v ** (1 / 2.4) - 0.055)


def luminance(hex_colour):
    return float(numpy.dot([0.2126, 0.7152, 0.0722], to_linear(channels(hex_colour))))


def contrast(a, b):
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


simulations = []
for colour in COLOURS:
    for kind, matrix in MACHADO_2009.items():
        encoded = from_linear(matrix @ to_linear(channels(colour))) * 255
        simulations.append(
            {
                "colour": colour,
                "kind": kind,
                # Before rounding to 8 bits, so the test can allow for rounding and no more.
                "rgb255": encoded.tolist(),
                "hex": "#" + "".join(f"{int(round(v)):02x}" for v in encoded),
            }
        )

reference = {
    "numpy_version": numpy.__version__,
    "simulations": simulations,
    "luminance": {c: luminance(c) for c in COLOURS + BACKGROUNDS},
    "contrast": [{"a": c, "b": bg, "ratio": contrast(c, bg)} for c in COLOURS for bg in BACKGROUNDS],
}

out = pathlib.Path(__file__).with_name("palette_reference.json")
out.write_text(json.dumps(reference, indent=1) + "\n")
print(f"wrote {out} with numpy {numpy.__version__}")
