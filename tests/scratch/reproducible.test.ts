/**
 * Reproducible builds: two clean builds, from two fresh copies of the site in different folders,
 * produce byte-identical output.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { fileTree } from '../support/file-tree.ts';
import { scratchSite } from '../support/scratch-site.ts';

test('two clean builds produce the same bytes', async () => {
  const [a, b] = await Promise.all([scratchSite({ withPosts: true }), scratchSite({ withPosts: true })]);
  try {
    await buildSite(join(a.root, 'dist'), a.root);
    await buildSite(join(b.root, 'dist'), b.root);
    const [first, second] = await Promise.all([fileTree(join(a.root, 'dist')), fileTree(join(b.root, 'dist'))]);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([path, bytes]) => !second.get(path)!.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(first.size).toBeGreaterThan(5);
  } finally {
    await Promise.all([a.remove(), b.remove()]);
  }
}, 180_000);
