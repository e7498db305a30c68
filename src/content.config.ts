import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { readFrontmatter, withDatesAsWritten, type PostFrontmatter } from './lib/frontmatter.ts';
import { uniquePostIds } from './lib/post-ids.ts';

/**
 * A post's frontmatter, checked by readFrontmatter (src/lib/frontmatter.ts): the known keys only,
 * each of its type, real dates no later than tomorrow unless the post is a draft, tags that can
 * have a page. Each problem is one line of the build's error, "<field>: <message>", under the file.
 */
export const PostSchema = z.unknown().transform((input, context): PostFrontmatter => {
  const result = readFrontmatter(input);
  if (result.ok) return result.data;
  for (const { field, message } of result.problems) {
    context.addIssue({
      code: 'custom',
      path: field ? field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [],
      message,
    });
  }
  return z.NEVER;
});

// Each post is a folder: content/posts/<category>/<slug>/index.mdx, with its figures.ts beside it.
// The entry id is "<category>/<slug>", which is also the post's URL under /posts/; uniquePostIds
// refuses folders that break that rule. The loader hands the schema dates as written, so that
// YAML cannot turn 2026-02-30 into 2 March first.
const posts = defineCollection({
  loader: withDatesAsWritten(
    glob({
      base: './content/posts',
      pattern: '**/index.{md,mdx}',
      generateId: uniquePostIds(),
    }),
  ),
  schema: PostSchema,
});

export const collections = { posts };
