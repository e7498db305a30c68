/** Small helpers over post entries that pages share. */
import { tagGroups } from './tags.ts';

/** Posts newest first; ties broken by title so the order never depends on the file system. */
export function newestFirst<T extends { data: { date: Date; title: string } }>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title));
}

// Made once: building a formatter costs far more than using one, and every list shows every post.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as readers see it, in UTC so the build does not depend on the machine's time zone: "18 October 2020". */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** Minutes to read a post's source at 230 words a minute, at least 1; code and markup count as prose would. */
export function readingMinutes(source: string): number {
  const words = source
    .replace(/^---[\s\S]*?---/, '')
    .replace(/^(import|export) .*$/gm, '')
    .match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return Math.max(1, Math.round((words?.length ?? 0) / 230));
}

/** The posts before (older) and after (newer) the one with `id`, in a newest-first list. */
export function neighbours<T extends { id: string }>(newestFirstPosts: readonly T[], id: string): { older?: T; newer?: T } {
  const index = newestFirstPosts.findIndex((post) => post.id === id);
  if (index === -1) return {};
  return { older: newestFirstPosts[index + 1], newer: index > 0 ? newestFirstPosts[index - 1] : undefined };
}

/** Posts grouped by year (UTC), newest year first, keeping the given order within a year. */
export function byYear<T extends { data: { date: Date } }>(posts: readonly T[]): [number, T[]][] {
  const years = new Map<number, T[]>();
  for (const post of posts) {
    const year = post.data.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), post]);
  }
  return [...years].sort(([a], [b]) => b - a);
}

/**
 * Every tag with its posts (in the given order), tags sorted by name. Spellings with one slug
 * ("NLP", "nlp") are one tag, named as its first use was spelled: see tagGroups in tags.ts.
 */
export function postsByTag<T extends { id: string; data: { date: Date; tags: readonly string[] } }>(posts: readonly T[]): [string, T[]][] {
  return tagGroups(posts).map(({ name, posts: list }) => [name, list]);
}

/** A heading for the contents list, with the subsections under it. */
export interface ContentsEntry {
  readonly slug: string;
  readonly text: string;
  readonly children: ContentsEntry[];
}

/** Sections (h2) with their subsections (h3) nested, for the post's contents; other depths are left out. */
export function contentsTree(headings: readonly { depth: number; slug: string; text: string }[]): ContentsEntry[] {
  const sections: ContentsEntry[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth === 2) sections.push({ slug, text, children: [] });
    else if (depth === 3) {
      const entry = { slug, text, children: [] };
      // A subsection before any section still gets listed, at the top level.
      (sections.at(-1)?.children ?? sections).push(entry);
    }
  }
  return sections;
}
