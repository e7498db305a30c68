/**
 * `npm run new-post`, its pure parts (src/lib/new-post.ts: arguments and templates) and the
 * writing and refusing in src/cli/new-post.ts, in a temporary folder. tests/scratch/new-post.test.ts
 * runs the command itself in a scratch site, builds it and runs the new post's test.
 */
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PostExistsError, createPost, createdMessage, main } from '../../src/cli/new-post.ts';
import {
  DEFAULT_DESCRIPTION,
  type NewPost,
  UsageError,
  figuresTestTs,
  figuresTs,
  indexMdx,
  newPostFiles,
  parseNewPostArgs,
  postFolder,
  postUrl,
} from '../../src/lib/new-post.ts';
import { extractRegion } from '../../src/lib/source-region.ts';

const NOW = new Date('2026-12-01T23:59:59Z');
const POST: NewPost = parseNewPostArgs(['--category', 'nlp', '--date', '2026-12-01', 'RNNs & Vanishing Gradients!']);

/** The frontmatter of an index.mdx, each value read back as the YAML (here: JSON) scalar it is. */
function frontmatter(mdx: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  expect(match, 'the post starts with frontmatter').not.toBeNull();
  return Object.fromEntries(
    match![1]!.split('\n').map((line) => {
      const [, key, value] = /^(\w+): (.*)$/.exec(line)!;
      return [key!, value!];
    }),
  );
}

describe('parseNewPostArgs', () => {
  test("reads the category, the title (the slug is the title's) and an injected date", () => {
    expect(POST).toEqual({
      title: 'RNNs & Vanishing Gradients!',
      category: 'nlp',
      slug: 'rnns-vanishing-gradients',
      date: '2026-12-01',
      description: DEFAULT_DESCRIPTION,
      tags: ['nlp'],
    });
  });

  test("defaults the date to today's in UTC", () => {
    expect(parseNewPostArgs(['--category', 'nlp', 'A Title'], NOW).date).toBe('2026-12-01');
    expect(parseNewPostArgs(['--category', 'nlp', 'A Title'], new Date('2027-01-01T00:00:00Z')).date).toBe('2027-01-01');
  });

  test('joins an unquoted title, and takes options in any order and --name=value form', () => {
    const post = parseNewPostArgs(['Attention', 'Is', '--category=nlp', 'All', '--date=2026-02-28']);
    expect(post.title).toBe('Attention Is All');
    expect(post.date).toBe('2026-02-28');
  });

  test('takes a description and repeated tags', () => {
    const post = parseNewPostArgs([
      '--category',
      'nlp',
      '--description',
      'Why tanh beats the sigmoid.',
      '--tag',
      'activations',
      '--tag',
      'nlp',
      '--tag',
      'nlp',
      'T',
    ]);
    expect(post.description).toBe('Why tanh beats the sigmoid.');
    expect(post.tags).toEqual(['activations', 'nlp']);
  });

  test.each([
    [['--category', 'nlp'], 'give the post a title, e.g. "RNNs & Vanishing Gradients"'],
    [['--category', 'nlp', '   '], 'give the post a title, e.g. "RNNs & Vanishing Gradients"'],
    [['A Title'], 'give the category with --category, e.g. --category nlp'],
    [['--category', 'NLP', 'A Title'], '--category must be lower-case ASCII words joined by dashes, such as "nlp"; got "NLP"'],
    [['--category', 'nlp/rnn', 'A Title'], '--category must be lower-case ASCII words joined by dashes, such as "nlp-rnn"; got "nlp/rnn"'],
    [['--category', '..', 'A Title'], '--category must be lower-case ASCII words joined by dashes; got ".."'],
    [['--category', 'nlp', '!!!'], '"!!!" has no ASCII letter or digit to make a slug from'],
    [['--category', 'nlp', 'Two\nLines'], 'the title must be one line of text without control characters'],
    [['--category', 'nlp', '--date', '2026-02-30', 'T'], '--date must be a date written YYYY-MM-DD, such as 2026-11-28; got "2026-02-30"'],
    [['--category', 'nlp', '--date', '1 Dec 2026', 'T'], '--date must be a date written YYYY-MM-DD, such as 2026-11-28; got "1 Dec 2026"'],
    [['--category', 'nlp', '--date', '2026-1-1', 'T'], '--date must be a date written YYYY-MM-DD, such as 2026-11-28; got "2026-1-1"'],
    [['--category', 'nlp', '--description', '', 'T'], '--description must be one non-empty line of text'],
    [
      ['--category', 'nlp', '--tag', 'Deep Learning', 'T'],
      '--tag must be lower-case ASCII words joined by dashes, such as "deep-learning"; got "Deep Learning"',
    ],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseNewPostArgs(argv, NOW)).toThrow(new UsageError(message));
    expect(() => parseNewPostArgs(argv, NOW)).toThrow(UsageError);
  });

  test('--slug names the folder and the URL instead of the title', () => {
    const post = parseNewPostArgs(['--category', 'nlp', '--slug', 'rnn-gradients', '--date', '2026-12-01', 'RNNs & Vanishing Gradients!']);
    expect(postFolder(post)).toBe('content/posts/nlp/rnn-gradients');
    expect(postUrl(post)).toBe('/posts/nlp/rnn-gradients/');
    expect(post.title).toBe('RNNs & Vanishing Gradients!');
    // A title with no letter to make a slug from is fine when the slug is given.
    expect(parseNewPostArgs(['--category', 'nlp', '--slug', 'pi', '--date', '2026-12-01', 'π ≈ 3.14']).slug).toBe('pi');
    expect(() => parseNewPostArgs(['--category', 'nlp', '--slug', 'RNN Gradients', 'A title'])).toThrow(UsageError);
    expect(() => parseNewPostArgs(['--category', 'nlp', '--slug', 'RNN Gradients', 'A title'])).toThrow(/--slug/);
  });

  test('an unknown option or a missing value is a UsageError', () => {
    expect(() => parseNewPostArgs(['--category', 'nlp', '--draft', 'T'])).toThrow(UsageError);
    expect(() => parseNewPostArgs(['--category'])).toThrow(UsageError);
  });
});

