/**
 * The browser's copy of a post's explorable figures (src/lib/charts/figure-code.ts): bundled from
 * the post's own module, it runs without Node and gives what the build's copy gives.
 */
import { describe, expect, test } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseFigureSource, type PageFigure } from '../../src/lib/charts/figure-code.ts';
import { bundleFigureCode, checkFigureCode, runFigureCode } from '../../src/lib/charts/figure-code-bundle.ts';
import { evaluateExplorable } from '../../src/lib/explorable.ts';
import * as seed from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

const SEED = 'content/posts/nlp/rnns-and-vanishing-gradients';

const seedFigures: PageFigure[] = (['sigmoidAndTangent', 'cumulativeGradient'] as const).map((exportName, i) => ({
  id: ['sigmoid-and-tangent', 'cumulative-gradient'][i]!,
  source: { module: `${SEED}/figures.ts`, exportName },
  postFile: `${SEED}/index.mdx`,
  atDefaults: JSON.stringify(evaluateExplorable(seed[exportName]).atDefaults),
}));

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
    const registered = runFigureCode(code);
    expect(Object.keys(registered)).toEqual(['sigmoid-and-tangent', 'cumulative-gradient']);
    const decay = registered['cumulative-gradient']!;
    const { spec, printed } = decay.figure({ n: 10, x: 0 }) as { spec: { datasets: { series: { y: number }[] } }; printed: string };
    expect(spec.datasets.series.at(-1)!.y).toBe(9.5367431640625e-7);
    expect(printed).toContain('steps : 10');
  });

  test('draws at the defaults exactly what the build drew, and is refused where it would not', () => {
    expect(() => checkFigureCode(code, seedFigures)).not.toThrow();
    const drifted = [{ ...seedFigures[1]!, atDefaults: seedFigures[1]!.atDefaults.replace('0.25', '0.26') }];
    expect(() => checkFigureCode(code, drifted)).toThrow(
      /figure "cumulative-gradient": the browser's copy of its function gives other numbers at the defaults than the build drew/,
    );
  });
});

describe('what cannot be bundled is refused, naming the post and the figure', () => {
  let root = '';
  const figure = (module: string): PageFigure[] => [
    { id: 'fig', source: { module, exportName: 'fig' }, postFile: 'content/posts/p/index.mdx', atDefaults: '' },
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
