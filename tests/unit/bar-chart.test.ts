/**
 * The bar chart builder (src/lib/charts/bar-chart.ts): valid Vega-Lite that compiles without a
 * warning and renders, in every orientation, order and grouping; never mutating its input.
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { type BarDatum, barChart, describeBars } from '../../src/lib/charts/bar-chart.ts';
import { compileChart, renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { CATEGORICAL } from '../../src/lib/charts/palette.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { panelLayouts } from '../../src/lib/charts/panels.ts';

const WORDS: BarDatum[] = [
  { category: 'the', value: 12 },
  { category: 'of', value: 2 },
  { category: 'it', value: 7 },
  { category: 'was', value: 7 },
];
const BY_BOOK: BarDatum[] = [
  { category: 'the', group: 'Dickens', value: 12 },
  { category: 'the', group: 'Austen', value: 9 },
  { category: 'of', group: 'Dickens', value: 2 },
  { category: 'of', group: 'Austen', value: 5 },
];
const OPTIONS = { valueTitle: 'Count', categoryTitle: 'Word' } as const;

type Layer = { mark: { type: string }; encoding: Record<string, Record<string, unknown>>; transform?: unknown[] };
const layers = (spec: TopLevelSpec) => (spec as unknown as { layer: Layer[] }).layer;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

describe('barChart', () => {
  const cases: [string, TopLevelSpec][] = [
    ['single', barChart(WORDS, OPTIONS)],
    ['sorted with labels', barChart(WORDS, { ...OPTIONS, sort: 'descending', valueLabels: true })],
    ['horizontal', barChart(WORDS, { ...OPTIONS, orientation: 'horizontal' })],
    ['grouped', barChart(BY_BOOK, { ...OPTIONS, valueLabels: true, legendTitle: 'Book' })],
    ['stacked', barChart(BY_BOOK, { ...OPTIONS, groups: 'stacked', valueLabels: true })],
    [
      'fractions',
      barChart(
        [
          { category: 'a', value: 0.25 },
          { category: 'b', value: -0.5 },
        ],
        { valueTitle: 'Share', categoryTitle: 'Class' },
      ),
    ],
  ];

  test.each(cases)('%s: valid Vega-Lite that compiles without a warning and renders', async (name, spec) => {
    expect(vegaLiteSchemaError(spec)).toBeNull();
    expect(() => compileChart(`bars-${name.replace(/ /g, '-')}`, spec)).not.toThrow();
    const { svg } = await renderChart(`bars-${name.replace(/ /g, '-')}`, spec);
    expect(svg).toContain('mark-rect');
  });

  test('never mutates its input', () => {
    const frozen = deepFreeze(structuredClone(BY_BOOK));
    expect(() => barChart(frozen, { ...OPTIONS, sort: 'descending', groups: 'stacked', valueLabels: true })).not.toThrow();
    expect(frozen).toEqual(BY_BOOK);
  });

  test('keeps the given order, or sorts categories by their total, ties in the given order', () => {
    const order = (spec: TopLevelSpec) => layers(spec)[0]!.encoding.x!.sort;
    expect(order(barChart(WORDS, OPTIONS))).toEqual(['the', 'of', 'it', 'was']);
    expect(order(barChart(WORDS, { ...OPTIONS, sort: 'descending' }))).toEqual(['the', 'it', 'was', 'of']);
    expect(order(barChart(WORDS, { ...OPTIONS, sort: 'ascending' }))).toEqual(['of', 'it', 'was', 'the']);
    // "the" totals 21 over both books, "of" 7.
    expect(order(barChart([...BY_BOOK].reverse(), { ...OPTIONS, sort: 'descending' }))).toEqual(['the', 'of']);
  });

  test('lays bars along when there are many categories or long names, and grows with them', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ category: `w${i}`, value: i }));
    const spec = barChart(many, OPTIONS) as unknown as { height: number; usermeta: { narrow: { height: number } } };
    expect(layers(spec as unknown as TopLevelSpec)[0]!.encoding.y!.field).toBe('category');
    expect(spec.height).toBeGreaterThanOrEqual(20 * 24);
    expect(spec.usermeta.narrow.height).toBe(spec.height);
    const long = barChart(
      [
        { category: 'transformer', value: 3 },
        { category: 'rnn', value: 1 },
      ],
      OPTIONS,
    );
    expect(layers(long)[0]!.encoding.y!.field).toBe('category');
    expect(layers(barChart(WORDS, OPTIONS))[0]!.encoding.x!.field).toBe('category');
    // Names too wide to sit side by side under their bars on a phone, where Vega would drop every
    // other one: seven of five letters (six fit), or, in a third of a laptop's row, four.
    const names = ['times', 'worst', 'epoch', 'light', 'faith', 'hopes', 'wings'];
    const bars = (n: number) => names.slice(0, n).map((category, i) => ({ category, value: i + 1 }));
    expect(layers(barChart(bars(7), OPTIONS))[0]!.encoding.y!.field).toBe('category');
    expect(layers(barChart(bars(6), OPTIONS))[0]!.encoding.x!.field).toBe('category');
    const third = { ...PLOT, layouts: panelLayouts(PLOT.layouts, 3) };
    expect(layers(barChart(bars(4), { ...OPTIONS, theme: third }))[0]!.encoding.y!.field).toBe('category');
    expect(layers(barChart(bars(3), { ...OPTIONS, theme: third }))[0]!.encoding.x!.field).toBe('category');
  });

  test('groups side by side by default, or stacks; each group in the categorical palette', () => {
    const grouped = layers(barChart(BY_BOOK, OPTIONS))[0]!.encoding;
    expect(grouped.xOffset).toMatchObject({ field: 'group' });
    expect(grouped.y!.stack).toBeNull();
    expect(grouped.color).toMatchObject({ field: 'group', scale: { domain: ['Dickens', 'Austen'], range: CATEGORICAL.slice(0, 2) } });
    const stacked = layers(barChart(BY_BOOK, { ...OPTIONS, groups: 'stacked' }))[0]!.encoding;
    expect(stacked.xOffset).toBeUndefined();
    expect(stacked.y!.stack).toBe('zero');
  });

  test('counts get whole-number ticks and formats; fractions do not', () => {
    const counts = layers(barChart(WORDS, OPTIONS))[0]!.encoding;
    expect(counts.y!.axis).toEqual({ format: 'd', tickMinStep: 1 });
    expect(counts.tooltip).toContainEqual(expect.objectContaining({ field: 'value', format: 'd' }));
    const fractions = layers(barChart([{ category: 'a', value: 0.25 }], { valueTitle: 'Share', categoryTitle: 'Class' }))[0]!.encoding;
    expect(fractions.y!.axis).toBeUndefined();
  });

  test('value labels: each bar its value, a stacked bar its total', async () => {
    const stacked = barChart(BY_BOOK, { ...OPTIONS, groups: 'stacked', valueLabels: true });
    const { svg } = await renderChart('bars-stacked-labels', stacked);
    // The texts of the label layer (a text mark), not the axes' tick labels.
    const layer = /<g class="mark-text role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const labels = [...layer.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((match) => match[1]);
    expect(labels.sort()).toEqual(['21', '7']);
    const single = await renderChart('bars-single-labels', barChart(WORDS, { ...OPTIONS, valueLabels: true }));
    expect(single.svg).toMatch(/>12<\/text>/);
  });

  test('the table holds what is drawn: one row per bar, no helper columns', async () => {
    const { datasets } = await renderChart('bars-table', barChart(BY_BOOK, OPTIONS));
    expect(Object.values(datasets)[0]).toEqual(BY_BOOK.map(({ category, group, value }) => ({ category, group, value })));
  });

  test('refuses what it cannot draw, saying which bar', () => {
    expect(() => barChart([], OPTIONS)).toThrow(/at least one bar/);
    expect(() => barChart([{ category: 'a', value: NaN }], OPTIONS)).toThrow(/bar 0 \("a"\) has value NaN/);
    expect(() =>
      barChart(
        [
          { category: 'a', value: 1 },
          { category: 'a', value: 2 },
        ],
        OPTIONS,
      ),
    ).toThrow(/bar 1 repeats category "a"/);
    expect(() =>
      barChart(
        [
          { category: 'a', value: 1, group: 'x' },
          { category: 'b', value: 2 },
        ],
        OPTIONS,
      ),
    ).toThrow(/every bar has a group or none/);
    expect(() => barChart(WORDS, { categoryTitle: 'Word' } as never)).toThrow(/options.valueTitle/);
  });
});

describe('describeBars', () => {
  test('says the largest, the smallest and the total', () => {
    expect(describeBars(WORDS, OPTIONS)).toBe('Count by word: "the" is largest at 12, "of" smallest at 2; 28 in all over 4 categories.');
  });
  test('sums groups per category, and names each group with its total', () => {
    expect(describeBars(BY_BOOK, OPTIONS)).toBe(
      'Count by word (over 2 groups: Dickens 14, Austen 14): "the" is largest at 21, "of" smallest at 7; 28 in all over 2 categories.',
    );
  });
});
