/**
 * Compiling MDX (remark, KaTeX, smartypants, rehype, then JavaScript) costs 13–17 ms a post here,
 * 2.6–3.5 s of a 200-post rebuild whose charts all come from their cache, and Vite keeps nothing
 * between builds. This wraps the site's Markdown processor so that each
 * .mdx file's compiled module is kept under node_modules/.cache/mdx/ (or $MDX_CACHE_DIR) and a
 * file that did not change is not compiled again.
 *
 * The compiled module depends on the file (its path, frontmatter and text), on the options Astro
 * passes, and on the pipeline: the remark and rehype plugins named in astro.config.mjs, our own
 * plugins under src/, and the installed packages. The key holds all of them, the pipeline as a
 * fingerprint of astro.config.mjs, src/ and the lock file, so a cached module is always the one a
 * compile would give. What a post imports (its figures.ts) is not in the key: the compiled module
 * only names it, and Vite loads it afresh.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { MarkdownProcessor } from '@astrojs/markdown-remark';
import { cacheDir, pruneUnused, readCacheEntry, touchCacheEntry, treeFingerprint, writeCacheEntry } from '../build-cache.ts';

type MdxRendererFactory = NonNullable<MarkdownProcessor['createMdxRenderer']>;
type MdxRenderer = Awaited<ReturnType<MdxRendererFactory>>;
type MdxRenderResult = Awaited<ReturnType<MdxRenderer['process']>>;

/** The environment variable that moves the cache. */
export const MDX_CACHE_DIR_ENV = 'MDX_CACHE_DIR';

/** Where the cache lives for the project at `root`: $MDX_CACHE_DIR, else node_modules/.cache/mdx. */
export function mdxCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return cacheDir('mdx', MDX_CACHE_DIR_ENV, env, root);
}

/** What the compiled modules depend on besides the file itself: the source folder, and these files beside it. */
const PIPELINE_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json'];

/**
 * The project folder, taken as the one holding Astro's srcDir (src/ by default). Both the
 * renderer and the prune derive it so, and so always agree on where the cache is.
 */
const projectOf = (srcDir: URL) => dirname(fileURLToPath(srcDir));

/** Bumped when the entry's format changes, so old entries stop matching. */
const ENTRY_FORMAT = 1;

/**
 * `processor`, whose MDX renderer keeps each compiled module between builds. Everything else is
 * the processor's own: its name (Astro's MDX integration checks it), and its options object, the
 * same one, which integrations may extend.
 */
export function withMdxCache<T extends object>(
  processor: MarkdownProcessor<T>,
  env: NodeJS.ProcessEnv = process.env,
): MarkdownProcessor<T> {
  const createMdxRenderer = processor.createMdxRenderer?.bind(processor);
  if (!createMdxRenderer) return processor;
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      const renderer = await createMdxRenderer(shared, mdx);
      // Without srcDir (older @astrojs/mdx) there is no project to fingerprint: compile every time.
      if (!mdx.srcDir) return renderer;
      const root = projectOf(mdx.srcDir);
      const pipeline = await treeFingerprint(root, [basename(fileURLToPath(mdx.srcDir))], PIPELINE_FILES);
      if (!pipeline) return renderer;
      const options = JSON.stringify([ENTRY_FORMAT, pipeline, shared, { ...mdx, srcDir: mdx.srcDir.href }]);
      return cachedRenderer(renderer, options, mdxCacheDir(root, env));
    },
  };
}

/** `renderer`, reading a file's compiled module from `dir` when an entry for it exists. */
export function cachedRenderer(renderer: MdxRenderer, options: string, dir: string): MdxRenderer {
  return {
    async process(content, filePath, frontmatter) {
      const key = createHash('sha256')
        .update(JSON.stringify([options, filePath, frontmatter, content]))
        .digest('hex');
      const file = join(dir, `${key}.json`);
      const cached = parseEntry(await readCacheEntry(file));
      if (cached) {
        await touchCacheEntry(file);
        return cached;
      }
      // A compile error is thrown as it comes and never kept.
      const result = await renderer.process(content, filePath, frontmatter);
      await writeCacheEntry(dir, file, JSON.stringify(result));
      return result;
    },
  };
}

/** A cached result, or undefined when the entry is missing or not one (then the file is compiled). */
function parseEntry(text: string | undefined): MdxRenderResult | undefined {
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as Partial<MdxRenderResult>;
    const valid = typeof entry.code === 'string' && typeof entry.astroMetadata === 'object' && entry.astroMetadata !== null;
    return valid ? (entry as MdxRenderResult) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes, when a build succeeds, the cached modules it did not use: those of deleted posts and
 * old versions of edited ones. Entries used are touched, so a build's own are never removed.
 */
export function mdxCachePruning(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  let root: string | undefined;
  let buildStart = 0;
  return {
    name: 'mdx-cache-pruning',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = projectOf(config.srcDir);
      },
      'astro:build:start': () => {
        buildStart = Date.now();
      },
      'astro:build:done': async () => {
        if (root) await pruneUnused(mdxCacheDir(root, env), '.json', buildStart);
      },
    },
  };
}
