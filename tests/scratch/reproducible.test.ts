/**
 * Reproducible builds: two clean builds, from two fresh copies of the site in different folders,
 * produce byte-identical output.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { scratchSite } from '../support/scratch-site.ts';

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [f.slice(dir.length), await readFile(f)] as const)));
}

test('two clean builds produce the same bytes', async () => {
  const [a, b] = await Promise.all([scratchSite({ withPosts: true }), scratchSite({ withPosts: true })]);
  try {
    await buildSite(join(a.root, 'dist'), a.root);
    await buildSite(join(b.root, 'dist'), b.root);
    const [first, second] = await Promise.all([tree(join(a.root, 'dist')), tree(join(b.root, 'dist'))]);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([path, bytes]) => !second.get(path)!.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(first.size).toBeGreaterThan(5);
  } finally {
    await Promise.all([a.remove(), b.remove()]);
  }
}, 180_000);
