import { describe, expect, test } from 'vitest';
import { parse, resetSVGDefIds, View, type Spec as VegaSpec } from 'vega';
import { compileChart, prefixSvgIds, renderChart, stripInteractiveMarks } from '../../src/lib/charts/render.ts';
import { NO_POINTER_DATA, withEmptyVoronoiCells } from '../../src/lib/charts/pointer-marks.ts';
import { missingRuntimeTransforms, operatorTypes } from '../../src/lib/charts/runtime-check.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';

const FIGURES = { 'sigmoid-and-tangent': sigmoidAndTangent, 'cumulative-gradient': cumulativeGradient };

type Marks = { name?: string; from?: { data?: string }; marks?: Marks[] };
const allMarks = (node: Marks): Marks[] => (node.marks ?? []).flatMap((mark) => [mark, ...allMarks(mark)]);

/** The SVG as renderChart made it before it left the Voronoi cells out: rendered with them, then stripped. */
async function svgWithCells(id: string, vega: VegaSpec): Promise<string> {
  const view = new View(parse(structuredClone(vega)), { renderer: 'none' });
  resetSVGDefIds();
  const svg = await view.toSVG();
  view.finalize();
  return prefixSvgIds(stripInteractiveMarks(svg), id);
}

describe('the headless render feeds the Voronoi cells no data', () => {
  test('withEmptyVoronoiCells points the *_voronoi marks at an empty dataset, changes nothing else, and leaves its input alone', () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      const vega = compileChart(id, spec);
      const before = JSON.stringify(vega);
      const idle = withEmptyVoronoiCells(vega)! as VegaSpec & Marks;
      const cells = allMarks(idle).filter((mark) => mark.name?.endsWith('_voronoi'));
      expect(cells.length, id).toBeGreaterThan(0);
      expect(cells.every((mark) => mark.from?.data === NO_POINTER_DATA)).toBe(true);
      expect(idle.data?.at(-1)).toEqual({ name: NO_POINTER_DATA, values: [] });
      // Put the cells' data back and drop the empty dataset: what is left is the spec as compiled.
      const restored = JSON.parse(JSON.stringify(idle).replaceAll(`"data":"${NO_POINTER_DATA}"`, '"data":"layer_1_marks"')) as VegaSpec;
      restored.data = restored.data!.slice(0, -1);
      expect(JSON.stringify(restored)).toBe(before);
      expect(JSON.stringify(vega)).toBe(before);
    }
  });

  test('the one parse still holds everything the full chart needs, the Voronoi transform included', () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      const vega = compileChart(id, spec);
      const full = parse(structuredClone(vega));
      const idle = parse(structuredClone(withEmptyVoronoiCells(vega)!));
      expect(operatorTypes(idle)).toEqual(operatorTypes(full));
      expect(operatorTypes(idle).has('voronoi')).toBe(true);
      // So a runtime without the transform is caught from the parse renderChart makes.
      expect(missingRuntimeTransforms(idle, { collect: 1 })).toContain('voronoi');
    }
  });

  test('a spec without Voronoi cells gives null', () => {
    const vega = compileChart('bars', { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { y: { field: 'a', type: 'quantitative' } } });
    expect(withEmptyVoronoiCells(vega)).toBeNull();
  });

  test('the static SVG is byte for byte the one rendered with the cells and then stripped', async () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      const chart = await renderChart(id, spec);
      expect(chart.svg, id).toBe(await svgWithCells(id, compileChart(id, spec)));
    }
  });
});
