/**
 * The loader's side of its child process: bundled together with the loader (run.ts) and started
 * by the build with Node's permission model, which lets it read only its own bundle and the
 * post's folder. It runs the function, checks the result and sends it back over IPC (structured
 * clone, which keeps typed arrays, NaN, ±Infinity and −0), with the data files it read and their
 * hashes for the cache's key.
 *
 * Messages to the parent: { type: 'progress', message }, then { type: 'result', value, read } or
 * { type: 'error', message, stack }.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { seededRandom } from '../random.ts';
import { parseDelimited, parseJsonFile, DataFileError, type Columns, type Schema } from './data-files.ts';
import { loaderFunction, type LoaderContext } from './loader.ts';
import { checkLoaderResult } from './value.ts';

/** The seed of a loader's `random`, and of Math.random while it runs. */
export const LOADER_SEED = 0;
const MATH_RANDOM_SEED = 1;

export type ChildMessage =
  | { type: 'progress'; message: string }
  | { type: 'result'; value: unknown; read: Record<string, string> }
  | { type: 'error'; message: string; stack?: string };

/** What the parent tells the child on its command line: the post's folder, and the loader's file as the author knows it. */
export interface ChildArguments {
  folder: string;
  label: string;
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((done) => process.send!(message, undefined, undefined, () => done()));
}

/** Reads a data file in `folder`, refusing any path that leaves it, and records its hash in `read`. */
function readDataFile(folder: string, file: string, extension: string, read: Record<string, string>): string {
  if (typeof file !== 'string' || file === '') throw new TypeError(`name the data file, e.g. "counts${extension}"`);
  if (extname(file).toLowerCase() !== extension)
    throw new DataFileError(file, `this reader takes ${extension} files; the file's name must end in ${extension}`);
  const path = resolve(folder, file);
  const inside = (candidate: string) => candidate.startsWith(folder + sep);
  if (isAbsolute(file) || !inside(path))
    throw new DataFileError(file, "a loader reads data files in its own post's folder only; give the name relative to it");
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new DataFileError(file, `there is no such file beside the loader (looked for ${relative(folder, path)} in the post's folder)`);
  }
  // A link may point anywhere; what it points at must be in the folder too.
  if (!real.startsWith(realpathSync(folder) + sep))
    throw new DataFileError(file, "is a link to a file outside the post's folder, which a loader may not read");
  const bytes = readFileSync(real);
  read[relative(folder, path).split(sep).join('/')] = createHash('sha256').update(bytes).digest('hex');
  return bytes.toString('utf8');
}

function contextFor(folder: string, read: Record<string, string>): LoaderContext {
  let lastProgress = '';
  return {
    random: seededRandom(LOADER_SEED),
    progress(message) {
      const text = String(message);
      if (text !== lastProgress) void send({ type: 'progress', message: (lastProgress = text) });
    },
    csv: (file, columns) =>
      parseDelimited(file, readDataFile(folder, file, '.csv', read), ',', columns as Columns | Schema<unknown>) as never,
    tsv: (file, columns) =>
      parseDelimited(file, readDataFile(folder, file, '.tsv', read), '\t', columns as Columns | Schema<unknown>) as never,
    json: (file, schema) => parseJsonFile(file, readDataFile(folder, file, '.json', read), schema),
  };
}

/** Runs the loader module's function in this (child) process and reports back to the parent. */
export async function runInChild(module: { default?: unknown }, { folder, label }: ChildArguments): Promise<void> {
  try {
    const compute = loaderFunction(module.default);
    if (!compute)
      throw new Error(
        `${label} must have a default export made by dataLoader: export default dataLoader((context) => { ... return data; })`,
      );
    // The same draws on every run, even from packages the loader calls.
    const mathRandom = seededRandom(MATH_RANDOM_SEED);
    Math.random = () => mathRandom.next();
    globalThis.fetch = () => {
      throw new Error('a loader cannot fetch: the build reads nothing from the network; put the data in a file beside the post');
    };
    const read: Record<string, string> = {};
    const value = await compute(contextFor(folder, read));
    checkLoaderResult(value);
    await send({ type: 'result', value, read });
    process.exit(0);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    // Node's permission model refuses in its own words; say what the rule is.
    const denied = (error as { code?: unknown } | null)?.code === 'ERR_ACCESS_DENIED';
    const explained = denied ? `${message} (a loader's process may read only its own post's folder, through csv, tsv and json)` : message;
    await send({ type: 'error', message: explained, ...(stack ? { stack } : {}) });
    process.exit(1);
  }
}
