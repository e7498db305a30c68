/**
 * Checks a chart's data before it is drawn, so a NaN, an empty data set, a misspelt field or a
 * value that is not a number where the chart plots numbers is reported by name instead of
 * silently drawing a broken line.
 */
import { describeValue } from '../frontmatter.ts';

/** A problem with the data, described for the author; null when the data is fine. */
export function dataProblem(datasets: Readonly<Record<string, readonly Record<string, unknown>[]>>): string | null {
  for (const [name, rows] of Object.entries(datasets)) {
    if (rows.length === 0) return `the data set "${name}" is empty`;
    for (const [index, row] of rows.entries()) {
      for (const [field, value] of Object.entries(row)) {
        if (typeof value === 'number' && !Number.isFinite(value)) {
          const series = typeof row.series === 'string' ? ` (series "${row.series}")` : '';
          return `the data set "${name}" has ${String(value)} in field "${field}" at row ${index}${series}`;
        }
      }
    }
  }
  return null;
}

/** Transforms whose new fields are all named in their "as"; any other transform may make up names. */
const NAMED_OUTPUT_TRANSFORMS = new Set(['calculate', 'filter', 'as']);

/**
 * Every field name the spec's encodings read, and the names its transforms create; `created` is
 * null when a transform makes fields the spec does not name (density, fold, window, …).
 */
function fieldsInSpec(spec: unknown): { read: Set<string>; created: Set<string> | null } {
  const read = new Set<string>();
  let created: Set<string> | null = new Set<string>();
  const visit = (node: unknown, inEncoding: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inEncoding));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'datasets' || key === 'data') continue;
      if (inEncoding && key === 'field' && typeof value === 'string') read.add(value.split('.')[0]!);
      if (key === 'transform' && Array.isArray(value)) {
        for (const step of value as Record<string, unknown>[]) {
          if (Object.keys(step).some((name) => !NAMED_OUTPUT_TRANSFORMS.has(name))) created = null;
          else if (typeof step.as === 'string') created?.add(step.as);
        }
      }
      visit(value, inEncoding || key === 'encoding');
    }
  };
  visit(spec, false);
  return { read, created };
}

/**
 * The encoding fields that no row of the chart's data has (and no transform creates). Only for
 * specs whose data is inline; the selection and aggregate fields Vega-Lite makes up are skipped.
 */
export function unknownFields(spec: unknown, datasets: Readonly<Record<string, readonly Record<string, unknown>[]>>): string[] {
  const rows = Object.values(datasets).flat();
  if (rows.length === 0) return [];
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const { read, created } = fieldsInSpec(spec);
  if (!created) return [];
  return [...read].filter((field) => !present.has(field) && !created.has(field)).sort();
}

/** The fields the spec's encodings plot as quantities (`type: "quantitative"`), anywhere in it. */
export function quantitativeFields(spec: unknown): Set<string> {
  const fields = new Set<string>();
  const visit = (node: unknown, inEncoding: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inEncoding));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (inEncoding && record.type === 'quantitative' && typeof record.field === 'string' && record.aggregate === undefined) {
      fields.add(record.field);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'datasets' || key === 'data') continue;
      visit(value, inEncoding || key === 'encoding');
    }
  };
  visit(spec, false);
  return fields;
}

/** Whether Vega reads `value` as a finite number: a number, or text that is one ("3", not "3,5" or "NaN"). */
function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

/**
 * The first row whose value is not a number in a field the chart plots as a quantity, in words,
 * or null. Only data sets that have the field somewhere are checked (a transform may make it).
 */
export function quantityProblem(spec: unknown, datasets: Readonly<Record<string, readonly Record<string, unknown>[]>>): string | null {
  const fields = quantitativeFields(spec);
  for (const [name, rows] of Object.entries(datasets)) {
    for (const field of fields) {
      if (!rows.some((row) => field in row)) continue;
      const index = rows.findIndex((row) => !isQuantity(row[field]));
      if (index < 0) continue;
      const value = rows[index]![field];
      const found = field in rows[index]! ? describeValue(value) : 'no value';
      return `the chart plots "${field}" as a number, but the data set "${name}" row ${index} has ${found} there; give every row a number (or leave the row out in figures.ts)`;
    }
  }
  return null;
}
