/**
 * Small multiples: one builder's chart drawn once per facet, side by side in one figure, on the
 * same scales so the eye can compare the panels (x and y; a bar chart's values and categories, a
 * histogram's bin edges and counts, a heatmap's colours), each titled with its facet, and one
 * legend for them all. Each panel is an ordinary single view from the builder (autosize "fit", the
 * fitted start, tooltips, zoom and its own description); <VegaChart spec={…}> draws them in one
 * <figure> with one caption, one number and one table (VegaChart.astro, panels.ts).
 *
 * Vega-Lite's own facet and concat would be one view, but it refuses autosize "fit" for them, and
 * the page's two layouts, its zero-shift hydration and the runtime are built on "fit".
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT } from './theme.ts';
import { formatNumber } from './describe.ts';
import { MAX_PANELS, panelColumns, panelDatasetName, panelLayouts } from './panels.ts';

/**
 * What every panel's builder is given, to spread into its options: the theme with the panel's
 * two layouts, no legend or end labels of its own, and the scales every panel shares, each set
 * only for the builder that draws it (absent while smallMultiples measures the data).
 */
export interface PanelOptions {
  readonly theme: ChartTheme;
  readonly labels: 'none';
  /** Lines and scatter plots: the range of x, and of y, over every panel's data. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Bar charts: the range of every panel's bars (stacks summed), and all their categories in one order. */
  readonly valueDomain?: readonly [number, number];
  readonly categories?: readonly string[];
  /** Histograms: one set of edges for every panel (`bins` equal bins over `range`), and the range of their counts. */
  readonly bins?: number;
  readonly range?: readonly [number, number];
  readonly countDomain?: readonly [number, number];
  /** Heatmaps: the range of every panel's cells, so one value is one colour in every panel. */
  readonly colorDomain?: readonly [number, number];
}

/** One entry of the figure's legend: a series or class, its colour, its dash and its symbol. */
export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly dash: readonly number[];
  readonly symbol: 'line' | 'square' | 'circle';
}

/** A figure of small multiples, as <VegaChart spec={…}> takes it. */
export interface SmallMultiples {
  readonly kind: 'small-multiples';
  /** The faceted field: the first column of the figure's CSV. */
  readonly by: string;
  /** Its title: the first column of the figure's table. */
  readonly byTitle: string;
  /** The whole figure in words, from its data. */
  readonly description: string;
  /** Panels per row on a laptop. */
  readonly columns: 2 | 3;
  /** The one legend, drawn above the panels; null for a single series (and for heatmaps, whose panels keep their own colour scale). */
  readonly legend: { readonly title: string | null; readonly entries: readonly LegendEntry[] } | null;
  /** Each panel: its facet's value (its title) and its Vega-Lite spec. */
  readonly panels: readonly { readonly value: string; readonly spec: TopLevelSpec }[];
}

/** The keys of T whose values are strings. */
type TextKeys<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

export interface SmallMultiplesOptions<T> {
  /** The facets' field whose value names each panel ("activation"): the panel's title and a column of the table. */
  readonly by: TextKeys<T>;
  /** That column's title in the table; `by` with a capital by default. */
  readonly byTitle?: string;
  /** A facet's panel, from a builder given `shared` in its options: `(facet, shared) => layeredLineChart(…, { …, ...shared })`. */
  readonly panel: (facet: T, shared: PanelOptions) => TopLevelSpec;
  /** The figure in words; by default written from the panels' own descriptions and the shared scales. */
  readonly description?: string;
  /** A title for the legend; none by default. */
  readonly legendTitle?: string;
  readonly theme?: ChartTheme;
}

type Json = Record<string, unknown>;
type Axis = 'x' | 'y';
type Range = [number, number];

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The spec and every view layered inside it: each may have a mark and an encoding. */
function views(spec: Json): Json[] {
  const layers = Array.isArray(spec.layer) ? spec.layer.filter(isObject) : [];
  return [spec, ...layers.flatMap(views)];
}

const markType = (view: Json): unknown => (isObject(view.mark) ? view.mark.type : view.mark);

/** The encoding of `channel` in a view, if it names a field. */
function fieldDef(view: Json, channel: string): Json | undefined {
  const def = isObject(view.encoding) ? view.encoding[channel] : undefined;
  return isObject(def) && typeof def.field === 'string' ? def : undefined;
}

