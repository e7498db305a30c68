/**
 * The browser's copy of a post's explorable figures (src/lib/charts/figure-code.ts): bundled from
 * the post's own module, it runs without Node and gives what the build's copy gives.
 */
import { describe, expect, test } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { parseFigureSource, type PageFigure } from '../../src/lib/charts/figure-code.ts';
import { bundleFigureCode } from '../../src/lib/charts/figure-code-bundle.ts';
import type { Explorable } from '../../src/lib/explorable.ts';

const SEED = 'content/posts/nlp/rnns-and-vanishing-gradients';

const seedFigures: PageFigure[] = [
  { id: 'sigmoid-and-tangent', source: { module: `${SEED}/figures.ts`, exportName: 'sigmoidAndTangent' }, postFile: `${SEED}/index.mdx` },
  { id: 'cumulative-gradient', source: { module: `${SEED}/figures.ts`, exportName: 'cumulativeGradient' }, postFile: `${SEED}/index.mdx` },
];

/** Runs a figure-code script as a page would (no Node, no require), and returns what it registered. */
function runInPage(code: string): Record<string, Explorable> {
  const page: Record<string, unknown> = {
    document: { dispatchEvent: () => true },
    CustomEvent: class {},
    CSS: { supports: () => true },
  };
  page.globalThis = page;
  runInNewContext(code, page);
  return page.__computedFigures as Record<string, Explorable>;
}

describe("the seed post's figure code", () => {
  let code = '';

  test('is one classic script of at most 10 KB gzipped, with no Node in it', async () => {
    code = await bundleFigureCode(seedFigures);
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(10_000);
    expect(code).not.toMatch(/\brequire\(|\bimport\(|^import /m);
    // d3-color stays at the build: the browser reads colours itself.
    expect(code).not.toContain('rebeccapurple');
  });

  test('registers both figures under their ids, and its functions give the seed’s numbers', () => {
    const registered = runInPage(code);
    expect(Object.keys(registered)).toEqual(['sigmoid-and-tangent', 'cumulative-gradient']);
    const decay = registered['cumulative-gradient']!;
    const { spec, printed } = decay.figure({ n: 10, x: 0 }) as { spec: { datasets: { series: { y: number }[] } }; printed: string };
    expect(spec.datasets.series.at(-1)!.y).toBe(9.5367431640625e-7);
    expect(printed).toContain('steps : 10');
  });
});

describe('what cannot be bundled is refused, naming the post and the figure', () => {
  let root = '';
  const figure = (module: string): PageFigure[] => [
    { id: 'fig', source: { module, exportName: 'fig' }, postFile: 'content/posts/p/index.mdx' },
  ];
  const write = async (path: string, text: string) => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  };

  test('a module whose figure reaches node:fs; one that imports it unused is fine', async () => {
    root = await mkdtemp(join(tmpdir(), 'figure-code-'));
    try {
      const explorable = "const explorable = (p, f) => ({ kind: 'explorable', parameters: p, figure: f });";
      await write(
        'reads.ts',
        `import { readFileSync } from 'node:fs';\n${explorable}\nconst text = readFileSync('data.txt', 'utf8');\nexport const fig = explorable({}, () => ({ spec: { text } }));`,
      );
      await write(
        'unused.ts',
        `import { readFileSync } from 'node:fs';\n${explorable}\nexport const fig = explorable({}, () => ({ spec: {} }));\nexport const other = () => readFileSync;`,
      );
      await write('outside.ts', `import { x } from ${JSON.stringify(join(tmpdir(), 'not-in-project.ts'))};\nexport const fig = x;`);
      await writeFile(join(tmpdir(), 'not-in-project.ts'), 'export const x = 1;');
      await expect(bundleFigureCode(figure('reads.ts'), root)).rejects.toThrow(
        /^content\/posts\/p\/index\.mdx: the code of figure "fig" cannot run in the browser: it reaches node:fs \(imported by reads\.ts\), which only Node has/,
      );
      await expect(bundleFigureCode(figure('unused.ts'), root)).resolves.toContain('explorable');
      await expect(bundleFigureCode(figure('outside.ts'), root)).rejects.toThrow(
        /could not be bundled for the browser: .*is outside the project/,
      );
      await expect(bundleFigureCode(figure('missing.ts'), root)).rejects.toThrow(/could not be bundled for the browser: Could not resolve/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('sources read back from the attribute the remark plugin writes', () => {
    expect(parseFigureSource('content/posts/p/figures.ts#decay')).toEqual({ module: 'content/posts/p/figures.ts', exportName: 'decay' });
    expect(parseFigureSource('figures.ts#not-a-name')).toBeUndefined();
    expect(parseFigureSource(undefined)).toBeUndefined();
  });
});
