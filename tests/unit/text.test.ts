/**
 * The text helpers in src/lib/text.ts: the tokenizer's rules one by one, counts, topK, n-grams and
 * the bigram transition matrix, checked by hand and against Python's and numpy's values
 * (tests/reference/text_reference.json, written by tests/reference/make_text_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bigramTransitions, counts, ngrams, tokenize, topK } from '../../src/lib/text.ts';

interface ReferenceCase {
  readonly name: string;
  readonly text: string;
  readonly explicit_vocabulary: string[] | null;
  readonly tokens: string[];
  readonly counts: [string, number][];
  readonly top5: [string, number][];
  readonly vocabulary: string[];
  readonly pair_counts: number[][];
  readonly matrix: number[][];
}

interface Reference {
  readonly numpy_version: string;
  readonly cases: ReferenceCase[];
}

const reference = JSON.parse(readFileSync(new URL('../reference/text_reference.json', import.meta.url), 'utf8')) as Reference;

/** Asserts that `fn` throws a RangeError with exactly `message`. */
function expectRangeError(fn: () => unknown, message: string): void {
  expect(fn).toThrow(RangeError);
  expect(fn).toThrow(new RangeError(message));
}

/** Freezes an array, so a helper that tried to change it would throw (modules are strict mode). */
function frozen<T>(values: T[]): readonly T[] {
  return Object.freeze(values);
}

