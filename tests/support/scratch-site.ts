/**
 * A throwaway copy of the site in a temporary folder, for tests that build with content of their
 * own (broken posts, extra posts, another base path). It shares the repository's node_modules.
 */
import { cp, mkdtemp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './build-site.ts';

/** What a scratch site is made of: the site's own code, and only the posts a test gives it. */
const COPIED = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export interface ScratchSite {
  readonly root: string;
  /** Writes a file under the scratch site (folders are created). */
  write(path: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

/** Creates a scratch site; with `withPosts`, the repository's posts are copied too. */
export async function scratchSite({ withPosts = false } = {}): Promise<ScratchSite> {
  const root = await mkdtemp(join(tmpdir(), 'blog-scratch-'));
  await Promise.all(COPIED.map((entry) => cp(join(ROOT, entry), join(root, entry), { recursive: true })));
  // Its own node_modules folder, linking to each installed package but not to the caches in
  // node_modules/.astro, .vite and .cache, which belong to the repository's own builds.
  await mkdir(join(root, 'node_modules'));
  const packages = (await readdir(join(ROOT, 'node_modules'))).filter((name) => !name.startsWith('.'));
  await Promise.all(packages.map((name) => symlink(join(ROOT, 'node_modules', name), join(root, 'node_modules', name))));
  await symlink(join(ROOT, 'node_modules', '.bin'), join(root, 'node_modules', '.bin'));
  if (withPosts) await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  else await mkdir(join(root, 'content', 'posts'), { recursive: true });
  return {
    root,
    async write(path, text) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
