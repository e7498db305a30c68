/**
 * An Astro integration that bundles the browser code under src/client into two classic scripts,
 * `_charts/chart-loader.js` (on every page) and `_charts/chart-runtime.js` (fetched on demand):
 * served from memory by `astro dev`, written into the output by `astro build`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { RUNTIME_FILE } from '../client/protocol.ts';

/** The folder, under the site's base, that holds the chart scripts. */
export const CHART_SCRIPTS_DIR = '_charts';
export const LOADER_FILE = 'chart-loader.js';

const entries = {
  [LOADER_FILE]: new URL('../client/loader.ts', import.meta.url),
  [RUNTIME_FILE]: new URL('../client/runtime.ts', import.meta.url),
} as const;

/** Transform packages the runtime takes only some transforms from (see src/client/runtime-transforms.ts). */
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

/** Bundles one entry as a minified classic script (an IIFE: no `import`, so file:// runs it). */
export async function bundleClientScript(entry: URL): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    // vega-* packages check process.env.NODE_ENV in a few places.
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [pickTransforms],
  });
  return result.outputFiles[0]!.text;
}

/** Bundles both chart scripts; keyed by file name. */
export async function bundleChartScripts(): Promise<Record<string, string>> {
  const names = Object.keys(entries) as (keyof typeof entries)[];
  const bundles = await Promise.all(names.map((name) => bundleClientScript(entries[name])));
  return Object.fromEntries(names.map((name, i) => [name, bundles[i]!]));
}

export default function chartRuntime(): AstroIntegration {
  return {
    name: 'chart-runtime',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const name = req.url?.split('?')[0]?.split(`/${CHART_SCRIPTS_DIR}/`)[1];
          if (!name || !(name in entries)) return next();
          try {
            // Bundled per request in dev, so edits to src/client show on reload.
            const code = await bundleClientScript(entries[name as keyof typeof entries]);
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
      },
    },
  };
}
