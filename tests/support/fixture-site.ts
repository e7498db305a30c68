/**
 * The fixture posts (tests/fixtures/posts) in a scratch site, built once for the `fixtures`
 * project's tests (vitest.config.ts), which read its dist through vitest's provide/inject; the
 * bench builds it too.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from './build-site.ts';
import { scratchSite, type ScratchSite } from './scratch-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDist: string;
  }
}

/** Copies the fixture posts into a fresh scratch site and builds it; remove the site when done. */
export async function builtFixtureSite(): Promise<{ site: ScratchSite; dist: string }> {
  const site = await scratchSite();
  await cp(join(ROOT, 'tests', 'fixtures', 'posts'), join(site.root, 'content', 'posts'), { recursive: true });
  const dist = join(site.root, 'dist');
  await buildSite(dist, site.root);
  return { site, dist };
}

/** The `fixtures` project's global setup: one build for all its test files. */
export default async function setup(project: TestProject) {
  const { site, dist } = await builtFixtureSite();
  project.provide('fixtureDist', dist);
  return () => site.remove();
}
