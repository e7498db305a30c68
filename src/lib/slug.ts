/**
 * Slugs: the folder names under content/posts, and so the URLs of posts. A slug is lower-case
 * ASCII letters and digits, in words joined by single dashes: "rnns-vanishing-gradients".
 */

/** What a slug looks like: words of a–z and 0–9, joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug for a title: accents dropped ("Café" → "cafe"), apostrophes dropped ("Don't" → "dont"),
 * everything else that is not a letter or digit taken as a word break.
 * "RNNs & Vanishing Gradients!" → "rnns-vanishing-gradients". Throws a RangeError when the title
 * has no ASCII letter or digit to make a slug from.
 */
export function slugify(title: string): string {
  if (typeof title !== 'string') throw new RangeError(`a title must be a string, got ${String(title)}`);
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // the accents NFKD split off their letters
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new RangeError(`"${title}" has no ASCII letter or digit to make a slug from`);
  return slug;
}

/** True when `value` is already a slug (what slugify would leave unchanged). */
export function isSlug(value: string): boolean {
  return typeof value === 'string' && SLUG_PATTERN.test(value);
}

/**
 * Throws a RangeError unless `value` is a slug, naming what it is (`what`, e.g. "category") and
 * suggesting the slug it could be.
 */
export function assertSlug(what: string, value: string): void {
  if (isSlug(value)) return;
  const slug = suggestSlug(value);
  const suggestion = slug ? `, such as "${slug}"` : '';
  throw new RangeError(`${what} must be lower-case ASCII words joined by dashes${suggestion}; got "${value}"`);
}

/** The slug `value` could be (slugify's), or undefined when it has no ASCII letter or digit to make one from. */
export function suggestSlug(value: string): string | undefined {
  try {
    return slugify(value);
  } catch {
    return undefined;
  }
}
