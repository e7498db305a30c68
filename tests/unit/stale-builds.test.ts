/**
 * The clean-up of what killed builds leave beside dist/ (src/lib/stale-builds.ts): a dead
 * build's folders go, a live build's stay, and a site moved aside by a build that died before
 * moving its own in is put back.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { buildFolders, processAlive, removeStaleBuilds } from '../../src/lib/stale-builds.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'stale-builds-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The id of a process that has exited (a child run to its end). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  expect(processAlive(child.pid!)).toBe(false);
  return child.pid!;
}

async function folder(name: string, file = 'index.html', text = name): Promise<void> {
  await mkdir(join(root, name), { recursive: true });
  await writeFile(join(root, name, file), text);
}

const listing = async () => (await readdir(root)).sort();

test('processAlive: this process is, an exited one is not', () => {
  expect(processAlive(process.pid)).toBe(true);
  expect(processAlive(deadPid())).toBe(false);
});

test('buildFolders: only the staging and previous folders of this outDir, with their pids', async () => {
  for (const name of [
    'dist',
    'dist.building-12',
    'dist.previous-34',
    'dist.building-abc',
    'dist.building-',
    'distx.building-5',
    'other.building-6',
  ])
    await folder(name);
  await writeFile(join(root, 'dist.building-78'), 'a file, not a folder');
  const found = await buildFolders(join(root, 'dist'));
  expect(found.sort((a, b) => a.pid - b.pid)).toEqual([
    { name: 'dist.building-12', kind: 'building', pid: 12 },
    { name: 'dist.previous-34', kind: 'previous', pid: 34 },
  ]);
});

test("removes a dead build's folders and leaves a live build's and its own", async () => {
  const dead = deadPid();
  const live = process.ppid; // the vitest main process: alive
  await folder('dist');
  await folder(`dist.building-${dead}`);
  await folder(`dist.previous-${dead}`);
  await folder(`dist.building-${live}`);
  await folder('dist.building-1', 'x', 'this one is "ours"');
  const cleanup = await removeStaleBuilds(join(root, 'dist'), 1);
  expect(cleanup.removed.sort()).toEqual([`dist.building-${dead}`, `dist.previous-${dead}`].sort());
  expect(cleanup.restored).toBeUndefined();
  expect(await listing()).toEqual(['dist', 'dist.building-1', `dist.building-${live}`].sort());
});

test('puts the last good site back when a build died between its two renames', async () => {
  const dead = deadPid();
  await folder(`dist.previous-${dead}`, 'index.html', 'the last good site');
  await folder(`dist.building-${dead}`, 'index.html', 'a build that never got swapped in');
  const cleanup = await removeStaleBuilds(join(root, 'dist'));
  expect(cleanup).toEqual({ removed: [`dist.building-${dead}`], restored: `dist.previous-${dead}` });
  expect(await listing()).toEqual(['dist']);
  expect(await readFile(join(root, 'dist', 'index.html'), 'utf8')).toBe('the last good site');
});

test("a live build's previous folder is left alone even when dist/ is missing (it is mid-swap)", async () => {
  await folder(`dist.previous-${process.ppid}`);
  await folder(`dist.building-${process.ppid}`);
  expect(await removeStaleBuilds(join(root, 'dist'))).toEqual({ removed: [] });
  expect(await listing()).toEqual([`dist.building-${process.ppid}`, `dist.previous-${process.ppid}`]);
});

test('the liveness check is the one given', async () => {
  await folder('dist.building-41');
  await folder('dist.building-42');
  const cleanup = await removeStaleBuilds(join(root, 'dist'), process.pid, (pid) => pid === 42);
  expect(cleanup.removed).toEqual(['dist.building-41']);
  expect(await listing()).toEqual(['dist.building-42']);
});
