import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import remarkFigureSources, { projectModule } from '../../src/lib/markdown/remark-figure-sources.ts';

const ROOT = '/project';
const POST = join(ROOT, 'content/posts/nlp/p/index.mdx');

/** The post compiled by MDX with the plugin, as the JavaScript the build runs. */
async function compiled(mdx: string): Promise<string> {
  const file = new VFile({ path: POST, cwd: ROOT, value: mdx });
  return String(await compile(file, { remarkPlugins: [remarkFigureSources] }));
}

describe('where an explorable figure comes from', () => {
  test('a chart’s spec and a printed output’s text imported by name get the module and the export', async () => {
    const js = await compiled(
      [
        "import { VegaChart, PrintedOutput } from '~/components/index.ts';",
        "import { cumulativeGradient as decay, other } from './figures.ts';",
        "import { shared } from '~/lib/shared-figures.ts';",
        '',
        '<PrintedOutput text={decay} figure="decay" />',
        '',
        '<VegaChart id="decay" spec={decay} caption="Decay." />',
        '',
        '<VegaChart id="shared" spec={shared} caption="Shared." />',
      ].join('\n'),
    );
    expect(js).toContain('source: "content/posts/nlp/p/figures.ts#cumulativeGradient"');
    expect(js).toContain('source: "src/lib/shared-figures.ts#shared"');
    expect(js.match(/source: "content\/posts\/nlp\/p\/figures\.ts#cumulativeGradient"/g)).toHaveLength(2);
  });

  test('nothing is added for an expression, a name not imported, a package, or another component', async () => {
    const js = await compiled(
      [
        "import { decay } from './figures.ts';",
        "import { spec } from 'some-package';",
        'export const local = {};',
        '',
        '<VegaChart id="a" spec={decay.spec} caption="A." />',
        '<VegaChart id="b" spec={local} caption="B." />',
        '<VegaChart id="c" spec={spec} caption="C." />',
        '<TableFigure rows={decay} />',
      ].join('\n'),
    );
    expect(js).not.toContain('source:');
  });

  test('modules are named from the project’s root, and never outside it', () => {
    expect(projectModule('./figures.ts', POST, ROOT)).toBe('content/posts/nlp/p/figures.ts');
    expect(projectModule('../shared.ts', POST, ROOT)).toBe('content/posts/nlp/shared.ts');
    expect(projectModule('~/lib/a.ts', POST, ROOT)).toBe('src/lib/a.ts');
    expect(projectModule('../../../../../etc/figures.ts', POST, ROOT)).toBeUndefined();
    expect(projectModule('vega-lite', POST, ROOT)).toBeUndefined();
  });
});
