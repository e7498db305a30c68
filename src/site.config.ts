/**
 * The site's identity, in one place: its name, what it is about, who writes it and in what
 * language. The layout, the home page and the feed read it. Where the site lives (its URL and base
 * path) is astro.config.mjs's `site` and `base` (BLOG_SITE / BLOG_BASE for one build).
 */
export interface SiteAuthor {
  readonly name: string;
  /** A page about the author, shown as the byline's link where given. */
  readonly url?: string;
}

export interface SiteIdentity {
  readonly title: string;
  readonly description: string;
  /** The site's authors: the feed's and every post's, unless a post names its own. */
  readonly authors: readonly SiteAuthor[];
  /** A BCP 47 language tag: <html lang>, the feed's <language>. */
  readonly language: string;
}

export const SITE: SiteIdentity = Object.freeze({
  title: 'Computed Figures',
  description: 'Machine-learning and NLP posts whose figures are computed, not pasted.',
  authors: Object.freeze([Object.freeze({ name: 'The Computed Figures authors' })]),
  language: 'en',
});
