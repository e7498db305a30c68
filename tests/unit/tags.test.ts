/** Tag slugs and tag pages (src/lib/tags.ts): one page per slug, C++ and C# apart, letters of any script kept. */
import { describe, expect, test } from 'vitest';
import { tagGroups, tagSlug, tagSlugOrEmpty } from '../../src/lib/tags.ts';
import { postsByTag } from '../../src/lib/posts.ts';
import { tagPath } from '../../src/lib/site-paths.ts';

describe('tag slugs', () => {
  test.each([
    ['nlp', 'nlp'],
    ['NLP', 'nlp'],
    ['Neural Nets & RNNs', 'neural-nets-rnns'],
    ['Café', 'cafe'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['F#', 'f-sharp'],
    ['C', 'c'],
    ['A*', 'a-star'],
    ['#nlp', 'nlp'],
    ["Bayes' rule", 'bayes-rule'],
    ['ＮＬＰ', 'nlp'],
    ['深層学習', '深層学習'],
    ['ﾃﾞｨｰﾌﾟ', 'ディープ'],
    ['自然言語 処理', '自然言語-処理'],
    ['Ελληνικά', 'ελληνικά'],
    ['हिन्दी', 'हिन्दी'],
    ['word2vec', 'word2vec'],
  ])('%s → %s', (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  test('C++, C# and C are three tags', () => {
    expect(new Set(['C++', 'C#', 'C'].map(tagSlug)).size).toBe(3);
  });

  test('Japanese keeps its voiced marks: が is not か', () => {
    expect(tagSlug('がくしゅう')).toBe('がくしゅう');
    expect(tagSlug('がくしゅう')).not.toBe(tagSlug('かくしゆう'));
  });

  test.each(['..', '.', '!!!', '---', ' ', '🤖'])('%j has no slug', (tag) => {
    expect(tagSlugOrEmpty(tag)).toBe('');
    expect(() => tagSlug(tag)).toThrow(RangeError);
    expect(() => tagPath(tag)).toThrow(`the tag ${JSON.stringify(tag)} has no letter or digit`);
  });

  test('paths keep the letters; the browser percent-encodes them', () => {
    expect(tagPath('深層学習')).toBe('tags/深層学習/');
    expect(encodeURI(tagPath('深層学習'))).toBe('tags/%E6%B7%B1%E5%B1%A4%E5%AD%A6%E7%BF%92/');
  });
});

describe('tag pages', () => {
  const post = (id: string, date: string, tags: string[]) => ({ id, data: { date: new Date(date), tags } });
  // Newest first, as pages list them.
  const posts = [
    post('nlp/attention', '2026-10-01', ['nlp', 'C#']),
    post('nlp/rnns', '2026-06-01', ['NLP', 'rnn', 'C++']),
    post('nlp/both', '2026-03-01', ['Nlp', 'nlp']),
    post('nlp/deep', '2026-02-01', ['深層学習']),
  ];

  test('tags with one slug are one page listing every post, each once, in the order given; pages sorted by name', () => {
    const pages = tagGroups(posts);
    expect(pages.map(({ slug, posts: list }) => [slug, list.map((p) => p.id)])).toEqual([
      ['c-sharp', ['nlp/attention']],
      ['c-plus-plus', ['nlp/rnns']],
      ['nlp', ['nlp/attention', 'nlp/rnns', 'nlp/both']],
      ['rnn', ['nlp/rnns']],
      ['深層学習', ['nlp/deep']],
    ]);
  });

  test("a page is named by its tag's first use: the oldest post's spelling, its first in that post", () => {
    expect(tagGroups(posts).find((page) => page.slug === 'nlp')?.name).toBe('Nlp');
    // Posts of one day: the first by id.
    const sameDay = [post('b/two', '2026-01-01', ['NLP']), post('a/one', '2026-01-01', ['nlp'])];
    expect(tagGroups(sameDay)[0]!.name).toBe('nlp');
    expect(tagGroups([...sameDay].reverse())[0]!.name).toBe('nlp');
  });

  test('the order of the pages does not depend on the order of the posts', () => {
    expect(tagGroups([...posts].reverse()).map((page) => [page.slug, page.name])).toEqual(
      tagGroups(posts).map((page) => [page.slug, page.name]),
    );
  });

  test('postsByTag gives the same pages as [name, posts]', () => {
    expect(postsByTag(posts).map(([name, list]) => [name, list.length])).toEqual([
      ['C#', 1],
      ['C++', 1],
      ['Nlp', 3],
      ['rnn', 1],
      ['深層学習', 1],
    ]);
  });
});
