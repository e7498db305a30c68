/**
 * `npm run new-post -- --category nlp "RNNs & Vanishing Gradients"`: creates
 * content/posts/<category>/<slug>/ with an index.mdx, a figures.ts and a figures.test.ts that
 * build and pass as they are. It never overwrites: an existing folder is refused, by name.
 *
 *   node src/cli/new-post.ts --category <category> [--date YYYY-MM-DD] [--description <text>]
 *                            [--tag <tag>]... "<Title>"
 *
 * The site is the one this file belongs to (two folders up), wherever the command is run from.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NewPost, USAGE, UsageError, newPostFiles, parseNewPostArgs, postFolder, postUrl } from '../lib/new-post.ts';

/** The post's folder is already there; new-post does not overwrite. */
export class PostExistsError extends Error {
  override name = 'PostExistsError';
}

/**
 * Writes the new post's files under `root` and returns their paths (relative to `root`).
 * Throws a PostExistsError naming the folder when it exists already, before writing anything.
 */
export async function createPost(root: string, post: NewPost): Promise<string[]> {
  const folder = postFolder(post);
  await mkdir(dirname(join(root, folder)), { recursive: true });
  try {
    // Not recursive: creating the folder itself is the check that it is new, with no race.
    await mkdir(join(root, folder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new PostExistsError(
      `${folder}/ already exists: a post's folder is its URL (${postUrl(post)}), and new-post never overwrites one. Choose another title, or edit that post.`,
    );
  }
  const files = newPostFiles(post);
  for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text, { flag: 'wx' });
  return Object.keys(files);
}

/** What the CLI prints once the post is created. */
export function createdMessage(post: NewPost, paths: readonly string[]): string {
  const folder = postFolder(post);
  const what: Record<string, string> = {
    'index.mdx': 'the post: frontmatter, words to replace, a chart, listings and printed output',
    'figures.ts': 'its numbers and chart spec, computed at build time',
    'figures.test.ts': 'a test of those numbers (npx vitest run --project unit)',
  };
  const lines = paths.map((path) => {
    const name = path.slice(folder.length + 1);
    return `  ${name.padEnd(16)} ${what[name] ?? ''}`.trimEnd();
  });
  return [
    `Created ${folder}/`,
    ...lines,
    `Its URL is ${postUrl(post)} (dated ${post.date}). See it with npm run dev, or build with npm run build.`,
  ].join('\n');
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], root: string): Promise<number> {
  try {
    const post = parseNewPostArgs(argv);
    const paths = await createPost(root, post);
    console.log(createdMessage(post, paths));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`new-post: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof PostExistsError) {
      console.error(`new-post: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), fileURLToPath(new URL('../../', import.meta.url)));
}
