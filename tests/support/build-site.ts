/**
 * Builds the site once for the build and browser tests, into a temporary folder, with the same
 * `astro build` command `npm run build` runs; the path reaches the tests through vitest's provide/inject.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * vitest fills process.env with its own import.meta.env (MODE=test, PROD='', DEV=1, ...); Vite
 * would read those back into the build, making import.meta.env.PROD false there.
 */
const VITEST_ENV = new Set(['NODE_ENV', 'MODE', 'PROD', 'DEV', 'SSR', 'BASE_URL', 'TEST']);

/** This process's environment without what vitest added. */
export function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !VITEST_ENV.has(entry[0]) && !entry[0].startsWith('VITEST'),
    ),
  );
}

/** Runs `astro build` for the repository (or `root`) into `outDir`, in a child process with the environment `npm run build` has. */
export async function buildSite(
  outDir: string,
  root = ROOT,
  extraEnv: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string }> {
  const env = { ...cleanEnv(), ...extraEnv };
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return run(process.execPath, [astro, 'build', '--root', root, '--outDir', outDir], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs `npm run build`'s script (src/cli/build.ts: build beside dist/, swap on success) in `root`. */
export async function npmRunBuild(root: string): Promise<{ stdout: string; stderr: string }> {
  const env = cleanEnv();
  return run(process.execPath, ['src/cli/build.ts'], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
}

export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), 'blog-dist-'));
  await buildSite(outDir);
  project.provide('distDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
