/**
 * What the build's caches share: where they live and how an entry is read and written. An entry is
 * written whole or not at all (a temporary file, renamed), so a reader never sees half of one, and
 * a cache that cannot be read or written only costs time, never a build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

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
