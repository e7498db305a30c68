/**
 * A Vite plugin that puts a data loader's result (src/lib/loaders) in place of its module: a post
 * that imports `./gradients.data.ts` gets the data, from the cache or from a run. Used by the
 * build, `astro dev` and vitest alike.
 *
 * In `astro dev`, a loader whose inputs changed serves its last result at once and runs again in
 * its child process; when the run is done, the module is invalidated and the page reloads. A run
 * that fails says why in the terminal and leaves the last result in place.
 */
import type { Plugin, ViteDevServer } from 'vite';
import { isLoaderFile, loaderCache } from '../lib/loaders/cache.ts';

export default function dataLoaders(): Plugin {
  let root = process.cwd();
  let server: ViteDevServer | undefined;
  return {
    name: 'blog-data-loaders',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    configureServer(devServer) {
      // vitest runs a dev server too, but a test must see the loader's current result, never the last one.
      if (!process.env.VITEST) server = devServer;
    },
    async load(id) {
      if (!isLoaderFile(id)) return null;
      const cache = loaderCache(root);
      const result = await cache.result(id, { staleWhileRunning: server !== undefined });
      for (const file of result.watch) this.addWatchFile(file);
      result.refreshing?.then(
        () => {
          for (const environment of Object.values(server?.environments ?? {})) {
            const module = environment.moduleGraph.getModuleById(id);
            if (module) environment.moduleGraph.invalidateModule(module);
          }
          server?.ws.send({ type: 'full-reload' });
        },
        (error: Error) => server?.config.logger.error(`${error.message}\n  (the page keeps the loader's last result)`),
      );
      return { code: result.module, map: null };
    },
  };
}
