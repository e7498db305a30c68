/**
 * A post's id is its folder under content/posts ("nlp/rnns-and-vanishing-gradients"), which is
 * also its URL under /posts/. So the folders follow the rule for slugs (src/lib/slug.ts): one
 * category folder and one post folder, each lower-case ASCII words joined by dashes. A file
 * elsewhere, or in folders named otherwise, is refused with the folder it should be in; two files
 * in one folder would claim the same URL, and are refused too.
 */
import { isSlug, suggestSlug } from './slug.ts';

/** The id for a post file given relative to content/posts: its folder. */
export function postIdFromEntry(entry: string): string {
  return entry.replace(/\/index\.mdx?$/, '');
}

/**
 * What is wrong with the folders of a post file given relative to `base` ("NLP/My Post/index.mdx"),
 * or undefined when they follow the rule. The message names the file and, where it can, the folder
 * to move it to: the folder names as slugs, or else the slug of the post's title.
 */
export function postFolderProblem(entry: string, base = 'content/posts', title?: unknown): string | undefined {
  const id = postIdFromEntry(entry);
  const folders = id === entry ? [] : id.split('/');
  if (folders.length === 2 && folders.every(isSlug)) return undefined;
  const file = `${base}/${entry}`;
  const rule = `a post is ${base}/<category>/<slug>/index.mdx, and the folders are its URL`;
  const titleSlug = typeof title === 'string' ? suggestSlug(title) : undefined;
  if (folders.length !== 2) {
    // One folder is most likely the post's own, with the category folder missing above it.
    const category = folders.length > 2 ? suggestSlug(folders[0]!) : undefined;
    const slug = (folders.length > 0 ? suggestSlug(folders.at(-1)!) : undefined) ?? titleSlug;
    const where = `${base}/${category ?? '<category>'}/${slug ?? '<slug>'}/`;
    const found =
      folders.length === 0
        ? 'it is not in a post folder'
        : folders.length === 1
          ? 'it is in one folder, not two'
          : `it is ${folders.length} folders deep`;
    return `${file}: ${rule}, but ${found}; move it to ${where}`;
  }
  const [category, slug] = folders as [string, string];
  const wrong = [isSlug(category) ? undefined : `the category "${category}"`, isSlug(slug) ? undefined : `the slug "${slug}"`].filter(
    Boolean,
  );
  const newCategory = isSlug(category) ? category : (suggestSlug(category) ?? '<category>');
  const newSlug = isSlug(slug) ? slug : (suggestSlug(slug) ?? titleSlug ?? '<slug>');
  const rename = `${base}/${newCategory}/${newSlug}/`;
  return `${file}: ${wrong.join(' and ')} must be lower-case ASCII words joined by dashes, since ${rule}; rename the folder to ${rename}`;
}

/**
 * An id generator for the glob loader that throws when a post's folders break the rule
 * (postFolderProblem) or when two files would share a URL.
 */
export function uniquePostIds(base = 'content/posts'): (options: { entry: string; data?: Record<string, unknown> }) => string {
  const claimed = new Map<string, string>();
  return ({ entry, data }) => {
    const problem = postFolderProblem(entry, base, data?.title);
    if (problem) throw new Error(problem);
    const id = postIdFromEntry(entry);
    const other = claimed.get(id);
    if (other && other !== entry) {
      // Sorted, so the message does not depend on the order the files were found in.
      const [first, second] = [other, entry].sort();
      throw new Error(`two posts would have the URL /posts/${id}/: ${base}/${first} and ${base}/${second}; keep one file per post folder`);
    }
    claimed.set(id, entry);
    return id;
  };
}
