/**
 * Which link targets the site may publish, in a chart or in a post: the web, mail, a place on the
 * page, or a path on this site. Never javascript:, data:, vbscript:, file: or any other scheme.
 */

/** A target that is safe once the characters a browser ignores in a scheme are gone. */
const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/** Characters a browser drops from a URL's scheme (controls and spaces), which could hide "javascript:". */
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f]/g;

/** Whether the site may publish a link to `href`. */
export function isSafeLink(href: string): boolean {
  return SAFE_LINK.test(href.replace(IGNORED_IN_SCHEME, ''));
}
