/**
 * README.md's "Chart catalogue": every ```ts block in it is a figures.ts that the build can show.
 * Each is written to a module under node_modules/.cache (inside the project, so the "~/" alias
 * resolves), imported, and its `chart` rendered as the build renders it. Its "Tables" example, a
 * figures.ts and the <TableFigure> that shows it, is made into the table as the component makes it.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart } from '../../src/lib/charts/render.ts';
import { isSmallMultiples, type SmallMultiples } from '../../src/lib/charts/small-multiples.ts';
import { tableFigure, tableFigureHtml, tableFigurePropsProblem } from '../../src/lib/tables/table-figure.ts';
import { ROOT } from '../support/build-site.ts';

const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('### Chart catalogue');
const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const DIR = join(ROOT, 'node_modules', '.cache', 'readme-catalogue');

afterAll(async () => {
  await rm(DIR, { recursive: true, force: true });
});

test('the catalogue has an example per builder', () => {
  expect(start).toBeGreaterThan(0);
  for (const builder of ['layeredLineChart', 'barChart', 'histogramChart', 'heatmapChart', 'scatterChart', 'smallMultiples']) {
    expect(
      blocks.some((block) => block.includes(`${builder}(`)),
      builder,
    ).toBe(true);
  }
  // Short: a few statements after the imports (Prettier spreads a matrix over lines).
  for (const block of blocks)
    expect(
      block
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('import ')).length,
    ).toBeLessThanOrEqual(15);
});

test.each(blocks.map((block, i) => [i + 1, block] as const))('example %i renders as the build renders it', async (n, block) => {
  await mkdir(DIR, { recursive: true });
  const file = join(DIR, `example-${n}.ts`);
  await writeFile(file, block);
  const { chart } = (await import(/* @vite-ignore */ file)) as { chart: TopLevelSpec | SmallMultiples };
  // Small multiples render as the build renders them: each panel a chart of its own.
  const specs = isSmallMultiples(chart) ? chart.panels.map((panel) => panel.spec) : [chart];
  for (const [i, spec] of specs.entries()) expect((await renderChart(`example-${n}-${i + 1}`, spec)).svg).toMatch(/^<svg/);
  expect((chart as { description?: string }).description?.length).toBeGreaterThan(20);
});

/** The README section that starts with `heading`, up to the next subsection. */
function readmeSection(heading: string): string {
  const at = readme.indexOf(heading);
  expect(at, heading).toBeGreaterThan(0);
  return readme.slice(at, readme.indexOf('\n### ', at + 1));
}

test('the Tables example: its figures.ts and <TableFigure> make a table as the component does', async () => {
  const section = readmeSection('### Tables');
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  const mdx = /```mdx\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code && mdx, 'a ```ts and a ```mdx block').toBeTruthy();
  expect(
    code!
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('import ')).length,
  ).toBeLessThanOrEqual(5);
  await mkdir(DIR, { recursive: true });
  const file = join(DIR, 'table-example.ts');
  await writeFile(file, code!);
  const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  // The tag's props: text in quotes, and {names} of the module's exports.
  const tag = /<TableFigure\s([^>]*?)\/>/.exec(mdx!)?.[1] ?? '';
  const props = Object.fromEntries(
    [...tag.matchAll(/(\w+)=(?:"([^"]*)"|\{(\w+)\})/g)].map(([, name, text, expression]) => [
      name!,
      text ?? (expression! in module ? module[expression!] : `no export ${expression}`),
    ]),
  );
  expect(tableFigurePropsProblem(props)).toBeUndefined();
  const { rows, columns, id } = props as { rows: unknown[]; columns?: unknown[]; id: string };
  const table = tableFigure(rows, columns);
  expect(table.cells.length).toBeGreaterThan(0);
  expect(table.columns.some((column) => column.align === 'right')).toBe(true);
  expect(tableFigureHtml(table, `${id}-caption`)).toContain('<th scope="col"');
});
