/**
 * The feed carries every post in full, so building it renders every post a second time and
 * escapes all of it into XML; on a no-change rebuild of a large site that was most of the build.
 * This cache keeps the finished feed between builds, under node_modules/.cache/feed/ (or
 * $FEED_CACHE_DIR).
 *
 * The feed depends on every post's MDX and frontmatter, on whatever the MDX imports (figures
 * modules, the helpers and components in src/, modules shared between posts), on the Markdown
 * pipeline in astro.config.mjs and on the installed packages. Rather than trace imports, the key
 * takes a fingerprint of all of them: every file under src/ and content/, the config files and
 * the lock file. So a no-change rebuild renders no post for the feed, and any source change builds
 * the feed again as a build without the cache would: the cache can fail to help, never be stale.
 * Without src/ or content/ in the working directory there is no fingerprint and nothing is cached.
 */
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir, readCacheEntry, touchCacheEntry, treeFingerprint, writeCacheEntry } from '../build-cache.ts';

/** The environment variable that moves the cache. */
export const FEED_CACHE_DIR_ENV = 'FEED_CACHE_DIR';

/** Where the cache lives: $FEED_CACHE_DIR, else node_modules/.cache/feed under the project. */
export function feedCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return cacheDir('feed', FEED_CACHE_DIR_ENV, env, cwd);
}

/** The folders whose every file goes into the fingerprint; both must exist. */
const SOURCE_FOLDERS = ['src', 'content'];
/** Single files that go in when they exist. */
const SOURCE_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/**
 * A fingerprint of every source file of the site under `root` (see treeFingerprint); undefined
 * when src/ or content/ cannot be read.
 */
export function sourceFingerprint(root = process.cwd()): Promise<string | undefined> {
  return treeFingerprint(root, SOURCE_FOLDERS, SOURCE_FILES);
}

/** The feed's cache key: the fingerprint, and what else the feed depends on (the site's URL and base, the build mode). */
export function feedCacheKey(sources: string, ...parts: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([sources, ...parts]))
    .digest('hex');
}

/**
 * The feed `produce` gives, read from the cache when an entry for `key` exists. With no key
 * (no fingerprint), it produces every time and keeps nothing. A failure is never kept. The entry
 * is the feed itself (parsing megabytes of JSON would cost more than the check it allows); the key is
 * its name, and entries are only ever written whole, so an empty one is the only kind to distrust.
 */
export async function cachedFeed(key: string | undefined, produce: () => Promise<string>, dir = feedCacheDir()): Promise<string> {
  if (!key) return produce();
  const file = join(dir, `${key}.xml`);
  const cached = await readCacheEntry(file);
  if (cached) {
    // Marked as used, so that newer feeds written meanwhile (another base, `astro dev`) do not push it out.
    await touchCacheEntry(file);
    return cached;
  }
  const feed = await produce();
  await writeCacheEntry(dir, file, feed);
  await keepNewest(dir, KEPT_FEEDS);
  return feed;
}

/**
 * How many feeds the cache keeps: every source change makes a new one, and only the latest few
 * (by when they were last written or read) can still match (a build, `astro dev`, a build under another base).
 */
export const KEPT_FEEDS = 4;

/** Removes all but the `count` most recently written or read feeds. */
async function keepNewest(dir: string, count: number): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.xml'));
  if (names.length <= count) return;
  const written = await Promise.all(
    names.map(async (name) => [name, (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0] as const),
  );
  const old = written.sort((a, b) => b[1] - a[1]).slice(count);
  await Promise.all(old.map(([name]) => rm(join(dir, name), { force: true })));
}
