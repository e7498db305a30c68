/**
 * Bar charts: one value per category (word counts, accuracy per class), optionally split by a
 * second category, grouped side by side or stacked. A pure builder: it copies its input.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT } from './theme.ts';
import { chartFrame, checkDomain, requireText } from './frame.ts';
import { formatNumber } from './describe.ts';
import { CATEGORICAL } from './palette.ts';
import { maxOf, minOf } from '../numeric.ts';

/** One bar, or one part of a bar when `group` splits it. */
export interface BarDatum {
  readonly category: string;
  readonly value: number;
  /** The second category: bars of one category are grouped or stacked by it. */
  readonly group?: string;
}

export interface BarChartOptions {
  /** What the bars measure ("Count", "Accuracy"); builders never guess it. */
  readonly valueTitle: string;
  /** What the categories are ("Word", "Class"). */
  readonly categoryTitle: string;
  /**
   * Bars up ("vertical") or along ("horizontal"). "auto" (the default) lays them along when
   * there are more than 8 categories, a name longer than 6 characters, or names too wide to sit
   * side by side under their bars in the narrower layout's plot, whose labels would otherwise
   * collide (and Vega drop every other one) or be cut on a phone or in a panel.
   */
  readonly orientation?: 'auto' | 'vertical' | 'horizontal';
  /** "given" keeps the data's order (the default); the others sort categories by their total. */
  readonly sort?: 'given' | 'descending' | 'ascending';
  /** How groups show: side by side ("grouped", the default) or one on another ("stacked"). */
  readonly groups?: 'grouped' | 'stacked';
  /** Print each bar's value at its end (a stacked bar's total). */
  readonly valueLabels?: boolean;
  /** d3-format for values in tooltips, labels and the table; whole numbers ("d") for counts by default. */
  readonly valueFormat?: string;
  /** Replaces the description written from the data. */
  readonly description?: string;
  readonly legendTitle?: string;
  /** The values the value axis must span (zero and the labels' room added as without it): small multiples share it. */
  readonly valueDomain?: readonly [number, number];
  /** Every category to draw, in this order, those without a bar left empty (`sort` then orders nothing): small multiples share them. */
  readonly categories?: readonly string[];
  readonly theme?: ChartTheme;
}

/** The longest category name that still reads under a vertical bar at a phone's width. */
const SHORT_NAME = 6;
/** The most vertical bars that fit a phone's plot side by side with their labels. */
const MAX_VERTICAL = 8;
/** The room a vertical chart's value axis takes from its width besides its labels' digits: ticks and padding, in CSS pixels. */
const VALUE_AXIS = 16;
/** Room per category along a horizontal chart, and for its axes, in CSS pixels. */
const BAND = 24;
const AXES = 90;

/** Vega's own estimate of a text's width: 0.8 em a character. */
const EM_PER_CHARACTER = 0.8;

/**
 * How far past the longest bar a given value domain runs, as a multiple of it, so the bar's label
 * fits inside the plot: a tenth more, as without a domain, or more where the tighter layout's
 * plot is short (a panel of small multiples), estimated from its size less its axes.
 */
function labelRoom(horizontal: boolean, theme: ChartTheme, categories: readonly string[], digits: number): number {
  const { wide, narrow } = theme.layouts;
  const { label } = theme.fontSize;
  const names = EM_PER_CHARACTER * label * maxOf(categories.map((name) => name.length));
  // The label's extent past the bar's end, and the plot's length along the bars.
  const [needed, plot] = horizontal
    ? [4 + EM_PER_CHARACTER * label * digits + 2, Math.min(wide.width, narrow.width) - names - 2 * (label + 6)]
    : [3 + label + 2, Math.min(wide.height, narrow.height) - 4 * (label + 6)];
  return Math.max(1.1, 1 / (1 - Math.min(0.5, needed / Math.max(plot, 1))));
}