describe('the folder and the URL', () => {
  test('are the category and the slug of the title', () => {
    expect(postFolder(POST)).toBe('content/posts/nlp/rnns-vanishing-gradients');
    expect(postUrl(POST)).toBe('/posts/nlp/rnns-vanishing-gradients/');
  });
});

describe('the templates', () => {
  const mdx = indexMdx(POST);
  const figures = figuresTs();
  const exported = [...figures.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);

  test('the frontmatter has the title, date, description and tags, and no draft flag', () => {
    const fields = frontmatter(mdx);
    expect(Object.keys(fields)).toEqual(['title', 'date', 'description', 'tags']);
    expect(JSON.parse(fields.title!)).toBe(POST.title);
    expect(fields.date).toBe('2026-12-01');
    expect(JSON.parse(fields.description!)).toBe(DEFAULT_DESCRIPTION);
    expect(fields.tags).toBe('[nlp]');
    expect(mdx).not.toMatch(/draft/);
  });

  test('a title with quotes, backslashes, colons and markup survives the frontmatter', () => {
    const title = 'Attention: "Why" It\'s {Cheap} \\ <Fast> # & --- done';
    const fields = frontmatter(indexMdx({ ...POST, title }));
    expect(JSON.parse(fields.title!)).toBe(title);
    // The title appears in the frontmatter only, never in the MDX body where it would be code.
    expect(indexMdx({ ...POST, title }).split('\n---\n')[1]).not.toContain('Cheap');
  });

  test('uses the three components from the barrel', () => {
    expect(mdx).toContain("import { PrintedOutput, SourceListing, VegaChart } from '~/components/index.ts';");
    for (const component of ['PrintedOutput', 'SourceListing', 'VegaChart']) expect(mdx).toContain(`<${component}`);
  });

  test("every listing names a region figures.ts has, and the file that is shown is the post's own", () => {
    const regions = [...mdx.matchAll(/region="([^"]+)"/g)].map((m) => m[1]!);
    expect(regions).toEqual(['data', 'chart', 'summary']);
    for (const region of regions) expect(extractRegion(figures, region).length).toBeGreaterThan(0);
    expect(mdx).toContain("export const FIGURES = 'content/posts/nlp/rnns-vanishing-gradients/figures.ts';");
  });

  test('the post imports only what figures.ts exports, and its test checks the starter numbers figures.ts has', () => {
    const fromMdx = /import \{ ([^}]+) \} from '\.\/figures\.ts';/.exec(mdx)![1]!.split(', ');
    const starter = /Partial<Record<([^,]+), number\[\]>> & \{ summary/
      .exec(figuresTestTs())![1]!
      .split(' | ')
      .map((name) => name.replace(/'/g, ''));
    for (const name of [...fromMdx, ...starter, 'summary']) expect(exported).toContain(name);
  });

  test('figures.ts computes with the src/lib helpers and a chart builder', () => {
    expect(figures).toContain("from '~/lib/numeric.ts'");
    expect(figures).toContain("from '~/lib/activations.ts'");
    expect(figures).toContain('layeredLineChart(');
  });

  test('the test checks against closed forms, not against figures.ts itself, and renders every chart as the build does', () => {
    const test = figuresTestTs();
    expect(test).toContain('Math.tanh(v / 2)');
    expect(test).toContain('Math.cosh(v / 2)');
    expect([...test.matchAll(/from '(~\/lib\/[^']+)'/g)].map((m) => m[1])).toEqual(['~/lib/charts/render.ts']);
    expect(test).toContain('await renderChart(');
  });

  test('leave nothing for the build to refuse: no placeholder, no missing region', () => {
    expect(mdx).not.toMatch(/figure missing/i);
  });

  test("newPostFiles gives the three files in the post's folder", () => {
    expect(Object.keys(newPostFiles(POST))).toEqual([
      'content/posts/nlp/rnns-vanishing-gradients/index.mdx',
      'content/posts/nlp/rnns-vanishing-gradients/figures.ts',
      'content/posts/nlp/rnns-vanishing-gradients/figures.test.ts',
    ]);
  });
});

describe('createPost and the CLI', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'new-post-unit-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(root, { recursive: true, force: true });
  });

  test('writes the three files and says what it created', async () => {
    const paths = await createPost(root, POST);
    const folder = join(root, 'content/posts/nlp/rnns-vanishing-gradients');
    expect((await readdir(folder)).sort()).toEqual(['figures.test.ts', 'figures.ts', 'index.mdx']);
    expect(await readFile(join(folder, 'index.mdx'), 'utf8')).toBe(indexMdx(POST));
    expect(createdMessage(POST, paths)).toBe(
      [
        'Created content/posts/nlp/rnns-vanishing-gradients/',
        '  index.mdx        the post: frontmatter, words to replace, a chart, listings and printed output',
        '  figures.ts       its numbers and chart spec, computed at build time',
        '  figures.test.ts  a test of those numbers (npx vitest run --project unit)',
        'Its URL is /posts/nlp/rnns-vanishing-gradients/ (dated 2026-12-01). See it with npm run dev, or build with npm run build.',
      ].join('\n'),
    );
  });

  test('refuses an existing folder by name and leaves it untouched', async () => {
    const folder = join(root, 'content/posts/nlp/rnns-vanishing-gradients');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.mdx'), 'mine');
    const refusal = createPost(root, POST);
    await expect(refusal).rejects.toThrow(PostExistsError);
    await expect(createPost(root, POST)).rejects.toThrow(
      "content/posts/nlp/rnns-vanishing-gradients/ already exists: a post's folder is its URL (/posts/nlp/rnns-vanishing-gradients/), and new-post never overwrites one. Choose another title, or edit that post.",
    );
    expect(await readdir(folder)).toEqual(['index.mdx']);
    expect(await readFile(join(folder, 'index.mdx'), 'utf8')).toBe('mine');
  });

  test('main: creates, then refuses the same title with exit code 1, and a bad argument with 2', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const argv = ['--category', 'nlp', '--date', '2026-12-01', 'RNNs & Vanishing Gradients!'];
    expect(await main(argv, root)).toBe(0);
    expect(log.mock.calls[0]![0]).toMatch(/^Created content\/posts\/nlp\/rnns-vanishing-gradients\/\n/);
    expect(await main(argv, root)).toBe(1);
    expect(error.mock.calls[0]![0]).toMatch(/^new-post: content\/posts\/nlp\/rnns-vanishing-gradients\/ already exists/);
    expect(await main(['--category', 'NLP', 'T'], root)).toBe(2);
    expect(error.mock.calls[1]![0]).toMatch(
      /^new-post: --category must be lower-case ASCII words joined by dashes, such as "nlp"; got "NLP"\n\nUsage: npm run new-post/,
    );
  });
});
