/**
 * Tags and their pages. A tag's slug is its URL under /tags/, and tags with one slug are one tag:
 * "NLP", "nlp" and "Nlp" share /tags/nlp/, which lists every post carrying any of them.
 *
 * The slug keeps a tag's letters and digits in any script, lower-cased, with the words joined by
 * dashes: "Neural Nets" → neural-nets, "深層学習" → 深層学習 (the browser percent-encodes it
 * in the request; the address bar and the file on disk show the letters). Latin letters lose
 * their accents, as post slugs do ("Café" → cafe). Three signs that tell languages apart are
 * spelled out, so C++, C# and C stay three tags: "+" is "plus" (C++ → c-plus-plus), and "#" and
 * "*" after a letter or digit are "sharp" and "star" (C# → c-sharp, F# → f-sharp, A* → a-star).
 * Apostrophes are dropped ("Bayes' rule" → bayes-rule); every other run of characters that are
 * neither letters nor digits (spaces, punctuation, emoji) is one dash, so "#nlp" is nlp. A tag
 * with nothing left ("..", "!!!", "🤖") has no slug and no page: the frontmatter check refuses it.
 */

/** Signs spelled as words before the rest of the punctuation becomes dashes. */
const SPELLED: readonly (readonly [RegExp, string])[] = [
  [/\+/g, ' plus '],
  [/(?<=[\p{L}\p{N}])#/gu, ' sharp '],
  [/(?<=[\p{L}\p{N}])\*/gu, ' star '],
];

/** A tag's slug as described above, or "" when the tag has no letter or digit to make one from. */
export function tagSlugOrEmpty(tag: string): string {
  let text = tag
    .normalize('NFKD') // compatibility forms apart: "ﬁ" → "fi", "ＮＬＰ" → "NLP", "é" → "e" + accent
    .toLowerCase()
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1') // the accents of Latin letters only: other scripts keep their marks
    .normalize('NFC')
    .replace(/['’]/g, '');
  for (const [pattern, word] of SPELLED) text = text.replace(pattern, word);
  return text.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** A tag's URL segment under /tags/; throws a RangeError for a tag with no letter or digit. */
export function tagSlug(tag: string): string {
  const slug = tagSlugOrEmpty(tag);
  if (!slug) throw new RangeError(`the tag ${JSON.stringify(tag)} has no letter or digit to make a tag page's URL from`);
  return slug;
}

/** One tag page: its slug, the name it is shown by, and its posts. */
export interface TagGroup<T> {
  readonly slug: string;
  readonly name: string;
  readonly posts: T[];
}

/** Compares strings by code unit, for orders that must not depend on the machine's locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every tag page: the posts whose tags share a slug, in the order given (each post once, however
 * many spellings of the tag it has). The page is named by the spelling of the tag's first use:
 * the one in the oldest post (posts of one day in the order of their ids), and within a post the
 * first of its spellings. Pages are sorted by name, ties by slug.
 */
export function tagGroups<T extends { id: string; data: { date: Date; tags: readonly string[] } }>(posts: readonly T[]): TagGroup<T>[] {
  const oldestFirst = [...posts].sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || byCodeUnit(a.id, b.id));
  const names = new Map<string, string>();
  for (const post of oldestFirst) {
    for (const tag of post.data.tags) {
      const slug = tagSlug(tag);
      if (!names.has(slug)) names.set(slug, tag);
    }
  }
  const pages = new Map<string, T[]>();
  for (const post of posts) {
    for (const slug of new Set(post.data.tags.map(tagSlug))) pages.set(slug, [...(pages.get(slug) ?? []), post]);
  }
  return [...pages]
    .map(([slug, list]) => ({ slug, name: names.get(slug)!, posts: list }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || byCodeUnit(a.slug, b.slug));
}