/** The quantitative encodings of a channel (x, y, color) across a spec's views. */
function quantitative(spec: Json, channel: string): Json[] {
  return views(spec)
    .map((view) => fieldDef(view, channel))
    .filter((def): def is Json => def?.type === 'quantitative');
}

/** Refuses an encoding whose scale spans values the rows do not hold (sums, bins, times); a stack where `stacks` is false. */
function refuseDerived(def: Json, channel: string, panel: string, stacks = false): void {
  for (const key of ['aggregate', 'bin', 'timeUnit', 'stack'] as const) {
    const given = def[key] !== undefined && def[key] !== null && def[key] !== false;
    const summed = key === 'stack' && stacks && (def.stack === 'zero' || def.stack === true);
    if (given && !summed) {
      throw new RangeError(
        `smallMultiples: panel "${panel}" ${key === 'stack' ? 'stacks' : `has a ${key} on`} ${channel}, so its scale spans values the data does not hold; give the panels their rows as drawn`,
      );
    }
  }
}

/** The fields an axis draws in a spec (x and x2, or y and y2), refusing those it cannot share the scale of. */
function axisFields(spec: Json, axis: Axis, panel: string): string[] {
  const fields: string[] = [];
  for (const view of views(spec)) {
    const def = fieldDef(view, axis);
    if (def?.type !== 'quantitative') continue;
    refuseDerived(def, axis, panel);
    fields.push(def.field as string);
    const second = fieldDef(view, `${axis}2`);
    if (second) fields.push(second.field as string);
  }
  return fields;
}

/** A spec's rows: its top-level dataset, or its inline values. */
function rowsOf(spec: Json): readonly Json[] {
  const data = isObject(spec.data) ? spec.data : {};
  if (Array.isArray(data.values)) return data.values.filter(isObject);
  const datasets = isObject(spec.datasets) ? spec.datasets : {};
  const rows = typeof data.name === 'string' ? datasets[data.name] : undefined;
  return Array.isArray(rows) ? rows.filter(isObject) : [];
}

/** The least and greatest of some numbers (non-numbers skipped); undefined where there are none. */
function extentOf(values: Iterable<unknown>): Range | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The values of some fields over every panel's rows. */
function* fieldValues(specs: readonly Json[], fieldsOf: (spec: Json, i: number) => readonly string[]): Generator<unknown> {
  for (const [i, spec] of specs.entries()) {
    const fields = fieldsOf(spec, i);
    for (const row of rowsOf(spec)) for (const field of fields) yield row[field];
  }
}

/**
 * What a panel draws, which decides the scales its figure shares: lines or points on two
 * quantitative axes (x and y), bars along categories (their values and the categories' order),
 * bins (their edges and counts), or cells coloured by value (the colours).
 */
type PanelKind = 'line chart' | 'scatter plot' | 'bar chart' | 'histogram' | 'heatmap' | 'chart';

/** The view that draws a spec's bars, and which of its axes holds the values and which the categories. */
function barAxes(spec: Json): { view: Json; value: Axis; category: Axis } | undefined {
  const view = views(spec).find((v) => markType(v) === 'bar');
  if (!view) return undefined;
  const discrete = (axis: Axis) => ['nominal', 'ordinal'].includes(String(fieldDef(view, axis)?.type));
  if (fieldDef(view, 'y')?.type === 'quantitative' && discrete('x')) return { view, value: 'y', category: 'x' };
  if (fieldDef(view, 'x')?.type === 'quantitative' && discrete('y')) return { view, value: 'x', category: 'y' };
  return undefined;
}

/** The view that draws a spec's bins: bars from x to x2 of their counts on y. */
function binView(spec: Json): Json | undefined {
  return views(spec).find(
    (v) =>
      markType(v) === 'bar' && fieldDef(v, 'x')?.type === 'quantitative' && fieldDef(v, 'x2') && fieldDef(v, 'y')?.type === 'quantitative',
  );
}

/** What a panel draws, from its marks and encodings. */
function panelKind(spec: Json): PanelKind {
  const marks = views(spec).map(markType);
  if (marks.includes('line')) return 'line chart';
  if (marks.includes('rect') && quantitative(spec, 'color').length > 0) return 'heatmap';
  if (binView(spec)) return 'histogram';
  if (barAxes(spec)) return 'bar chart';
  if (['point', 'circle'].some((mark) => marks.includes(mark)) && quantitative(spec, 'x').length && quantitative(spec, 'y').length) {
    return 'scatter plot';
  }
  return 'chart';
}

