/**
 * Running a loader: bundled with esbuild (whose metafile is the loader's import graph, the cache's
 * key) and run in a child process of its own, so a slow loader blocks neither the build's other
 * work nor `astro dev`. The child may read only its bundle and the post's folder (Node's
 * permission model), and its code may import no Node module of its own: data files are read
 * through the loader's context, which tells the cache about them.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { NODE_BUILTINS } from '../node-builtins.ts';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { ChildArguments, ChildMessage } from './child.ts';

const LOADER_RUNTIME = fileURLToPath(new URL('./', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Where in the author's code a problem is: Astro shows this file and line (and a code frame) under "Location:". */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A loader's problem, naming its file as the author knows it, and where in the author's code it arose. */
export class LoaderError extends Error {
  // Plain fields, not parameter properties: Node's type stripping, which loads astro.config.mjs's
  // imports, cannot run those (and Astro then loads the config another way that breaks later imports).
  readonly file: string;
  readonly problem: string;
  readonly loc: SourceLocation | undefined;
  constructor(file: string, problem: string, loc?: SourceLocation, authorStack?: string) {
    super(`${file}: ${problem}`);
    this.name = 'LoaderError';
    this.file = file;
    this.problem = problem;
    this.loc = loc;
    // The build prints the stack: the loader's own frames (from its process, source-mapped), never the runtime's.
    const frames = (authorStack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line) && !line.includes(LOADER_RUNTIME) && !line.includes('(node:'));
    this.stack = [`${this.name}: ${this.message}`, ...frames].join('\n');
  }
}

/** A loader bundled for its child process, and the files it was made from. */
export interface LoaderBundle {
  code: string;
  /** Every file the bundle was made from, absolute, packages' files left out (the lock file stands for them). */
  inputs: string[];
}

/** Node's own modules are for the loader runtime; a loader reads its data through its context. */
function noNodeModules(label: string, root: string): Plugin {
  return {
    name: 'loader-no-node-modules',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (!NODE_BUILTINS.has(args.path)) return undefined;
        if (args.importer.startsWith(LOADER_RUNTIME) || args.importer.includes(`${sep}node_modules${sep}`))
          return { path: args.path, external: true };
        return {
          errors: [
            {
              text:
                `${label}: ${relativeOrAbsolute(args.importer, root)} imports ${args.path}. A loader reads its data files through ` +
                `its context (csv, tsv, json), which lets the cache know them, and reaches nothing else of the machine`,
            },
          ],
        };
      });
    },
  };
}

function relativeOrAbsolute(path: string, root: string): string {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot.split(sep).join('/');
}

/** Bundles the loader at `file` with the child's runtime into one ES module for Node. */
export async function bundleLoader(file: string, label: string, root: string): Promise<LoaderBundle> {
  const entry = [
    `import * as loaderModule from ${JSON.stringify(file)};`,
    `import { runInChild } from ${JSON.stringify(CHILD)};`,
    'void runInChild(loaderModule, JSON.parse(process.argv[2]));',
  ].join('\n');
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: dirname(file), loader: 'js' },
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      sourcemap: 'inline',
      // The map's paths are the project's, wherever the bundle is run from.
      sourceRoot: `${root}${sep}`,
      metafile: true,
      write: false,
      logLevel: 'silent',
      plugins: [noNodeModules(label, root)],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((input) => input !== '<stdin>' && !input.includes('node_modules/'))
      .map((input) => join(root, input))
      .sort();
    return { code: result.outputFiles[0]!.text, inputs };
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors;
    if (!errors?.length) throw error;
    const [first] = errors;
    const location = first!.location;
    const where = location ? ` (${location.file}:${location.line})` : '';
    const text = first!.text.startsWith(`${label}: `) ? first!.text.slice(label.length + 2) : first!.text;
    const loc = location
      ? { file: join(root, location.file), line: location.line, column: location.column + 1 }
      : { file, line: 1, column: 1 };
    throw new LoaderError(label, `${text}${where}`, loc);
  }
}

