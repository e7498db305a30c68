/**
 * The posts a page lists: all of them in `astro dev`, never drafts in a build. Kept apart from
 * src/lib because it reads Astro's collection (src/lib stays free of Astro).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from '../lib/posts.ts';

export type Post = CollectionEntry<'posts'>;

/** Published posts, newest first. */
export async function publishedPosts(): Promise<Post[]> {
  return newestFirst(await getCollection('posts', ({ data }) => import.meta.env.DEV || !data.draft));
}
