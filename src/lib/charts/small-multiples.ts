/**
 * Small multiples: one builder's chart drawn once per facet, side by side in one figure, on the
 * same x and y scales so the eye can compare the panels, each titled with its facet, and one
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
 * two layouts, no legend or end labels of its own, and the scales' shared domains.
 */
export interface PanelOptions {
  readonly theme: ChartTheme;
  readonly labels: 'none';
  /** The range of x over every panel's data (absent while smallMultiples measures the data). */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
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
  /** The one legend, drawn above the panels; null for a single series. */
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

/** The quantitative encodings of an axis (x, or y) across a spec's views. */
function quantitative(spec: Json, axis: Axis): Json[] {
  return views(spec)
    .map((view) => fieldDef(view, axis))
    .filter((def): def is Json => def?.type === 'quantitative');
}

/** The fields an axis draws in a spec (x and x2, or y and y2), refusing those it cannot share the scale of. */
function axisFields(spec: Json, axis: Axis, panel: string): string[] {
  const fields: string[] = [];
  for (const view of views(spec)) {
    const def = fieldDef(view, axis);
    if (def?.type !== 'quantitative') continue;
    for (const key of ['aggregate', 'bin', 'timeUnit', 'stack'] as const) {
      if (def[key] !== undefined && def[key] !== null && def[key] !== false) {
        throw new RangeError(
          `smallMultiples: panel "${panel}" ${key === 'stack' ? 'stacks' : `has a ${key} on`} ${axis}, so its scale spans values the data does not hold; give the panels their rows as drawn`,
        );
      }
    }
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

/** The least and greatest value the panels draw on an axis; undefined where the axis is not quantitative. */
function sharedDomain(specs: readonly Json[], values: readonly string[], axis: Axis): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  specs.forEach((spec, i) => {
    const fields = axisFields(spec, axis, values[i]!);
    for (const row of rowsOf(spec)) {
      for (const field of fields) {
        const value = row[field];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        if (value < lo) lo = value;
        if (value > hi) hi = value;
      }
    }
  });
  return lo <= hi ? [lo, hi] : undefined;
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

/** The title of the first quantitative encoding of an axis, or the axis' name. */
function axisTitle(spec: Json, axis: Axis): string {
  const title = quantitative(spec, axis).find((def) => typeof def.title === 'string')?.title;
  return typeof title === 'string' ? title : axis;
}

/** The figure in words: its panels, the scales they share, and each panel's own description. */
function describeMultiples(
  byTitle: string,
  panels: readonly { value: string; spec: Json }[],
  domains: Partial<Record<Axis, [number, number]>>,
): string {
  const first = panels[0]!.spec;
  const ranges = (['x', 'y'] as const)
    .filter((axis) => domains[axis])
    .map((axis) => `${axisTitle(first, axis)} from ${formatNumber(domains[axis]![0])} to ${formatNumber(domains[axis]![1])}`);
  const intro = `${capitalised(COUNTS[panels.length] ?? String(panels.length))} panels, one per ${byTitle.toLowerCase()}${
    ranges.length > 0 ? `, on the same scales: ${ranges.join(', and ')}` : ''
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

/** Refuses a panel that is not drawn at the panel's sizes, or on scales other than the shared ones. */
function checkPanel(spec: Json, value: string, shared: PanelOptions): void {
  const { wide, narrow } = shared.theme.layouts;
  const given = isObject(spec.usermeta) && isObject(spec.usermeta.narrow) ? spec.usermeta.narrow : {};
  const sized = spec.width === wide.width && spec.height === wide.height && given.width === narrow.width && given.height === narrow.height;
  const scaled = (['x', 'y'] as const).every((axis) => {
    const domain = axis === 'x' ? shared.xDomain : shared.yDomain;
    return !domain || quantitative(spec, axis).every((def) => isObject(def.scale) && sameNumbers(def.scale.domain, domain));
  });
  if (!sized || !scaled) {
    throw new RangeError(
      `smallMultiples: panel "${value}" is ${sized ? 'not on the shared scales' : `drawn at ${String(spec.width)} × ${String(spec.height)}, not the panel's ${wide.width} × ${wide.height}`}; spread the panel function's second argument into the builder's options: (facet, shared) => layeredLineChart(series, { xTitle, yTitle, ...shared })`,
    );
  }
}

const sameNumbers = (a: unknown, b: readonly number[]) => Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);

/** Panels of one builder side by side, one per facet (titled by its `by` field), on shared x and y scales with one legend. */
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
  // The builder draws each panel once to show what it holds, and again on the scales all share.
  const measured = facets.map((facet, i) => built(options.panel, facet, base, values[i]!));
  const domains = { x: sharedDomain(measured, values, 'x'), y: sharedDomain(measured, values, 'y') };
  const shared: PanelOptions = { ...base, ...(domains.x ? { xDomain: domains.x } : {}), ...(domains.y ? { yDomain: domains.y } : {}) };
  const specs = facets.map((facet, i) => {
    const spec = built(options.panel, facet, shared, values[i]!);
    checkPanel(spec, values[i]!, shared);
    return spec;
  });

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
    // The panel's title is its facet; the figure's one legend is drawn by the page, not by each panel.
    return { value: values[i]!, spec: { ...spec, title: values[i]!, config: { ...config, legend: { ...legend, disable: true } } } };
  });
  return {
    kind: 'small-multiples',
    by,
    byTitle,
    description: options.description ?? describeMultiples(byTitle, panels, domains),
    columns,
    legend: entries.length > 1 ? { title: options.legendTitle ?? null, entries } : null,
    panels: panels.map(({ value, spec }) => ({ value, spec: spec as TopLevelSpec })),
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
