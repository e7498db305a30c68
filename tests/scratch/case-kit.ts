/**
 * What a bad-input case is, and the helpers that write a one-post scratch site for one
 * (tests/scratch/cases*.ts hold the cases).
 */

export interface BadInputCase {
  /** What is wrong, as the docs table says it. */
  readonly name: string;
  /** Files to write under the scratch site, by path. */
  readonly files: Readonly<Record<string, string>>;
  /** Every one of these must appear in the build's output. */
  readonly mustSay: readonly string[];
}

export const POST = 'content/posts/nlp/bad-post';
export const FILE = `${POST}/index.mdx`;

export function post(body: string, frontmatter = 'title: A Bad Post\ndate: 2026-01-01\ndescription: A post with a mistake in it.'): string {
  return `---\n${frontmatter}\n---\nimport { SourceListing, VegaChart } from '~/components/index.ts';\n\n${body}\n`;
}

/** A post whose chart is the given Vega-Lite spec, written inline. */
export function chartPost(spec: string, id = 'bad-chart'): Record<string, string> {
  return { [FILE]: post(`<VegaChart id="${id}" spec={${spec}} caption="A chart." />`) };
}

/** A post whose figures.ts runs the given code and exports `chart`. */
export function figuresPost(code: string): Record<string, string> {
  return {
    [FILE]: post('import { chart } from \'./figures.ts\';\n\n<VegaChart id="bad-chart" spec={chart} caption="A chart." />'),
    [`${POST}/figures.ts`]: `import { linspace } from '~/lib/numeric.ts';\nimport { layeredLineChart } from '~/lib/charts/builders.ts';\n\n${code}\n`,
  };
}

export const line = (data: string, y = 'y') =>
  `{ data: { values: ${data} }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: '${y}', type: 'quantitative' } } }`;
