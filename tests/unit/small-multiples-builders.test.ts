/**
 * Small multiples of every builder whose scales can be shared (src/lib/charts/small-multiples.ts):
 * bars on one value axis with their categories in one order, value labels still given their room;
 * histograms binned on the same numpy edges with one count axis; scatter plots on the same x and y,
 * their labels placed on those domains; heatmaps on one colour scale, each panel keeping its
 * legend. Each builder's new option alone, and the figure refusing a panel that ignores `shared`
 * or is drawn by another builder.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { type BarDatum, barChart } from '../../src/lib/charts/bar-chart.ts';
import { histogramChart, histogramRows } from '../../src/lib/charts/histogram-chart.ts';
import { keptPrecision, MANY_POINTS, placeLabels, scatterChart, type ScatterPoint } from '../../src/lib/charts/scatter-chart.ts';
import { heatmapChart, type MatrixData } from '../../src/lib/charts/heatmap-chart.ts';
import { type PanelOptions, smallMultiples } from '../../src/lib/charts/small-multiples.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { panelLayouts } from '../../src/lib/charts/panels.ts';

type Def = { field?: string; type?: string; scale?: { domain?: unknown; domainMax?: unknown }; sort?: unknown };
type View = { mark?: unknown; encoding?: Record<string, Def>; layer?: View[] };
const views = (spec: unknown): View[] => [spec as View, ...((spec as View).layer ?? []).flatMap(views)];
/** The scale domains a spec's encodings of a channel give. */
const domains = (spec: TopLevelSpec, channel: string) =>
  views(spec)
    .map((view) => view.encoding?.[channel])
    .filter((def) => def?.field !== undefined)
    .map((def) => def!.scale?.domain);
const rowsOf = (spec: TopLevelSpec) => Object.values((spec as unknown as { datasets: Record<string, unknown[]> }).datasets)[0]!;

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

// ——— Bars ———

const HALVES = [
  {
    half: 'First half',
    bars: [
      { category: 'the', value: 5 },
      { category: 'of', value: 4 },
      { category: 'it', value: 3 },
      { category: 'was', value: 3 },
      { category: 'age', value: 1 },
    ],
  },
  {
    half: 'Second half',
    bars: [
      { category: 'the', value: 4 },
      { category: 'we', value: 3 },
      { category: 'had', value: 2 },
      { category: 'of', value: 2 },
      { category: 'all', value: 1 },
    ],
  },
];
const BAR_OPTIONS = { valueTitle: 'Count', categoryTitle: 'Word', sort: 'descending', valueLabels: true } as const;
const barPanel = (h: (typeof HALVES)[number], shared: PanelOptions) => barChart(h.bars, { ...BAR_OPTIONS, ...shared });
const bars = smallMultiples(HALVES, { by: 'half', panel: barPanel });