/** How the panel function spreads `shared`, for each kind of panel: the message's example. */
const EXAMPLES: Record<PanelKind, string> = {
  'line chart': 'layeredLineChart(series, { xTitle, yTitle, ...shared })',
  'scatter plot': 'scatterChart(points, { xTitle, yTitle, ...shared })',
  'bar chart': 'barChart(bars, { valueTitle, categoryTitle, ...shared })',
  histogram: 'histogramChart(values, { valueTitle, ...shared })',
  heatmap: 'heatmapChart(matrix, { rowTitle, columnTitle, valueTitle, ...shared })',
  chart: 'layeredLineChart(series, { xTitle, yTitle, ...shared })',
};

/** The title of the first quantitative encoding of a channel, or the channel's name. */
function channelTitle(spec: Json, channel: string): string {
  const title = quantitative(spec, channel).find((def) => typeof def.title === 'string')?.title;
  return typeof title === 'string' ? title : channel;
}

const from = (title: string, [lo, hi]: readonly [number, number]) => `${title} from ${formatNumber(lo)} to ${formatNumber(hi)}`;

/** The scales a figure shares: the options the panels are given, and the same in words. */
interface Sharing {
  readonly options: Omit<PanelOptions, 'theme' | 'labels'>;
  readonly words: readonly string[];
}

/** Lines and points: the least and greatest value the panels draw on x, and on y. */
function shareAxes(specs: readonly Json[], values: readonly string[]): Sharing {
  const domains = (['x', 'y'] as const).map((axis) => extentOf(fieldValues(specs, (spec, i) => axisFields(spec, axis, values[i]!))));
  const [x, y] = domains;
  return {
    options: { ...(x ? { xDomain: x } : {}), ...(y ? { yDomain: y } : {}) },
    words: (['x', 'y'] as const).flatMap((axis, i) => (domains[i] ? [from(channelTitle(specs[0]!, axis), domains[i])] : [])),
  };
}

const distinct = (names: readonly string[]) => [...new Set(names)];

/**
 * Bars: every panel's categories in one order, and the range of their bars (a stack's parts
 * summed, negative parts below zero). Where every panel sorts its bars by their totals, the
 * figure's order is by the totals over every panel; otherwise categories come as first seen,
 * panel by panel.
 */
function shareBars(specs: readonly Json[], values: readonly string[]): Sharing {
  const panels = specs.map((spec, i) => {
    const { view, value, category } = barAxes(spec)!;
    const valueDef = fieldDef(view, value)!;
    const categoryDef = fieldDef(view, category)!;
    refuseDerived(valueDef, value, values[i]!, true);
    const stacked = valueDef.stack === 'zero' || valueDef.stack === true;
    const [valueField, categoryField] = [String(valueDef.field), String(categoryDef.field)];
    const totals = new Map<string, number>();
    const ends = new Map<string, Range>();
    const bars: number[] = [];
    for (const row of rowsOf(spec)) {
      const [name, amount] = [String(row[categoryField]), row[valueField]];
      if (typeof amount !== 'number' || !Number.isFinite(amount)) continue;
      totals.set(name, (totals.get(name) ?? 0) + amount);
      const [below, above] = ends.get(name) ?? [0, 0];
      ends.set(name, amount < 0 ? [below + amount, above] : [below, above + amount]);
      bars.push(amount);
    }
    const given = isObject(categoryDef.scale) && Array.isArray(categoryDef.scale.domain) ? categoryDef.scale.domain : categoryDef.sort;
    const order = distinct([...(Array.isArray(given) ? given.map(String) : []), ...totals.keys()]).filter((name) => totals.has(name));
    return { order, totals, reach: stacked ? [...ends.values()].flat() : bars };
  });
  const union = distinct(panels.flatMap((panel) => panel.order));
  const sortedBy = (sign: number) =>
    panels.every(({ order, totals }) => order.every((name, i) => i === 0 || sign * (totals.get(name)! - totals.get(order[i - 1]!)!) >= 0));
  const sum = (name: string) => panels.reduce((total, panel) => total + (panel.totals.get(name) ?? 0), 0);
  // Array.prototype.sort is stable: equal totals keep the order first seen.
  const categories = sortedBy(-1) ? union.sort((a, b) => sum(b) - sum(a)) : sortedBy(1) ? union.sort((a, b) => sum(a) - sum(b)) : union;
  const valueDomain = extentOf(panels.flatMap((panel) => panel.reach));
  const { view, value, category } = barAxes(specs[0]!)!;
  const noun = String(fieldDef(view, category)!.title ?? 'category').toLowerCase();
  return {
    options: { categories, ...(valueDomain ? { valueDomain } : {}) },
    words: [
      ...(valueDomain ? [from(String(fieldDef(view, value)!.title ?? 'value'), valueDomain)] : []),
      `${categories.length} categories of ${noun} in one order`,
    ],
  };
}