/** What a loader's run gave: its result and the data files it read (path in the folder → sha256). */
export interface LoaderRun {
  value: unknown;
  read: Record<string, string>;
  ms: number;
}

export interface RunOptions {
  /** The loader's file as the author knows it, for messages. */
  label: string;
  /** The post's folder: the only folder the child may read. */
  folder: string;
  /** The project's root, for paths in messages. */
  root: string;
  /** The loader's file, absolute: where a problem points when the author's code did not throw it. */
  loaderFile: string;
  /** Where progress lines go (the build's log). */
  log: (line: string) => void;
  /** How long a run goes quiet before its first progress line (ms). */
  quietMs?: number;
}

/**
 * The first frame of an error's stack in the author's code (not the loader runtime, not a package,
 * not Node's own), absolute.
 */
function authorFrame(stack: string | undefined): SourceLocation | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /(?:\(|at )((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file.startsWith(LOADER_RUNTIME) || file.includes(`${sep}node_modules${sep}`) || file.includes('<stdin>')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

// Loaders share the machine with the build: at most one fewer than its cores at once.
const MAX_RUNNING = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resume) => waiting.push(resume));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs a bundled loader in a child process. Past `quietMs` (a second) it logs a line each second:
 * the loader, the time so far, and its latest progress. A loader that throws, returns what is not
 * data or dies is a LoaderError naming it.
 */
export function runLoader(bundle: LoaderBundle, { label, folder, root, loaderFile, log, quietMs = 1000 }: RunOptions): Promise<LoaderRun> {
  return slot(async () => {
    const script = join(tmpdir(), `blog-loader-${process.pid}-${randomBytes(6).toString('hex')}.mjs`);
    await writeFile(script, bundle.code);
    const started = performance.now();
    let latest = '';
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    // Quiet for the first `quietMs`, then a line each second, so a long build never looks hung.
    let ticker: ReturnType<typeof setInterval> | undefined;
    const line = () => log(`  ${label}: ${seconds()} s${latest ? `, ${latest}` : ''}`);
    const first = setTimeout(() => {
      line();
      ticker = setInterval(line, 1000);
    }, quietMs);
    try {
      const args: ChildArguments = { folder, label };
      return await new Promise<LoaderRun>((resolveRun, rejectRun) => {
        const folders = [...new Set([folder, realpathSync(folder)])];
        const child = fork(script, [JSON.stringify(args)], {
          execArgv: [
            '--enable-source-maps',
            '--permission',
            `--allow-fs-read=${script}`,
            ...folders.map((f) => `--allow-fs-read=${f}${sep}`),
          ],
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        let settled: ChildMessage | undefined;
        child.on('message', (message: ChildMessage) => {
          if (message.type === 'progress') latest = message.message;
          else settled = message;
        });
        child.on('error', (error) => rejectRun(new LoaderError(label, `its process could not start: ${error.message}`)));
        child.on('exit', (code, signal) => {
          const ms = performance.now() - started;
          if (settled?.type === 'result') return resolveRun({ value: settled.value, read: settled.read, ms });
          // Problems the author's code did not throw itself point at the loader's first line.
          const loaderStart = { file: loaderFile, line: 1, column: 1 };
          if (settled?.type === 'error') {
            const at = authorFrame(settled.stack);
            const where = at ? ` (at ${relativeOrAbsolute(at.file, root)}:${at.line}:${at.column})` : '';
            return rejectRun(new LoaderError(label, `the loader threw: ${settled.message}${where}`, at ?? loaderStart, settled.stack));
          }
          rejectRun(
            new LoaderError(
              label,
              `its process ended (${signal ? `signal ${signal}` : `exit code ${code}`}) before the loader returned`,
              loaderStart,
            ),
          );
        });
      });
    } finally {
      clearTimeout(first);
      clearInterval(ticker);
      await rm(script, { force: true });
    }
  });
}
