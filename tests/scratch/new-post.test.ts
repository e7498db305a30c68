/**
 * `npm run new-post` end to end, in a scratch site with no posts: the command creates the post,
 * `npm run build` builds it without a single edit (the page has its chart as an inline SVG and the
 * home page lists it), the post's own figures.test.ts passes under the site's vitest config, and a
 * second run with the same title is refused, naming the folder. The same build also builds the
 * example post README.md's "Writing a post" shows, so the README's example is one that builds.
 */
import { execFile } from 'node:child_process';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanEnv, npmRunBuild, ROOT } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';
import { readPage } from '../support/site.ts';

const run = promisify(execFile);

/** A title that puts the slug rules and the frontmatter's quoting to work. */
const TITLE = 'Attention: "Why" It\'s {Cheap} & <Fast>!';
const SLUG = 'attention-why-its-cheap-fast';
const FOLDER = `content/posts/nlp/${SLUG}`;

/**
 * The environment for the child processes: this one's without what vitest adds (cleanEnv; a nested
 * vitest would otherwise think it runs inside this one) and without npm's own variables from an
 * outer `npm test`.
 */
function childEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(cleanEnv()).filter(([name]) => !/^npm_/i.test(name)));
}

/** Runs `npm run new-post -- <args>` in the scratch site; resolves with the exit code and output. */
async function newPost(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('npm', ['run', '--silent', 'new-post', '--', ...args], { cwd: site.root, env: childEnv() }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
}

/** The example post in README.md's "Writing a post": its ```mdx block and its ```ts block. */
async function readmeExample(): Promise<{ mdx: string; figures: string }> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Writing a post'));
  const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section)?.[1];
  const mdx = block('mdx');
  const figures = block('ts');
  expect(mdx, "README.md shows the post's index.mdx").toBeDefined();
  expect(figures, "README.md shows the post's figures.ts").toBeDefined();
  return { mdx: mdx!, figures: figures! };
}

const README_POST = 'content/posts/nlp/tanh-and-its-gradient';

let site: ScratchSite;
let created: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  site = await scratchSite();
  created = await newPost(['--category', 'nlp', '--date', '2026-12-01', TITLE]);
  const example = await readmeExample();
  await site.write(`${README_POST}/index.mdx`, example.mdx);
  await site.write(`${README_POST}/figures.ts`, example.figures);
}, 60_000);

afterAll(async () => {
  await site?.remove();
});

test('npm run new-post creates the post and prints what it created', async () => {
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
  expect(created.stdout).toContain(`Created ${FOLDER}/\n`);
  for (const file of ['index.mdx', 'figures.ts', 'figures.test.ts'])
    expect(created.stdout).toMatch(new RegExp(`^  ${file.replace('.', '\\.')} `, 'm'));
  expect(created.stdout).toContain(`Its URL is /posts/nlp/${SLUG}/ (dated 2026-12-01).`);
  expect((await readdir(join(site.root, FOLDER))).sort()).toEqual(['figures.test.ts', 'figures.ts', 'index.mdx']);
});

