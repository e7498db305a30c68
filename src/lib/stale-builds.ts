/**
 * What a build killed midway (kill -9, a crash, a closed terminal) leaves beside dist/, and the
 * next build's clean-up of it. src/cli/build.ts stages into `dist.building-<pid>/` and, to swap,
 * renames dist/ to `dist.previous-<pid>/`, the staging folder to dist/, then removes the previous
 * one; <pid> is the build's process id. A folder whose process is gone is stale. One whose process
 * is alive belongs to a build still running (two builds at once), and is left alone.
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Whether a process with this id exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface BuildFolder {
  readonly name: string;
  readonly kind: 'building' | 'previous';
  readonly pid: number;
}

/** The staging and previous folders of builds of `outDir` found beside it, with their process ids. */
export async function buildFolders(outDir: string): Promise<BuildFolder[]> {
  const base = basename(outDir).replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');
  const pattern = new RegExp(`^${base}\\.(building|previous)-([1-9][0-9]*)$`);
  const entries = await readdir(dirname(outDir), { withFileTypes: true }).catch(() => []);
  return entries.flatMap((entry) => {
    const match = entry.isDirectory() ? pattern.exec(entry.name) : null;
    return match ? [{ name: entry.name, kind: match[1] as BuildFolder['kind'], pid: Number(match[2]) }] : [];
  });
}

export interface StaleCleanup {
  /** Folders removed, by name. */
  readonly removed: string[];
  /** A previous folder put back as `outDir`, when a build died between its two renames. */
  readonly restored?: string;
}

/**
 * Removes the folders of dead builds beside `outDir`, never those of `ownPid` or of a live process.
 * When `outDir` is missing and a dead build's previous folder exists, that build died between
 * moving the last good site aside and moving its own in: the previous folder is put back instead.
 */
export async function removeStaleBuilds(outDir: string, ownPid = process.pid, isAlive = processAlive): Promise<StaleCleanup> {
  const stale = (await buildFolders(outDir)).filter(({ pid }) => pid !== ownPid && !isAlive(pid));
  const parent = dirname(outDir);
  let restored: string | undefined;
  const outDirExists = async () => (await readdir(parent)).includes(basename(outDir));
  const previous = stale.find(({ kind }) => kind === 'previous');
  if (previous && !(await outDirExists())) {
    await rename(join(parent, previous.name), outDir);
    restored = previous.name;
  }
  const removed: string[] = [];
  for (const folder of stale) {
    if (folder.name === restored) continue;
    // Retries: a killed build's orphaned child may still be writing into it for a moment.
    await rm(join(parent, folder.name), { recursive: true, force: true, maxRetries: 5 });
    removed.push(folder.name);
  }
  return restored ? { removed, restored } : { removed };
}
