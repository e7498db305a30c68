/**
 * An Astro integration that bundles the browser code under src/client into two classic scripts,
 * `_charts/chart-loader.js` (on every page) and `_charts/chart-runtime.js` (fetched on demand):
 * served from memory by `astro dev`, written into the output by `astro build`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { RUNTIME_FILE } from '../client/protocol.ts';
import { OMITTED_DATA_PARSERS, OMITTED_EASING_FUNCTIONS, OMITTED_GEO_FUNCTIONS } from '../lib/charts/runtime-transforms.ts';
import { pruneUnused } from '../lib/build-cache.ts';
import { chartCacheDir } from '../lib/charts/cache-dir.ts';
import { CLASSIC_SCRIPT } from '../lib/classic-script.ts';
import { bundleFigureCode, checkFigureCode } from '../lib/charts/figure-code-bundle.ts';
import {
  FIGURE_CODE_FILE,
  forgetPageFigures,
  pageFigures,
  pagesWithFigures,
  printedOutputProblem,
  recordedPages,
} from '../lib/charts/figure-code.ts';

/** The folder, under the site's base, that holds the chart scripts. */
export const CHART_SCRIPTS_DIR = '_charts';
export const LOADER_FILE = 'chart-loader.js';

export const entries = {
  [LOADER_FILE]: new URL('../client/loader.ts', import.meta.url),
  [RUNTIME_FILE]: new URL('../client/runtime.ts', import.meta.url),
  'theme.js': new URL('../client/theme.ts', import.meta.url),
} as const;

/** Transform packages the runtime takes only some transforms from (see src/lib/charts/runtime-transforms.ts). */
const TRANSFORM_PACKAGES = ['vega-transforms', 'vega-view-transforms', 'vega-encode'];

/**
 * Their published builds are one file each, where every transform registers itself at top level,
 * so nothing can be left out. Bundle them from their per-transform sources instead, declared free
 * of side effects, and esbuild drops the transforms the runtime does not import.
 */
export const pickTransforms: Plugin = {
  name: 'pick-vega-transforms',
  setup(pluginBuild) {
    const require = createRequire(import.meta.url);
    // Each package exports only build/<name>.js, two levels below its folder.
    const roots = new Map(TRANSFORM_PACKAGES.map((name) => [name, dirname(dirname(require.resolve(name)))]));
    const filter = new RegExp(`^(${TRANSFORM_PACKAGES.join('|')})$`);
    pluginBuild.onResolve({ filter }, (args) => ({ path: join(roots.get(args.path)!, 'index.js'), sideEffects: false }));
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const root = [...roots.values()].find((dir) => args.importer.startsWith(dir + sep));
      return root ? { path: join(dirname(args.importer), args.path), sideEffects: false } : undefined;
    });
  },
};

/**
 * Two d3 modules that are published as one file each, whose top-level code esbuild cannot drop:
 *
 * - d3-scale-chromatic: vega-scale takes only its categorical colour schemes (a few hundred
 *   bytes), yet the file builds every sequential and diverging interpolator at load (17 KB).
 *   It is replaced by a module holding just the categorical schemes, generated from the package
 *   itself at bundle time, so the colours cannot drift.
 * - d3-geo: only vega-functions' geoArea, geoBounds and geoCentroid expression functions reach
 *   it (12 KB). Charts never call them: the build refuses a chart whose expressions do
 *   (src/lib/charts/runtime-check.ts), so in the browser they are stubs that throw.
 *
 * Only the names the Vega packages import are provided: should a new version import another,
 * esbuild stops with "No matching export" instead of shipping a runtime that breaks.
 */
export const leanD3: Plugin = {
  name: 'lean-d3',
  setup(pluginBuild) {
    const namespace = 'lean-d3';
    pluginBuild.onResolve({ filter: /^(d3-(scale-chromatic|geo|dsv|ease)|topojson-client)$/ }, (args) => ({ path: args.path, namespace }));
    pluginBuild.onLoad({ filter: /^d3-scale-chromatic$/, namespace }, async () => ({
      contents: await categoricalSchemesModule(),
      loader: 'js',
    }));
    pluginBuild.onLoad({ filter: /^d3-geo$/, namespace }, () => ({
      contents: stubModule(OMITTED_GEO_FUNCTIONS, 'leaves out geo expression functions'),
      loader: 'js',
    }));
    pluginBuild.onLoad({ filter: /^d3-ease$/, namespace }, () => ({
      contents: stubModule(OMITTED_EASING_FUNCTIONS, 'leaves out easing functions'),
      loader: 'js',
    }));
    pluginBuild.onLoad({ filter: /^(d3-dsv|topojson-client)$/, namespace }, (args) => ({
      contents: stubModule(OMITTED_DATA_PARSERS[args.path as keyof typeof OMITTED_DATA_PARSERS], 'parses no CSV, TSV or TopoJSON data'),
      loader: 'js',
    }));
  },
};