test('the new post builds as it is, with no warning, its chart inline, and the home page lists it', async () => {
  const { stdout, stderr } = await npmRunBuild(site.root);
  expect(stdout).toContain('Built into dist/.');
  // A clean build prints no warning, so that a warning an author does see is worth reading.
  expect(`${stdout}\n${stderr}`).not.toMatch(/\bWARN/i);
  const dist = join(site.root, 'dist');
  const { document } = await readPage(dist, `posts/nlp/${SLUG}/`);
  expect(document.querySelector('h1')?.textContent).toBe(TITLE);
  const figure = document.querySelector('figure#sigmoid-and-gradient');
  expect(figure?.querySelector('figcaption')?.textContent).toContain('The sigmoid (blue) and its gradient (red).');
  const svg = figure?.querySelector('vega-chart > svg.chart__static--wide');
  expect(svg?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  expect(svg!.querySelectorAll('.mark-line path').length).toBe(2);
  expect(document.querySelectorAll('.listing pre')).toHaveLength(3);
  expect(document.querySelector('.printed__text')?.textContent).toBe('points : 61\nlargest gradient : 0.25000 at x = 0.00');
  const { document: home } = await readPage(dist, '');
  const link = [...home.querySelectorAll('a')].find((a) => a.getAttribute('href')?.endsWith(`posts/nlp/${SLUG}/`));
  expect(link?.textContent?.trim()).toBe(TITLE);

  // README.md's example post, built in the same site.
  const { document: example } = await readPage(dist, 'posts/nlp/tanh-and-its-gradient/');
  expect(example.querySelector('h1')?.textContent).toBe('Tanh and Its Gradient');
  expect(example.querySelector('figure#tanh vega-chart > svg.chart__static--wide')?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  expect(example.querySelector('.printed__text')?.textContent).toBe('largest gradient: 1');
  expect(example.querySelector('.listing pre')?.textContent).toContain('export const chart = layeredLineChart(');
  expect(example.querySelector('.katex annotation')?.textContent).toBe('1 - \\tanh^2(x)');
}, 240_000);

test("the new post's figures.test.ts passes in the site's unit project", async () => {
  await copyFile(join(ROOT, 'vitest.config.ts'), join(site.root, 'vitest.config.ts'));
  const vitest = join(site.root, 'node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await run(
    process.execPath,
    [vitest, 'run', '--project', 'unit', '--reporter', 'verbose', `${FOLDER}/figures.test.ts`],
    {
      cwd: site.root,
      env: { ...childEnv(), NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  expect(stdout).toContain(`${FOLDER}/figures.test.ts`);
  expect(stdout).toMatch(/Tests\s+6 passed \(6\)/);
  expect(stdout).not.toMatch(/failed|skipped/);
}, 120_000);

test("once figures.ts is rewritten, the generated test still renders its charts, and says to replace the starter's checks", async () => {
  await site.write(
    `${FOLDER}-rewritten/figures.ts`,
    [
      "import { layeredLineChart } from '~/lib/charts/builders.ts';",
      "export const loss = layeredLineChart([{ name: 'Loss', x: [1, 2, 3], y: [0.9, 0.5, 0.3], color: '#4687b7' }], { xTitle: 'Epoch', yTitle: 'Loss' });",
      '',
    ].join('\n'),
  );
  await copyFile(join(site.root, FOLDER, 'figures.test.ts'), join(site.root, `${FOLDER}-rewritten`, 'figures.test.ts'));
  const vitest = join(site.root, 'node_modules', 'vitest', 'vitest.mjs');
  const result = await run(
    process.execPath,
    [vitest, 'run', '--project', 'unit', '--reporter', 'verbose', `${FOLDER}-rewritten/figures.test.ts`],
    {
      cwd: site.root,
      env: { ...childEnv(), NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    },
  ).then(
    () => ({ stdout: '', failed: false }),
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '', failed: true }),
  );
  expect(result.failed).toBe(true);
  expect(result.stdout).toMatch(/✓ .*every chart in figures\.ts > loss renders as the build renders it/);
  expect(result.stdout).toContain(
    'figures.ts no longer has the starter sigmoid: replace the checks of the starter numbers in figures.test.ts',
  );
  expect(result.stdout).toMatch(/Tests\s+4 failed \| 2 passed \(6\)/);
}, 120_000);

test('a second run with the same title is refused, naming the folder, and changes nothing', async () => {
  const before = await readdir(join(site.root, FOLDER));
  const again = await newPost(['--category', 'nlp', TITLE]);
  expect(again.code).toBe(1);
  expect(again.stdout).toBe('');
  expect(again.stderr).toContain(
    `new-post: ${FOLDER}/ already exists: a post's folder is its URL (/posts/nlp/${SLUG}/), and new-post never overwrites one.`,
  );
  expect(await readdir(join(site.root, FOLDER))).toEqual(before);
});
