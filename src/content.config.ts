import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** A post's frontmatter. */
export const PostSchema = z.object({
  title: z.string().min(1),
  date: z.coerce.date(),
  updated: z.coerce.date().optional(),
  description: z.string().min(1),
  tags: z.array(z.string().min(1)).default([]),
  draft: z.boolean().default(false),
});

// Each post is a folder: content/posts/<category>/<slug>/index.mdx, with its figures.ts beside it.
// The entry id is "<category>/<slug>", which is also the post's URL under /posts/.
const posts = defineCollection({
  loader: glob({
    base: './content/posts',
    pattern: '**/index.{md,mdx}',
    generateId: ({ entry }) => entry.replace(/\/index\.mdx?$/, ''),
  }),
  schema: PostSchema,
});

export const collections = { posts };
