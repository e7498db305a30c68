"""Writes Python's and numpy's tokens, counts, top words and bigram transition matrices for two
short public-domain passages to text_reference.json, for tests/unit/text.test.ts to compare with
src/lib/text.ts.

Run from the repository root:  python3 tests/reference/make_text_reference.py
python is never run by the tests. json.dumps writes floats with repr(), which round-trips every
bit of a float64, and escapes non-ASCII text, so the decomposed accents below stay visible.

The tokenizer is the rule documented on tokenize() in src/lib/text.ts, written again with the
standard library's re module: re has no \\p{L}, so the letter and mark classes are built from
unicodedata's categories (L* and M*). Python's unicodedata may be an older Unicode version than
Node's; the passages use no character whose category changed.
"""
import collections
import json
import pathlib
import re
import sys
import unicodedata

import numpy


def char_class(prefix):
    """A re character class of every code point whose general category starts with prefix."""
    ranges = []
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)).startswith(prefix):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


LETTER = char_class("L")
MARK = char_class("M")
UNIT = f"(?:{LETTER}{MARK}*)"
# Letters with their marks, then more such runs each after one apostrophe (' or ’).
WORD = re.compile(f"{UNIT}+(?:['\u2019]{UNIT}+)*")


def tokenize(text):
    words = WORD.findall(unicodedata.normalize("NFC", text).lower())
    return [word.replace("\u2019", "'") for word in words]


def transitions(tokens, vocabulary):
    """count(i -> j) / count(i -> any) over consecutive pairs inside the vocabulary; zero rows stay zero."""
    index = {word: i for i, word in enumerate(vocabulary)}
    pairs = [(index[a], index[b]) for a, b in zip(tokens, tokens[1:]) if a in index and b in index]
    size = len(vocabulary)
    pair_counts = numpy.zeros((size, size), dtype=numpy.int64)
    if pairs:
        rows, cols = zip(*pairs)
        numpy.add.at(pair_counts, (list(rows), list(cols)), 1)
    totals = pair_counts.sum(axis=1, keepdims=True)
    matrix = numpy.divide(pair_counts, totals, out=numpy.zeros((size, size)), where=totals > 0)
    return pair_counts, matrix


# The opening sentence of A Tale of Two Cities (Charles Dickens, 1859).
DICKENS = (
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of "
    "foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, "
    "it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had "
    "everything before us, we had nothing before us, we were all going direct to Heaven, we were all "
    "going direct the other way\u2014in short, the period was so far like the present period, that some "
    "of its noisiest authorities insisted on its being received, for good or for evil, in the "
    "superlative degree of comparison only."
)

# The opening of Les Misérables (Victor Hugo, 1862), with typographic apostrophes, digits, hyphens,
# and "évêque" written decomposed (e + U+0301, e + U+0302) to exercise the NFC step.
HUGO = (
    "En 1815, M. Charles-Fran\u00e7ois-Bienvenu Myriel \u00e9tait "
    + unicodedata.normalize("NFD", "\u00e9v\u00eaque")
    + " de Digne. C\u2019\u00e9tait un vieillard d\u2019environ soixante-quinze ans ; il occupait le "
    "si\u00e8ge de Digne depuis 1806."
)
assert HUGO != unicodedata.normalize("NFC", HUGO)

cases = []
for name, text, vocabulary in [
    ("dickens", DICKENS, None),
    ("hugo", HUGO, None),
    # An explicit vocabulary: pairs with any other word are ignored, and "unicorn" never occurs,
    # so its row and column are zeros.
    ("dickens-vocabulary", DICKENS, ["it", "was", "the", "of", "times", "we", "had", "unicorn"]),
]:
    tokens = tokenize(text)
    counter = collections.Counter(tokens)  # a dict, so in first-seen order
    # sorted() is stable, so ties keep first-seen order, as topK's do.
    top = sorted(counter.items(), key=lambda item: -item[1])[:5]
    words = list(counter) if vocabulary is None else vocabulary
    pair_counts, matrix = transitions(tokens, words)
    cases.append(
        {
            "name": name,
            "text": text,
            "explicit_vocabulary": vocabulary,
            "tokens": tokens,
            "counts": [[word, count] for word, count in counter.items()],
            "top5": [[word, count] for word, count in top],
            "vocabulary": words,
            "pair_counts": pair_counts.tolist(),
            "matrix": matrix.tolist(),
        }
    )

reference = {
    "python_version": sys.version.split()[0],
    "numpy_version": numpy.__version__,
    "unicode_version": unicodedata.unidata_version,
    "cases": cases,
}

# One line per token list and per matrix row, so a diff of this file shows which row changed.
rows = {}


def one_line(values):
    key = f"@@{len(rows)}@@"
    rows[key] = json.dumps(values)
    return key


for case in cases:
    for field in ("tokens", "vocabulary"):
        case[field] = one_line(case[field])
    for field in ("counts", "top5", "pair_counts", "matrix"):
        case[field] = [one_line(row) for row in case[field]]
text = json.dumps(reference, indent=1)
text = re.sub(r'"(@@\d+@@)"', lambda match: rows[match.group(1)], text)

out = pathlib.Path(__file__).with_name("text_reference.json")
out.write_text(text + "\n")
print(f"wrote {out} with numpy {numpy.__version__}")
