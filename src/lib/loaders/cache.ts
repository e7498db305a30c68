/**
 * The loaders' cache: a loader's result, kept under node_modules/.cache/loaders (or
 * $BLOG_LOADER_CACHE) between builds, and reused while its key holds:
 *
 * - the loader's source and every module it imports, from its bundle's metafile (packages left
 *   out: the lock file stands for them);
 * - the data files it read, each by its SHA-256 (known only once it has run, so kept in the entry
 *   and checked again on every lookup);
 * - the lock file, Node's version, and this cache's format.
 *
 * An entry holds the module a post imports (value.ts's resultModule). One entry per loader: the
 * latest run, which `astro dev` serves while a changed loader runs again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { cacheDir, fingerprint, readCacheEntry, writeCacheEntry } from '../build-cache.ts';
import { bundleLoader, runLoader, type LoaderBundle } from './run.ts';
import { resultModule } from './value.ts';

export const LOADER_CACHE_DIR_ENV = 'BLOG_LOADER_CACHE';
/** Bumped when an entry's format or what a result module means changes. */
const FORMAT = 'loaders-1';

/** Where the loaders' cache lives for a project. */
export function loaderCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return cacheDir('loaders', LOADER_CACHE_DIR_ENV, env, root);
}

/** Is `id` (a module id, maybe with a query) a data loader: a `.data.ts` file of the project? */
export function isLoaderFile(id: string): boolean {
  return !id.includes('?') && /\.data\.m?ts$/.test(id) && !id.includes(`${sep}node_modules${sep}`);
}

interface CacheEntry {
  format: typeof FORMAT;
  key: string;
  /** Data files read, relative to the loader's folder → SHA-256. */
  read: Record<string, string>;
  module: string;
  /** How long its run took. */
  ms: number;
}

/** A loader's result module, and the files whose change should bring it back. */
export interface LoaderResult {
  module: string;
  /** The loader's modules and the data files it read, absolute. */
  watch: string[];
  /** Served stale (dev only): settles with the fresh result once the loader has run again. */
  refreshing?: Promise<LoaderResult>;
  /** Whether this lookup ran the loader. */
  ran: boolean;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface LoaderCacheOptions {
  /** The project's root (its lock file, and what labels are relative to). */
  root: string;
  dir?: string;
  log?: (line: string) => void;
  /** How long a run stays quiet before its progress lines (run.ts). */
  quietMs?: number;
}

/** Loads and runs a project's loaders, through the cache. One per build process (see loaderCache). */
export class LoaderCache {
  readonly root: string;
  readonly dir: string;
  private readonly log: (line: string) => void;
  private readonly quietMs: number | undefined;
  /** Runs under way, by loader file and key, shared by every importer that asks meanwhile. */
  private readonly running = new Map<string, Promise<LoaderResult>>();

  constructor({ root, dir = loaderCacheDir(root), log = (line) => console.log(line), quietMs }: LoaderCacheOptions) {
    this.root = root;
    this.dir = dir;
    this.log = log;
    this.quietMs = quietMs;
  }

  /** The loader's file as the author knows it: relative to the project. */
  label(file: string): string {
    return relative(this.root, file).split(sep).join('/');
  }

  private entryFile(file: string): string {
    return join(this.dir, `${sha256(this.label(file)).slice(0, 32)}.json`);
  }

  private async key(bundle: LoaderBundle): Promise<string> {
    const lock = await readFile(join(this.root, 'package-lock.json')).catch(() => new Uint8Array());
    const sources = await Promise.all(bundle.inputs.map(async (input) => [this.label(input), await readFile(input)] as const));
    return fingerprint([['format', FORMAT], ['node', process.version], ['package-lock.json', lock], ...sources]);
  }

  private async readEntry(file: string): Promise<CacheEntry | undefined> {
    const text = await readCacheEntry(this.entryFile(file));
    if (!text) return undefined;
    try {
      const entry = JSON.parse(text) as CacheEntry;
      return entry.format === FORMAT && typeof entry.module === 'string' ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether the data files an entry read are still what they were. */
  private async dataUnchanged(file: string, read: Record<string, string>): Promise<boolean> {
    const folder = dirname(file);
    const hashes = await Promise.all(
      Object.entries(read).map(async ([name, hash]) => (await readFile(join(folder, name)).then(sha256, () => undefined)) === hash),
    );
    return hashes.every(Boolean);
  }

  private watchList(file: string, bundle: LoaderBundle, read: Record<string, string>): string[] {
    return [...bundle.inputs, ...Object.keys(read).map((name) => join(dirname(file), name))];
  }

  private run(file: string, bundle: LoaderBundle, key: string): Promise<LoaderResult> {
    const id = `${file}\0${key}`;
    let pending = this.running.get(id);
    if (!pending) {
      pending = (async () => {
        const { value, read, ms } = await runLoader(bundle, {
          label: this.label(file),
          folder: dirname(file),
          root: this.root,
          loaderFile: file,
          log: this.log,
          ...(this.quietMs !== undefined ? { quietMs: this.quietMs } : {}),
        });
        const module = resultModule(value);
        // Every run says so, the quick ones too: a build that ran no loader prints nothing of them.
        this.log(`  ${this.label(file)}: ran in ${(ms / 1000).toFixed(1)} s; its result is cached for the next build`);
        const entry: CacheEntry = { format: FORMAT, key, read, module, ms: Math.round(ms) };
        await writeCacheEntry(this.dir, this.entryFile(file), JSON.stringify(entry));
        return { module, watch: this.watchList(file, bundle, read), ran: true };
      })().finally(() => this.running.delete(id));
      this.running.set(id, pending);
    }
    return pending;
  }

  /**
   * The loader's result module: from the cache when its key holds, else from a run (which throws
   * a LoaderError if the loader fails; nothing is cached then). With `staleWhileRunning` (for
   * `astro dev`), a loader that changed serves its last result at once and runs again behind it.
   */
  async result(file: string, { staleWhileRunning = false } = {}): Promise<LoaderResult> {
    const bundle = await bundleLoader(file, this.label(file), this.root);
    const key = await this.key(bundle);
    const entry = await this.readEntry(file);
    if (entry && entry.key === key && (await this.dataUnchanged(file, entry.read)))
      return { module: entry.module, watch: this.watchList(file, bundle, entry.read), ran: false };
    if (entry && staleWhileRunning) {
      this.log(`  ${this.label(file)} changed: serving its last result while it runs again`);
      return { module: entry.module, watch: this.watchList(file, bundle, entry.read), ran: false, refreshing: this.run(file, bundle, key) };
    }
    return this.run(file, bundle, key);
  }
}

const caches = new Map<string, LoaderCache>();

/** The process's loader cache for a project (the build's Vite plugin and the figure-code bundler share it). */
export function loaderCache(root: string): LoaderCache {
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = new LoaderCache({ root })));
  return cache;
}
