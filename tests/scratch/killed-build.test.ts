/**
 * A build killed with kill -9 during route generation leaves its staging folder
 * (`dist.building-<pid>/`) behind; the next `npm run build` removes it, and leaves alone the
 * staging folder of a build that is still running.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanEnv, npmRunBuild } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';

let site: ScratchSite;
beforeAll(async () => {
  site = await scratchSite({ withPosts: true });
});
afterAll(async () => {
  await site?.remove();
});

const leftBeside = async () => (await readdir(site.root)).filter((name) => name === 'dist' || name.startsWith('dist.')).sort();

/** Starts `npm run build`'s script in a process group of its own, and kills the whole group with SIGKILL once `phrase` is printed. */
async function buildKilledAt(phrase: string): Promise<number> {
  const child = spawn(process.execPath, ['src/cli/build.ts'], {
    cwd: site.root,
    env: cleanEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.on('exit', done));
  let output = '';
  await new Promise<void>((reached, failed) => {
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(phrase)) reached();
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', () => failed(new Error(`the build ended before printing "${phrase}":\n${output}`)));
  });
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
  return child.pid!;
}

test('the next build removes the staging folder of a build killed during route generation, and keeps a running build’s', async () => {
  const killed = await buildKilledAt('generating static routes');
  expect(await leftBeside()).toEqual([`dist.building-${killed}`]);

  // A build still running: its process is alive, and its staging folder must stay.
  const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600_000)'], { stdio: 'ignore' });
  try {
    await mkdir(join(site.root, `dist.building-${running.pid}`));
    await writeFile(join(site.root, `dist.building-${running.pid}`, 'index.html'), 'half a site');

    const { stdout } = await npmRunBuild(site.root);
    expect(stdout).toContain(`Removed what killed builds left behind: dist.building-${killed}.`);
    expect(await leftBeside()).toEqual(['dist', `dist.building-${running.pid}`]);
    expect(await readdir(join(site.root, 'dist'))).toContain('index.html');
  } finally {
    running.kill();
  }
});
