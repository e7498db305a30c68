/**
 * `npm run build` never destroys the last good site: it builds beside dist/ and swaps only on
 * success. A good build, then a broken post: dist/ is still the good one, byte for byte, and the
 * error says why.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fileTree } from '../support/file-tree.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';
import { npmRunBuild } from '../support/build-site.ts';

let site: ScratchSite;

beforeAll(async () => {
  site = await scratchSite({ withPosts: true });
});
afterAll(async () => {
  await site?.remove();
});

const npmRunBuildHere = () => npmRunBuild(site.root);

test('a failed build leaves the last good dist/ exactly as it was, and says why', async () => {
  await npmRunBuildHere();
  const good = await fileTree(join(site.root, 'dist'));
  expect([...good.keys()]).toContain('/posts/nlp/rnns-and-vanishing-gradients/index.html');

  await site.write(
    'content/posts/nlp/broken/index.mdx',
    [
      '---',
      'title: Broken',
      'date: 2026-01-01',
      'description: A post whose chart asks for a mark that does not exist.',
      '---',
      "import { VegaChart } from '~/components/index.ts';",
      '',
      '<VegaChart id="broken-chart" spec={{ mark: \'lines\', data: { values: [{ a: 1 }] } }} caption="Broken" />',
      '',
    ].join('\n'),
  );
  const failure = await npmRunBuildHere().then(
    () => null,
    (error: { code: number; stderr: string; stdout: string }) => error,
  );
  expect(failure, 'the broken build must fail').not.toBeNull();
  expect(failure!.code).not.toBe(0);
  const output = failure!.stdout + failure!.stderr;
  expect(output).toContain('chart "broken-chart": the Vega-Lite spec is invalid');
  expect(output).toContain('dist/ still holds the last good build');

  const after = await fileTree(join(site.root, 'dist'));
  expect([...after.keys()].sort()).toEqual([...good.keys()].sort());
  for (const [path, bytes] of good) expect(after.get(path)!.equals(bytes), path).toBe(true);
  // No staging folder is left behind.
  expect((await readdir(site.root)).filter((name) => name.startsWith('dist.'))).toEqual([]);
});
