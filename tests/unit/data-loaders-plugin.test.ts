/**
 * The Vite plugin of data loaders (src/integrations/data-loaders.ts) in a dev server: under
 * `astro dev` a changed loader serves its last result while it runs again (tests/scratch/
 * loader-dev.test.ts), but under vitest, which runs a dev server too, a test gets the current result.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ViteDevServer } from 'vite';
import dataLoaders from '~/integrations/data-loaders.ts';

const API = JSON.stringify(new URL('../../src/lib/loaders/loader.ts', import.meta.url).pathname);
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'blog-loader-plugin-'));
  await mkdir(join(root, 'post'));
  await writeFile(join(root, 'package-lock.json'), '{}\n');
  await writeFile(join(root, 'post', 'value.ts'), 'export const value = 1;\n');
  await writeFile(
    join(root, 'post', 'v.data.ts'),
    `import { dataLoader } from ${API};\nimport { value } from './value.ts';\nexport default dataLoader(() => value);\n`,
  );
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The plugin as a dev server sets it up, and its load hook as Vite calls it. */
function devPlugin(): (id: string) => Promise<string | undefined> {
  const plugin = dataLoaders() as unknown as {
    configResolved(config: { root: string }): void;
    configureServer(server: ViteDevServer): void;
    load(this: { addWatchFile(file: string): void }, id: string): Promise<{ code: string } | null>;
  };
  plugin.configResolved({ root });
  plugin.configureServer({ environments: {}, ws: { send() {} }, config: { logger: { error() {} } } } as unknown as ViteDevServer);
  return async (id) => (await plugin.load.call({ addWatchFile() {} }, id))?.code;
}

test('under vitest a changed loader is run again before its module is given, not served stale', async () => {
  expect(process.env.VITEST).toBeTruthy();
  const load = devPlugin();
  const id = join(root, 'post', 'v.data.ts');
  expect(await load(id)).toBe('export default 1;\n');
  await writeFile(join(root, 'post', 'value.ts'), 'export const value = 2;\n');
  expect(await load(id)).toBe('export default 2;\n');
  // Other modules, and a loader's source asked for as text, are not the plugin's.
  expect(await load(join(root, 'post', 'value.ts'))).toBeUndefined();
  expect(await load(`${id}?raw`)).toBeUndefined();
});
