/**
 * The figure's data as a table: the same rows the chart draws, rounded as the tooltip rounds them
 * (and with the axes' minus sign), so a reader without JavaScript (or without sight) gets the
 * numbers as the chart shows them. The CSV download keeps every digit.
 */
import { format as d3Format } from 'd3-format';

export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The most rows a figure's table shows in the page. A 10,000-point scatter plot's whole table is
 * 40,000 elements and 60 KB gzipped that no reader scrolls; its first rows show what the data
 * looks like, and the CSV download has every row.
 */
export const MAX_TABLE_ROWS = 1000;

/** The table's heading: how many rows, and how they are shown. */
export function tableTitle(rowCount: number): string {
  const count = rowCount.toLocaleString('en-US');
  return rowCount > MAX_TABLE_ROWS
    ? `Data (the first ${MAX_TABLE_ROWS.toLocaleString('en-US')} of ${count} rows, rounded as the chart shows them; the CSV has every row and digit)`
    : `Data (${count} rows, rounded as the chart shows them; the CSV has every digit)`;
}

/**
 * A figure's table as the page shows it: its heading, and its first MAX_TABLE_ROWS rows rounded
 * as the chart shows them (toTable).
 */
export function pageTable(
  rows: readonly Record<string, unknown>[],
  titles: Readonly<Record<string, string>> = {},
  formats: Readonly<Record<string, string>> = {},
): DataTable & { readonly title: string } {
  return { title: tableTitle(rows.length), ...toTable(rows.slice(0, MAX_TABLE_ROWS), titles, formats) };
}

/** The typographic minus the axes print (d3-format writes it too). */
const MINUS = '\u2212';

/** A cell for machines (the CSV): numbers with all their digits (shortest round-trip form), the rest as text. */
export function exactCell(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return value == null ? '' : String(value);
}

/**
 * A cell for readers: a number with its field's d3-format string when it has one (as the tooltip
 * shows it), else with all its digits and the typographic minus; the rest as text.
 */
export function formatCell(value: unknown, format?: string): string {
  if (typeof value !== 'number' || Object.is(value, -0)) return exactCell(value);
  return format ? d3Format(format)(value) : exactCell(value).replace('-', MINUS);
}

/** Turns rows of records into a table whose columns are the union of their keys, in first-seen order. */
export function toTable(
  rows: readonly Record<string, unknown>[],
  titles: Readonly<Record<string, string>> = {},
  formats: Readonly<Record<string, string>> = {},
): DataTable {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // One formatter per column: d3-format parses its pattern once, not once a cell.
  const formatters = keys.map((key) => {
    const pattern = formats[key];
    if (!pattern) return (value: unknown) => formatCell(value);
    const formatter = d3Format(pattern);
    return (value: unknown) => (typeof value === 'number' && !Object.is(value, -0) ? formatter(value) : exactCell(value));
  });
  return {
    columns: keys.map((key) => titles[key] ?? key),
    rows: rows.map((row) => keys.map((key, i) => formatters[i]!(row[key]))),
  };
}

/**
 * Walks a spec's encodings and collects, per field, the first string its `property` holds:
 * `{ field: 'x', title: 'x', format: '.3~f' }` gives x → 'x' for "title" and x → '.3~f' for
 * "format".
 */
function fieldProperty(
  spec: unknown,
  property: 'title' | 'format',
  skip: (value: string) => boolean = () => false,
): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const { field } = node as { field?: unknown };
    const value = (node as Record<string, unknown>)[property];
    if (typeof field === 'string' && typeof value === 'string' && !skip(value) && !(field in found)) found[field] = value;
    Object.values(node).forEach(visit);
  };
  visit(spec);
  return found;
}

/**
 * The titles a spec gives its fields ({ x: 'x', y: 'σ(x)', series: 'Series' }), for table
 * headers. A tooltip entry titled "title" is the tooltip's heading, not a name for the field.
 */
export function fieldTitles(spec: unknown): Record<string, string> {
  return fieldProperty(spec, 'title', (title) => title === 'title');
}

/** The d3-format strings a spec gives its fields (in its tooltips), for table cells. */
export function fieldFormats(spec: unknown): Record<string, string> {
  return fieldProperty(spec, 'format');
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe as HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/**
 * The table as HTML: a header row (`<th scope="col">`) and one row per record, every cell escaped.
 * Built as one string because a chart's table has hundreds of rows: Astro builds its markup node
 * by node, which made the tables about a quarter of page rendering in a 200-post build (2.7 s
 * without them against 3.5–3.8 s).
 */
export function tableHtml(table: DataTable): string {
  const cells = (values: readonly string[], element: 'th' | 'td', attributes = '') =>
    values.map((value) => `<${element}${attributes}>${escapeHtml(value)}</${element}>`).join('');
  const head = `<tr>${cells(table.columns, 'th', ' scope="col"')}</tr>`;
  const body = table.rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