/** A histogram's bins as drawn: each row's start and end. */
function edgesOf(spec: Json): Range[] {
  const view = binView(spec)!;
  const [start, end] = [String(fieldDef(view, 'x')!.field), String(fieldDef(view, 'x2')!.field)];
  return rowsOf(spec).map((row) => [Number(row[start]), Number(row[end])]);
}

/**
 * Bins: one set of edges for every panel, over the range of all of them, as fine as the finest
 * panel's (a panel of one bin per word length keeps one bin per length). The counts' range is
 * measured once every panel is binned on these edges (shareCounts).
 */
function shareBins(specs: readonly Json[], values: readonly string[]): Sharing {
  const panels = specs.map(edgesOf);
  const empty = panels.findIndex((edges) => edges.length === 0 || edges.flat().some((edge) => !Number.isFinite(edge)));
  if (empty >= 0)
    throw new RangeError(`smallMultiples: panel "${values[empty]}" draws no bins of its rows; give the panels their bins as rows`);
  const range = extentOf(panels.flat(2))!;
  const width = Math.min(...panels.map((edges) => (edges.at(-1)![1] - edges[0]![0]) / edges.length));
  const exact = (range[1] - range[0]) / width;
  // Whole where the panels' bins line up (within rounding), else enough bins to be no wider.
  const bins = Math.max(1, Math.abs(exact - Math.round(exact)) < 1e-6 ? Math.round(exact) : Math.ceil(exact));
  return { options: { bins, range }, words: [`${from(channelTitle(specs[0]!, 'x'), range)} in ${bins} bins`] };
}

/** The counts' range over every panel, binned on the shared edges. */
function shareCounts(specs: readonly Json[]): Sharing {
  const field = (spec: Json) => [String(fieldDef(binView(spec)!, 'y')!.field)];
  const countDomain = extentOf(fieldValues(specs, field))!;
  return { options: { countDomain }, words: [from(channelTitle(specs[0]!, 'y'), countDomain)] };
}

/** Cells: the range of every panel's values, which the colour scale spans. */
function shareColours(specs: readonly Json[], values: readonly string[]): Sharing {
  const fields = (spec: Json, i: number) =>
    quantitative(spec, 'color').map((def) => {
      refuseDerived(def, 'color', values[i]!);
      return String(def.field);
    });
  const colorDomain = extentOf(fieldValues(specs, fields));
  return {
    options: colorDomain ? { colorDomain } : {},
    words: colorDomain ? [`${from(channelTitle(specs[0]!, 'color'), colorDomain)}, in the same colours`] : [],
  };
}

/** The channels whose scales draw a legend. */
const LEGEND_CHANNELS = ['color', 'fill', 'stroke', 'strokeDash', 'shape', 'size', 'opacity'];

/** A view and those layered in it with no legend of their own: an encoding's legend object outweighs config.legend.disable. */
function withoutLegends(view: Json): Json {
  const encoding = isObject(view.encoding) ? view.encoding : undefined;
  const layer = Array.isArray(view.layer) ? view.layer : undefined;
  return {
    ...view,
    ...(encoding
      ? {
          encoding: Object.fromEntries(
            Object.entries(encoding).map(([channel, def]) => [
              channel,
              LEGEND_CHANNELS.includes(channel) && isObject(def) && typeof def.field === 'string' ? { ...def, legend: null } : def,
            ]),
          ),
        }
      : {}),
    ...(layer ? { layer: layer.map((child) => (isObject(child) ? withoutLegends(child) : child)) } : {}),
  };
}

