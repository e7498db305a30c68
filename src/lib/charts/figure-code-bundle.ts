/**
 * Bundles a page's explorable figures (recorded by figure-code.ts) into the classic script the
 * browser runs: the post's own modules with only what the figures' functions reach. Apart from
 * the record, so the pages' build does not load esbuild.
 */
import { NODE_BUILTINS } from '../node-builtins.ts';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build, type Plugin } from 'esbuild';
import { pureTopLevel } from './figure-code-pure.ts';
import { runInNewContext } from 'node:vm';
import { defaultValues, runExplorable, type Explorable } from '../explorable.ts';
import type { PageFigure } from './figure-code.ts';
import { CLASSIC_SCRIPT } from '../classic-script.ts';
import { isLoaderFile, loaderCache } from '../loaders/cache.ts';

/** The blog's own code (src/client/figure-registry.ts and what the builders import), wherever the posts are. */
const BLOG_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLIENT_REGISTER = fileURLToPath(new URL('../../client/figure-registry.ts', import.meta.url));
const BROWSER_COLOUR = fileURLToPath(new URL('../../client/browser-colour.ts', import.meta.url));

/** The entry module of a page's script: each figure's export, registered under its figure's id. */
export function figureCodeEntry(figures: readonly PageFigure[], root: string): string {
  const lines = [`import { registerFigures } from ${JSON.stringify(CLIENT_REGISTER)};`];
  figures.forEach((figure, i) => {
    lines.push(`import { ${figure.source.exportName} as figure${i} } from ${JSON.stringify(join(root, figure.source.module))};`);
  });
  const entries = figures.map((figure, i) => `${JSON.stringify(figure.id)}: figure${i}`).join(', ');
  lines.push(`registerFigures({ ${entries} });`);
  return lines.join('\n');
}

/** A bundling problem, in an author's words, with the figures it concerns. */
export class FigureCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FigureCodeError';
  }
}

function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
}

/**
 * The browser has no Node: an import of a Node module is left out (external) and, should the
 * figures' code still reach it once unused code is dropped, refused after the build. Nothing
 * outside the project is read, whatever a post imports.
 */
function browserOnly(root: string): Plugin {
  // The project, the blog's own code, and installed packages (which node_modules may link to
  // from elsewhere: a package's files are read wherever its link leads).
  const allowed = (path: string) => isInside(root, path) || isInside(BLOG_ROOT, path) || path.includes(`${sep}node_modules${sep}`);
  return {
    name: 'figure-code-browser-only',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (NODE_BUILTINS.has(args.path)) return { path: args.path, external: true, sideEffects: false };
        // The builders check colours with d3-color at build time; the browser's own parser does here.
        if (args.path === 'd3-color' && args.importer.endsWith(`${sep}style-check.ts`)) return { path: BROWSER_COLOUR };
        return undefined;
      });
      pluginBuild.onLoad({ filter: /.*/ }, async (args) => {
        // A data loader's result, as the build's pages had it (src/lib/loaders): the data, never the loader.
        if (isLoaderFile(args.path)) return { contents: (await loaderCache(root).result(args.path)).module, loader: 'js' };
        // A post's own modules: what they compute only for other figures is dropped (figure-code-pure.ts).
        if (
          /\.m?ts$/.test(args.path) &&
          isInside(root, args.path) &&
          !isInside(join(BLOG_ROOT, 'src'), args.path) &&
          !args.path.includes(`${sep}node_modules${sep}`)
        ) {
          return { contents: pureTopLevel(await readFile(args.path, 'utf8'), args.path), loader: 'ts' };
        }
        if (!allowed(args.path)) {
          return {
            errors: [{ text: `${args.path} is outside the project; a figure's code may only import the project's modules and packages` }],
          };
        }
        return undefined;
      });
    },
  };
}

/**
 * Bundles a page's explorable figures as one minified classic script. Throws a FigureCodeError
 * naming the post, the figures and what could not be bundled.
 */
export async function bundleFigureCode(figures: readonly PageFigure[], root: string = process.cwd()): Promise<string> {
  const where = `${figures[0]?.postFile ?? 'a post'}: the code of figure${figures.length > 1 ? 's' : ''} ${figures.map((f) => `"${f.id}"`).join(', ')}`;
  let result;
  try {
    result = await build({
      stdin: { contents: figureCodeEntry(figures, root), resolveDir: root, sourcefile: 'figure-code-entry.ts', loader: 'ts' },
      ...CLASSIC_SCRIPT,
      absWorkingDir: root,
      metafile: true,
      logLevel: 'silent',
      plugins: [browserOnly(root)],
    });
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    const first = errors[0];
    const at = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
    throw new FigureCodeError(`${where} could not be bundled for the browser: ${first?.text ?? (error as Error).message}${at}`);
  }
  const output = Object.values(result.metafile.outputs)[0];
  const stillNode = (output?.imports ?? []).filter((i) => i.external && NODE_BUILTINS.has(i.path)).map((i) => i.path);
  if (stillNode.length > 0) {
    const importers = Object.entries(result.metafile.inputs)
      .filter(([, input]) => input.imports.some((i) => stillNode.includes(i.path)))
      .map(([file]) => file);
    throw new FigureCodeError(
      `${where} cannot run in the browser: it reaches ${stillNode.join(', ')} (imported by ${importers.join(', ')}), which only Node has. Keep what reads files or uses Node out of the module the figure's function comes from (pass its results in as data)`,
    );
  }
  return result.outputFiles[0]!.text;
}

/** Runs a figure-code script as a page would, without Node (a bare context with the few DOM names it uses), and returns what it registered. */
export function runFigureCode(code: string): Record<string, Explorable> {
  const page: Record<string, unknown> = { document: { dispatchEvent: () => true }, CustomEvent: class {}, CSS: { supports: () => true } };
  page.globalThis = page;
  runInNewContext(code, page, { timeout: 10_000 });
  return (page.__computedFigures ?? {}) as Record<string, Explorable>;
}

/**
 * Checks that the browser's copy of each figure draws, at the defaults, exactly what the build
 * drew: it would not where the function leans on something the copy leaves out (a generator
 * shared at the module's top level with figures the copy drops, say). Throws a FigureCodeError.
 */
export function checkFigureCode(code: string, figures: readonly PageFigure[]): void {
  let registered: Record<string, Explorable>;
  try {
    registered = runFigureCode(code);
  } catch (error) {
    throw new FigureCodeError(
      `${figures[0]?.postFile ?? 'a post'}: the figures' code failed when it loaded, as a browser would load it: ${(error as Error).message}`,
    );
  }
  for (const figure of figures) {
    const copy = registered[figure.id];
    const where = `${figure.postFile}: figure "${figure.id}"`;
    if (!copy) throw new FigureCodeError(`${where}: its code did not register it`);
    let inBrowser: string;
    try {
      inBrowser = JSON.stringify(runExplorable(copy, defaultValues(copy.parameters)));
    } catch (error) {
      throw new FigureCodeError(`${where}: the browser's copy of its function failed at the defaults: ${(error as Error).message}`);
    }
    if (inBrowser !== figure.atDefaults) {
      throw new FigureCodeError(
        `${where}: the browser's copy of its function gives other numbers at the defaults than the build drew. It leans on something computed outside it, at the top of its module, for other figures too (a shared random generator, say): compute what the figure needs inside its function`,
      );
    }
  }
}
