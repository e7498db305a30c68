/**
 * `npm run build`: builds the site into a temporary folder beside dist/ and swaps it in only when
 * the build succeeds, so a broken post never costs the last good site.
 *
 *   node src/cli/build.ts [--outDir dist] [--root .]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { removeStaleBuilds } from '../lib/stale-builds.ts';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, root: { type: 'string', default: '.' } } });
const root = resolve(values.root);
const outDir = resolve(root, values.outDir);
// Beside dist/, so the final swap is a rename on one file system.
const staging = `${outDir}.building-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;

/** Runs `astro build` with this Node (22, from the `node` devDependency) and its output shown as it comes. */
function astroBuild(): Promise<number> {
  const astro = resolve(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((done) => {
    spawn(process.execPath, [astro, 'build', '--root', root, '--outDir', staging], { stdio: 'inherit' })
      .on('exit', (code) => done(code ?? 1))
      .on('error', () => done(1));
  });
}

// What builds killed midway left beside dist/ (those of builds still running stay).
const cleanup = await removeStaleBuilds(outDir).catch((error: Error) => {
  console.warn(`Could not remove what earlier builds left beside ${values.outDir}/: ${error.message}`);
  return { removed: [], restored: undefined };
});
if (cleanup.restored) console.log(`${values.outDir}/ was missing: put back the last good build from ${cleanup.restored}/.`);
if (cleanup.removed.length > 0) console.log(`Removed what killed builds left behind: ${cleanup.removed.join(', ')}.`);

const code = await astroBuild();
if (code !== 0) {
  await rm(staging, { recursive: true, force: true });
  const kept = existsSync(outDir) ? `${values.outDir}/ still holds the last good build` : `${values.outDir}/ was not written`;
  console.error(`\nThe build failed (see the error above); ${kept}.`);
  process.exit(code);
}
if (existsSync(outDir)) await rename(outDir, previous);
await rename(staging, outDir);
await rm(previous, { recursive: true, force: true });
console.log(`\nBuilt into ${values.outDir}/.`);
