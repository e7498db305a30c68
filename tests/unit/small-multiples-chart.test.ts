/**
 * Small multiples (src/lib/charts/small-multiples.ts, panels.ts): one builder's chart per facet,
 * each a single view at the panel's two sizes, on the same x and y domains (computed from every
 * panel's data), titled by its facet, with one legend for the figure and a description of the
 * whole; never mutating its input. Snapshots of a panel's compiled Vega spec and static SVG, and
 * of the figure's Vega-Lite spec.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { linspace } from '../../src/lib/numeric.ts';
import { relu, reluGradient, sigmoid, sigmoidGradient, tanh, tanhGradient } from '../../src/lib/activations.ts';
import { layeredLineChart } from '../../src/lib/charts/builders.ts';
import { barChart } from '../../src/lib/charts/bar-chart.ts';
import { PLOT, WIDE_LAYOUT_MIN_WIDTH } from '../../src/lib/charts/theme.ts';
import { figureSpec, isSmallMultiples, smallMultiples } from '../../src/lib/charts/small-multiples.ts';
import { LAYOUT_CONTAINER, PANEL_GAP, PANELS_CLASS, panelColumns, panelLayouts, panelRows } from '../../src/lib/charts/panels.ts';
import { compileChart, renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { toCsv } from '../../src/lib/charts/csv.ts';

const x = linspace(-5, 5, 101);
const ACTIVATIONS = [
  { activation: 'Sigmoid', f: sigmoid, gradient: (v: number) => sigmoidGradient(sigmoid(v)) },
  { activation: 'Tanh', f: tanh, gradient: (v: number) => tanhGradient(tanh(v)) },
  { activation: 'ReLU', f: relu, gradient: reluGradient },
];
type Activation = (typeof ACTIVATIONS)[number];

const panel = (a: Activation, shared: object) =>
  layeredLineChart(
    [
      { name: 'Activation', x, y: x.map(a.f), color: PLOT.colors.blue },
      { name: 'Gradient', x, y: x.map(a.gradient), color: PLOT.colors.red },
    ],
    { xTitle: 'x', yTitle: 'f(x) and its gradient', ...shared },
  );
const figure = smallMultiples(ACTIVATIONS, { by: 'activation', panel });

type Encoding = Record<string, { field?: string; type?: string; scale?: { domain?: unknown }; legend?: unknown }>;
type View = { mark?: unknown; encoding?: Encoding; layer?: View[] };
const views = (spec: unknown): View[] => {
  const view = spec as View;
  return [view, ...(view.layer ?? []).flatMap(views)];
};
const domains = (spec: TopLevelSpec, channel: 'x' | 'y') =>
  views(spec)
    .map((view) => view.encoding?.[channel])
    .filter((def) => def?.type === 'quantitative')
    .map((def) => def!.scale?.domain);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The text of each tick label of an SVG's axis. */
