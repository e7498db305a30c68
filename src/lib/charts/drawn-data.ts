/**
 * What a chart draws, when it is not its rows: a hand-written spec that aggregates or bins draws
 * sums, counts and bins, and its table and CSV must show those, not the rows before the transform
 * (a histogram's table listing raw values was a silent failure an author met).
 *
 * The drawn rows are read from the headless view after it has run: the data set each mark draws
 * from. Their columns and titles come from Vega-Lite's own description of each mark, the text it
 * writes for screen readers ("Word: " + datum["w"] + "; Total: " + format(datum["sum_n"], "")),
 * which pairs every encoded channel's title with the field it reads and the format it uses.
 */
import type { Spec as VegaSpec } from 'vega';
import { allMarks } from './vega-marks.ts';

/** The transforms after which a data set's rows are no longer the rows the author gave. */
const DERIVING = new Set([
  'aggregate',
  'bin',
  'density',
  'kde',
  'regression',
  'loess',
  'pivot',
  'fold',
  'quantile',
  'timeunit',
  'impute',
  'window',
  'flatten',
]);

interface DataEntry {
  name: string;
  source?: string | string[];
  transform?: { type: string }[];
}

interface MarkEntry {
  name?: string;
  from?: { data?: string };
  encode?: { update?: { description?: { signal?: string }; tooltip?: { signal?: string } } };
  marks?: MarkEntry[];
}

/** One column of a drawn table: its title, the field of the drawn data it reads, and its format. */
export interface DrawnColumn {
  readonly title: string;
  readonly field: string;
  readonly format?: string;
}

/** A table of what one data set of the chart draws. */
export interface DrawnTable {
  /** The compiled data set's name (data_1, ...). */
  readonly data: string;
  readonly columns: readonly DrawnColumn[];
}

/** Whether the data set, or one it comes from, is transformed into other rows than the author's. */
function isDerived(name: string, byName: ReadonlyMap<string, DataEntry>, seen = new Set<string>()): boolean {
  const entry = byName.get(name);
  if (!entry || seen.has(name)) return false;
  seen.add(name);
  if ((entry.transform ?? []).some((transform) => DERIVING.has(transform.type))) return true;
  const sources = entry.source === undefined ? [] : [entry.source].flat();
  return sources.some((source) => isDerived(source, byName, seen));
}

const STRING = '"(?:[^"\\\\]|\\\\.)*"';
/** `"Title: " + ` (or `"; Title: " + `), where each channel's part of a description starts. */
const TITLE_START = new RegExp(`(${STRING}) \\+ `, 'g');
const FIELD = new RegExp(`datum\\[(${STRING})\\]`, 'g');
const FORMATTED = new RegExp(`format\\(datum\\[(${STRING})\\], (${STRING})\\)`, 'g');

/**
 * The columns a mark's description names, in its order: each channel's title and the fields its
 * part reads. A binned channel reads a bin's start and end: two columns.
 */
export function describedColumns(signal: string): DrawnColumn[] {
  const starts = [...signal.matchAll(TITLE_START)]
    .map((match) => ({ at: match.index, end: match.index + match[0].length, text: JSON.parse(match[1]!) as string }))
    .filter(({ text }) => /: $/.test(text));
  const columns: DrawnColumn[] = [];
  starts.forEach((start, i) => {
    const title = start.text.replace(/^; /, '').replace(/: $/, '');
    const part = signal.slice(start.end, starts[i + 1]?.at ?? signal.length);
    const formats = new Map(
      [...part.matchAll(FORMATTED)].map((match) => [JSON.parse(match[1]!) as string, JSON.parse(match[2]!) as string]),
    );
    const fields = [...new Set([...part.matchAll(FIELD)].map((match) => JSON.parse(match[1]!) as string))];
    const base = title.replace(/ \(binned\)$/, '');
    fields.forEach((field, j) => {
      const named = fields.length === 2 ? `${base} (bin ${j === 0 ? 'start' : 'end'})` : title;
      const format = formats.get(field);
      columns.push({ title: named, field, ...(format ? { format } : {}) });
    });
  });
  return columns;
}

/** The formats a mark's tooltip gives its fields (`"Words": format(datum["__count"], "d")`). */
function tooltipFormats(signal: string | undefined): Map<string, string> {
  if (typeof signal !== 'string') return new Map();
  return new Map([...signal.matchAll(FORMATTED)].map((match) => [JSON.parse(match[1]!) as string, JSON.parse(match[2]!) as string]));
}

/**
 * The tables of what the chart draws where its marks draw transformed data: one per such data
 * set, with the columns the marks drawing it describe. Empty when every mark draws the author's
 * rows (every builder's chart), whose table is the rows themselves.
 */
export function drawnTables(vega: VegaSpec): DrawnTable[] {
  const byName = new Map(((vega.data ?? []) as DataEntry[]).map((entry) => [entry.name, entry]));
  const tables = new Map<string, DrawnColumn[]>();
  for (const mark of allMarks(vega as { marks?: MarkEntry[] })) {
    const data = mark.from?.data;
    const signal = mark.encode?.update?.description?.signal;
    if (!data || !byName.has(data) || !isDerived(data, byName) || typeof signal !== 'string') continue;
    const columns = tables.get(data) ?? [];
    // The description writes values as the axes do; a tooltip may give a field its own format.
    const formats = tooltipFormats(mark.encode?.update?.tooltip?.signal);
    for (const column of describedColumns(signal)) {
      if (columns.some((known) => known.field === column.field)) continue;
      const format = column.format ?? formats.get(column.field);
      columns.push({ ...column, ...(format ? { format } : {}) });
    }
    tables.set(data, columns);
  }
  return [...tables].filter(([, columns]) => columns.length > 0).map(([data, columns]) => ({ data, columns }));
}

/** A drawn data set's rows as records keyed by the columns' titles, in the columns' order. */
export function drawnRows(table: DrawnTable, tuples: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return tuples.map((tuple) => Object.fromEntries(table.columns.map((column) => [column.title, tuple[column.field]])));
}
