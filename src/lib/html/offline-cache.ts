/**
 * Keeps each post's self-contained offline.html between builds, under node_modules/.cache/offline/
 * (or $OFFLINE_CACHE_DIR): building one inlines and hashes half a megabyte, and a site rebuilt
 * without changes would build every one again.
 *
 * An entry is named by the SHA-256 of all that the file is made from: the page (as this build
 * wrote it), its path, the site's URL, a fingerprint of the output folder's other files (the
 * stylesheets, fonts and scripts it inlines) and the version of the code that builds it. A build
 * keeps only the entries it used, so the cache holds one site's files, not every version ever built.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir, fingerprint, pruneUnused, touchCacheEntry, writeCacheEntry } from '../build-cache.ts';

export const OFFLINE_CACHE_DIR_ENV = 'OFFLINE_CACHE_DIR';

/** Where the cache lives: $OFFLINE_CACHE_DIR, else node_modules/.cache/offline under the project. */
export function offlineCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return cacheDir('offline', OFFLINE_CACHE_DIR_ENV, env, cwd);
}

export interface OfflineKeyParts {
  /** The version of the code that builds offline files (a fingerprint of its sources). */
  readonly version: string;
  /** A fingerprint of the output folder's files other than pages. */
  readonly assets: string;
  readonly siteUrl: string;
  /** The page's path in the output folder. */
  readonly file: string;
  /** The page, as the build wrote it. */
  readonly html: string;
}

export function offlineCacheKey({ version, assets, siteUrl, file, html }: OfflineKeyParts): string {
  return fingerprint([
    ['version', version],
    ['assets', assets],
    ['site', siteUrl],
    ['file', file],
    ['html', html],
  ]);
}

/** One build's use of the cache: fills each offline file from it or from `build`, and prunes what the build did not use. */
export class OfflineCache {
  readonly dir: string;
  /** When this build's use of the cache began: entries written or touched since are in use. */
  private readonly started = Date.now();

  // No parameter properties here: astro.config.mjs loads this module with Node's type stripping,
  // which cannot run them (Astro would fall back to a loader that closes before the build ends).
  constructor(dir = offlineCacheDir()) {
    this.dir = dir;
  }

  /** Writes the offline file for `key` to `destination`: a copy of the entry, or what `build` makes (then kept). */
  async write(destination: string, key: string, build: () => Promise<string>): Promise<void> {
    const entry = join(this.dir, `${key}.html`);
    try {
      await copyFile(entry, destination);
      await touchCacheEntry(entry);
      return;
    } catch {
      // Not cached yet (or unreadable): build it.
    }
    const html = await build();
    await writeFile(destination, html);
    await writeCacheEntry(this.dir, entry, html);
  }

  /** Removes the entries this build did not use: older versions of pages, pages since removed. */
  async prune(): Promise<void> {
    // A second early for coarse file times, as for the chart cache.
    await pruneUnused(this.dir, '.html', this.started);
  }
}

/** Reads every file under `root` except pages and feeds, for the assets fingerprint. */
export async function assetsFingerprint(root: string, files: readonly string[]): Promise<string> {
  const assets = files.filter((file) => !/\.(html|xml)$/.test(file)).sort();
  const contents = await Promise.all(assets.map((file) => readFile(join(root, file))));
  return fingerprint(assets.map((file, i) => [file, contents[i]!] as const));
}
