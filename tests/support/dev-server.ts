/**
 * `astro dev` on a site, for the tests and the bench that watch what an author sees while
 * editing: started in a child process with the environment `npm run dev` has, on a port of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv, ROOT } from './build-site.ts';

export interface DevServer {
  /** Its origin, e.g. http://127.0.0.1:4391. */
  readonly origin: string;
  /** Everything it has printed so far. */
  output(): string;
  stop(): void;
}

/** Starts `astro dev` for `root` on `port`; resolves once it listens. */
export async function startDevServer(root: string, port: number): Promise<DevServer> {
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const dev: ChildProcess = spawn(process.execPath, [astro, 'dev', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...cleanEnv(), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    dev.stdout!.on('data', read);
    dev.stderr!.on('data', read);
    dev.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
  });
  return { origin, output: () => output, stop: () => void dev.kill() };
}
