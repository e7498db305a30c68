/**
 * Text helpers for the NLP posts: tokens, word counts, the most frequent words, n-grams and a
 * bigram transition matrix. Every function is pure: it never changes its input and returns new
 * arrays and maps. tests/reference/make_text_reference.py computes the same things in Python and
 * numpy for the tests to compare with.
 */
import { assertInteger } from './numeric.ts';

/**
 * A word: letters, each with the combining marks that follow it, and optionally more such runs
 * joined by single apostrophes (ASCII ' or the typographic ’). The word starts with a letter, so a
 * combining mark with no letter before it (after a space or a digit) is dropped like punctuation.
 * Letter and mark classes never overlap, so the nested quantifiers cannot backtrack badly.
 */
const WORD = /(?:\p{L}\p{M}*)+(?:['\u2019](?:\p{L}\p{M}*)+)*/gu;

/**
 * Splits text into lower-case words, in order. Decisions, each tested in tests/unit/text.test.ts:
 * - The text is normalised to NFC first, so "é" typed as e + U+0301 and the precomposed U+00E9
 *   give the same token; then lower-cased with toLowerCase(), which does not depend on the locale.
 * - A letter is anything in Unicode's \p{L}; combining marks (\p{M}) stay with the letter before
 *   them, so a letter with an accent that has no precomposed form stays one word.
 * - An apostrophe between two letters is part of the word: "don't" and "l'homme" are one token
 *   each. The typographic ’ becomes ', so "don’t" and "don't" count as one word. An apostrophe at
 *   either end of a word (a quotation mark, or the plural possessive "dogs'") is dropped.
 * - Digits, and other numbers such as "٣", "Ⅻ" or "½", are not letters: they separate words and
 *   are dropped, like punctuation, so "1815" gives nothing and "covid19ward" gives "covid", "ward".
 * - Everything else (spaces, punctuation, hyphens, emoji) separates words, so "soixante-quinze"
 *   is two words. Nothing segments scripts written without spaces: "你好世界" is one token.
 */
export function tokenize(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return words.map((word) => word.replaceAll('\u2019', "'"));
}

/** How many times each token occurs, as a Map in the order the tokens are first seen. */
export function counts(tokens: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const token of tokens) result.set(token, (result.get(token) ?? 0) + 1);
  return result;
}

/**
 * The `k` most frequent entries of `counts`, most frequent first, as [token, count] pairs.
 * Ties keep the map's own order, which for a map from counts() is the order in which the words
 * first appear in the text: the sort compares counts only, and Array.prototype.sort is stable.
 * A `k` larger than the vocabulary returns every entry; `k` must be an integer of at least 1.
 */
export function topK(counts: ReadonlyMap<string, number>, k: number): [string, number][] {
  assertInteger('k', k, 1);
  const entries = [...counts.entries()];
  entries.sort((a, b) => b[1] - a[1]);
  return entries.slice(0, k);
}

/**
 * Every run of `n` consecutive tokens, in order: tokens.length − n + 1 of them, or none when there
 * are fewer than `n` tokens. Each n-gram is a new array; `n` must be an integer of at least 1.
 */
export function ngrams(tokens: readonly string[], n: number): string[][] {
  assertInteger('n', n, 1);
  const result: string[][] = [];
  for (let start = 0; start + n <= tokens.length; start++) result.push(tokens.slice(start, start + n));
  return result;
}

/** A bigram transition matrix and the words that label its rows and columns. */
export interface BigramTransitions {
  /** The words, in the order of the matrix's rows and columns. */
  vocabulary: string[];
  /** matrix[i][j] = P(next word = vocabulary[j] | current word = vocabulary[i]). */
  matrix: number[][];
}

/**
 * The maximum-likelihood bigram transition matrix: matrix[i][j] = count(i → j) / count(i → any),
 * counting each pair of consecutive tokens once. Notes:
 * - The vocabulary defaults to the distinct tokens in the order they are first seen. An explicit
 *   vocabulary sets the rows and columns, including words that never occur; a pair in which either
 *   word is outside it is ignored, so a row is the distribution of the next word given that the
 *   next word is in the vocabulary. A word listed twice throws a RangeError.
 * - A word that is never followed by a word of the vocabulary (such as one that only ends the
 *   text) has a row of zeros. That row is not a probability distribution; it marks "no data",
 *   and nothing is divided by zero. Every other row sums to 1, within floating-point rounding.
 * - Each probability is one division of two integer counts, count / total, which is exactly
 *   numpy's `matrix / row_sums` for the same counts.
 * - Pairs are consecutive in `tokens`: tokenize() keeps no sentence boundaries, so the last word of
 *   one sentence and the first of the next make a pair.
 * - The matrix is dense, V × V numbers for V words: meant for the small vocabularies a figure
 *   shows (pass the topK words as the vocabulary), not for a whole corpus.
 */
export function bigramTransitions(tokens: readonly string[], vocabulary?: readonly string[]): BigramTransitions {
  const words = vocabulary === undefined ? [...counts(tokens).keys()] : [...vocabulary];
  const index = new Map<string, number>();
  words.forEach((word, i) => {
    if (index.has(word)) throw new RangeError(`vocabulary must not repeat a word, got ${JSON.stringify(word)} twice`);
    index.set(word, i);
  });

  // pairCounts[i][j] = count(i → j). `from` is the previous token's index, undefined at the start
  // and after a word outside the vocabulary, so pairs with such a word on either side are skipped.
  const pairCounts = words.map(() => words.map(() => 0));
  let from: number | undefined;
  for (const token of tokens) {
    const to = index.get(token);
    if (from !== undefined && to !== undefined) pairCounts[from]![to]! += 1;
    from = to;
  }

  const matrix = pairCounts.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
  return { vocabulary: words, matrix };
}
