import { describe, expect, test } from 'vitest';
import { parse, resetSVGDefIds, View, type Spec as VegaSpec } from 'vega';
import { compileChart, prefixSvgIds, renderChart, stripInteractiveMarks } from '../../src/lib/charts/render.ts';
import { withoutVoronoiCells } from '../../src/lib/charts/pointer-marks.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

const FIGURES = { 'sigmoid-and-tangent': sigmoidAndTangent, 'cumulative-gradient': cumulativeGradient };

type Marks = { name?: string; marks?: Marks[] };
const markNames = (node: Marks): string[] => (node.marks ?? []).flatMap((mark) => [mark.name ?? '', ...markNames(mark)]);

/** The SVG as renderChart made it before it left the Voronoi cells out: rendered with them, then stripped. */
async function svgWithCells(id: string, vega: VegaSpec): Promise<string> {
  const view = new View(parse(structuredClone(vega)), { renderer: 'none' });
  resetSVGDefIds();
  const svg = await view.toSVG();
  view.finalize();
  return prefixSvgIds(stripInteractiveMarks(svg), id);
}

describe('the headless render leaves out the Voronoi cells', () => {
  test('withoutVoronoiCells drops the *_voronoi marks and nothing else, and leaves its input alone', () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      const vega = compileChart(id, spec);
      const before = JSON.stringify(vega);
      const names = markNames(vega as Marks);
      expect(names.some((name) => name.endsWith('_voronoi')), id).toBe(true);
      expect(markNames(withoutVoronoiCells(vega) as Marks)).toEqual(names.filter((name) => !name.endsWith('_voronoi')));
      expect(JSON.stringify(vega)).toBe(before);
    }
  });

  test('a spec without Voronoi cells gives null', () => {
    const vega = compileChart('bars', { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { y: { field: 'a', type: 'quantitative' } } });
    expect(withoutVoronoiCells(vega)).toBeNull();
  });

  test('the static SVG is byte for byte the one rendered with the cells and then stripped', async () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      const chart = await renderChart(id, spec);
      expect(chart.svg, id).toBe(await svgWithCells(id, compileChart(id, spec)));
    }
  });
});
