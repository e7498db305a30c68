/**
 * The loaders' cache key (src/lib/loaders/cache.ts): a loader runs again when its source, a module
 * it imports, a data file it read or the lock file changes, and only then; and what a failing or
 * misbehaving loader is told. Each test works in a throwaway project of its own.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoaderCache } from '~/lib/loaders/cache.ts';

const API = JSON.stringify(new URL('../../src/lib/loaders/loader.ts', import.meta.url).pathname);

let root: string;
let logged: string[];
let cache: LoaderCache;
const write = async (path: string, text: string) => {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
};
const LOADER = 'content/posts/demo/counts.data.ts';
const loaderFile = () => join(root, LOADER);
const run = () => cache.result(loaderFile());
const failedWith = (): Promise<Error & { loc?: unknown }> =>
  run().then(
    () => new Error('no error'),
    (error: Error) => error,
  );
const failure = async () => (await failedWith()).message;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'blog-loaders-'));
  logged = [];
  cache = new LoaderCache({ root, dir: join(root, 'cache'), log: (line) => logged.push(line), quietMs: 300 });
  await write('package-lock.json', '{"lockfileVersion": 3}\n');
  await write('content/posts/demo/index.mdx', 'Prose.\n');
  await write('content/posts/other/index.mdx', 'Other prose.\n');
  await write('content/posts/demo/scale.ts', 'export const scale = 2;\n');
  await write('content/posts/demo/counts.csv', 'word,count\nthe,3\nof,2\n');
  await write(
    LOADER,
    [
      `import { dataLoader } from ${API};`,
      "import { scale } from './scale.ts';",
      "export default dataLoader(({ csv }) => csv('counts.csv', { word: 'string', count: 'integer' }).map((r) => ({ ...r, count: r.count * scale })));",
      '',
    ].join('\n'),
  );
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the loaders cache key', () => {
  it('runs a loader once, then serves its result until an input changes', async () => {
    const first = await run();
    expect(first.ran).toBe(true);
    expect(first.module).toBe('export default [{"word":"the","count":6},{"word":"of","count":4}];\n');
    expect(first.watch.map((f) => f.slice(root.length + 1))).toEqual(
      expect.arrayContaining([LOADER, 'content/posts/demo/scale.ts', 'content/posts/demo/counts.csv']),
    );
    expect(logged).toEqual([expect.stringMatching(/^ {2}content\/posts\/demo\/counts\.data\.ts: ran in \d\.\d s;/)]);
    const second = await run();
    expect(second).toMatchObject({ ran: false, module: first.module });
    expect(logged).toHaveLength(1);
  });

  it('does not rerun for prose, another post or an unused file', async () => {
    await run();
    await write('content/posts/demo/index.mdx', 'Prose, edited.\n');
    await write('content/posts/other/index.mdx', 'Other prose, edited.\n');
    await write('content/posts/demo/unused.csv', 'a\n1\n');
    await write('content/posts/demo/helper-not-imported.ts', 'export const x = 1;\n');
    expect((await run()).ran).toBe(false);
  });

  it.each([
    ['the loader', LOADER, (text: string) => text.replace('r.count * scale', 'r.count * scale + 0')],
    ['a module it imports', 'content/posts/demo/scale.ts', () => 'export const scale = 3;\n'],
    ['a data file it read', 'content/posts/demo/counts.csv', () => 'word,count\nthe,4\n'],
    ['the lock file', 'package-lock.json', () => '{"lockfileVersion": 3, "packages": {}}\n'],
  ])('reruns when %s changes', async (_, path, edit) => {
    await run();
    const { readFile } = await import('node:fs/promises');
    await write(path, edit(await readFile(join(root, path), 'utf8')));
    const again = await run();
    expect(again.ran).toBe(true);
    expect((await run()).ran).toBe(false);
  });

  it('gives the same bytes from a cold cache twice: its generator and Math.random are seeded', async () => {
    await write(
      LOADER,
      `import { dataLoader } from ${API};\nexport default dataLoader(({ random }) => [random.next(), random.normal(), Math.random()]);\n`,
    );
    const first = await run();
    await rm(join(root, 'cache'), { recursive: true });
    const second = await run();
    expect(second.ran).toBe(true);
    expect(second.module).toBe(first.module);
  });

  it('serves the last result at once while a changed loader runs again (astro dev)', async () => {
    const before = await run();
    await write('content/posts/demo/scale.ts', 'export const scale = 10;\n');
    const stale = await cache.result(loaderFile(), { staleWhileRunning: true });
    expect(stale.module).toBe(before.module);
    const fresh = await stale.refreshing!;
    expect(fresh.module).toContain('"count":30');
    expect((await run()).module).toBe(fresh.module);
  });

  it('prints a progress line past its quiet time, with what the loader reported', async () => {
    await write(
      LOADER,
      [
        `import { dataLoader } from ${API};`,
        'export default dataLoader(async ({ progress }) => {',
        '  for (let epoch = 1; epoch <= 8; epoch++) { progress(`epoch ${epoch}/8`); await new Promise((r) => setTimeout(r, 100)); }',
        '  return 1;',
        '});',
      ].join('\n'),
    );
    await run();
    expect(
      logged.some((line) => /^ {2}content\/posts\/demo\/counts\.data\.ts: \d\.\d s, epoch [2-8]\/8$/.test(line)),
      logged.join('\n'),
    ).toBe(true);
    expect(logged.at(-1)).toMatch(/counts\.data\.ts: ran in \d\.\d s; its result is cached for the next build$/);
  });
});

describe('a loader that fails', () => {
  it('names the file, the error and where it was thrown, and caches nothing', async () => {
    await write(
      LOADER,
      `import { dataLoader } from ${API};\nexport default dataLoader(() => {\n  throw new Error('the corpus is empty');\n});\n`,
    );
    const error = await failedWith();
    expect(error.message).toBe(`${LOADER}: the loader threw: the corpus is empty (at ${LOADER}:3:9)`);
    // Where Astro points the author ("Location:" and a code frame): the throw in the loader.
    expect(error.loc).toEqual({ file: loaderFile(), line: 3, column: 9 });
    expect(await readdir(join(root, 'cache')).catch(() => [])).toEqual([]);
  });

  it('refuses a result that is not data, by its path', async () => {
    await write(LOADER, `import { dataLoader } from ${API};\nexport default dataLoader(() => ({ words: new Map() }));\n`);
    // Not thrown by the author's code: it points at the loader's first line, never into the runtime.
    expect((await failedWith()).loc).toEqual({ file: loaderFile(), line: 1, column: 1 });
    expect(await failure()).toMatch(new RegExp(`^${LOADER}: the loader threw: result\\.words is a Map, which a loader cannot return`));
  });

  it('refuses a module without a dataLoader default export', async () => {
    await write(LOADER, 'export default 42;\n');
    expect(await failure()).toContain(`${LOADER} must have a default export made by dataLoader`);
  });

  it('refuses Node modules: data files are read through the context', async () => {
    await write(
      LOADER,
      `import { readFileSync } from 'node:fs';\nimport { dataLoader } from ${API};\nexport default dataLoader(() => readFileSync('/etc/hostname', 'utf8'));\n`,
    );
    expect(await failure()).toMatch(
      new RegExp(`^${LOADER}: ${LOADER} imports node:fs\\. A loader reads its data files through its context`),
    );
  });

  it('names the bad row of a data file', async () => {
    await write('content/posts/demo/counts.csv', 'word,count\nthe,3\nof,two\n');
    expect(await failure()).toBe(
      `${LOADER}: the loader threw: counts.csv: line 3, column "count": expected an integer, got "two" (at ${LOADER}:3:40)`,
    );
  });

  it.each([
    ['../other/index.csv', "a loader reads data files in its own post's folder only"],
    ['/etc/passwd.csv', "a loader reads data files in its own post's folder only"],
    ['missing.csv', 'there is no such file beside the loader'],
    ['linked.csv', "is a link to a file outside the post's folder"],
  ])('refuses to read %s', async (file, said) => {
    await write('content/posts/other/index.csv', 'a\n1\n');
    await symlink(join(root, 'content/posts/other/index.csv'), join(root, 'content/posts/demo/linked.csv'));
    await write(
      LOADER,
      `import { dataLoader } from ${API};\nexport default dataLoader(({ csv }) => csv(${JSON.stringify(file)}, { a: 'number' }));\n`,
    );
    expect(await failure()).toContain(said);
  });

  it('cannot read outside its folder by other means either (the permission model)', async () => {
    await write(
      LOADER,
      `import { dataLoader } from ${API};\nexport default dataLoader(() => process.getBuiltinModule('fs').readFileSync('/etc/hostname', 'utf8'));\n`,
    );
    expect(await failure()).toMatch(
      /the loader threw: Access to this API has been restricted.* \(a loader's process may read only its own post's folder, through csv, tsv and json\)/,
    );
  });
});