/** The legend a spec's colour scale (with its dashes) would draw, as entries; [] where it has none. */
function legendEntries(spec: Json): LegendEntry[] {
  const all = views(spec);
  const colored = all.filter((view) => {
    const scale = fieldDef(view, 'color')?.scale;
    return isObject(scale) && Array.isArray(scale.domain) && Array.isArray(scale.range);
  });
  const color = colored.map((view) => fieldDef(view, 'color')!)[0];
  if (!color) return [];
  const scale = color.scale as { domain: unknown[]; range: unknown[] };
  const dashView = all.find((view) => fieldDef(view, 'strokeDash')?.field === color.field);
  const dashScale = dashView ? (fieldDef(dashView, 'strokeDash')!.scale as { range?: unknown[] } | undefined) : undefined;
  const marks = colored.filter((view) => fieldDef(view, 'color')!.field === color.field).map(markType);
  const symbol = marks.includes('line') ? 'line' : marks.includes('point') || marks.includes('circle') ? 'circle' : 'square';
  return scale.domain.map((name, i) => ({
    name: String(name),
    color: String(scale.range[i % scale.range.length]),
    dash: Array.isArray(dashScale?.range?.[i]) ? (dashScale.range[i] as number[]).map(Number) : [],
    symbol,
  }));
}

const COUNTS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The figure in words: its panels, the scales they share, and each panel's own description. */
function describeMultiples(byTitle: string, panels: readonly { value: string; spec: Json }[], shared: readonly string[]): string {
  const intro = `${capitalised(COUNTS[panels.length] ?? String(panels.length))} panels, one per ${byTitle.toLowerCase()}${
    shared.length > 0 ? `, on the same scales: ${shared.join(', and ')}` : ''
  }.`;
  const each = panels.map(({ value, spec }) => (typeof spec.description === 'string' ? `${value}: ${spec.description}` : ''));
  return [intro, ...each.filter(Boolean)].join(' ');
}

/** A panel's spec from the author's function, any error it throws naming the panel. */
function built<T>(panel: SmallMultiplesOptions<T>['panel'], facet: T, shared: PanelOptions, value: string): Json {
  let spec: unknown;
  try {
    spec = panel(facet, shared);
  } catch (error) {
    if (error instanceof Error) error.message = `smallMultiples: panel "${value}": ${error.message}`;
    throw error;
  }
  if (!isObject(spec)) throw new TypeError(`smallMultiples: panel "${value}" is not a Vega-Lite spec; return a builder's chart`);
  for (const key of ['facet', 'repeat', 'concat', 'hconcat', 'vconcat']) {
    if (key in spec) throw new RangeError(`smallMultiples: panel "${value}" has a ${key}; each panel is a single chart from a builder`);
  }
  return spec;
}

const sameNumbers = (a: unknown, b: readonly unknown[]) => Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);

/** The domains a spec's encodings of `channel` give their scales (undefined where one gives none). */
function givenDomains(spec: Json, channel: string, type?: string): unknown[] {
  return views(spec)
    .map((view) => fieldDef(view, channel))
    .filter((def): def is Json => def !== undefined && (type === undefined || def.type === type))
    .map((def) => (isObject(def.scale) && Array.isArray(def.scale.domain) ? def.scale.domain : undefined));
}

/** Whether every domain is the same numbers in every panel, and spans `range`. */
function spanning(domains: readonly unknown[][], range: readonly [number, number]): boolean {
  const first = domains[0]?.[0];
  return domains.every((panel) =>
    panel.every(
      (domain) =>
        Array.isArray(first) &&
        sameNumbers(domain, first) &&
        first.length === 2 &&
        (first[0] as number) <= range[0] &&
        (first[1] as number) >= range[1],
    ),
  );
}