describe('tokenize', () => {
  test('empty text and text without letters give no tokens', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  ,.!? — 123 … ')).toEqual([]);
  });

  test('lower-cases and keeps Unicode letters, accents included', () => {
    expect(tokenize('Ünïcödé naïve café — CAFÉ')).toEqual(['ünïcödé', 'naïve', 'café', 'café']);
  });

  test('letters of any script are letters', () => {
    expect(tokenize('Привет, мир! ελληνικά 你好')).toEqual(['привет', 'мир', 'ελληνικά', '你好']);
  });

  test('NFD and NFC spellings of "é" give the same, precomposed token', () => {
    const decomposed = 'Cafe\u0301';
    const precomposed = 'Caf\u00e9';
    expect(decomposed).not.toBe(precomposed);
    expect(tokenize(decomposed)).toEqual(tokenize(precomposed));
    expect(tokenize(decomposed)).toEqual(['caf\u00e9']);
    expect(tokenize(decomposed)[0]).toHaveLength(4);
  });

  test('combining marks stay with their letter, including ones with no precomposed form', () => {
    // q + U+0323 (dot below) has no precomposed form; Devanagari vowel signs and the virama are marks.
    expect(tokenize('aq\u0323b c')).toEqual(['aq\u0323b', 'c']);
    expect(tokenize('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });

  test('a mark with no letter before it is dropped, not a token or the start of one', () => {
    // U+FE0F (variation selector, a mark) follows the heart, not a letter.
    expect(tokenize('love\u2764\ufe0fyou')).toEqual(['love', 'you']);
    expect(tokenize('\u0301abc 1\u0301x')).toEqual(['abc', 'x']);
  });

  test('lower-casing does not depend on the locale', () => {
    // In a Turkish locale "İ" lower-cases to a plain "i"; toLowerCase() gives i + U+0307.
    expect(tokenize('İstanbul')).toEqual(['i\u0307stanbul']);
  });

  test('an apostrophe between letters is part of the word', () => {
    expect(tokenize("Don't stop, l'homme")).toEqual(["don't", 'stop', "l'homme"]);
    expect(tokenize("rock'n'roll")).toEqual(["rock'n'roll"]);
  });

  test('a typographic apostrophe counts as the ASCII one', () => {
    expect(tokenize('don\u2019t')).toEqual(["don't"]);
    expect(counts(tokenize("Don\u2019t, don't")).get("don't")).toBe(2);
  });

  test('an apostrophe at either end of a word, or doubled, separates', () => {
    expect(tokenize("'quoted' the dogs' bowls")).toEqual(['quoted', 'the', 'dogs', 'bowls']);
    expect(tokenize("a''b")).toEqual(['a', 'b']);
    expect(tokenize("in the '90s")).toEqual(['in', 'the', 's']);
  });

  test('digits of any script separate words and are dropped', () => {
    expect(tokenize('1815')).toEqual([]);
    expect(tokenize('covid19ward x2')).toEqual(['covid', 'ward', 'x']);
    // Arabic-Indic three, Roman numeral twelve, vulgar fraction one half, superscript two.
    expect(tokenize('a\u0663b \u216b \u00bd c\u00b2')).toEqual(['a', 'b', 'c']);
  });

  test('punctuation, hyphens, dashes and emoji separate words', () => {
    expect(tokenize('hello,world!foo—bar…baz 🙂qux👍🏽end soixante-quinze (x)[y]')).toEqual([
      'hello',
      'world',
      'foo',
      'bar',
      'baz',
      'qux',
      'end',
      'soixante',
      'quinze',
      'x',
      'y',
    ]);
  });
});

describe('counts', () => {
  test('counts occurrences in first-seen order', () => {
    const result = counts(frozen(['b', 'a', 'b', 'c', 'a', 'b']));
    expect([...result.entries()]).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
  });

  test('no tokens give an empty map', () => {
    expect(counts(frozen([])).size).toBe(0);
  });

  test('words that are Object.prototype names are counted like any other', () => {
    expect([...counts(frozen(['__proto__', 'constructor', '__proto__'])).entries()]).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
    ]);
  });
});

describe('topK', () => {
  // Ties at 2 in the map's order z, a, c: neither alphabetical nor reverse.
  const tied = (): Map<string, number> =>
    new Map([
      ['z', 2],
      ['a', 2],
      ['m', 3],
      ['b', 1],
      ['c', 2],
    ]);

  test('most frequent first, ties in the order of the map', () => {
    expect(topK(tied(), 4)).toEqual([
      ['m', 3],
      ['z', 2],
      ['a', 2],
      ['c', 2],
    ]);
    expect(topK(tied(), 2)).toEqual([
      ['m', 3],
      ['z', 2],
    ]);
  });

  test('ties from counts() keep the order in which the words first appear', () => {
    expect(topK(counts(tokenize('the cat saw a dog, the dog saw a cat')), 5)).toEqual([
      ['the', 2],
      ['cat', 2],
      ['saw', 2],
      ['a', 2],
      ['dog', 2],
    ]);
  });

  test('k = 1 and k larger than the vocabulary', () => {
    expect(topK(tied(), 1)).toEqual([['m', 3]]);
    expect(topK(tied(), 100)).toHaveLength(5);
    expect(topK(new Map(), 3)).toEqual([]);
  });

  test('k must be a positive integer', () => {
    expectRangeError(() => topK(tied(), 0), 'k must be at least 1, got 0');
    expectRangeError(() => topK(tied(), -2), 'k must be at least 1, got -2');
    expectRangeError(() => topK(tied(), 1.5), 'k must be an integer, got 1.5');
    expectRangeError(() => topK(tied(), Number.NaN), 'k must be an integer, got NaN');
    expectRangeError(() => topK(tied(), Infinity), 'k must be an integer, got Infinity');
  });

  test('leaves the map as it was', () => {
    const map = tied();
    const before = [...map.entries()];
    const result = topK(map, 5);
    result[0]![1] = 99;
    result.reverse();
    expect([...map.entries()]).toEqual(before);
  });
});

describe('ngrams', () => {
  const tokens = frozen(['a', 'b', 'c', 'd']);

  test('consecutive n-grams in order', () => {
    expect(ngrams(tokens, 2)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    expect(ngrams(tokens, 3)).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
    ]);
    expect(ngrams(tokens, 1)).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  test('n equal to the length gives one n-gram, a copy; fewer tokens than n give none', () => {
    const [whole, ...rest] = ngrams(tokens, 4);
    expect(whole).toEqual(['a', 'b', 'c', 'd']);
    expect(whole).not.toBe(tokens);
    expect(rest).toEqual([]);
    expect(ngrams(tokens, 5)).toEqual([]);
    expect(ngrams(frozen([]), 1)).toEqual([]);
  });

  test('n must be a positive integer', () => {
    expectRangeError(() => ngrams(tokens, 0), 'n must be at least 1, got 0');
    expectRangeError(() => ngrams(tokens, -1), 'n must be at least 1, got -1');
    expectRangeError(() => ngrams(tokens, 2.5), 'n must be an integer, got 2.5');
    expectRangeError(() => ngrams(tokens, Number.NaN), 'n must be an integer, got NaN');
  });
});

describe('bigramTransitions', () => {
  test('maximum-likelihood probabilities from consecutive pairs', () => {
    // Pairs: a→b, b→a, a→c, c→a, a→b. So a goes to b 2 times in 3 and to c 1 in 3.
    const result = bigramTransitions(frozen(['a', 'b', 'a', 'c', 'a', 'b']));
    expect(result.vocabulary).toEqual(['a', 'b', 'c']);
    expect(result.matrix).toEqual([
      [0, 2 / 3, 1 / 3],
      [1, 0, 0],
      [1, 0, 0],
    ]);
  });

  test('a word never followed by anything has a row of zeros, not NaN', () => {
    const { vocabulary, matrix } = bigramTransitions(frozen(['a', 'b', 'c']));
    expect(vocabulary).toEqual(['a', 'b', 'c']);
    expect(matrix).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    expect(matrix[2]!.every((p) => Object.is(p, 0))).toBe(true);
  });

  test('no tokens, and a single token', () => {
    expect(bigramTransitions(frozen([]))).toEqual({ vocabulary: [], matrix: [] });
    expect(bigramTransitions(frozen(['a']))).toEqual({ vocabulary: ['a'], matrix: [[0]] });
  });

  test('an explicit vocabulary ignores every pair with a word outside it', () => {
    // a→x and x→a are ignored: x does not join a to the next a, so the only pair is a→b.
    const result = bigramTransitions(frozen(['a', 'x', 'a', 'b']), frozen(['a', 'b']));
    expect(result).toEqual({
      vocabulary: ['a', 'b'],
      matrix: [
        [0, 1],
        [0, 0],
      ],
    });
  });

  test('an explicit vocabulary sets the order, and words that never occur get zero rows and columns', () => {
    const vocabulary = frozen(['b', 'never', 'a']);
    const result = bigramTransitions(frozen(['a', 'b', 'a', 'a']), vocabulary);
    expect(result.vocabulary).toEqual(['b', 'never', 'a']);
    expect(result.vocabulary).not.toBe(vocabulary);
    expect(result.matrix).toEqual([
      [0, 0, 1],
      [0, 0, 0],
      [0.5, 0, 0.5],
    ]);
  });

  test('a vocabulary that repeats a word is an error', () => {
    expectRangeError(() => bigramTransitions(frozen(['a']), frozen(['a', 'b', 'a'])), 'vocabulary must not repeat a word, got "a" twice');
  });
});

describe('against Python and numpy (tests/reference/text_reference.json)', () => {
  test('the reference file was written by numpy 2.x and has the three cases', () => {
    expect(reference.numpy_version).toMatch(/^2\./);
    expect(reference.cases.map((c) => c.name)).toEqual(['dickens', 'hugo', 'dickens-vocabulary']);
  });

  test('the Hugo passage is not in NFC, so it exercises the normalisation', () => {
    const hugo = reference.cases.find((c) => c.name === 'hugo')!;
    expect(hugo.text).not.toBe(hugo.text.normalize('NFC'));
    expect(hugo.tokens).toContain("c'était");
  });

  test.each(reference.cases)('$name: the same tokens, counts and top 5', (c) => {
    const tokens = tokenize(c.text);
    expect(tokens).toEqual(c.tokens);
    expect([...counts(tokens).entries()]).toEqual(c.counts);
    expect(topK(counts(tokens), 5)).toEqual(c.top5);
  });

  test.each(reference.cases)('$name: the same vocabulary, and every probability the very same float64', (c) => {
    const tokens = frozen(tokenize(c.text));
    const vocabulary = c.explicit_vocabulary === null ? undefined : frozen([...c.explicit_vocabulary]);
    const result = bigramTransitions(tokens, vocabulary);
    expect(result.vocabulary).toEqual(c.vocabulary);
    // Both sides divide the same two integers once (count / row total), so the quotients are the
    // same correctly rounded float64: exact equality, not closeness.
    const differences = result.matrix.flatMap((row, i) =>
      row.flatMap((p, j) => (Object.is(p, c.matrix[i]![j]) ? [] : [`[${i}][${j}]: got ${p}, numpy ${c.matrix[i]![j]}`])),
    );
    expect(differences).toEqual([]);
    expect(result.matrix).toEqual(c.matrix);
  });

  test.each(reference.cases)('$name: rows with successors sum to 1, the others are all zeros', (c) => {
    const vocabulary = c.explicit_vocabulary === null ? undefined : c.explicit_vocabulary;
    const { matrix } = bigramTransitions(tokenize(c.text), vocabulary);
    const zeroRows = matrix.flatMap((row, i) => (row.every((p) => p === 0) ? [c.vocabulary[i]] : []));
    const expectedZeroRows = c.pair_counts.flatMap((row, i) => (row.every((n) => n === 0) ? [c.vocabulary[i]] : []));
    expect(zeroRows).toEqual(expectedZeroRows);
    expect(zeroRows.length).toBeGreaterThan(0);
    for (const row of matrix.filter((r) => r.some((p) => p > 0))) {
      // Not toBe(1): "the" in Dickens sums to 0.9999999999999998, one float64 step below 1.
      expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 15);
    }
  });

  test('the last Dickens word, only, and the last Hugo word, depuis, have zero rows', () => {
    const [dickens, hugo] = reference.cases;
    for (const [c, word] of [
      [dickens!, 'only'],
      [hugo!, 'depuis'],
    ] as const) {
      const { vocabulary, matrix } = bigramTransitions(tokenize(c.text));
      expect(matrix[vocabulary.indexOf(word)]).toEqual(vocabulary.map(() => 0));
    }
  });
});
