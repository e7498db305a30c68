import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { uniquePostIds } from './lib/post-ids.ts';

/** A frontmatter date; an unparsable one ("someday") fails with a message saying what is expected. */
const date = () => z.coerce.date({ message: 'must be a date such as 2026-11-28' });

/** A post's frontmatter. The messages are what the build prints, after the file and the field. */
export const PostSchema = z.object({
  title: z.string({ message: 'is required: the post needs a title' }).min(1, 'must not be empty'),
  date: date(),
  updated: date().optional(),
  description: z.string({ message: 'is required: one sentence for the home page and feeds' }).min(1, 'must not be empty'),
  tags: z.array(z.string().min(1)).default([]),
  draft: z.boolean().default(false),
});

// Each post is a folder: content/posts/<category>/<slug>/index.mdx, with its figures.ts beside it.
// The entry id is "<category>/<slug>", which is also the post's URL under /posts/.
const posts = defineCollection({
  loader: glob({
    base: './content/posts',
    pattern: '**/index.{md,mdx}',
    generateId: uniquePostIds(),
  }),
  schema: PostSchema,
});

export const collections = { posts };