/** Which of a panel's scales is not the shared one, in words; undefined where all are. */
function unshared(kind: PanelKind, specs: readonly Json[], i: number, shared: PanelOptions): string | undefined {
  const spec = specs[i]!;
  switch (kind) {
    case 'bar chart': {
      const { value, category } = barAxes(spec)!;
      const domains = specs.map((s) => givenDomains(s, barAxes(s)?.value ?? value, 'quantitative'));
      if (shared.valueDomain && !spanning([domains[0]!, domains[i]!], shared.valueDomain)) {
        return "its value axis spans its own bars, not every panel's";
      }
      const order = givenDomains(spec, category);
      if (!order.every((domain) => sameNumbers(domain, shared.categories ?? []))) {
        return "its categories are its own, not every panel's in one order";
      }
      return undefined;
    }
    case 'histogram': {
      const { bins, range, countDomain } = shared;
      const edges = edgesOf(spec);
      const first = edgesOf(specs[0]!);
      const same =
        edges.length === bins &&
        edges[0]?.[0] === range![0] &&
        edges.at(-1)?.[1] === range![1] &&
        edges.every(([a, b], j) => a === first[j]?.[0] && b === first[j]?.[1]);
      if (!same) return `its bins are its own, not the shared ${bins} from ${formatNumber(range![0])} to ${formatNumber(range![1])}`;
      const domains = specs.map((s) => givenDomains(s, 'y', 'quantitative'));
      if (countDomain && !spanning([domains[0]!, domains[i]!], countDomain)) return "its count axis spans its own bins, not every panel's";
      return undefined;
    }
    case 'heatmap': {
      const domains = specs.map((s) => givenDomains(s, 'color', 'quantitative'));
      if (shared.colorDomain && !spanning([domains[0]!, domains[i]!], shared.colorDomain))
        return "its colours span its own cells, not every panel's";
      return undefined;
    }
    default:
      for (const axis of ['x', 'y'] as const) {
        const domain = axis === 'x' ? shared.xDomain : shared.yDomain;
        if (domain && !givenDomains(spec, axis, 'quantitative').every((given) => sameNumbers(given, domain))) {
          return `its ${axis} axis spans its own data, not every panel's`;
        }
      }
      return undefined;
  }
}

/** Refuses a panel that is not drawn at the panel's widths, or on scales other than the shared ones. */
function checkPanel(kind: PanelKind, specs: readonly Json[], i: number, value: string, shared: PanelOptions): void {
  const spec = specs[i]!;
  const { wide, narrow } = shared.theme.layouts;
  const given = isObject(spec.usermeta) && isObject(spec.usermeta.narrow) ? spec.usermeta.narrow : {};
  // Heights are the builder's own (a heatmap's rows, a horizontal bar chart's bands); widths are the row's.
  const sized = spec.width === wide.width && given.width === narrow.width;
  const own = sized ? unshared(kind, specs, i, shared) : undefined;
  if (!sized || own) {
    throw new RangeError(
      `smallMultiples: panel "${value}" is ${sized ? `not on the shared scales (${own})` : `drawn at ${String(spec.width)} × ${String(spec.height)}, not the panel's ${wide.width} × ${wide.height}`}; spread the panel function's second argument into the builder's options: (facet, shared) => ${EXAMPLES[kind]}`,
    );
  }
}

/**
 * Panels of one builder side by side, one per facet (titled by its `by` field), on the scales they
 * share (x and y; a bar chart's values and categories; a histogram's edges and counts; a heatmap's
 * colours) with one legend.
 */
