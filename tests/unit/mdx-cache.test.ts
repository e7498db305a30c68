import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cachedRenderer, MDX_CACHE_DIR_ENV, mdxCacheDir, withMdxCache } from '../../src/lib/markdown/mdx-cache.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mdx-cache-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

const POST = '## Decay\n\nThe gradient is $\\sigma(x)(1 - \\sigma(x))$, at most 0.25.\n';
const FRONTMATTER = { title: 'A post' };
const SHARED = { gfm: true, smartypants: true };

/** The site's pipeline (unified with remark-math and KaTeX), its compiles counted. */
function countedPipeline() {
  const processor = unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml' }]] });
  const compiles = vi.fn();
  const createMdxRenderer = processor.createMdxRenderer!.bind(processor);
  processor.createMdxRenderer = async (shared, mdx) => {
    const renderer = await createMdxRenderer(shared, mdx);
    return {
      process: (...args) => {
        compiles(args[1]);
        return renderer.process(...args);
      },
    };
  };
  return { processor, compiles };
}

const cacheFiles = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));

describe('withMdxCache', () => {
  async function miniProject() {
    await write('src/lib/markdown/plugin.ts', 'export default () => {};');
    await write('astro.config.mjs', 'export default {};');
    await write('package-lock.json', '{}');
  }
  const env = () => ({ [MDX_CACHE_DIR_ENV]: join(root, 'cache') });
  const renderer = (processor: ReturnType<typeof unified>) =>
    withMdxCache(processor, env()).createMdxRenderer!(SHARED, { optimize: false, srcDir: pathToFileURL(join(root, 'src/')) });

  test('keeps the processor itself: its name, which Astro checks, and its options object', () => {
    const { processor } = countedPipeline();
    const wrapped = withMdxCache(processor, env());
    expect(wrapped.name).toBe('unified');
    expect(wrapped.options).toBe(processor.options);
    expect(wrapped.createRenderer).toBe(processor.createRenderer);
  });

  test('compiles a file once, and gives the same module from the cache on the next build', async () => {
    await miniProject();
    const { processor, compiles } = countedPipeline();
    const file = join(root, 'content/posts/a/index.mdx');
    const first = await (await renderer(processor)).process(POST, file, FRONTMATTER);
    expect(first.code).toContain('katex');
    expect(compiles).toHaveBeenCalledTimes(1);
    expect(await cacheFiles(join(root, 'cache'))).toHaveLength(1);

    // A new renderer, as the next build makes.
    const again = await (await renderer(processor)).process(POST, file, FRONTMATTER);
    expect(compiles).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
  });

  test('compiles again when the text, the frontmatter, the path or the pipeline changes', async () => {
    await miniProject();
    const { processor, compiles } = countedPipeline();
    const file = join(root, 'content/posts/a/index.mdx');
    await (await renderer(processor)).process(POST, file, FRONTMATTER);
    const changes: [string, () => Promise<unknown>][] = [
      ['text', async () => (await renderer(processor)).process(POST + '\nMore.\n', file, FRONTMATTER)],
      ['frontmatter', async () => (await renderer(processor)).process(POST, file, { title: 'Renamed' })],
      ['path', async () => (await renderer(processor)).process(POST, join(root, 'content/posts/b/index.mdx'), FRONTMATTER)],
      [
        'a plugin under src/',
        async () => {
          await write('src/lib/markdown/plugin.ts', 'export default () => () => {};');
          return (await renderer(processor)).process(POST, file, FRONTMATTER);
        },
      ],
      [
        'the config',
        async () => {
          await write('astro.config.mjs', 'export default { markdown: {} };');
          return (await renderer(processor)).process(POST, file, FRONTMATTER);
        },
      ],
      [
        'the installed packages',
        async () => {
          await write('package-lock.json', '{"lockfileVersion":3}');
          return (await renderer(processor)).process(POST, file, FRONTMATTER);
        },
      ],
    ];
    for (const [i, [what, change]] of changes.entries()) {
      await change();
      expect(compiles, `after changing ${what}`).toHaveBeenCalledTimes(i + 2);
    }
  });

  test('outside a project (no src/ to fingerprint) compiles every time and keeps nothing', async () => {
    const { processor, compiles } = countedPipeline();
    for (let i = 0; i < 2; i++) await (await renderer(processor)).process(POST, join(root, 'a.mdx'), FRONTMATTER);
    expect(compiles).toHaveBeenCalledTimes(2);
    expect(await cacheFiles(join(root, 'cache'))).toEqual([]);
  });
});

describe('cachedRenderer', () => {
  const result = {
    code: 'export default 1;',
    map: null,
    astroMetadata: {
      hydratedComponents: [],
      clientOnlyComponents: [],
      serverComponents: [],
      scripts: [],
      propagation: 'none',
      containsHead: false,
      pageOptions: {},
    },
  };

  test('never keeps a failed compile, and throws its error as it came', async () => {
    const dir = join(root, 'cache');
    const failing = { process: vi.fn().mockRejectedValue(new Error('1:5: Could not parse expression with acorn')) };
    const cached = cachedRenderer(failing, 'options', dir);
    await expect(cached.process('{oops', 'a.mdx', {})).rejects.toThrow('Could not parse expression');
    await expect(cached.process('{oops', 'a.mdx', {})).rejects.toThrow('Could not parse expression');
    expect(failing.process).toHaveBeenCalledTimes(2);
    expect(await cacheFiles(dir)).toEqual([]);
  });

  test('compiles again over an entry that is not one (cut short, or from another format)', async () => {
    const dir = join(root, 'cache');
    const inner = { process: vi.fn().mockResolvedValue(result) };
    const cached = cachedRenderer(inner, 'options', dir);
    await cached.process('text', 'a.mdx', {});
    const [name] = await cacheFiles(dir);
    for (const broken of ['{"code": "export', '{"code": 1}', '{"code": "x", "astroMetadata": null}']) {
      await writeFile(join(dir, name!), broken);
      expect(await cached.process('text', 'a.mdx', {})).toEqual(result);
    }
    expect(inner.process).toHaveBeenCalledTimes(4);
    expect(JSON.parse(await readFile(join(dir, name!), 'utf8'))).toEqual(result);
  });

  test('touches the entries it reads, so the prune after a build keeps them', async () => {
    const dir = join(root, 'cache');
    const cached = cachedRenderer({ process: vi.fn().mockResolvedValue(result) }, 'options', dir);
    await cached.process('text', 'a.mdx', {});
    const [name] = await cacheFiles(dir);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, name!), hourAgo, hourAgo);
    const readAt = Date.now() - 1000;
    await cached.process('text', 'a.mdx', {});
    expect((await stat(join(dir, name!))).mtimeMs).toBeGreaterThanOrEqual(readAt);
  });
});

test('the cache lives under node_modules/.cache/mdx unless $MDX_CACHE_DIR says otherwise', () => {
  expect(mdxCacheDir('/site', {})).toBe('/site/node_modules/.cache/mdx');
  expect(mdxCacheDir('/site', { [MDX_CACHE_DIR_ENV]: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
});
