/**
 * A link to each section beside its heading (h2–h4), for readers who want to share or cite a part
 * of a post: rehype-autolink-headings appends an empty link the stylesheet draws as "#", shown
 * when the heading is hovered or the link focused. It has no text of its own, so the contents list
 * (which Astro writes from the headings' text) and the feed's text are unchanged; its accessible
 * name says which section it links to.
 *
 * The headings need their ids first: Astro gives them after every configured rehype plugin has
 * run, so its own rehypeHeadingIds runs here once before (and again after, keeping these ids).
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings, { type Options } from 'rehype-autolink-headings';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';

/** The headings that get a link: a post's sections and subsections. */
const LINKED_HEADINGS = new Set(['h2', 'h3', 'h4']);

export const HEADING_ANCHOR_OPTIONS: Options = {
  behavior: 'append',
  test: (element: Element) => LINKED_HEADINGS.has(element.tagName),
  content: [],
  properties: (heading: Element) => ({ className: ['heading-anchor'], ariaLabel: `Link to the section “${toString(heading)}”` }),
};

/** The rehype plugins, in order, for astro.config.mjs. */
export const headingAnchors: [typeof rehypeHeadingIds, [typeof rehypeAutolinkHeadings, Options]] = [
  rehypeHeadingIds,
  [rehypeAutolinkHeadings, HEADING_ANCHOR_OPTIONS],
];
