/**
 * treeFingerprint under load: Astro makes one MDX renderer per post, each asking for the source
 * tree's fingerprint at the same moment. 200 posts each reading ~100 files at once ran out of file
 * descriptors (EMFILE, at the 20,000 this machine allows); calls in flight now share one read.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    readFile: ((...args: Parameters<typeof fs.readFile>) => {
      reads.count++;
      return fs.readFile(...args);
    }) as typeof fs.readFile,
  };
});

const { treeFingerprint } = await import('../../src/lib/build-cache.ts');

test('200 concurrent calls read each file once and agree; a later call reads again (and sees a change)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'tree-fingerprint-'));
  await mkdir(join(root, 'src'));
  for (let i = 0; i < 30; i++) await writeFile(join(root, 'src', `f${i}.ts`), `export const n = ${i};\n`);
  reads.count = 0;
  const prints = await Promise.all(Array.from({ length: 200 }, () => treeFingerprint(root, ['src'], ['package.json'])));
  expect(new Set(prints).size).toBe(1);
  expect(reads.count).toBeLessThanOrEqual(31);
  await writeFile(join(root, 'src', 'f0.ts'), 'export const n = -1;\n');
  expect(await treeFingerprint(root, ['src'], ['package.json'])).not.toBe(prints[0]);
  await rm(root, { recursive: true, force: true });
});
