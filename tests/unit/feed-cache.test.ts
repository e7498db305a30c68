import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  cachedFeed,
  FEED_CACHE_DIR_ENV,
  feedCacheDir,
  feedCacheKey,
  KEPT_FEEDS,
  sourceFingerprint,
} from '../../src/lib/feed/feed-cache.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'feed-cache-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

/** A site's sources in miniature: a component, a post with its figures module, the config. */
async function miniSite(): Promise<void> {
  await write('src/components/Chart.astro', '<figure />');
  await write('content/posts/a/index.mdx', '# A');
  await write('content/posts/a/figures.ts', 'export const x = 1;');
  await write('astro.config.mjs', 'export default {};');
  await write('package-lock.json', '{}');
}

describe('the source fingerprint', () => {
  test('is stable while nothing changes, and changes with any source file', async () => {
    await miniSite();
    const first = await sourceFingerprint(root);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await sourceFingerprint(root)).toBe(first);

    const seen = new Set([first]);
    for (const [path, text] of [
      ['content/posts/a/figures.ts', 'export const x = 2;'], // what a post imports, not only the post
      ['content/shared/helpers.ts', 'export {};'], // a new file
      ['src/components/Chart.astro', '<figure></figure>'],
      ['astro.config.mjs', 'export default { base: "/b" };'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ] as const) {
      await write(path, text);
      const next = await sourceFingerprint(root);
      expect(seen.has(next!), `after changing ${path}`).toBe(false);
      seen.add(next!);
    }
  });

  test('tells a renamed file from the same bytes under another name', async () => {
    await miniSite();
    const before = await sourceFingerprint(root);
    await rm(join(root, 'content/posts/a/figures.ts'));
    await write('content/posts/a/figures-renamed.ts', 'export const x = 1;');
    expect(await sourceFingerprint(root)).not.toBe(before);
  });

  test('is undefined without src/ or content/, so nothing is cached', async () => {
    await write('src/index.ts', '');
    expect(await sourceFingerprint(root)).toBeUndefined();
  });
});

describe('the feed cache', () => {
  const dir = () => join(root, 'cache');
  const entries = async () => (await readdir(dir())).filter((name) => name.endsWith('.xml'));

  test('produces the feed once, then reads it back', async () => {
    const produce = vi.fn(async () => '<rss>…</rss>');
    const key = feedCacheKey('fingerprint', 'production', 'https://example.org/', '/');
    expect(await cachedFeed(key, produce, dir())).toBe('<rss>…</rss>');
    expect(await cachedFeed(key, produce, dir())).toBe('<rss>…</rss>');
    expect(produce).toHaveBeenCalledTimes(1);
    expect(await entries()).toEqual([`${key}.xml`]);
  });

  test('the key changes with the fingerprint, the mode, the site and the base', () => {
    const key = feedCacheKey('f', 'production', 'https://example.org/', '/');
    expect(feedCacheKey('f', 'production', 'https://example.org/', '/')).toBe(key);
    for (const other of [
      feedCacheKey('g', 'production', 'https://example.org/', '/'),
      feedCacheKey('f', 'development', 'https://example.org/', '/'),
      feedCacheKey('f', 'production', 'https://example.com/', '/'),
      feedCacheKey('f', 'production', 'https://example.org/', '/blog/'),
    ]) {
      expect(other).not.toBe(key);
    }
  });

  test('without a key it produces every time and keeps nothing', async () => {
    const produce = vi.fn(async () => '<p>post</p>');
    await cachedFeed(undefined, produce, dir());
    await cachedFeed(undefined, produce, dir());
    expect(produce).toHaveBeenCalledTimes(2);
    await expect(readdir(dir())).rejects.toThrow();
  });

  test('an empty entry is produced again', async () => {
    const key = feedCacheKey('f', 'a');
    await mkdir(dir(), { recursive: true });
    await writeFile(join(dir(), `${key}.xml`), '');
    const produce = vi.fn(async () => '<rss>fresh</rss>');
    expect(await cachedFeed(key, produce, dir())).toBe('<rss>fresh</rss>');
    expect(produce).toHaveBeenCalledTimes(1);
    expect(await cachedFeed(key, async () => '<rss>not called</rss>', dir())).toBe('<rss>fresh</rss>');
  });

  test('keeps only the newest few feeds', async () => {
    const keys = Array.from({ length: KEPT_FEEDS + 2 }, (_, i) => feedCacheKey(`sources ${i}`, 'production'));
    for (const key of keys) {
      await cachedFeed(key, async () => `<rss>${key}</rss>`, dir());
      await new Promise((resolve) => setTimeout(resolve, 15)); // distinct modification times
    }
    expect((await entries()).sort()).toEqual(
      keys
        .slice(-KEPT_FEEDS)
        .map((key) => `${key}.xml`)
        .sort(),
    );
  });

  test('a feed read from the cache counts as new: the one in use outlives newer ones written after it', async () => {
    const keys = Array.from({ length: KEPT_FEEDS + 1 }, (_, i) => feedCacheKey(`sources ${i}`, 'production'));
    const pause = () => new Promise((resolve) => setTimeout(resolve, 15)); // distinct modification times
    for (const key of keys.slice(0, KEPT_FEEDS)) {
      await cachedFeed(key, async () => `<rss>${key}</rss>`, dir());
      await pause();
    }
    // The oldest is read again (the build in use), then one more feed is written (another base).
    const produce = vi.fn(async () => '<rss>not called</rss>');
    expect(await cachedFeed(keys[0], produce, dir())).toBe(`<rss>${keys[0]}</rss>`);
    expect(produce).not.toHaveBeenCalled();
    await pause();
    await cachedFeed(keys[KEPT_FEEDS], async () => '<rss>newest</rss>', dir());
    expect(await entries()).toContain(`${keys[0]}.xml`);
    expect(await entries()).not.toContain(`${keys[1]}.xml`);
  });

  test('a failure is not kept', async () => {
    const key = feedCacheKey('f', 'a');
    await expect(cachedFeed(key, async () => Promise.reject(new Error('broken post')), dir())).rejects.toThrow('broken post');
    expect(await cachedFeed(key, async () => '<p>fixed</p>', dir())).toBe('<p>fixed</p>');
  });

  test('lives in node_modules/.cache/feed unless $FEED_CACHE_DIR moves it', () => {
    expect(feedCacheDir({}, '/project')).toBe('/project/node_modules/.cache/feed');
    expect(feedCacheDir({ [FEED_CACHE_DIR_ENV]: '/tmp/feed' }, '/project')).toBe('/tmp/feed');
  });
});
