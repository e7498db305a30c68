/**
 * Rebuilds with the build's caches (compiled MDX, charts, feed, offline files): a rebuild that changed
 * nothing gives the same bytes as the build before it and renders nothing again, a change to a module
 * a post imports (not the post itself) reaches both the page and the feed, and so does a change to
 * the post's own text.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { fileTree } from '../support/file-tree.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';

let site: ScratchSite;
beforeAll(async () => {
  site = await scratchSite({ withPosts: true });
});
afterAll(async () => {
  await site?.remove();
});

/** Figure 1's y axis title, which the test edits in figures.ts. */
const Y_TITLE = 'σ(x), σ′(x) and the tangent';
const FIGURES = 'content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';
const POST = 'content/posts/nlp/rnns-and-vanishing-gradients/index.mdx';
const PAGE = 'posts/nlp/rnns-and-vanishing-gradients/index.html';

/**
 * Each cache's entries with their inode numbers: entries are written to a temporary file and
 * renamed into place, so an entry written again is a new inode. (Not the modification time: a
 * build touches the chart entries it reads, to keep them from the prune.)
 */
async function cacheEntries(): Promise<Map<string, number>> {
  const root = join(site.root, 'node_modules', '.cache');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [f.slice(root.length), (await stat(f)).ino] as const)));
}

test('a no-change rebuild gives the same bytes from the caches; a changed figures module or post reaches the page and the feed', async () => {
  const build = (name: string) => buildSite(join(site.root, name), site.root);

  await build('dist-cold');
  const cached = await cacheEntries();
  expect([...cached.keys()].filter((path) => path.startsWith('/charts/'))).toHaveLength(2);
  expect([...cached.keys()].filter((path) => path.startsWith('/feed/'))).toHaveLength(1);
  const offlineEntries = (entries: Map<string, number>) => [...entries.keys()].filter((path) => path.startsWith('/offline/'));
  expect(offlineEntries(cached)).toHaveLength(1);
  const mdxEntries = (entries: Map<string, number>) => [...entries].filter(([path]) => path.startsWith('/mdx/'));
  expect(mdxEntries(cached)).toHaveLength(1);

  await build('dist-warm');
  const [cold, warm] = await Promise.all([fileTree(join(site.root, 'dist-cold')), fileTree(join(site.root, 'dist-warm'))]);
  expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
  expect([...cold].filter(([path, bytes]) => !warm.get(path)!.equals(bytes)).map(([path]) => path)).toEqual([]);
  // Nothing was rendered again: no entry was written, none was added.
  expect(await cacheEntries()).toEqual(cached);

  // The figure's y axis title lives in figures.ts, which the post imports; the post's MDX is untouched.
  const figures = await readFile(join(site.root, FIGURES), 'utf8');
  expect(figures).toContain(`yTitle: '${Y_TITLE}'`);
  await site.write(FIGURES, figures.replace(`yTitle: '${Y_TITLE}'`, "yTitle: 'Sigmoid, edited'"));
  await build('dist-edited');
  // The page changed, so its offline file was built again, and the old one left the cache; so did
  // the edited chart's old render, while the other chart's stayed.
  const afterEdit = await cacheEntries();
  // The post itself was not compiled again.
  expect(mdxEntries(afterEdit)).toEqual(mdxEntries(cached));
  expect(offlineEntries(afterEdit)).toHaveLength(1);
  expect(offlineEntries(afterEdit)).not.toEqual(offlineEntries(cached));
  const chartEntries = (entries: Map<string, number>) => [...entries.keys()].filter((path) => path.startsWith('/charts/'));
  expect(chartEntries(afterEdit)).toHaveLength(2);
  expect(chartEntries(afterEdit).filter((path) => chartEntries(cached).includes(path))).toHaveLength(1);
  // The chart (its SVG, spec, table and the listing of figures.ts) no longer says the old title.
  const count = (text: string, phrase: string) => text.split(phrase).length - 1;
  for (const file of [PAGE, 'rss.xml']) {
    const before = cold.get(`/${file}`)!.toString('utf8');
    const after = await readFile(join(site.root, 'dist-edited', file), 'utf8');
    expect(count(before, 'Sigmoid, edited'), file).toBe(0);
    expect(count(after, 'Sigmoid, edited'), file).toBeGreaterThan(0);
    expect(count(after, Y_TITLE), file).toBeLessThan(count(before, Y_TITLE));
  }

  // An edit to the post's prose: compiled again, on the page and in the feed, the old module pruned.
  const intuitive = 'from an intuitive standpoint';
  const post = await readFile(join(site.root, POST), 'utf8');
  expect(post).toContain(intuitive);
  await site.write(POST, post.replace(intuitive, 'from an edited standpoint'));
  await build('dist-post-edited');
  const afterPostEdit = mdxEntries(await cacheEntries());
  expect(afterPostEdit).toHaveLength(1);
  expect(afterPostEdit[0]![0]).not.toBe(mdxEntries(cached)[0]![0]);
  for (const file of [PAGE, 'rss.xml']) {
    const after = await readFile(join(site.root, 'dist-post-edited', file), 'utf8');
    expect(after, file).toContain('from an edited standpoint');
    expect(after, file).not.toContain(intuitive);
  }
}, 300_000);
