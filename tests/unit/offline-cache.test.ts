import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  assetsFingerprint,
  OFFLINE_CACHE_DIR_ENV,
  OfflineCache,
  offlineCacheDir,
  offlineCacheKey,
} from '../../src/lib/html/offline-cache.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'offline-cache-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const PARTS = { version: 'v1', assets: 'a1', siteUrl: 'https://example.org/', file: 'posts/a/index.html', html: '<p>a</p>' };

describe('the offline file cache', () => {
  test('the key changes with each thing the file is made from', () => {
    const key = offlineCacheKey(PARTS);
    expect(offlineCacheKey({ ...PARTS })).toBe(key);
    for (const [name, value] of Object.entries({
      version: 'v2',
      assets: 'a2',
      siteUrl: 'https://example.org/blog/',
      file: 'posts/b/index.html',
      html: '<p>b</p>',
    })) {
      expect(offlineCacheKey({ ...PARTS, [name]: value }), name).not.toBe(key);
    }
  });

  test('builds a file once; the next build copies it from the cache', async () => {
    const dir = join(root, 'cache');
    const build = vi.fn(async () => '<!doctype html><p>offline</p>');
    const key = offlineCacheKey(PARTS);
    await new OfflineCache(dir).write(join(root, 'first.html'), key, build);
    await new OfflineCache(dir).write(join(root, 'second.html'), key, build);
    expect(build).toHaveBeenCalledTimes(1);
    for (const name of ['first.html', 'second.html'])
      expect(await readFile(join(root, name), 'utf8')).toBe('<!doctype html><p>offline</p>');
  });

  test('a build keeps only the entries it used', async () => {
    const dir = join(root, 'cache');
    const [a, b] = [offlineCacheKey(PARTS), offlineCacheKey({ ...PARTS, html: '<p>b</p>' })];
    const first = new OfflineCache(dir);
    await first.write(join(root, 'a.html'), a, async () => 'a');
    await first.write(join(root, 'b.html'), b, async () => 'b');
    await first.prune();
    expect((await readdir(dir)).sort()).toEqual([`${a}.html`, `${b}.html`].sort());
    // The next build, an hour later.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const key of [a, b]) await utimes(join(dir, `${key}.html`), hourAgo, hourAgo);
    const second = new OfflineCache(dir);
    await second.write(join(root, 'a.html'), a, async () => 'a');
    await second.prune();
    expect(await readdir(dir)).toEqual([`${a}.html`]);
  });

  test('a failed build keeps nothing', async () => {
    const dir = join(root, 'cache');
    const cache = new OfflineCache(dir);
    await expect(
      cache.write(join(root, 'a.html'), offlineCacheKey(PARTS), async () => Promise.reject(new Error('refers to a missing file'))),
    ).rejects.toThrow('missing file');
    await expect(readdir(dir)).rejects.toThrow();
  });

  test('the assets fingerprint covers every file but pages and feeds', async () => {
    await mkdir(join(root, '_astro'), { recursive: true });
    const files = ['_astro/site.css', 'fonts/a.woff2', 'index.html', 'rss.xml'];
    await mkdir(join(root, 'fonts'));
    for (const file of files) await writeFile(join(root, file), file);
    const before = await assetsFingerprint(root, files);
    await writeFile(join(root, 'index.html'), 'changed');
    await writeFile(join(root, 'rss.xml'), 'changed');
    expect(await assetsFingerprint(root, files)).toBe(before);
    await writeFile(join(root, 'fonts/a.woff2'), 'changed');
    expect(await assetsFingerprint(root, files)).not.toBe(before);
  });

  test('lives in node_modules/.cache/offline unless $OFFLINE_CACHE_DIR moves it', () => {
    expect(offlineCacheDir({}, '/project')).toBe('/project/node_modules/.cache/offline');
    expect(offlineCacheDir({ [OFFLINE_CACHE_DIR_ENV]: '/tmp/offline' }, '/project')).toBe('/tmp/offline');
  });
});
