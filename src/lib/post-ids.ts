/**
 * A post's id is its folder under content/posts ("nlp/rnns-and-vanishing-gradients"), which is
 * also its URL under /posts/. Two files in one folder would claim the same URL; refuse that.
 */

/** The id for a post file given relative to content/posts: its folder. */
export function postIdFromEntry(entry: string): string {
  return entry.replace(/\/index\.mdx?$/, '');
}

/** An id generator for the glob loader that throws when two files would share a URL. */
export function uniquePostIds(base = 'content/posts'): (options: { entry: string }) => string {
  const claimed = new Map<string, string>();
  return ({ entry }) => {
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
