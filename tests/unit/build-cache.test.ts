import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fingerprint, pruneUnused, readCacheEntry, touchCacheEntry, writeCacheEntry } from '../../src/lib/build-cache.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'build-cache-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('entries are written whole and read back; a missing one reads as undefined', async () => {
  await writeCacheEntry(join(dir, 'sub'), join(dir, 'sub', 'a.json'), '{"a":1}');
  expect(await readCacheEntry(join(dir, 'sub', 'a.json'))).toBe('{"a":1}');
  expect(await readCacheEntry(join(dir, 'sub', 'missing.json'))).toBeUndefined();
  expect((await readdir(join(dir, 'sub'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

test('pruneUnused removes what was neither written nor touched since the build began', async () => {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of ['used.json', 'stale.json', 'other.txt']) {
    await writeFile(join(dir, name), name);
    await utimes(join(dir, name), hourAgo, hourAgo);
  }
  const buildStarted = Date.now();
  await touchCacheEntry(join(dir, 'used.json'));
  await writeFile(join(dir, 'new.json'), 'new');
  // Written during the build on a file system that keeps times to the second: it seems older.
  await writeFile(join(dir, 'coarse.json'), 'coarse');
  await utimes(join(dir, 'coarse.json'), new Date(buildStarted - 900), new Date(buildStarted - 900));
  expect(await pruneUnused(dir, '.json', buildStarted)).toBe(1);
  expect((await readdir(dir)).sort()).toEqual(['coarse.json', 'new.json', 'other.txt', 'used.json']);
  expect(await pruneUnused(join(dir, 'missing'), '.json', buildStarted)).toBe(0);
});

test('fingerprint depends on names, bytes and where one part ends', () => {
  const base = fingerprint([
    ['a', 'xy'],
    ['b', 'z'],
  ]);
  expect(
    fingerprint([
      ['a', 'xy'],
      ['b', 'z'],
    ]),
  ).toBe(base);
  expect(
    fingerprint([
      ['a', 'x'],
      ['b', 'yz'],
    ]),
  ).not.toBe(base);
  expect(
    fingerprint([
      ['c', 'xy'],
      ['b', 'z'],
    ]),
  ).not.toBe(base);
  expect(
    fingerprint([
      ['a', Buffer.from('xy')],
      ['b', 'z'],
    ]),
  ).toBe(base);
});
