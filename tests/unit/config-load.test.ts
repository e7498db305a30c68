/**
 * Astro loads astro.config.mjs with Node's own import first; only if that fails does it fall back
 * to a Vite loader, which it closes once the config is read. The integrations import modules
 * later, in their build hooks, so under the fallback the build fails at its very end ("Vite module
 * runner has been closed"). Node's type stripping runs TypeScript that only needs its types
 * erased: no parameter properties, enums or namespaces in anything the config imports.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site.ts';

test('astro.config.mjs and all it imports load with Node’s own import', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const config = await import('./astro.config.mjs'); console.log(config.default.integrations.map((i) => i.name).join(','));",
    ],
    { cwd: ROOT, env: cleanEnv() },
  );
  expect(stdout.trim().split(',')).toEqual(expect.arrayContaining(['chart-runtime', 'portable-html']));
}, 30_000);
