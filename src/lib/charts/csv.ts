/**
 * Rows of records as CSV (RFC 4180): a header of the keys, numbers with every digit, text quoted
 * when needed. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or
 * a carriage return: OWASP's "CSV Injection") gets a leading apostrophe, so it stays text; numbers
 * stay numbers, negative ones included.
 */
import { exactCell } from './table.ts';

/** How a formula starts, to a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cell as text a spreadsheet shows as it is: a number's digits, or text that never runs. */
export function csvCell(value: unknown): string {
  const text = exactCell(value);
  return typeof value !== 'number' && typeof value !== 'bigint' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** The rows as CSV text, columns in the order keys first appear. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [keys.map(csvCell), ...rows.map((row) => keys.map((key) => csvCell(row[key])))];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
