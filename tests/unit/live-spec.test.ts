import { describe, expect, test } from 'vitest';
import { parse, View, type Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileChart, renderChart } from '../../src/lib/charts/render.ts';
import { ChartError } from '../../src/lib/charts/chart-error.ts';
import { liveSpec, UNIT_SIGNAL, withoutVegaPan, withPinnedUnit } from '../../src/lib/charts/live-spec.ts';
import { nearestItem, withoutVoronoiCells } from '../../src/lib/charts/nearest-points.ts';
import { POINTER_READY_SIGNAL } from '../../src/lib/charts/pointer-marks.ts';
import { ZOOM_SIGNAL } from '../../src/lib/charts/layout.ts';
import { layeredLineChart } from '../../src/lib/charts/builders.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { sigmoidAndTangent } from '../support/seed-figures.ts';

type Mark = { name?: string; marks?: Mark[] };
type Signal = { name: string; on?: { events?: unknown; update?: string }[] };
const allMarks = (node: { marks?: Mark[] }): Mark[] => (node.marks ?? []).flatMap((mark) => [mark, ...allMarks(mark)]);
const signalsOf = (vega: VegaSpec) => (vega as { signals?: Signal[] }).signals ?? [];
const signalNames = (vega: VegaSpec) => signalsOf(vega).map((signal) => signal.name);
const dataNames = (vega: VegaSpec) => (vega.data ?? []).map((entry) => entry.name);

const figure1 = () => compileChart('sigmoid-and-tangent', sigmoidAndTangent);

/** Figure 1's points, plus a rule drawn at the hovered point's x: something that reads the hover selection. */
function withHoverRule(): TopLevelSpec {
  const spec = structuredClone(sigmoidAndTangent) as TopLevelSpec & { layer: unknown[] };
  spec.layer.push({
    mark: 'rule',
    transform: [{ filter: { param: 'hover', empty: false } }],
    encoding: { x: { field: 'x', type: 'quantitative' } },
  });
  return spec;
}

describe('the live view finds the nearest point itself, without Voronoi cells', () => {
  test('figure 1 loses its cells and the hover selection they drove', () => {
    const vega = figure1();
    expect(allMarks(vega).some((mark) => mark.name?.endsWith('_voronoi'))).toBe(true);
    const nearest = withoutVoronoiCells(vega)!;
    expect(nearest.pointMarks).toEqual(['layer_1_marks']);
    expect(allMarks(nearest.spec).filter((mark) => mark.name?.endsWith('_voronoi'))).toEqual([]);
    expect(signalNames(nearest.spec).filter((name) => name.startsWith('hover'))).toEqual([]);
    expect(dataNames(nearest.spec)).not.toContain('hover_store');
    // The rest is as it was: the zoom and the legend's selection, and the input untouched.
    expect(signalNames(nearest.spec)).toContain(ZOOM_SIGNAL);
    expect(signalNames(nearest.spec)).toContain('isolate');
    expect(signalNames(vega)).toContain('hover_tuple');
  });

  test('a spec whose marks read the hover selection keeps its cells, and the build says why it cannot run live', async () => {
    const vega = compileChart('hover-rule', withHoverRule());
    expect(withoutVoronoiCells(vega)).toBeNull();
    await expect(renderChart('hover-rule', withHoverRule())).rejects.toThrow(ChartError);
    await expect(renderChart('hover-rule', withHoverRule())).rejects.toThrow(/nearest-point selection that other marks read/);
  });

  test('a spec without cells is left to Vega', () => {
    const vega = compileChart(
      'plain',
      layeredLineChart([{ name: 'A', x: [0, 1], y: [0, 1], color: PLOT.colors.blue }], { xTitle: 'x', yTitle: 'y' }),
    );
    const bare = { ...vega, marks: (vega.marks as Mark[]).filter((mark) => !mark.name?.endsWith('_voronoi')) } as VegaSpec;
    expect(withoutVoronoiCells(bare)).toBeNull();
  });

  test('nearestItem takes the nearest point in two dimensions, inside the plot only', () => {
    const size = { width: 100, height: 50 };
    // At the same x, the one nearer in y wins (the sigmoid under the pointer over the tangent).
    const sigmoid = { x: 40, y: 30 };
    const tangent = { x: 40, y: 10 };
    const aside = { x: 44, y: 26 };
    expect(nearestItem([tangent, sigmoid], { x: 40, y: 29 }, size)).toBe(sigmoid);
    expect(nearestItem([tangent, sigmoid, aside], { x: 43, y: 27 }, size)).toBe(aside);
    // Zoomed in, points outside the plot are clipped away and never chosen.
    expect(
      nearestItem(
        [
          { x: -5, y: 29 },
          { x: 90, y: 29 },
        ],
        { x: 2, y: 29 },
        size,
      ),
    ).toEqual({ x: 90, y: 29 });
    // Off the plot (over an axis or the legend) there is no tooltip.
    expect(nearestItem([sigmoid], { x: -3, y: 20 }, size)).toBeUndefined();
    expect(nearestItem([sigmoid], { x: 20, y: 51 }, size)).toBeUndefined();
    expect(nearestItem([{ x: 'a', y: 1 }], { x: 1, y: 1 }, size)).toBeUndefined();
  });

  test("nearestItem finds the same point as Vega-Lite's cells over figure 1's drawn points", async () => {
    const vega = figure1();
    const view = new View(parse(structuredClone(vega)), { renderer: 'none' });
    await view.runAsync();
    const points = view.data('layer_1_marks') as { x: number; y: number }[];
    const cells = view.data('layer_1_voronoi') as { datum: unknown; path: string }[];
    // Each cell's point is the nearest point to the cell's own point (its site), and to a place just beside it.
    for (const cell of cells.filter((_, i) => i % 37 === 0)) {
      const site = cell.datum as { x: number; y: number };
      expect(nearestItem(points, { x: site.x, y: site.y }, { width: view.width(), height: view.height() })).toBe(site);
    }
    view.finalize();
  });
});