/** Refuses what no bar chart can draw, naming the bad row. */
function checkBars(data: readonly BarDatum[], options: BarChartOptions): void {
  if (!Array.isArray(data) || data.length === 0) throw new RangeError('barChart needs at least one bar');
  requireText('barChart', options, 'valueTitle', 'say what the bars measure (e.g. "Count")');
  requireText('barChart', options, 'categoryTitle', 'say what the categories are (e.g. "Word")');
  const seen = new Set<string>();
  data.forEach((bar, row) => {
    if (typeof bar?.category !== 'string' || bar.category === '') throw new RangeError(`bar ${row} has no category name`);
    if (typeof bar.value !== 'number' || !Number.isFinite(bar.value)) {
      throw new RangeError(`bar ${row} ("${bar.category}") has value ${String(bar.value)}; a bar needs a finite number`);
    }
    const key = JSON.stringify([bar.category, bar.group ?? null]);
    if (seen.has(key)) {
      throw new RangeError(
        `bar ${row} repeats category "${bar.category}"${bar.group === undefined ? '' : ` in group "${bar.group}"`}; each bar is given once`,
      );
    }
    seen.add(key);
  });
  const grouped = data.filter((bar) => bar.group !== undefined).length;
  if (grouped !== 0 && grouped !== data.length) throw new RangeError('barChart: either every bar has a group or none has');
  checkDomain(options.valueDomain, 'valueDomain');
  const { categories } = options;
  if (categories !== undefined) {
    if (!Array.isArray(categories) || categories.some((name) => typeof name !== 'string' || name === '')) {
      throw new RangeError('barChart: options.categories must be the category names, in the order to draw them');
    }
    const twice = categories.find((name, i) => categories.indexOf(name) !== i);
    if (twice !== undefined) throw new RangeError(`barChart: options.categories names "${twice}" twice`);
    const missing = data.findIndex((bar) => !categories.includes(bar.category));
    if (missing >= 0)
      throw new RangeError(`barChart: bar ${missing} has category "${data[missing]!.category}", which options.categories leaves out`);
  }
}

/** The least and greatest end of a bar: a stack's parts add up, its negative parts below zero. */
function barExtent(data: readonly BarDatum[], stacked: boolean): [number, number] {
  if (!stacked) return [minOf([0, ...data.map((bar) => bar.value)]), maxOf([0, ...data.map((bar) => bar.value)])];
  const ends = new Map<string, [number, number]>();
  for (const { category, value } of data) {
    const [below, above] = ends.get(category) ?? [0, 0];
    ends.set(category, value < 0 ? [below + value, above] : [below, above + value]);
  }
  return [minOf([...ends.values()].map(([below]) => below)), maxOf([...ends.values()].map(([, above]) => above))];
}

/** Distinct values in first-seen order. */
const distinct = (values: readonly string[]) => [...new Set(values)];

/** Each category's total (the sum of its groups). */
function totals(data: readonly BarDatum[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const bar of data) sums.set(bar.category, (sums.get(bar.category) ?? 0) + bar.value);
  return sums;
}

/** The categories in the order the chart draws them. */
function categoryOrder(data: readonly BarDatum[], sort: BarChartOptions['sort']): string[] {
  const given = distinct(data.map((bar) => bar.category));
  if (!sort || sort === 'given') return given;
  const sums = totals(data);
  const sign = sort === 'descending' ? -1 : 1;
  // Array.prototype.sort is stable: equal totals keep the data's order.
  return [...given].sort((a, b) => sign * (sums.get(a)! - sums.get(b)!));
}

/** Words for a bar chart: 'Count by word: "the" is largest at 12, "of" smallest at 2; 28 in all over 4 categories.' */
export function describeBars(data: readonly BarDatum[], options: Pick<BarChartOptions, 'categoryTitle' | 'valueTitle'>): string {
  const sums = [...totals(data)];
  let largest = sums[0]!;
  let smallest = sums[0]!;
  for (const entry of sums) {
    if (entry[1] > largest[1]) largest = entry;
    if (entry[1] < smallest[1]) smallest = entry;
  }
  const total = sums.reduce((sum, [, value]) => sum + value, 0);
  const groups = distinct(data.flatMap((bar) => (bar.group === undefined ? [] : [bar.group])));
  // Each group's own total, so a stacked or grouped chart says how its parts compare.
  const groupTotal = (group: string) => data.reduce((sum, bar) => (bar.group === group ? sum + bar.value : sum), 0);
  const per =
    groups.length > 0 ? ` (over ${groups.length} groups: ${groups.map((g) => `${g} ${formatNumber(groupTotal(g))}`).join(', ')})` : '';
  const noun = options.categoryTitle.toLowerCase();
  if (sums.length === 1) return `${options.valueTitle} of ${noun} "${largest[0]}": ${formatNumber(largest[1])}${per}.`;
  return (
    `${options.valueTitle} by ${noun}${per}: "${largest[0]}" is largest at ${formatNumber(largest[1])}, ` +
    `"${smallest[0]}" smallest at ${formatNumber(smallest[1])}; ${formatNumber(total)} in all over ${sums.length} categories.`
  );
}

