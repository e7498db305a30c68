/**
 * Builds the site once for the build and browser tests, into a temporary folder, with Astro's
 * programmatic API; the path reaches the tests through vitest's provide/inject.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `astro build` for the repository (or `root`) into `outDir`. */
export async function buildSite(outDir: string, root = ROOT): Promise<void> {
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: 'warn' });
}

export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), 'blog-dist-'));
  await buildSite(outDir);
  project.provide('distDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