describe('the live view takes out the pointer streams that ran a dataflow on every move', () => {
  test("Vega-Lite's unit signal loses its pointer handler; a signal with any other handler is kept", () => {
    const vega = figure1();
    const pinned = withPinnedUnit(vega)!;
    expect(signalsOf(pinned).find((signal) => signal.name === UNIT_SIGNAL)?.on).toBeUndefined();
    expect(signalsOf(vega).find((signal) => signal.name === UNIT_SIGNAL)?.on).toHaveLength(1);
    const other = {
      ...vega,
      signals: signalsOf(vega).map((signal) =>
        signal.name === UNIT_SIGNAL ? { ...signal, on: [...signal.on!, { events: 'click', update: 'unit' }] } : signal,
      ),
    } as VegaSpec;
    expect(withPinnedUnit(other)).toBeNull();
  });

  test("the zoom's drag pan goes (its anchor, its delta, and the zoom's handler for it); its wheel and double-click stay", () => {
    const vega = figure1();
    const unpanned = withoutVegaPan(vega)!;
    expect(signalNames(unpanned)).not.toContain('zoom_translate_anchor');
    expect(signalNames(unpanned)).not.toContain('zoom_translate_delta');
    const zoom = signalsOf(unpanned).find((signal) => signal.name === ZOOM_SIGNAL)!;
    expect(JSON.stringify(zoom.on)).not.toContain('translate');
    expect(JSON.stringify(zoom.on)).toContain('zoom_zoom_delta');
    expect(JSON.stringify(zoom.on)).toContain('dblclick');
    // No window-wide pointer stream is left.
    expect(JSON.stringify(unpanned)).not.toMatch(/"source":"window","type":"pointermove"/);
    expect(JSON.stringify(vega)).toMatch(/"source":"window","type":"pointermove"/);
  });

  test('a chart without zoom keeps its signals', () => {
    const vega = compileChart(
      'still',
      layeredLineChart([{ name: 'A', x: [0, 1], y: [0, 1], color: PLOT.colors.blue }], { xTitle: 'x', yTitle: 'y', zoom: false }),
    );
    expect(withoutVegaPan(vega)).toBeNull();
  });

  test('liveSpec puts it together for figure 1, and the result parses and runs', async () => {
    const live = liveSpec(figure1());
    expect(live).toMatchObject({ pointMarks: ['layer_1_marks'], pinnedUnit: true, clientPan: true, deferred: true });
    expect(signalNames(live.spec)).toContain(POINTER_READY_SIGNAL);
    const view = new View(parse(structuredClone(live.spec)), { renderer: 'none' });
    await view.signal(POINTER_READY_SIGNAL, true).runAsync();
    expect((view.data('layer_1_marks') as unknown[]).length).toBe(300);
    view.finalize();
  });
});
