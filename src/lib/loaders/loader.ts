/**
 * Data loaders: a post's expensive computation, run once and cached.
 *
 * A loader is a file beside the post whose name ends in `.data.ts`, with a default export made by
 * `dataLoader`:
 *
 *     // gradients.data.ts
 *     export default dataLoader(({ random, progress }) => { ...; return { norms }; });
 *
 *     // figures.ts
 *     import gradients from './gradients.data.ts'; // { norms }, as the loader returned it
 *
 * The build runs the function in a child process, checks that it returned data (see value.ts),
 * and caches the result under node_modules/.cache/blog-loaders, keyed by the loader's source and
 * every module it imports, the data files it read and the lock file (cache.ts). What a post
 * imports is the result itself: the build puts it in place of the loader's module (plugin.ts).
 */
import type { SeededRandom } from '../random.ts';
import type { Columns, RowsOf, Schema } from './data-files.ts';

/** What a loader's function is given. */
export interface LoaderContext {
  /**
   * A seeded generator (src/lib/random.ts), the same sequence on every run: use it (or
   * seededRandom with a seed of your own) for every random draw, so the same inputs give the same
   * bytes. Math.random is seeded too while a loader runs, for the packages it calls.
   */
  readonly random: SeededRandom;
  /** Says how far along the loader is, e.g. `epoch 40/100`; a build that waits on it prints the latest each second. */
  progress(message: string): void;
  /**
   * The rows of a CSV file in the loader's folder, each checked against `columns`: column types
   * (`{ word: 'string', count: 'integer' }`) or a zod schema for a row of strings. A bad row stops
   * the build, naming the file, the line, the column and what was expected.
   */
  csv<C extends Columns | Schema<unknown>>(file: string, columns: C): RowsOf<C>;
  /** The same for a tab-separated file. */
  tsv<C extends Columns | Schema<unknown>>(file: string, columns: C): RowsOf<C>;
  /** A JSON file in the loader's folder, checked against a zod schema. */
  json<T>(file: string, schema: Schema<T>): T;
}

/** A loader's function: computes the result from its context, at once or by a promise. */
export type LoaderFunction<T> = (context: LoaderContext) => T | Promise<T>;

/** Where the function hides in the value `dataLoader` returns (one key across module copies). */
export const LOADER_FUNCTION = Symbol.for('computed-figures-blog.data-loader');

/** What `dataLoader` returns at run time: the function, kept for the build's child process. */
export interface LoaderDeclaration<T> {
  readonly [LOADER_FUNCTION]: LoaderFunction<T>;
}

/**
 * Declares a data loader (the default export of a `.data.ts` file). Its type is the result's:
 * a post that imports the file gets the result, put there by the build. Imported any other way
 * (outside the build), it is only the declaration, and reading it says so.
 */
export function dataLoader<T>(compute: LoaderFunction<T>): Awaited<T> {
  if (typeof compute !== 'function') throw new TypeError('dataLoader: give it the function that computes the data');
  const declaration: LoaderDeclaration<T> = { [LOADER_FUNCTION]: compute };
  return new Proxy(declaration, {
    get(target, key) {
      if (key === LOADER_FUNCTION || typeof key === 'symbol') return Reflect.get(target, key);
      throw new Error(
        `A data loader's result is read through the build, which runs the loader and puts its result in place of the module; ` +
          `this copy was imported some other way (reading "${String(key)}")`,
      );
    },
  }) as unknown as Awaited<T>;
}

/** The function of a loader module's default export, or undefined if it was not made by dataLoader. */
export function loaderFunction(exported: unknown): LoaderFunction<unknown> | undefined {
  if (exported === null || (typeof exported !== 'object' && typeof exported !== 'function')) return undefined;
  const compute = (exported as Partial<LoaderDeclaration<unknown>>)[LOADER_FUNCTION];
  return typeof compute === 'function' ? compute : undefined;
}