/** d3-scale-chromatic's categorical schemes (arrays of colours), as a small ES module. */
export async function categoricalSchemesModule(): Promise<string> {
  const chromatic = (await import('d3-scale-chromatic')) as Record<string, unknown>;
  const schemes = Object.entries(chromatic).filter(
    (entry): entry is [string, string[]] =>
      entry[0].startsWith('scheme') &&
      Array.isArray(entry[1]) &&
      entry[1].every((colour) => typeof colour === 'string' && /^#[0-9a-f]{6}$/.test(colour)),
  );
  return [
    'const colours = (hex) => hex.match(/.{6}/g).map((c) => "#" + c);',
    ...schemes.map(
      ([name, list]) => `export const ${name} = /* @__PURE__ */ colours(${JSON.stringify(list.map((c) => c.slice(1)).join(''))});`,
    ),
  ].join('\n');
}

/** A module of functions that each throw a clear error. */
function stubModule(names: readonly string[], why: string): string {
  return [
    `const stub = (name) => () => { throw new Error(name + ${JSON.stringify(`: the chart runtime ${why}`)}); };`,
    ...names.map((name) => `export const ${name} = /* @__PURE__ */ stub(${JSON.stringify(name)});`),
  ].join('\n');
}

/**
 * vega-scenegraph registers its canvas and hybrid renderers, and the string renderer behind
 * view.toSVG(), at top level, so esbuild keeps them all, though live charts draw SVG into the page
 * and nothing else: downloads read that SVG (src/client/downloads.ts liveSvgMarkup) and make their
 * PNG from it. About 3 KB gzipped. Their registrations are cut from its published build; should a
 * new version write them differently, the bundle fails here rather than ship them unnoticed.
 */
export const svgOnlyScenegraph: Plugin = {
  name: 'svg-only-scenegraph',
  setup(pluginBuild) {
    const file = createRequire(import.meta.url).resolve('vega-scenegraph');
    const registrations = [
      /modules\[Canvas\] = modules\[PNG\] = \{[^}]*\};/,
      /modules\[Hybrid\] = \{[^}]*\};/,
      /headless: SVGStringRenderer,/,
    ];
    pluginBuild.onLoad({ filter: /vega-scenegraph\.js$/ }, async (args) => {
      if (args.path !== file) return undefined;
      let code = await readFile(file, 'utf8');
      for (const registration of registrations) {
        if (!registration.test(code))
          throw new Error(`vega-scenegraph no longer registers a renderer as ${registration}: update svgOnlyScenegraph`);
        code = code.replace(registration, '');
      }
      return { contents: code, loader: 'js' };
    });
  },
};

/** The esbuild options for one entry: a minified classic script (an IIFE: no `import`, so file:// runs it). */
export function clientBuildOptions(entry: URL) {
  return {
    ...CLASSIC_SCRIPT,
    entryPoints: [fileURLToPath(entry)],
    plugins: [pickTransforms, leanD3, svgOnlyScenegraph],
  } satisfies BuildOptions;
}

/** Bundles one entry as a minified classic script. */
export async function bundleClientScript(entry: URL): Promise<string> {
  const result = await build(clientBuildOptions(entry));
  return result.outputFiles[0]!.text;
}

/** Bundles both chart scripts; keyed by file name. */
export async function bundleChartScripts(): Promise<Record<string, string>> {
  const names = Object.keys(entries) as (keyof typeof entries)[];
  const bundles = await Promise.all(names.map((name) => bundleClientScript(entries[name])));
  return Object.fromEntries(names.map((name, i) => [name, bundles[i]!]));
}

/**
 * Writes each page's figure code (figure-code.ts) next to its index.html, once every page is
 * rendered; first checks the printed outputs that follow a figure.
 */
async function writeFigureCode(dir: URL, base: string): Promise<void> {
  for (const page of recordedPages()) {
    const problem = printedOutputProblem(page);
    if (problem) throw new Error(problem);
  }
  for (const [page, figures] of pagesWithFigures()) {
    const folder = new URL(`./${page.startsWith(base) ? page.slice(base.length) : page.replace(/^\//, '')}`, dir);
    await mkdir(folder, { recursive: true });
    const code = await bundleFigureCode(figures);
    checkFigureCode(code, figures);
    await writeFile(new URL(FIGURE_CODE_FILE, folder), code);
  }
}

/** The script a request asks for: one of the chart scripts, or a page's figure code; undefined for anything else. */
async function devScript(url: string): Promise<string | undefined> {
  const path = url.split('?')[0] ?? '';
  const name = path.split(`/${CHART_SCRIPTS_DIR}/`)[1];
  // Bundled per request in dev, so edits to src/client and to a post's code show on reload.
  if (name && name in entries) return bundleClientScript(entries[name as keyof typeof entries]);
  if (path.endsWith(`/${FIGURE_CODE_FILE}`)) {
    const figures = pageFigures(decodeURIComponent(path.slice(0, -FIGURE_CODE_FILE.length)));
    if (figures.length > 0) return bundleFigureCode(figures);
  }
  return undefined;
}

export default function chartRuntime(): AstroIntegration {
  let buildStarted = 0;
  let base = '/';
  return {
    name: 'chart-runtime',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => {
        buildStarted = Date.now();
        forgetPageFigures();
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          try {
            const code = await devScript(req.url ?? '');
            if (code === undefined) return next();
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(code);
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir }) => {
        const target = new URL(`${CHART_SCRIPTS_DIR}/`, dir);
        await mkdir(target, { recursive: true });
        const bundles = await bundleChartScripts();
        await Promise.all(Object.entries(bundles).map(([name, code]) => writeFile(new URL(name, target), code)));
        await writeFigureCode(dir, base);
        // The build succeeded: the chart cache keeps what it wrote or read, drops the rest (charts
        // since edited or removed).
        if (buildStarted) await pruneUnused(chartCacheDir(), '.json', buildStarted);
      },
    },
  };
}