export function smallMultiples<T extends object>(facets: readonly T[], options: SmallMultiplesOptions<T>): SmallMultiples {
  if (!Array.isArray(facets) || facets.length < 2 || facets.length > MAX_PANELS) {
    throw new RangeError(
      `smallMultiples needs 2 to ${MAX_PANELS} facets, one per panel; got ${Array.isArray(facets) ? facets.length : String(facets)}`,
    );
  }
  const { by } = options;
  if (typeof options.panel !== 'function') throw new TypeError('smallMultiples needs options.panel: (facet, shared) => a builder’s chart');
  const values = facets.map((facet, i) => {
    const value = (facet as Record<string, unknown>)[by];
    if (typeof value !== 'string' || !value.trim()) {
      throw new RangeError(`smallMultiples: facet ${i} has ${by} = ${JSON.stringify(value)}; each facet's "${by}" names its panel`);
    }
    return value;
  });
  const twice = values.find((value, i) => values.indexOf(value) !== i);
  if (twice !== undefined) throw new RangeError(`smallMultiples: two facets have ${by} = "${twice}"; each panel needs its own`);

  const theme = options.theme ?? PLOT;
  const columns = panelColumns(facets.length);
  const base: PanelOptions = { theme: { ...theme, layouts: panelLayouts(theme.layouts, columns) }, labels: 'none' };
  const draw = (shared: PanelOptions) => facets.map((facet, i) => built(options.panel, facet, shared, values[i]!));
  // The builder draws each panel once to show what it holds, and again on the scales all share.
  const measured = draw(base);
  const kinds = measured.map(panelKind);
  const other = kinds.findIndex((kind) => kind !== kinds[0]);
  if (other >= 0) {
    throw new RangeError(
      `smallMultiples: panel "${values[other]}" is a ${kinds[other]}, but panel "${values[0]}" is a ${kinds[0]}; every panel is drawn by one builder, so that they can share their scales`,
    );
  }
  const kind = kinds[0]!;
  const sharing: Sharing[] = [];
  if (kind === 'bar chart') sharing.push(shareBars(measured, values));
  else if (kind === 'heatmap') sharing.push(shareColours(measured, values));
  else if (kind === 'histogram') {
    // Binned once more on the shared edges, to count what each bin then holds.
    sharing.push(shareBins(measured, values));
    sharing.push(shareCounts(draw({ ...base, ...sharing[0]!.options })));
  } else sharing.push(shareAxes(measured, values));
  const shared: PanelOptions = Object.assign({}, base, ...sharing.map((share) => share.options));
  const specs = draw(shared);
  specs.forEach((_, i) => checkPanel(kind, specs, i, values[i]!, shared));

  const entries = legendEntries(specs[0]!);
  specs.forEach((spec, i) => {
    const own = legendEntries(spec);
    if (JSON.stringify(own) !== JSON.stringify(entries)) {
      throw new RangeError(
        `smallMultiples: panel "${values[i]}" names its series ${own.map((e) => `"${e.name}"`).join(', ') || 'not at all'}, but panel "${values[0]}" ${entries.map((e) => `"${e.name}"`).join(', ') || 'none'}, in their colours; the figure has one legend, so give every panel the same series, named and coloured alike`,
      );
    }
  });

  const byTitle = options.byTitle ?? capitalised(by);
  const panels = specs.map((spec, i) => {
    const config = isObject(spec.config) ? spec.config : {};
    const legend = isObject(config.legend) ? config.legend : {};
    // The panel's title is its facet; the figure's one legend is drawn by the page, not by each
    // panel. A colour scale of values (a heatmap's) is the exception: the page draws legends of
    // names alone, so each panel keeps its own, the same in each since the domain is shared.
    const keeps = quantitative(spec, 'color').length > 0;
    const titled = { ...spec, title: values[i]! };
    return {
      value: values[i]!,
      spec: keeps ? titled : withoutLegends({ ...titled, config: { ...config, legend: { ...legend, disable: true } } }),
    };
  });
  return {
    kind: 'small-multiples',
    by,
    byTitle,
    description:
      options.description ??
      describeMultiples(
        byTitle,
        panels,
        sharing.flatMap((share) => share.words),
      ),
    columns,
    legend: entries.length > 1 ? { title: options.legendTitle ?? null, entries } : null,
    panels: panels.map(({ value, spec }) => ({ value, spec: spec as unknown as TopLevelSpec })),
  };
}

/** Whether a <VegaChart>'s spec is a figure of small multiples rather than one Vega-Lite spec. */
export function isSmallMultiples(spec: unknown): spec is SmallMultiples {
  return isObject(spec) && spec.kind === 'small-multiples' && Array.isArray(spec.panels);
}

/**
 * The figure as one Vega-Lite spec a reader can run elsewhere: the panels concatenated in rows
 * as the page lays them out, each at `plotSizes` (the plot sizes the page's fit arrived at), their
 * datasets named by panel (panelDatasetName). Without the datasets when `withData` is false: the
 * page shows the spec so, and the download puts them back.
 */
export function figureSpec(
  multiples: SmallMultiples,
  plotSizes: readonly { readonly width: number; readonly height: number }[],
  withData = true,
): TopLevelSpec {
  const datasets: Record<string, unknown> = {};
  const concat = multiples.panels.map(({ spec }, i) => {
    const {
      $schema: _schema,
      config: _config,
      datasets: own,
      usermeta: _usermeta,
      autosize: _autosize,
      data,
      ...view
    } = spec as unknown as Json;
    const name = isObject(data) && typeof data.name === 'string' ? data.name : undefined;
    const renamed = isObject(data) && name !== undefined ? { ...data, name: panelDatasetName(name, i) } : data;
    if (name !== undefined && isObject(own)) datasets[panelDatasetName(name, i)] = own[name];
    return { ...view, ...(renamed === undefined ? {} : { data: renamed }), ...(plotSizes[i] ?? {}) };
  });
  const first = multiples.panels[0]!.spec as unknown as Json;
  return {
    $schema: first.$schema,
    description: multiples.description,
    config: first.config,
    ...(withData ? { datasets } : {}),
    columns: multiples.columns,
    concat,
  } as TopLevelSpec;
}
