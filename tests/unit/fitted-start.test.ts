/**
 * The browser's view starts where autosize "fit" ended, its plot size and padding (fittedStart):
 * it must draw what "fit" from the layout's whole size draws, in one run of the dataflow.
 */
import { describe, expect, test, vi } from 'vitest';
import { parse, View, type Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart, renumberClipIds, type RenderedChart } from '../../src/lib/charts/render.ts';
import { liveSpec } from '../../src/lib/charts/live-spec.ts';
import { fittedStart, hasLayoutWidth, resizeView, type ChartSizes } from '../../src/lib/charts/layout.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';
import * as words from '../fixtures/posts/nlp/word-statistics/figures.ts';
import { activationsChart } from '../fixtures/posts/nlp/activations-tanh-relu/figures.ts';

/** The compiled spec with its datasets put back, as the browser runtime does. */
function withData(chart: RenderedChart): VegaSpec {
  const data = chart.vega.data?.map((entry) => (entry.name in chart.datasets ? { ...entry, values: chart.datasets[entry.name] } : entry));
  return { ...chart.vega, data } as VegaSpec;
}

/** A headless view of `spec` at `layout`, and how many times Vega ran its dataflow again to lay it out. */
async function draw(chart: RenderedChart, spec: VegaSpec, layout: keyof ChartSizes, fitted: boolean, view?: View) {
  const drawing = view ?? new View(parse(structuredClone(spec)), { renderer: 'none' });
  const reruns = vi.spyOn(drawing, 'run');
  resizeView(drawing, chart.sizes[layout], hasLayoutWidth(chart.vega), fitted ? chart.fitted[layout] : undefined);
  const svg = renumberClipIds(await drawing.toSVG());
  const count = reruns.mock.calls.length;
  reruns.mockRestore();
  return { view: drawing, svg, reruns: count };
}

// The first post's figures, and one of each builder's shapes (the builders fixture post's).
/**
 * An SVG's elements, each with its attributes, sorted: a view run twice (as "fit" runs it) enters
 * the same axis ticks in another order, which draws the same picture.
 */
const canonical = (svg: string) => svg.split('<').sort();

const FIGURES: [string, TopLevelSpec][] = [
  ['sigmoid-and-tangent', sigmoidAndTangent],
  ['cumulative-gradient', cumulativeGradient],
  ['top-words', words.topWords],
  ['word-lengths', words.wordLengths],
  ['transitions', words.transitionMap],
  ['word-map', words.wordMap],
  ['loss-over-seeds', words.lossOverSeeds],
  // Small multiples' panels: each a single view at the panel's own two sizes, on shared scales.
  ...activationsChart.panels.map(({ spec }, i): [string, TopLevelSpec] => [`activations-panel-${i + 1}`, spec]),
  ...words.topWordsByHalf.panels.map(({ spec }, i): [string, TopLevelSpec] => [`top-words-by-half-panel-${i + 1}`, spec]),
];

describe.each(FIGURES)('%s started at its fitted size', (id, spec) => {
  test('fittedStart turns autosize "fit" into "none" and leaves the rest; the fitted layouts add up to the whole', async () => {
    const chart = await renderChart(id, spec);
    const live = liveSpec(withData(chart)).spec;
    expect(live.autosize).toMatchObject({ type: 'fit' });
    const started = fittedStart(live);
    expect(started.autosize).toEqual({ ...(live.autosize as object), type: 'none', contains: 'content' });
    expect({ ...started, autosize: undefined }).toEqual({ ...live, autosize: undefined });
    // The fitted plot is the layout less its axes and legend.
    for (const layout of ['wide', 'narrow'] as const) {
      const { width, height, padding } = chart.fitted[layout];
      expect(width).toBeLessThan(chart.sizes[layout].width);
      expect(height).toBeLessThan(chart.sizes[layout].height);
      expect(padding.left + width + padding.right).toBe(chart.sizes[layout].width);
      expect(padding.top + height + padding.bottom).toBe(chart.sizes[layout].height);
    }
  });

  test.each(['wide', 'narrow'] as const)('the %s layout draws what "fit" draws, with no second run', async (layout) => {
    const chart = await renderChart(id, spec);
    const live = liveSpec(withData(chart)).spec;
    const fit = await draw(chart, live, layout, false);
    const pad = await draw(chart, fittedStart(live), layout, true);
    expect(fit.reruns).toBe(1);
    expect(pad.reruns).toBe(0);
    expect(canonical(pad.svg)).toEqual(canonical(fit.svg));
    fit.view.finalize();
    pad.view.finalize();
  });

  test('resized from the wide layout to the narrow one, it draws what "fit" draws there', async () => {
    const chart = await renderChart(id, spec);
    const live = liveSpec(withData(chart)).spec;
    const fit = await draw(chart, live, 'wide', false);
    const pad = await draw(chart, fittedStart(live), 'wide', true);
    const fitNarrow = await draw(chart, live, 'narrow', false, fit.view);
    const padNarrow = await draw(chart, fittedStart(live), 'narrow', true, pad.view);
    expect(canonical(padNarrow.svg)).toEqual(canonical(fitNarrow.svg));
    fit.view.finalize();
    pad.view.finalize();
  });
});

test('a spec laid out another way is left as it is', () => {
  const padded = { autosize: 'pad', marks: [] } as VegaSpec;
  expect(fittedStart(padded)).toBe(padded);
  const none = { marks: [] } as VegaSpec;
  expect(fittedStart(none)).toBe(none);
});
