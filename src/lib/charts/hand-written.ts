/**
 * What a hand-written Vega-Lite spec gets that a builder's spec already has, so that an author
 * writes only the chart: the house style (theme.ts) under its own `config`, the layouts' size and
 * autosize "fit" for a single view, and its inline `data.values` moved into named datasets (so the
 * page embeds them once and lists them as a table). A `data.name` that names no dataset is refused:
 * it would draw an empty chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ChartTheme, PLOT, themeConfig } from './theme.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `base` with `over` laid on it, objects merged key by key (arrays and values replaced). */
function deepMerge(base: Json, over: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    merged[key] = isObject(value) && isObject(merged[key]) ? deepMerge(merged[key], value) : value;
  }
  return merged;
}

/** The keys under which a Vega-Lite spec holds views of its own (layers, facets, concatenations). */
const VIEW_KEYS = ['layer', 'hconcat', 'vconcat', 'concat', 'spec'] as const;

/** Whether the spec composes several views (autosize "fit" applies to single views and layers only). */
function isComposite(spec: Json): boolean {
  return ['facet', 'hconcat', 'vconcat', 'concat', 'repeat'].some((key) => key in spec) || 'spec' in spec;
}

/**
 * Moves every inline `data: { values: [rows] }` (rows being objects) into `datasets`: the
 * top-level one as "values", the others as "values_2", "values_3"… in the order met.
 * Returns the spec rewritten and the datasets it added.
 */
function namedInlineData(spec: Json, taken: ReadonlySet<string>): { spec: Json; added: Record<string, unknown[]> } {
  const added: Record<string, unknown[]> = {};
  const nextName = () => {
    let n = Object.keys(added).length + 1;
    let name = n === 1 ? 'values' : `values_${n}`;
    while (taken.has(name) || name in added) name = `values_${++n}`;
    return name;
  };
  const visit = (node: Json): Json => {
    const out: Json = { ...node };
    const data = node.data;
    if (isObject(data) && Array.isArray(data.values) && data.values.every(isObject)) {
      const name = nextName();
      added[name] = data.values;
      const { values: _values, ...rest } = data;
      out.data = { ...rest, name };
    }
    for (const key of VIEW_KEYS) {
      const child = node[key];
      if (Array.isArray(child)) out[key] = child.map((view) => (isObject(view) ? visit(view) : view));
      else if (isObject(child)) out[key] = visit(child);
    }
    return out;
  };
  return { spec: visit(spec), added };
}

/** Every `data.name` a spec's views read, with where it is ("layer 2"). */
function namedData(spec: Json, where = 'the chart'): { name: string; where: string }[] {
  const found: { name: string; where: string }[] = [];
  const data = spec.data;
  if (isObject(data) && typeof data.name === 'string') found.push({ name: data.name, where });
  for (const key of VIEW_KEYS) {
    const child = spec[key];
    const views = Array.isArray(child) ? child : isObject(child) ? [child] : [];
    views.forEach((view, i) => {
      if (isObject(view)) found.push(...namedData(view, `${key === 'spec' ? 'its inner spec' : `${key} ${i + 1}`}`));
    });
  }
  return found;
}

/** What is wrong with a hand-written spec's data names, in words; null when nothing is. */
export function missingDatasetProblem(spec: TopLevelSpec): string | null {
  if (!isObject(spec)) return null;
  const json = spec as unknown as Json;
  const datasets = isObject(json.datasets) ? Object.keys(json.datasets) : [];
  for (const { name, where } of namedData(json)) {
    if (datasets.includes(name)) continue;
    const known = datasets.length > 0 ? `its datasets are ${datasets.map((d) => `"${d}"`).join(', ')}` : 'it has no `datasets`';
    return `${where} reads data named "${name}", but the spec has no dataset of that name (${known}); it would draw nothing. Put the rows in \`datasets: { ${JSON.stringify(name)}: rows }\`, or pass them as \`data: { values: rows }\``;
  }
  return null;
}

/**
 * The spec as the build renders it: the theme's config under the author's, the wide layout's
 * size and autosize "fit" where the spec sets none (single views only), and inline rows in
 * named datasets. A builder's spec comes back equal to itself.
 */
export function withHouseStyle(spec: TopLevelSpec, theme: ChartTheme = PLOT): TopLevelSpec {
  // Not a spec at all: the schema's check says what is wrong with it.
  if (!isObject(spec)) return spec;
  const json = spec as unknown as Json;
  const datasets = isObject(json.datasets) ? json.datasets : {};
  const { spec: named, added } = namedInlineData(json, new Set(Object.keys(datasets)));
  const styled: Json = {
    ...named,
    config: deepMerge(themeConfig(theme) as Json, isObject(json.config) ? json.config : {}),
  };
  if (Object.keys(added).length > 0) styled.datasets = { ...datasets, ...added };
  if (!isComposite(json)) {
    if (!('width' in json)) styled.width = theme.layouts.wide.width;
    if (!('height' in json)) styled.height = theme.layouts.wide.height;
    if (!('autosize' in json)) styled.autosize = { type: 'fit', contains: 'padding' };
  }
  return styled as unknown as TopLevelSpec;
}
