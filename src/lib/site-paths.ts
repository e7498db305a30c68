/** URLs inside the site, under its base path ("/" or "/blog/"), from one place. */
import { tagSlug } from './tags.ts';

/** A tag's URL segment: see src/lib/tags.ts ("Neural Nets" → "neural-nets", "C++" → "c-plus-plus"). */
export { tagSlug };

/** Joins the site's base and a path inside the site: joinBase('/blog', 'tags/') is '/blog/tags/'. */
export function joinBase(base: string, path = ''): string {
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\/+/, '')}`;
}

/** A post's path inside the site, from its id ("nlp/rnns-and-vanishing-gradients"). */
export function postPath(id: string): string {
  return `posts/${id}/`;
}

/** A tag's path inside the site. */
export function tagPath(tag: string): string {
  return `tags/${tagSlug(tag)}/`;
}
