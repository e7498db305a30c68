/** A scratch site whose posts are the fixture posts (tests/fixtures/posts), built. */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite, ROOT } from './build-site.ts';
import { scratchSite, type ScratchSite } from './scratch-site.ts';

/** Copies the fixture posts into a fresh scratch site and builds it; remove the site when done. */
export async function builtFixtureSite(): Promise<{ site: ScratchSite; dist: string }> {
  const site = await scratchSite();
  await cp(join(ROOT, 'tests', 'fixtures', 'posts'), join(site.root, 'content', 'posts'), { recursive: true });
  const dist = join(site.root, 'dist');
  await buildSite(dist, site.root);
  return { site, dist };
}
