/** Rows of records as CSV (RFC 4180): a header of the keys, numbers with every digit, text quoted when needed. */
import { exactCell } from './table.ts';

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text, columns in the order keys first appear. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [keys, ...rows.map((row) => keys.map((key) => exactCell(row[key])))];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
