/**
 * What the build's caches share: where they live and how an entry is read and written. An entry is
 * written whole or not at all (a temporary file, renamed), so a reader never sees half of one, and
 * a cache that cannot be read or written only costs time, never a build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { filesUnder } from './files.ts';

/**
 * A cache folder: $`envName` when set (tests and the bench point caches at temporary folders),
 * else node_modules/.cache/<name> under the project (the working directory), which `npm ci` clears.
 */
export function cacheDir(name: string, envName: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env[envName] || join('node_modules', '.cache', name));
}

/** The text of a cache entry, or undefined when there is none or it cannot be read. */
export async function readCacheEntry(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a cache entry atomically; a failure is swallowed (the next build renders again). */
export async function writeCacheEntry(dir: string, file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true });
  }
}

/** SHA-256 over named byte strings, each with its name and length, in the order given. */
export function fingerprint(parts: Iterable<readonly [name: string, bytes: string | Uint8Array]>): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of parts) hash.update(`\0${name}\0${Buffer.byteLength(bytes)}\0`).update(bytes);
  return hash.digest('hex');
}

/**
 * A fingerprint of a project's sources under `root`: the path and bytes of every file in
 * `folders`, each of which must exist, and of those of `files` that exist, in a fixed order.
 * Undefined when a folder cannot be read (then there is nothing to key a cache on).
 */
export function treeFingerprint(root: string, folders: readonly string[], files: readonly string[]): Promise<string | undefined> {
  // Calls made while one is reading share it: Astro makes an MDX renderer per post, and 200 posts
  // each reading the whole source tree at once ran out of file descriptors (EMFILE).
  const key = JSON.stringify([root, folders, files]);
  let pending = fingerprintsInFlight.get(key);
  if (!pending) {
    pending = readTreeFingerprint(root, folders, files).finally(() => fingerprintsInFlight.delete(key));
    fingerprintsInFlight.set(key, pending);
  }
  return pending;
}

const fingerprintsInFlight = new Map<string, Promise<string | undefined>>();

/** How many files treeFingerprint reads at once. */
const READS_AT_ONCE = 64;

async function readTreeFingerprint(root: string, folders: readonly string[], files: readonly string[]): Promise<string | undefined> {
  let listed: string[];
  try {
    listed = (
      await Promise.all(folders.map(async (folder) => (await filesUnder(join(root, folder))).map((file) => `${folder}/${file}`)))
    ).flat();
  } catch {
    return undefined;
  }
  const paths = [...listed, ...files].sort();
  const contents: (Buffer | undefined)[] = [];
  for (let start = 0; start < paths.length; start += READS_AT_ONCE) {
    const batch = paths.slice(start, start + READS_AT_ONCE);
    contents.push(...(await Promise.all(batch.map((path) => readFile(join(root, path)).catch(() => undefined)))));
  }
  return fingerprint(paths.flatMap((path, i) => (contents[i] ? [[path, contents[i]] as const] : [])));
}

/** Marks an entry as used now (its modification time), so pruneUnused keeps it. */
export async function touchCacheEntry(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
}

/**
 * How much earlier than the build's start an entry may seem to have been written and still count
 * as this build's: some file systems keep modification times to the second.
 */
const FILE_TIME_SLACK_MS = 1000;

/**
 * Removes the entries of `dir` (ending in `extension`) that nothing wrote or touched since
 * `since` (ms since the epoch, less FILE_TIME_SLACK_MS): after a successful build, the ones that
 * build did not use. An entry another build used meanwhile carries a later time and stays.
 */
export async function pruneUnused(dir: string, extension: string, since: number): Promise<number> {
  const cutoff = since - FILE_TIME_SLACK_MS;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(extension));
  const stale = await Promise.all(
    names.map(async (name) => {
      const modified = (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs;
      return modified !== undefined && modified < cutoff ? name : undefined;
    }),
  );
  const removed = stale.filter((name): name is string => name !== undefined);
  await Promise.all(removed.map((name) => rm(join(dir, name), { force: true })));
  return removed.length;
}