const ticks = (svg: string, axis: 'X' | 'Y') => {
  const start = svg.indexOf(`aria-label="${axis}-axis`);
  const group = svg.slice(start, svg.indexOf('role-axis-title', start));
  return [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
};

describe('smallMultiples', () => {
  test('a panel per facet, each a single view titled by its facet at the panel sizes, valid Vega-Lite that compiles and renders', async () => {
    expect(isSmallMultiples(figure)).toBe(true);
    expect(figure.panels.map((p) => p.value)).toEqual(['Sigmoid', 'Tanh', 'ReLU']);
    expect(figure.columns).toBe(3);
    for (const [i, { value, spec }] of figure.panels.entries()) {
      expect((spec as { title?: unknown }).title).toBe(value);
      expect(vegaLiteSchemaError(spec)).toBeNull();
      const chart = await renderChart(`panel-${i + 1}`, spec);
      expect(chart.sizes).toEqual({ wide: { width: 216, height: 240 }, narrow: { width: 328, height: 220 } });
      expect(chart.svg).toContain(`aria-label="Title text '${value}'"`);
      // A line per series.
      expect(chart.svg.match(/<g class="mark-line role-mark/g)).toHaveLength(2);
    }
  });

  test("x's and y's domains are shared: the least and greatest value over every panel's data, and each panel draws the same ticks", async () => {
    const ys = ACTIVATIONS.flatMap((a) => [...x.map(a.f), ...x.map(a.gradient)]);
    const y = [Math.min(...ys), Math.max(...ys)];
    expect(y).toEqual([tanh(-5), 5]);
    for (const { spec } of figure.panels) {
      expect(domains(spec, 'x')).toEqual(domains(spec, 'x').map(() => [-5, 5]));
      expect(domains(spec, 'y')).toEqual(domains(spec, 'y').map(() => y));
      expect(domains(spec, 'y').length).toBeGreaterThan(0);
    }
    // As drawn: three panels whose own data span [0, 1], [−1, 1] and [0, 5] show the same axes.
    const svgs = await Promise.all(figure.panels.map(async ({ spec }, i) => (await renderChart(`shared-${i}`, spec)).svg));
    for (const axis of ['X', 'Y'] as const) {
      expect(ticks(svgs[0]!, axis).length).toBeGreaterThan(2);
      expect(ticks(svgs[1]!, axis)).toEqual(ticks(svgs[0]!, axis));
      expect(ticks(svgs[2]!, axis)).toEqual(ticks(svgs[0]!, axis));
    }
    expect(ticks(svgs[0]!, 'Y')).toContain('4');
  });

  test('one legend for the figure, from the panels’ colours and dashes; none in any panel', async () => {
    expect(figure.legend).toEqual({
      title: null,
      entries: [
        { name: 'Activation', color: PLOT.colors.blue, dash: [], symbol: 'line' },
        { name: 'Gradient', color: PLOT.colors.red, dash: [...PLOT.dashes[1]!], symbol: 'line' },
      ],
    });
    for (const [i, { spec }] of figure.panels.entries()) {
      const { svg } = await renderChart(`legend-${i}`, spec);
      expect(svg).not.toContain('role-legend');
      // Nor names at the lines' ends.
      expect(svg).not.toContain('mark-text role-mark');
    }
    expect(smallMultiples(ACTIVATIONS, { by: 'activation', panel, legendTitle: 'Curve' }).legend?.title).toBe('Curve');
  });

  test('describes the whole figure from its data: the panels, the shared ranges, and each panel in words', () => {
    expect(figure.description).toMatch(
      /^Three panels, one per activation, on the same scales: x from −5 to 5, and f\(x\) and its gradient from −0\.9999 to 5\. Sigmoid: Activation rises from 0\.00669 at x\u00a0=\u00a0−5 /,
    );
    for (const { value, spec } of figure.panels)
      expect(figure.description).toContain(`${value}: ${(spec as { description: string }).description}`);
    expect(smallMultiples(ACTIVATIONS, { by: 'activation', panel, description: 'Mine.' }).description).toBe('Mine.');
  });

  test('never mutates its facets, and gives the same figure for the same input', () => {
    const facets = deepFreeze(ACTIVATIONS.map((a) => ({ ...a })));
    const frozen = deepFreeze([...x]);
    const again = smallMultiples(facets, {
      by: 'activation',
      panel: (a, shared) =>
        layeredLineChart([{ name: 'Activation', x: frozen, y: frozen.map(a.f), color: PLOT.colors.blue }], {
          xTitle: 'x',
          yTitle: 'f(x)',
          ...shared,
        }),
    });
    expect(again.panels).toHaveLength(3);
    expect(again.legend).toBeNull();
    expect(JSON.stringify(smallMultiples(ACTIVATIONS, { by: 'activation', panel }))).toBe(JSON.stringify(figure));
  });

  test('the table and CSV rows: every panel’s rows, each led by its panel’s value', () => {
    const rows = panelRows('activation', [
      { value: 'Tanh', rows: [{ series: 'Activation', x: 0, y: 0 }] },
      { value: 'ReLU', rows: [{ series: 'Activation', x: -1, y: 0 }] },
    ]);
    expect(toCsv(rows)).toBe('activation,series,x,y\r\nTanh,Activation,0,0\r\nReLU,Activation,-1,0\r\n');
  });

  test("the figure's Vega-Lite spec concatenates the panels, three to a row, each with its own data, and compiles without a warning", () => {
    const spec = figureSpec(
      figure,
      figure.panels.map(() => ({ width: 180, height: 150 })),
    ) as unknown as { columns: number; concat: { data: { name: string }; width: number }[]; datasets: Record<string, unknown[]> };
    expect(spec.columns).toBe(3);
    expect(spec.concat.map((view) => view.data.name)).toEqual(['series_1', 'series_2', 'series_3']);
    expect(Object.values(spec.datasets).map((rows) => rows.length)).toEqual([202, 202, 202]);
    expect(spec.concat[0]!.width).toBe(180);
    expect(vegaLiteSchemaError(spec as never)).toBeNull();
    expect(() => compileChart('figure', spec as never)).not.toThrow();
    expect('datasets' in figureSpec(figure, [], false)).toBe(false);
  });

  test('snapshots: a panel’s compiled Vega spec and static SVG, the figure’s legend and description', async () => {
    const [, tanhPanel] = figure.panels;
    await expect(JSON.stringify(compileChart('panel-tanh', tanhPanel!.spec), null, 2) + '\n').toMatchFileSnapshot(
      './__snapshots__/small-multiples-tanh.vega.json',
    );
    const { svg, narrowSvg } = await renderChart('panel-tanh', tanhPanel!.spec);
    await expect(svg + '\n').toMatchFileSnapshot('./__snapshots__/small-multiples-tanh.svg');
    await expect(narrowSvg + '\n').toMatchFileSnapshot('./__snapshots__/small-multiples-tanh-narrow.svg');
  });

  test('refuses what it cannot draw as small multiples, naming the panel', () => {
    const options = { by: 'activation', panel } as const;
    expect(() => smallMultiples(ACTIVATIONS.slice(0, 1), options)).toThrow(/needs 2 to 12 facets, one per panel; got 1/);
    expect(() => smallMultiples([ACTIVATIONS[0]!, ACTIVATIONS[0]!], options)).toThrow(/two facets have activation = "Sigmoid"/);
    expect(() => smallMultiples([{ ...ACTIVATIONS[0]!, activation: '' }, ACTIVATIONS[1]!], options)).toThrow(/facet 0 has activation = ""/);
    // A panel that ignores what it is given would be drawn at the single chart's size, on its own scales.
    expect(() => smallMultiples(ACTIVATIONS, { by: 'activation', panel: (a) => panel(a, {}) })).toThrow(
      /panel "Sigmoid" is drawn at 672 × 400, not the panel's 216 × 240; spread the panel function's second argument/,
    );
    expect(() =>
      smallMultiples(ACTIVATIONS, { by: 'activation', panel: (a, { xDomain: _x, yDomain: _y, ...shared }) => panel(a, shared) }),
    ).toThrow(/panel "Sigmoid" is not on the shared scales/);
    // One legend for all needs the same series in every panel.
    expect(() =>
      smallMultiples(ACTIVATIONS, {
        by: 'activation',
        panel: (a, shared) =>
          layeredLineChart(
            [
              { name: a.activation, x, y: x.map(a.f), color: PLOT.colors.blue },
              { name: 'Gradient', x, y: x.map(a.gradient), color: PLOT.colors.red },
            ],
            { xTitle: 'x', yTitle: 'y', ...shared },
          ),
      }),
    ).toThrow(/panel "Tanh" names its series "Tanh", "Gradient", but panel "Sigmoid" "Sigmoid", "Gradient"/);
    // Bars stacked into shares span fractions the rows do not hold (stacked counts are summed: small-multiples-builders.test.ts).
    const books = [{ book: 'A' }, { book: 'B' }];
    type Bars = { layer: { encoding: Record<string, object> }[] };
    const shares = (spec: TopLevelSpec) => {
      const [bars, ...labels] = (spec as unknown as Bars).layer;
      return { ...spec, layer: [{ ...bars, encoding: { ...bars!.encoding, y: { ...bars!.encoding.y, stack: 'normalize' } } }, ...labels] };
    };
    expect(() =>
      smallMultiples(books, {
        by: 'book',
        panel: (_b, shared) =>
          shares(
            barChart(
              [
                { category: 'the', group: 'x', value: 1 },
                { category: 'the', group: 'y', value: 2 },
              ],
              { categoryTitle: 'Word', valueTitle: 'Count', groups: 'stacked', ...shared },
            ),
          ) as TopLevelSpec,
      }),
    ).toThrow(/panel "A" stacks y, so its scale spans values the data does not hold/);
    // The builder's own errors say which panel.
    expect(() =>
      smallMultiples(ACTIVATIONS, {
        by: 'activation',
        panel: (_a, shared) => layeredLineChart([], { xTitle: 'x', yTitle: 'y', ...shared }),
      }),
    ).toThrow(/^smallMultiples: panel "Sigmoid": series must hold at least one series/);
  });
});

describe('panel layouts', () => {
  test('two per row for 2 and 4 panels, else three; each drawn at its share of the 672 px row less the gaps', () => {
    expect([2, 3, 4, 5, 6, 9].map(panelColumns)).toEqual([2, 3, 2, 3, 3, 3]);
    expect(panelLayouts(PLOT.layouts, 3).wide).toEqual({ width: 216, height: 240 });
    expect(panelLayouts(PLOT.layouts, 2).wide).toEqual({ width: 330, height: 240 });
    expect(panelLayouts(PLOT.layouts, 3).narrow.width).toBe(PLOT.layouts.narrow.width);
  });

  test.each([2, 3])(
    '%i to a row: at the switch to the wide layout, a panel is shown no smaller than 11/12 of its drawn size',
    (columns) => {
      const { wide } = panelLayouts(PLOT.layouts, columns);
      const shown = (WIDE_LAYOUT_MIN_WIDTH - (columns - 1) * PANEL_GAP) / columns;
      expect(shown / wide.width).toBeGreaterThanOrEqual(11 / 12);
      expect(columns * wide.width + (columns - 1) * PANEL_GAP).toBeLessThanOrEqual(PLOT.layouts.wide.width);
    },
  );

  test("global.css: the panels' wrapper is the layout's container, not each panel, its gap is PANEL_GAP, and rows of 2 or 3 start at WIDE_LAYOUT_MIN_WIDTH", () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    expect(css).toContain(`vega-chart {\n  position: relative;\n  display: block;\n  container: ${LAYOUT_CONTAINER} / inline-size;`);
    expect(css).toContain(`.${PANELS_CLASS} {\n  container: ${LAYOUT_CONTAINER} / inline-size;\n}`);
    expect(css).toContain('.chart__grid > vega-chart {\n  container-name: none;\n}');
    expect(css).toMatch(new RegExp(`\\.chart__grid \\{[^}]*gap: [^;]* ${PANEL_GAP}px;`));
    const wide = css.indexOf(`@container ${LAYOUT_CONTAINER} (width >= ${WIDE_LAYOUT_MIN_WIDTH}px) {`);
    const block = css.slice(wide, css.indexOf('\n}\n', wide));
    expect(block).toContain('.chart__grid--2 {\n    grid-template-columns: repeat(2, minmax(0, 1fr));');
    expect(block).toContain('.chart__grid--3 {\n    grid-template-columns: repeat(3, minmax(0, 1fr));');
    // Every container query that picks a layout names the container the runtime measures.
    expect(css.match(/@container \(/g)).toBeNull();
  });
});
