/** Post folders follow the rule for slugs (src/lib/post-ids.ts): content/posts/<category>/<slug>/index.mdx. */
import { expect, test } from 'vitest';
import { postFolderProblem, uniquePostIds } from '../../src/lib/post-ids.ts';
import { suggestSlug } from '../../src/lib/slug.ts';

test('folders that are slugs are fine', () => {
  expect(postFolderProblem('nlp/rnns-and-vanishing-gradients/index.mdx')).toBeUndefined();
  expect(postFolderProblem('ml-2/gpt-2/index.md')).toBeUndefined();
});

test('a folder that is not a slug is refused, naming the file and the folder to rename it to', () => {
  expect(postFolderProblem('NLP/My Post/index.mdx')).toBe(
    'content/posts/NLP/My Post/index.mdx: the category "NLP" and the slug "My Post" must be lower-case ASCII words joined by dashes, since a post is content/posts/<category>/<slug>/index.mdx, and the folders are its URL; rename the folder to content/posts/nlp/my-post/',
  );
  expect(postFolderProblem('nlp/My_Post/index.mdx')).toContain('the slug "My_Post" must be');
  expect(postFolderProblem('nlp/My_Post/index.mdx')).toContain('rename the folder to content/posts/nlp/my-post/');
  expect(postFolderProblem('Nlp/a/index.mdx')).toContain('the category "Nlp" must be lower-case');
});

test("a folder with no ASCII letter to make a slug from gets the slug of the post's title", () => {
  expect(postFolderProblem('nlp/深層学習/index.mdx', 'content/posts', 'Deep Learning')).toMatch(
    /rename the folder to content\/posts\/nlp\/deep-learning\/$/,
  );
  expect(postFolderProblem('nlp/深層学習/index.mdx')).toMatch(/rename the folder to content\/posts\/nlp\/<slug>\/$/);
});

test('a post not two folders deep is refused, with where to move it', () => {
  expect(postFolderProblem('nlp/2026/my-post/index.mdx')).toBe(
    'content/posts/nlp/2026/my-post/index.mdx: a post is content/posts/<category>/<slug>/index.mdx, and the folders are its URL, but it is 3 folders deep; move it to content/posts/nlp/my-post/',
  );
  expect(postFolderProblem('my-post/index.mdx')).toBe(
    'content/posts/my-post/index.mdx: a post is content/posts/<category>/<slug>/index.mdx, and the folders are its URL, but it is in one folder, not two; move it to content/posts/<category>/my-post/',
  );
  expect(postFolderProblem('index.md')).toBe(
    'content/posts/index.md: a post is content/posts/<category>/<slug>/index.mdx, and the folders are its URL, but it is not in a post folder; move it to content/posts/<category>/<slug>/',
  );
  expect(postFolderProblem('index.md', 'content/posts', 'My Post')).toMatch(/move it to content\/posts\/<category>\/my-post\/$/);
});

test('the id generator refuses such a folder', () => {
  const generateId = uniquePostIds();
  expect(() => generateId({ entry: 'NLP/My Post/index.mdx', data: { title: 'My Post' } })).toThrow(
    'rename the folder to content/posts/nlp/my-post/',
  );
  expect(generateId({ entry: 'nlp/my-post/index.mdx' })).toBe('nlp/my-post');
});

test('suggestSlug is the slug a name could be, or undefined when it has no ASCII letter or digit', () => {
  expect(suggestSlug('My Post')).toBe('my-post');
  expect(suggestSlug('深層学習')).toBeUndefined();
});