describe('barChart in small multiples', () => {
  test("every panel draws every category in one order, by the figure's totals where the panels sort by theirs", async () => {
    const order = ['the', 'of', 'it', 'was', 'we', 'had', 'age', 'all'];
    for (const { spec } of bars.panels) {
      expect(vegaLiteSchemaError(spec)).toBeNull();
      expect(domains(spec, 'x')).toEqual([order, order]);
    }
    // As drawn: bar i is the same word in both panels, a word a half lacks an empty place.
    const svgs = await Promise.all(bars.panels.map(async ({ spec }, i) => (await renderChart(`bars-${i}`, spec)).svg));
    expect(ticks(svgs[0]!, 'X')).toEqual(order);
    expect(ticks(svgs[1]!, 'X')).toEqual(order);
    expect(svgs.map((svg) => svg.match(/aria-roledescription="bar"/g)?.length)).toEqual([5, 5]);
    // Panels that keep their data's order keep it, first seen panel by panel.
    const given = smallMultiples(HALVES, {
      by: 'half',
      panel: (h, shared) =>
        barChart(h.half === 'First half' ? [...h.bars].reverse() : h.bars, { ...BAR_OPTIONS, sort: 'given', ...shared }),
    });
    expect(domains(given.panels[1]!.spec, 'x')[0]).toEqual(['age', 'was', 'it', 'of', 'the', 'we', 'had', 'all']);
  });

  test('one value axis, with the value labels’ room past the longest bar of any panel', async () => {
    // The longest bar is the first half's 5: past it, at least a tenth more is its label's room, in both panels.
    const [first] = domains(bars.panels[0]!.spec, 'y') as [number, number][];
    expect(first![0]).toBe(0);
    expect(first![1]).toBeGreaterThanOrEqual(5.5);
    for (const { spec } of bars.panels) expect(domains(spec, 'y')).toEqual([first, first]);
    const svgs = await Promise.all(bars.panels.map(async ({ spec }, i) => (await renderChart(`bar-axis-${i}`, spec)).svg));
    expect(ticks(svgs[1]!, 'Y')).toEqual(ticks(svgs[0]!, 'Y'));
    expect(Number(ticks(svgs[0]!, 'Y').at(-1))).toBeGreaterThanOrEqual(5);
    // The second half's own longest bar is 4; on the shared axis its bars are drawn to the same scale.
    const heights = (svg: string) => [
      ...svg.matchAll(/aria-label="(\w+): (\d+)" role="graphics-symbol" aria-roledescription="bar" d="M[\d.]+,([\d.]+)h[\d.]+v([\d.]+)/g),
    ];
    const unit = (svg: string) => heights(svg).map((m) => Number(m[4]) / Number(m[2]));
    const units = [...unit(svgs[0]!), ...unit(svgs[1]!)];
    for (const u of units) expect(u).toBeCloseTo(units[0]!, 1);
    // Every label sits inside the plot, above its bar.
    const labels = [
      ...svgs[0]!.matchAll(
        /aria-roledescription="text mark" text-anchor="middle" transform="translate\([\d.]+,([\d.-]+)\)"[^>]*>5<\/text>/g,
      ),
    ];
    expect(labels).toHaveLength(1);
    expect(Number(labels[0]![1])).toBeGreaterThan(PLOT.fontSize.label);
    // Lying along in a narrow panel, the longest bar's label still ends inside the plot.
    const along = smallMultiples(HALVES, {
      by: 'half',
      panel: (h, shared) => barChart(h.bars, { ...BAR_OPTIONS, orientation: 'horizontal', ...shared }),
    });
    const { svg } = await renderChart('bar-along', along.panels[0]!.spec);
    const plotWidth = Number(/class="background" aria-hidden="true" d="M0,0h([\d.]+)v/.exec(svg)![1]);
    const end = /aria-roledescription="text mark" text-anchor="start" transform="translate\(([\d.]+),[\d.]+\)"[^>]*>5<\/text>/.exec(svg);
    expect(Number(end![1]) + 0.8 * PLOT.fontSize.label).toBeLessThanOrEqual(plotWidth);
  });

  test('stacked bars share the range of their stacks; their groups are named once, by the figure, and by no panel', async () => {
    const books = [{ book: 'Dickens' }, { book: 'Austen' }];
    const stacked = smallMultiples(books, {
      by: 'book',
      panel: ({ book }, shared) =>
        barChart(
          [
            { category: 'the', group: 'noun phrase', value: book === 'Dickens' ? 6 : 2 },
            { category: 'the', group: 'other', value: 3 },
            { category: 'of', group: 'noun phrase', value: 1 },
            { category: 'of', group: 'other', value: 1 },
          ],
          { categoryTitle: 'Word', valueTitle: 'Count', groups: 'stacked', ...shared },
        ),
    });
    for (const { spec } of stacked.panels) expect(domains(spec, 'y')).toEqual([[0, 9]]);
    expect(stacked.legend?.entries.map((entry) => entry.name)).toEqual(['noun phrase', 'other']);
    // A builder's legend object outweighs config.legend.disable: the panels' colour encodings have none.
    for (const [i, { spec }] of stacked.panels.entries())
      expect((await renderChart(`stacked-${i}`, spec)).svg).not.toContain('role-legend');
  });

  test('many categories lay every panel along, at one height', () => {
    const many = smallMultiples([{ part: 'A' }, { part: 'B' }], {
      by: 'part',
      panel: ({ part }, shared) =>
        barChart(
          Array.from({ length: 5 }, (_, i) => ({ category: `${part}${i}`, value: i + 1 })),
          { categoryTitle: 'Word', valueTitle: 'Count', ...shared },
        ),
    });
    // Five each, ten in all: past eight, the bars lie along, every panel the same height.
    const [a, b] = many.panels.map(({ spec }) => spec as unknown as { height: number });
    expect(domains(many.panels[0]!.spec, 'y')[0]).toHaveLength(10);
    expect(a!.height).toBe(b!.height);
    expect(a!.height).toBeGreaterThan(panelLayouts(PLOT.layouts, 2).wide.height);
  });

  test('the figure says what is shared', () => {
    expect(bars.description).toMatch(
      /^Two panels, one per half, on the same scales: Count from 1 to 5, and 8 categories of word in one order\. First half: Count by word/,
    );
  });

  test('barChart alone: valueDomain and categories are optional, checked, and never mutate what they are given', () => {
    const data = deepFreeze(HALVES[1]!.bars.map((bar) => ({ ...bar })));
    const categories = deepFreeze(['the', 'of', 'we', 'had', 'all', 'it']);
    const valueDomain = deepFreeze([0, 10] as const);
    const spec = barChart(data, { ...BAR_OPTIONS, categories, valueDomain });
    expect(domains(spec, 'x')).toEqual([categories, categories]);
    const [given] = domains(spec, 'y') as [number, number][];
    expect(given![0]).toBe(0);
    expect(given![1]).toBeGreaterThanOrEqual(11);
    expect(domains(spec, 'y')).toEqual([given, given]);
    // Without them, the chart is as it was: its own categories and a tenth past its longest bar.
    const own = barChart(data, BAR_OPTIONS);
    expect(views(own).map((view) => view.encoding?.y?.scale)).toEqual([undefined, { domainMax: 4.4 }, { domainMax: 4.4 }]);
    expect(() => barChart(data, { ...BAR_OPTIONS, valueDomain: [0, 3] })).toThrow(
      /barChart: the bars run from 0 to 4, beyond options.valueDomain \[0, 3\]; give a domain that holds them/,
    );
    expect(() => barChart(data, { ...BAR_OPTIONS, valueDomain: [3, 0] })).toThrow(/options.valueDomain must be \[lowest, highest\]/);
    expect(() => barChart(data, { ...BAR_OPTIONS, categories: ['the', 'of'] })).toThrow(
      /barChart: bar 1 has category "we", which options.categories leaves out/,
    );
    expect(() => barChart(data, { ...BAR_OPTIONS, categories: [...categories, 'the'] })).toThrow(/options.categories names "the" twice/);
  });
});

// ——— Histograms ———

interface Reference {
  inputs: Record<string, number[]>;
  cases: { input: string; bins: number; range: [number, number] | null; edges: number[]; counts: number[] }[];
}
const reference = JSON.parse(readFileSync(new URL('../reference/histogram_reference.json', import.meta.url), 'utf8')) as Reference;

describe('histogramChart in small multiples', () => {
  // Tenths from 0 to 3 in six bins, and tenths from 0 to 1 in two: both half a unit wide.
  const SAMPLES = [
    { sample: 'Tenths to 3', values: reference.inputs.tenths_0_3!, bins: 6 },
    { sample: 'Tenths to 1', values: reference.inputs.decimals_0_1!, bins: 2 },
  ];
  const figure = smallMultiples(SAMPLES, {
    by: 'sample',
    panel: ({ values, bins }, shared) => histogramChart(values, { bins, valueTitle: 'Value', ...shared }),
  });
  const numpy = reference.cases.find((c) => c.input === 'tenths_0_3' && c.bins === 6 && c.range === null)!;

  test("every panel is binned on the same numpy edges, over every panel's range, as fine as the finest", () => {
    const [first, second] = figure.panels.map(({ spec }) => rowsOf(spec) as { start: number; end: number; count: number }[]);
    expect(first!.map((row) => row.start)).toEqual(numpy.edges.slice(0, -1));
    expect(first!.map((row) => row.end)).toEqual(numpy.edges.slice(1));
    expect(first!.map((row) => row.count)).toEqual(numpy.counts);
    expect(second!.map(({ start, end }) => [start, end])).toEqual(first!.map(({ start, end }) => [start, end]));
    // Every value counted, none outside the shared range.
    expect(second!.map((row) => row.count)).toEqual([5, 5, 1, 0, 0, 0]);
    expect(second).toEqual(histogramRows(SAMPLES[1]!.values, { bins: 6, range: [0, 3] }));
  });

  test('one count axis, from zero to the fullest bin of any panel', async () => {
    const most = Math.max(...numpy.counts);
    for (const { spec } of figure.panels) expect(domains(spec, 'y')).toEqual([[0, most]]);
    const svgs = await Promise.all(figure.panels.map(async ({ spec }, i) => (await renderChart(`bins-${i}`, spec)).svg));
    expect(ticks(svgs[1]!, 'Y')).toEqual(ticks(svgs[0]!, 'Y'));
    expect(ticks(svgs[1]!, 'X')).toEqual(ticks(svgs[0]!, 'X'));
    expect(figure.description).toMatch(
      /^Two panels, one per sample, on the same scales: Value from 0 to 3 in 6 bins, and Count from 0 to 6\./,
    );
  });

  test('bins of other widths share the finest, over the range of all', () => {
    const uneven = smallMultiples(
      [
        { sample: 'Narrow', values: [0, 1, 2, 3, 4] },
        { sample: 'Wide', values: [0, 10] },
      ],
      { by: 'sample', panel: ({ values }, shared) => histogramChart(values, { bins: 4, valueTitle: 'Value', ...shared }) },
    );
    // Bins one unit wide (the narrow panel's four over 0 to 4), so ten over 0 to 10.
    for (const { spec } of uneven.panels) expect(rowsOf(spec)).toHaveLength(10);
  });

  test('histogramChart alone: countDomain is optional, checked, and the counts it draws are numpy’s', () => {
    const values = deepFreeze([1, 2, 2, 3]);
    const spec = histogramChart(values, { bins: 3, valueTitle: 'Value', countDomain: deepFreeze([0, 5] as const) });
    expect(domains(spec, 'y')).toEqual([[0, 5]]);
    expect(domains(histogramChart(values, { bins: 3, valueTitle: 'Value' }), 'y')).toEqual([undefined]);
    expect(() => histogramChart(values, { bins: 3, valueTitle: 'Value', countDomain: [0, 1] })).toThrow(
      /histogramChart: a bin holds 2 values, more than options.countDomain \[0, 1\] spans/,
    );
  });
});

// ——— Scatter plots ———

describe('scatterChart in small multiples', () => {
  // The first panel's words are close together: on the second's wide x axis, most labels collide.
  const GROUPS = [
    {
      corpus: 'Close',
      points: ['alpha', 'beta', 'gamma', 'delta', 'omega'].map((label, i) => ({ x: i, y: i % 2, label, group: 'word' })),
    },
    {
      corpus: 'Spread',
      points: ['one', 'two', 'three'].map((label, i) => ({ x: i * 50, y: i, label, group: 'word' })),
    },
  ];
  const OPTIONS = { xTitle: 'Position', yTitle: 'Count' } as const;
  const figure = smallMultiples(GROUPS, { by: 'corpus', panel: ({ points }, shared) => scatterChart(points, { ...OPTIONS, ...shared }) });
  /** The words a spec's text layers write: each layer filters the rows by "x,y,label" keys. */
  const labelled = (spec: TopLevelSpec) =>
    views(spec)
      .filter((view) => (view as { mark?: { type?: string } }).mark?.type === 'text')
      .flatMap((view) => {
        const filter = (view as unknown as { transform: { filter: string }[] }).transform[0]!.filter;
        return (JSON.parse(/^indexof\((\[.*\]), /.exec(filter)![1]!) as string[]).map((key) => key.split(',')[2]!);
      });

  test('x and y share their domains, and each panel draws the same ticks', async () => {
    for (const { spec } of figure.panels) {
      expect(domains(spec, 'x').every((d) => JSON.stringify(d) === '[0,100]')).toBe(true);
      expect(domains(spec, 'y').every((d) => JSON.stringify(d) === '[0,2]')).toBe(true);
    }
    const svgs = await Promise.all(figure.panels.map(async ({ spec }, i) => (await renderChart(`points-${i}`, spec)).svg));
    for (const axis of ['X', 'Y'] as const) expect(ticks(svgs[1]!, axis)).toEqual(ticks(svgs[0]!, axis));
    expect(figure.legend).toBeNull();
  });

  test("labels are placed on the shared domains, in the tighter of the panel's two plots, so none covers a point", async () => {
    const [close] = figure.panels;
    const placed = labelled(close!.spec);
    const points = GROUPS[0]!.points;
    // The wide panel's plot (216 px less the axes) is tighter than the phone's (328 px).
    const plot = { width: panelLayouts(PLOT.layouts, 2).wide.width - 60, height: 240 - 50 };
    const expected = placeLabels(points, plot, PLOT.fontSize.label, { x: [0, 100], y: [0, 2] }).map(({ index }) => points[index]!);
    expect([...placed].sort()).toEqual(expected.map((p) => p.label!).sort());
    // On its own domain every word would fit; squeezed into 0–100, fewer do.
    expect(placeLabels(points, plot, PLOT.fontSize.label)).toHaveLength(5);
    expect(placed.length).toBeLessThan(5);
    expect(placed.length).toBeGreaterThan(0);
    // As drawn, in both layouts: no label's box covers a point.
    const rendered = await renderChart('points-labels', close!.spec);
    for (const svg of [rendered.svg, rendered.narrowSvg]) {
      const centres = [...svg.matchAll(/aria-roledescription="point" transform="translate\(([\d.]+),([\d.]+)\)"/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      const marks = (svg.match(/<g class="mark-text role-mark[\s\S]*?<\/g>/g) ?? []).join('');
      const texts = [
        ...marks.matchAll(/<text text-anchor="(start|end|middle)" transform="translate\(([\d.-]+),([\d.-]+)\)"[^>]*>(\w+)<\/text>/g),
      ];
      expect(centres).toHaveLength(5);
      expect(texts.length).toBe(placed.length);
      for (const [, anchor, tx, ty, word] of texts) {
        const width = 0.8 * PLOT.fontSize.label * word!.length;
        const x0 = anchor === 'start' ? Number(tx) : anchor === 'end' ? Number(tx) - width : Number(tx) - width / 2;
        const box = { x0, x1: x0 + width, y0: Number(ty) - 0.8 * PLOT.fontSize.label, y1: Number(ty) + 0.25 * PLOT.fontSize.label };
        for (const [cx, cy] of centres) {
          const nearX = Math.max(box.x0, Math.min(cx!, box.x1));
          const nearY = Math.max(box.y0, Math.min(cy!, box.y1));
          expect(Math.hypot(nearX - cx!, nearY - cy!), `"${word}" covers a point`).toBeGreaterThan(3);
        }
      }
    }
  });

  test("a panel's labels are placed for its laptop layout, a third of the row, tighter than a phone's", () => {
    // Three panels: each 216 px wide on a laptop, 328 on a phone.
    const zigzag = (words: string[]) => words.map((label, i) => ({ x: i, y: (i * 7) % 3, label }));
    const twins = smallMultiples(
      [
        { corpus: 'Greek', points: zigzag(['alpha', 'beta', 'gamma', 'delta', 'omega']) },
        { corpus: 'Latin', points: zigzag(['prima', 'secda', 'terta', 'quart', 'quint']) },
        { corpus: 'Norse', points: zigzag(['ansuz', 'berka', 'dagaz', 'ehwaz', 'fehu']) },
      ],
      { by: 'corpus', panel: ({ points }, shared) => scatterChart(points, { ...OPTIONS, ...shared }) },
    );
    const points = zigzag(['alpha', 'beta', 'gamma', 'delta', 'omega']);
    const shared = { x: [0, 4], y: [0, 2] } as const;
    const laptop = placeLabels(points, { width: panelLayouts(PLOT.layouts, 3).wide.width - 60, height: 240 - 50 }, 12, shared);
    const phone = placeLabels(points, { width: PLOT.layouts.narrow.width - 60, height: 300 - 50 }, 12, shared);
    expect(laptop.length).toBeLessThan(phone.length);
    expect(labelled(twins.panels[0]!.spec).sort()).toEqual(laptop.map(({ index }) => points[index]!.label!).sort());
  });

  test(`past ${MANY_POINTS} points a panel keeps its precision rule, and zoom spans the shared x`, () => {
    const cloud = (n: number, spread: number) => Array.from({ length: n }, (_, i) => ({ x: (i / n) * spread + 1 / 3, y: Math.sin(i) }));
    const clouds = smallMultiples(
      [
        { run: 'A', points: cloud(1200, 1) },
        { run: 'B', points: cloud(10, 3) },
      ],
      { by: 'run', panel: ({ points }, shared) => scatterChart(points, { ...OPTIONS, zoom: true, ...shared }) },
    );
    const [many, few] = clouds.panels.map(({ spec }) => rowsOf(spec) as ScatterPoint[]);
    // A ten-thousandth of its own range: four decimals for a range of about 1; every digit under 1,000 points.
    expect(many!.map((p) => p.x)).toEqual(keptPrecision(cloud(1200, 1).map((p) => p.x)));
    expect(many!.map((p) => p.x)).not.toEqual(cloud(1200, 1).map((p) => p.x));
    expect(few![0]!.x).toBe(1 / 3);
    for (const { spec } of clouds.panels) {
      expect((spec as unknown as { usermeta: { zoomExtent: unknown } }).usermeta.zoomExtent).toEqual(domains(spec, 'x')[0]);
    }
  });

  test('scatterChart alone: the domains are optional, checked, and never mutate what they are given', () => {
    const points = deepFreeze(GROUPS[1]!.points.map((p) => ({ ...p })));
    const spec = scatterChart(points, { ...OPTIONS, xDomain: deepFreeze([-10, 200] as const), yDomain: deepFreeze([0, 5] as const) });
    expect(domains(spec, 'x')[0]).toEqual([-10, 200]);
    expect(domains(scatterChart(points, OPTIONS), 'x')[0]).toBeUndefined();
    expect(() => scatterChart(points, { ...OPTIONS, yDomain: [Number.NaN, 1] })).toThrow(/options.yDomain must be \[lowest, highest\]/);
  });
});

// ——— Heatmaps ———

describe('heatmapChart in small multiples', () => {
  const TOKENS = ['the', 'cat', 'sat'];
  // Two attention heads: the first spreads its weight, the second puts it all on one token.
  const HEADS: { head: string; matrix: MatrixData }[] = [
    {
      head: 'Head 1',
      matrix: {
        rows: TOKENS,
        columns: TOKENS,
        values: [
          [0.4, 0.3, 0.3],
          [0.3, 0.4, 0.3],
          [0.2, 0.3, 0.5],
        ],
      },
    },
    {
      head: 'Head 2',
      matrix: {
        rows: TOKENS,
        columns: TOKENS,
        values: [
          [1, 0, 0],
          [0.5, 0.5, 0],
          [0, 0.5, 0.5],
        ],
      },
    },
  ];
  const OPTIONS = { rowTitle: 'Query', columnTitle: 'Key', valueTitle: 'Attention' } as const;
  const figure = smallMultiples(HEADS, { by: 'head', panel: ({ matrix }, shared) => heatmapChart(matrix, { ...OPTIONS, ...shared }) });
  const fills = (svg: string) =>
    new Map(
      [
        ...svg.matchAll(
          /aria-label="\w+, \w+: ([\d.]+)" role="graphics-symbol" aria-roledescription="rect mark" d="[^"]*" fill="([^"]+)"/g,
        ),
      ].map((m) => [m[1], m[2]]),
    );

  test('one colour scale: the same value is the same colour in every panel', async () => {
    for (const { spec } of figure.panels) expect(domains(spec, 'color')).toEqual([[0, 1]]);
    const svgs = await Promise.all(figure.panels.map(async ({ spec }, i) => (await renderChart(`heads-${i}`, spec)).svg));
    const [one, two] = svgs.map(fills);
    // 0.5 is in both heads: the same colour, though each head's own cells span other ranges.
    expect(one!.get('0.5')).toBeDefined();
    expect(one!.get('0.5')).toBe(two!.get('0.5'));
  });

  test('each panel keeps its colour legend, the same in every panel; the figure draws none of its own', async () => {
    expect(figure.legend).toBeNull();
    const svgs = await Promise.all(figure.panels.map(async ({ spec }, i) => (await renderChart(`heads-legend-${i}`, spec)).svg));
    for (const svg of svgs) expect(svg).toContain('role-legend');
    const legend = (svg: string) => svg.slice(svg.indexOf('role-legend'), svg.indexOf('role-legend') + 4000).match(/>([\d.]+)<\/text>/g);
    expect(legend(svgs[1]!)).toEqual(legend(svgs[0]!));
    expect(figure.description).toMatch(/on the same scales: Attention from 0 to 1, in the same colours\./);
  });

  test('rows and columns are each panel’s own', () => {
    const other = smallMultiples([HEADS[0]!, { head: 'Short', matrix: { rows: ['the'], columns: ['cat', 'sat'], values: [[0.2, 0.8]] } }], {
      by: 'head',
      panel: ({ matrix }, shared) => heatmapChart(matrix, { ...OPTIONS, ...shared }),
    });
    expect(domains(other.panels[1]!.spec, 'x')).toEqual([undefined]);
    expect(rowsOf(other.panels[1]!.spec)).toHaveLength(2);
  });

  test('heatmapChart alone: colorDomain is optional, checked, and never mutates what it is given', () => {
    const matrix = deepFreeze(structuredClone(HEADS[0]!.matrix));
    expect(domains(heatmapChart(matrix, { ...OPTIONS, colorDomain: deepFreeze([0, 2] as const) }), 'color')).toEqual([[0, 2]]);
    expect(domains(heatmapChart(matrix, OPTIONS), 'color')).toEqual([undefined]);
    expect(() => heatmapChart(matrix, { ...OPTIONS, colorDomain: [0.3, 1] })).toThrow(
      /heatmapChart: the cells run from 0.2 to 0.5, beyond options.colorDomain \[0.3, 1\]; give a domain that holds them/,
    );
  });
});

// ——— What it refuses ———

describe('smallMultiples refuses a panel that does not share', () => {
  const halves = HALVES;
  const refusals: [string, () => unknown, RegExp][] = [
    [
      'bars drawn at their own size',
      () => smallMultiples(halves, { by: 'half', panel: (h) => barChart(h.bars, BAR_OPTIONS) }),
      /panel "First half" is drawn at 672 × 400, not the panel's 330 × 240; spread the panel function's second argument into the builder's options: \(facet, shared\) => barChart\(bars, \{ valueTitle, categoryTitle, \.\.\.shared \}\)/,
    ],
    [
      'bars on their own value axis',
      () =>
        smallMultiples(halves, {
          by: 'half',
          panel: (h, { valueDomain: _v, ...shared }) => barChart(h.bars, { ...BAR_OPTIONS, ...shared }),
        }),
      /panel "First half" is not on the shared scales \(its value axis spans its own bars, not every panel's\)/,
    ],
    [
      'bars in their own order',
      () =>
        smallMultiples(halves, {
          by: 'half',
          panel: (h, { categories: _c, ...shared }) => barChart(h.bars, { ...BAR_OPTIONS, ...shared }),
        }),
      /panel "First half" is not on the shared scales \(its categories are its own, not every panel's in one order\)/,
    ],
    [
      'a histogram on its own bins',
      () =>
        smallMultiples(
          [
            { s: 'A', v: [1, 2, 3] },
            { s: 'B', v: [1, 5] },
          ],
          { by: 's', panel: ({ v }, shared) => histogramChart(v, { valueTitle: 'Value', ...shared, bins: 3 }) },
        ),
      /panel "A" is not on the shared scales \(its bins are its own, not the shared 6 from 1 to 5\); spread .* histogramChart\(values, \{ valueTitle, \.\.\.shared \}\)/,
    ],
    [
      'a histogram on its own count axis',
      () =>
        smallMultiples(
          [
            { s: 'A', v: [1, 2, 3] },
            { s: 'B', v: [1, 1, 3] },
          ],
          { by: 's', panel: ({ v }, { countDomain: _c, ...shared }) => histogramChart(v, { valueTitle: 'Value', bins: 2, ...shared }) },
        ),
      /panel "A" is not on the shared scales \(its count axis spans its own bins, not every panel's\)/,
    ],
    [
      'a scatter plot on its own axes',
      () =>
        smallMultiples(
          [
            { s: 'A', p: [{ x: 0, y: 0 }] },
            { s: 'B', p: [{ x: 5, y: 1 }] },
          ],
          { by: 's', panel: ({ p }, { xDomain: _x, ...shared }) => scatterChart(p, { xTitle: 'x', yTitle: 'y', ...shared }) },
        ),
      /panel "A" is not on the shared scales \(its x axis spans its own data, not every panel's\); .* scatterChart\(points/,
    ],
    [
      'a heatmap in its own colours',
      () =>
        smallMultiples(
          [
            { s: 'A', m: { rows: ['a'], columns: ['b'], values: [[1]] } },
            { s: 'B', m: { rows: ['a'], columns: ['b'], values: [[2]] } },
          ],
          {
            by: 's',
            panel: ({ m }, { colorDomain: _c, ...shared }) =>
              heatmapChart(m, { rowTitle: 'r', columnTitle: 'c', valueTitle: 'v', ...shared }),
          },
        ),
      /panel "A" is not on the shared scales \(its colours span its own cells, not every panel's\); .* heatmapChart\(matrix/,
    ],
    [
      'a heatmap drawn at its own size',
      () =>
        smallMultiples(
          [
            { s: 'A', m: { rows: ['a'], columns: ['b'], values: [[1]] } },
            { s: 'B', m: { rows: ['a'], columns: ['b'], values: [[2]] } },
          ],
          { by: 's', panel: ({ m }) => heatmapChart(m, { rowTitle: 'r', columnTitle: 'c', valueTitle: 'v' }) },
        ),
      /panel "A" is drawn at 672 × 240, not the panel's 330 × 240/,
    ],
    [
      'a panel of another builder',
      () =>
        smallMultiples(
          [
            { s: 'Bars', v: [1, 2] },
            { s: 'Bins', v: [1, 2] },
          ],
          {
            by: 's',
            panel: ({ s, v }, shared) =>
              s === 'Bars'
                ? barChart(
                    v.map((value, i) => ({ category: `w${i}`, value })),
                    { valueTitle: 'Count', categoryTitle: 'Word', ...shared },
                  )
                : histogramChart(v, { valueTitle: 'Value', ...shared }),
          },
        ),
      /smallMultiples: panel "Bins" is a histogram, but panel "Bars" is a bar chart; every panel is drawn by one builder, so that they can share their scales/,
    ],
    [
      'a hand-written bar chart that counts for itself',
      () =>
        smallMultiples([{ s: 'A' }, { s: 'B' }], {
          by: 's',
          panel: (_f, shared) =>
            ({
              ...barChart([{ category: 'a', value: 1 }], { valueTitle: 'Count', categoryTitle: 'Word', ...shared }),
              layer: undefined,
              mark: 'bar',
              encoding: { x: { field: 'category', type: 'nominal' }, y: { aggregate: 'count', field: 'value', type: 'quantitative' } },
            }) as TopLevelSpec,
        }),
      /panel "A" has a aggregate on y, so its scale spans values the data does not hold/,
    ],
  ];
  test.each(refusals)('%s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
