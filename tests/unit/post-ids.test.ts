import { expect, test } from 'vitest';
import { postIdFromEntry, uniquePostIds } from '../../src/lib/post-ids.ts';

test("a post's id is its folder, which keeps the original slug", () => {
  expect(postIdFromEntry('nlp/rnns-and-vanishing-gradients/index.mdx')).toBe('nlp/rnns-and-vanishing-gradients');
  expect(postIdFromEntry('nlp/a/index.md')).toBe('nlp/a');
});

test('two files claiming one URL are refused, naming both; the same file may be seen again', () => {
  const generateId = uniquePostIds();
  expect(generateId({ entry: 'nlp/a/index.mdx' })).toBe('nlp/a');
  expect(generateId({ entry: 'nlp/a/index.mdx' })).toBe('nlp/a');
  expect(() => generateId({ entry: 'nlp/a/index.md' })).toThrow(
    'two posts would have the URL /posts/nlp/a/: content/posts/nlp/a/index.md and content/posts/nlp/a/index.mdx; keep one file per post folder',
  );
});