/**
 * Bars of `data`, vertical or horizontal, sorted or in the given order, grouped or stacked by
 * a second category, with a tooltip on each bar and optional value labels.
 */
export function barChart(data: readonly BarDatum[], options: BarChartOptions): TopLevelSpec {
  checkBars(data, options);
  const theme = options.theme ?? PLOT;
  const categories = options.categories ? [...options.categories] : categoryOrder(data, options.sort);
  const groups = distinct(data.flatMap((bar) => (bar.group === undefined ? [] : [bar.group])));
  const stacked = groups.length > 0 && options.groups === 'stacked';
  if (options.valueDomain) {
    const [lo, hi] = barExtent(data, stacked);
    const [from, to] = options.valueDomain;
    if (lo < Math.min(0, from) || hi > Math.max(0, to)) {
      throw new RangeError(
        `barChart: the bars run from ${formatNumber(lo)} to ${formatNumber(hi)}, beyond options.valueDomain [${from}, ${to}]; give a domain that holds them`,
      );
    }
  }
  const counts = data.every((bar) => Number.isInteger(bar.value));
  // Names side by side under the bars, each centred in its bar's band of the narrower layout's
  // plot: the layout less the value axis, whose widest tick label is about the axis' end.
  const longestName = maxOf(categories.map((name) => name.length));
  const reach = [...barExtent(data, stacked), ...(options.valueDomain ?? [])];
  const [least, most] = [minOf(reach), maxOf(reach) * 1.1];
  const tick = (value: number) =>
    (counts ? String(Math.ceil(Math.abs(value))).length : formatNumber(Math.abs(value)).length) + (value < 0 ? 1 : 0);
  const axis = VALUE_AXIS + EM_PER_CHARACTER * theme.fontSize.label * Math.max(tick(least), tick(most));
  const plotWidth = Math.min(theme.layouts.wide.width, theme.layouts.narrow.width) - axis;
  // Vega drops every other name once two neighbours' overlap: each pair must fit in a band's step.
  const nameWidth = (name: string) => EM_PER_CHARACTER * theme.fontSize.label * name.length;
  const step = plotWidth / categories.length;
  const namesFit = categories.every((name, i) => i === 0 || (nameWidth(categories[i - 1]!) + nameWidth(name)) / 2 + 2 <= step);
  const horizontal =
    options.orientation === 'horizontal' ||
    ((options.orientation ?? 'auto') === 'auto' && (categories.length > MAX_VERTICAL || longestName > SHORT_NAME || !namesFit));
  const valueFormat = options.valueFormat ?? (counts ? 'd' : '.3~g');
  if (groups.length > CATEGORICAL.length) {
    throw new RangeError(
      `barChart has ${groups.length} groups, more than the ${CATEGORICAL.length} colours that stay apart for every reader`,
    );
  }

  const [along, across] = horizontal ? (['y', 'x'] as const) : (['x', 'y'] as const);
  const category = {
    field: 'category',
    type: 'nominal',
    title: options.categoryTitle,
    sort: categories,
    // Given categories are all drawn, those without a bar as an empty place.
    ...(options.categories ? { scale: { domain: categories } } : {}),
    ...(horizontal ? {} : { axis: { labelAngle: 0 } }),
  } as const;
  // Labels at the bars' ends need room past the longest bar: a tenth more of the axis.
  const longest = maxOf([0, ...totals(data).values(), ...data.map((bar) => bar.value)]);
  // A given domain spans zero, as Vega-Lite's own does, and room for labels in the tighter layout.
  const [bottom, top] = options.valueDomain ? [Math.min(0, options.valueDomain[0]), Math.max(0, options.valueDomain[1])] : [0, 0];
  const room = labelRoom(horizontal, theme, categories, formatNumber(top).length);
  const scale = options.valueDomain
    ? { scale: { domain: [bottom, options.valueLabels && top > 0 ? top * room : top], nice: true } }
    : options.valueLabels && longest > 0
      ? { scale: { domainMax: longest * 1.1 } }
      : {};
  const value = {
    field: 'value',
    type: 'quantitative',
    title: options.valueTitle,
    ...(stacked ? { stack: 'zero' } : { stack: null }),
    ...scale,
    ...(counts && !options.valueFormat ? { axis: { format: 'd', tickMinStep: 1 } } : {}),
  } as const;
  const color =
    groups.length > 0
      ? {
          field: 'group',
          type: 'nominal',
          title: options.legendTitle ?? 'Group',
          scale: { domain: groups, range: CATEGORICAL.slice(0, groups.length) },
          legend: { orient: 'top', direction: 'horizontal', title: options.legendTitle ?? null },
        }
      : { value: theme.colors.blue };
  const tooltip = [
    { field: 'category', type: 'nominal', title: options.categoryTitle },
    ...(groups.length > 0 ? [{ field: 'group', type: 'nominal', title: options.legendTitle ?? 'Group' }] : []),
    { field: 'value', type: 'quantitative', title: options.valueTitle, format: valueFormat },
  ];
  // Horizontal bars take a band each: the chart grows with the categories, in both layouts.
  const height = horizontal
    ? Math.max(theme.layouts.narrow.height, AXES + BAND * categories.length * (stacked ? 1 : Math.max(1, groups.length)))
    : undefined;

  // What a screen reader says for each bar, as its tooltip shows it: "the, 1850: 12".
  const describeBar = [
    {
      calculate: [
        'datum.category',
        ...(groups.length > 0 ? ["', '", 'datum.group'] : []),
        "': '",
        `format(datum.value, ${JSON.stringify(valueFormat)})`,
      ].join(' + '),
      as: 'description',
    },
  ];
  const bars = {
    transform: describeBar,
    mark: { type: 'bar' },
    encoding: {
      [along]: category,
      [across]: value,
      color,
      ...(groups.length > 0 && !stacked ? { [`${along}Offset`]: { field: 'group', type: 'nominal', sort: groups } } : {}),
      tooltip,
      description: { field: 'description', type: 'nominal' },
    },
  };
  // Each label at its bar's end: a stacked bar's total, a grouped bar's own value.
  const labels = options.valueLabels
    ? [
        {
          ...(stacked ? { transform: [{ aggregate: [{ op: 'sum', field: 'value', as: 'value' }], groupby: ['category'] }] } : {}),
          mark: {
            type: 'text',
            ...(horizontal ? { align: 'left', baseline: 'middle', dx: 4 } : { align: 'center', baseline: 'bottom', dy: -3 }),
            fontSize: theme.fontSize.label,
          },
          encoding: {
            [along]: category,
            [across]: { ...value, stack: null },
            ...(groups.length > 0 && !stacked ? { [`${along}Offset`]: { field: 'group', type: 'nominal', sort: groups } } : {}),
            text: { field: 'value', type: 'quantitative', format: valueFormat },
            color: { value: 'currentColor' },
          },
        },
      ]
    : [];
  const rows = data.map((bar) => ({
    category: bar.category,
    ...(bar.group === undefined ? {} : { group: bar.group }),
    value: bar.value,
  }));

  return {
    ...chartFrame({
      theme,
      description: options.description ?? describeBars(data, options),
      rows,
      ...(height === undefined
        ? {}
        : { wide: { width: theme.layouts.wide.width, height }, narrow: { width: theme.layouts.narrow.width, height } }),
    }),
    layer: [bars, ...labels],
  } as TopLevelSpec;
}
