import { describe, expect, test } from 'vitest';
import { parse, View, type Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileChart, renderChart, renumberClipIds, staticSvg } from '../../src/lib/charts/render.ts';
import { POINTER_READY_SIGNAL, pointerOnlyMarks, withDeferredPointerMarks } from '../../src/lib/charts/pointer-marks.ts';
import { hasLayoutWidth, resizeView } from '../../src/lib/charts/layout.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

const FIGURES = { 'sigmoid-and-tangent': sigmoidAndTangent, 'cumulative-gradient': cumulativeGradient };

type Marks = { name?: string; from?: { data?: string }; marks?: Marks[] };
const allMarks = (node: Marks): Marks[] => (node.marks ?? []).flatMap((mark) => [mark, ...allMarks(mark)]);

/** The SVG of the spec rendered whole at its wide layout, pointer-only marks and all, then stripped of them. */
async function svgWithCells(id: string, vega: VegaSpec): Promise<string> {
  const view = new View(parse(structuredClone(vega)), { renderer: 'none' });
  resizeView(view, PLOT.layouts.wide, hasLayoutWidth(vega));
  const svg = renumberClipIds(await view.toSVG());
  view.finalize();
  return staticSvg(svg, id);
}

describe('the headless render draws none of the pointer-only marks', () => {
  // Figure 1's markers show only the point the pointer is nearest to; figure 2 draws every point.
  // Figure 1's points are invisible (they carry the tooltip's cells); figure 2 draws every point.
  const IDLE = { 'sigmoid-and-tangent': ['layer_1_marks', 'layer_1_voronoi'], 'cumulative-gradient': ['layer_1_voronoi'] };

  test('the Voronoi cells, and the markers hidden until a selection, are the marks left idle', () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      expect([...pointerOnlyMarks(compileChart(id, spec))].sort(), id).toEqual(IDLE[id as keyof typeof IDLE]);
    }
  });

  test('markers hidden until a selection are idle too, but stay when the selection starts with a value, or when anything but the cells reads them', () => {
    // A hand-written chart in the older style: markers whose opacity tests the hover selection.
    const markers: TopLevelSpec = {
      data: { values: [0, 1, 2].map((x) => ({ x, y: x * x })) },
      layer: [
        { mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        {
          mark: 'point',
          params: [{ name: 'hover', select: { type: 'point', nearest: true, on: 'pointerover' } }],
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
          },
        },
      ],
    };
    const vega = compileChart('markers', markers) as VegaSpec & { data: { name: string; values?: unknown[] }[] };
    expect([...pointerOnlyMarks(vega)].sort()).toEqual(['layer_1_marks', 'layer_1_voronoi']);
    const initialised = {
      ...vega,
      data: vega.data.map((entry) => (entry.name === 'hover_store' ? { ...entry, values: [{ unit: 'layer_1', values: [0] }] } : entry)),
    };
    expect([...pointerOnlyMarks(initialised as VegaSpec)]).toEqual(['layer_1_voronoi']);
    const counted = { ...vega, signals: [...(vega.signals ?? []), { name: 'markers', update: 'length(data("layer_1_marks"))' }] };
    expect([...pointerOnlyMarks(counted as VegaSpec)]).toEqual(['layer_1_voronoi']);
    // Figure 1's invisible points stay too when something else reads them.
    const figure = compileChart('sigmoid-and-tangent', sigmoidAndTangent);
    const read = { ...figure, signals: [...(figure.signals ?? []), { name: 'points', update: 'length(data("layer_1_marks"))' }] };
    expect([...pointerOnlyMarks(read as VegaSpec)]).toEqual(['layer_1_voronoi']);
  });

  test('a spec without pointer-only marks has none to defer', () => {
    const vega = compileChart('bars', { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { y: { field: 'a', type: 'quantitative' } } });
    expect(pointerOnlyMarks(vega).size).toBe(0);
    expect(withDeferredPointerMarks(vega)).toBeNull();
  });

  test('the static SVG is byte for byte the one rendered whole and then stripped', async () => {
    for (const [id, spec] of Object.entries(FIGURES)) {
      const chart = await renderChart(id, spec);
      expect(chart.svg, id).toBe(await svgWithCells(id, compileChart(id, spec)));
    }
  });
});

describe('the live view defers its pointer-only marks', () => {
  test('figure 1: the hidden markers draw from a copy of their data that stays empty until pointer_ready; the cells follow them', () => {
    const vega = compileChart('sigmoid-and-tangent', sigmoidAndTangent);
    const before = JSON.stringify(vega);
    const deferred = withDeferredPointerMarks(vega)! as VegaSpec &
      Marks & { data: { name: string; source?: string; transform?: unknown }[] };
    const markers = allMarks(deferred).find((mark) => mark.name === 'layer_1_marks')!;
    const original = allMarks(vega as Marks).find((mark) => mark.name === 'layer_1_marks')!;
    expect(markers.from?.data).toBe(`${original.from?.data}_${POINTER_READY_SIGNAL}`);
    expect(deferred.data.at(-1)).toEqual({
      name: `${original.from?.data}_${POINTER_READY_SIGNAL}`,
      source: original.from?.data,
      transform: [{ type: 'filter', expr: POINTER_READY_SIGNAL }],
    });
    expect(deferred.signals?.at(-1)).toEqual({ name: POINTER_READY_SIGNAL, value: false });
    expect(allMarks(deferred).find((mark) => mark.name === 'layer_1_voronoi')?.from?.data).toBe('layer_1_marks');
    expect(JSON.stringify(vega)).toBe(before);
  });

  test('figure 2 draws every point, so nothing is deferred', () => {
    expect(withDeferredPointerMarks(compileChart('cumulative-gradient', cumulativeGradient))).toBeNull();
  });

  test('the markers get their data when the signal opens, and not before', async () => {
    const vega = compileChart('sigmoid-and-tangent', sigmoidAndTangent);
    const view = new View(parse(structuredClone(withDeferredPointerMarks(vega)!)), { renderer: 'none' });
    await view.runAsync();
    type Node = { name?: string; items: Node[] };
    // The scenegraph's root group, then its marks (Vega's typings do not declare `root`).
    const root = () => (view.scenegraph() as unknown as { root: Node }).root.items[0]!;
    const count = () => root().items.find((mark) => mark.name === 'layer_1_marks')!.items.length;
    expect(count()).toBe(0);
    await view.signal(POINTER_READY_SIGNAL, true).runAsync();
    expect(count()).toBe(300);
    view.finalize();
  });
});
