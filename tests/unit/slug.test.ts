/** Slugs (src/lib/slug.ts): the folder names under content/posts, and so the posts' URLs. */
import { describe, expect, test } from 'vitest';
import { SLUG_PATTERN, assertSlug, isSlug, slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  test.each([
    ['RNNs & Vanishing Gradients!', 'rnns-vanishing-gradients'],
    ['RNNs and Vanishing Gradients', 'rnns-and-vanishing-gradients'],
    ['  Attention:   Is It All You Need?  ', 'attention-is-it-all-you-need'],
    ['Tanh vs. ReLU (2026)', 'tanh-vs-relu-2026'],
    ["Don't Panic", 'dont-panic'],
    ['Don’t Panic', 'dont-panic'],
    ['Café Naïve Résumé', 'cafe-naive-resume'],
    ['word2vec / GloVe / fastText', 'word2vec-glove-fasttext'],
    ['GPT-2', 'gpt-2'],
    ['snake_case_title', 'snake-case-title'],
    ['---Dashes---everywhere---', 'dashes-everywhere'],
    ['ﬁne ligatures', 'fine-ligatures'],
    ['Σ over softmax', 'over-softmax'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['../../etc/passwd', 'etc-passwd'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  test('is idempotent: a slug slugifies to itself', () => {
    for (const slug of ['nlp', 'rnns-vanishing-gradients', 'gpt-2', 'a1-b2']) expect(slugify(slug)).toBe(slug);
  });

  test('refuses a title with no ASCII letter or digit', () => {
    expect(() => slugify('!!!')).toThrow(new RangeError('"!!!" has no ASCII letter or digit to make a slug from'));
    expect(() => slugify('')).toThrow(RangeError);
    expect(() => slugify('Σπ')).toThrow(RangeError);
  });
});

describe('isSlug and assertSlug', () => {
  test('accept slugs only', () => {
    for (const good of ['nlp', 'computer-vision', 'gpt-2', '2026']) expect(isSlug(good)).toBe(true);
    for (const bad of ['', 'NLP', 'nlp/', 'a--b', '-a', 'a-', 'a b', 'a_b', 'café', '..', 'a.b']) expect(isSlug(bad), bad).toBe(false);
  });

  test('assertSlug names what is wrong and suggests a slug', () => {
    expect(() => assertSlug('category', 'nlp')).not.toThrow();
    expect(() => assertSlug('category', 'Computer Vision')).toThrow(
      new RangeError('category must be lower-case ASCII words joined by dashes, such as "computer-vision"; got "Computer Vision"'),
    );
    expect(() => assertSlug('category', '../x')).toThrow(/such as "x"; got "\.\.\/x"/);
    expect(() => assertSlug('category', '??')).toThrow(
      new RangeError('category must be lower-case ASCII words joined by dashes; got "??"'),
    );
  });
});
