/**
 * Data files beside a post (.csv, .tsv, .json), parsed and checked for a loader. CSV and TSV are
 * parsed by d3-dsv (which Vega already brings); each row is checked against column types or a
 * schema, and a bad row is reported with its file, line and column and what was expected.
 * Schemas are any Standard Schema (https://standardschema.dev): zod's, valibot's, arktype's.
 *
 * Everything here is pure: it is given the file's text, and the loader's child process reads it.
 */
import { dsvFormat } from 'd3-dsv';

/** A column's type: its cells are parsed to it. */
export type ColumnType = 'string' | 'number' | 'integer' | 'boolean';

/** Column types by header name. Columns of the file not named here are left out of the rows. */
export type Columns = Readonly<Record<string, ColumnType>>;

/** What a Standard Schema (zod 4, valibot, arktype, ...) offers: `validate`, and its output's type. */
export interface Schema<T> {
  readonly '~standard': {
    readonly version: 1;
    validate(value: unknown): StandardResult<T> | Promise<StandardResult<T>>;
    readonly types?: { readonly output: T } | undefined;
  };
}

type StandardResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: readonly { readonly message: string; readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] }[] };

type CellType<T extends ColumnType> = T extends 'string' ? string : T extends 'boolean' ? boolean : number;

/** The rows `columns` gives: typed by the column types, or the schema's output. */
export type RowsOf<C> = C extends Schema<infer T> ? T[] : C extends Columns ? { [K in keyof C]: CellType<C[K]> }[] : never;

/** A data file's problem, with where it is. */
export class DataFileError extends Error {
  // Plain fields, not parameter properties: Node's type stripping, which loads astro.config.mjs's
  // imports, cannot run those (and Astro then loads the config another way that breaks later imports).
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DataFileError';
    this.file = file;
    this.problem = problem;
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '+Infinity': Infinity, '-Infinity': -Infinity };

/** A cell parsed to its column's type, or what was expected. */
function parseCell(cell: string, type: ColumnType): { value: string | number | boolean } | { expected: string } {
  const text = cell.trim();
  switch (type) {
    case 'string':
      return { value: cell };
    case 'boolean':
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return { expected: 'true or false' };
    case 'integer': {
      const value = Number(text);
      if (/^[+-]?\d+$/.test(text) && Number.isSafeInteger(value)) return { value };
      return { expected: 'an integer' };
    }
    case 'number':
      if (DECIMAL.test(text)) return { value: Number(text) };
      if (text in SPECIAL_NUMBERS) return { value: SPECIAL_NUMBERS[text]! };
      return { expected: 'a number' };
  }
}

/** How a cell is shown in a message. */
const shown = (cell: string) => (cell === '' ? 'an empty cell' : JSON.stringify(cell));

/**
 * The line (1-based) on which each record of a delimited text starts. Quoted cells may hold line
 * breaks, so a record's line is not its index plus one; d3-dsv does not say, so this counts them.
 */
export function recordLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"')
      quoted = !quoted; // An escaped quote ("") toggles twice.
    else if (!quoted && (char === '\n' || (char === '\r' && text[i + 1] !== '\n'))) {
      line++;
      if (i + 1 < text.length) starts.push(line);
    } else if (char === '\n') line++;
  }
  return starts;
}

function isSchema(columns: unknown): columns is Schema<unknown> {
  return typeof columns === 'object' && columns !== null && '~standard' in columns;
}

/** Where a schema's issue points, as `column "count"` (rows) or `at "layers[2].size"` (JSON). */
function issuePath(path: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined): string[] {
  return (path ?? []).map((part) => String(typeof part === 'object' ? part.key : part));
}

/** Runs a Standard Schema; refuses the asynchronous ones, which a build cannot wait on row by row. */
function validate<T>(schema: Schema<T>, value: unknown, file: string): StandardResult<T> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new DataFileError(file, 'its schema validates asynchronously; use a synchronous one');
  return result;
}

/**
 * The rows of a delimited file's text, the first line its header, each checked against `columns`
 * (column types, or a schema given each row as an object of strings).
 */
export function parseDelimited<C extends Columns | Schema<unknown>>(
  file: string,
  text: string,
  delimiter: ',' | '\t',
  columns: C,
): RowsOf<C> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = dsvFormat(delimiter).parseRows(body);
  const lines = recordLines(body);
  const header = records[0];
  if (!header || (header.length === 1 && header[0] === '')) throw new DataFileError(file, 'is empty: its first line must name the columns');
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) throw new DataFileError(file, `line 1 names the column "${duplicate}" twice`);
  if (!isSchema(columns)) {
    const missing = Object.keys(columns).filter((name) => !header.includes(name));
    if (missing.length > 0)
      throw new DataFileError(
        file,
        `line 1 has no column ${missing.map((m) => `"${m}"`).join(', ')}; its columns are ${header.map((h) => `"${h}"`).join(', ')}`,
      );
  }
  const rows: unknown[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const where = `line ${lines[r] ?? r + 1}`;
    if (record.length !== header.length)
      throw new DataFileError(
        file,
        `${where} has ${record.length} cell${record.length === 1 ? '' : 's'}, but the header has ${header.length}`,
      );
    if (isSchema(columns)) {
      const strings = Object.fromEntries(header.map((name, i) => [name, record[i]!]));
      const result = validate(columns, strings, file);
      if (result.issues) {
        const [issue] = result.issues;
        const [column] = issuePath(issue!.path);
        const cell = column !== undefined && column in strings ? `, got ${shown(strings[column]!)}` : '';
        throw new DataFileError(file, `${where}${column !== undefined ? `, column "${column}"` : ''}: ${issue!.message}${cell}`);
      }
      rows.push(result.value);
      continue;
    }
    const row: Record<string, unknown> = {};
    for (const [name, type] of Object.entries(columns)) {
      const cell = record[header.indexOf(name)]!;
      const parsed = parseCell(cell, type);
      if ('expected' in parsed)
        throw new DataFileError(file, `${where}, column "${name}": expected ${parsed.expected}, got ${shown(cell)}`);
      row[name] = parsed.value;
    }
    rows.push(row);
  }
  return rows as RowsOf<C>;
}

/**
 * V8's JSON.parse message, without the copy of the text it quotes for short files ("..., "{ ... }"
 * is not valid JSON"): where it gives a position it also gives the line and column.
 */
function jsonProblem(message: string): string {
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '');
}

/** A JSON file's text parsed and checked against `schema`. */
export function parseJsonFile<T>(file: string, text: string, schema: Schema<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new DataFileError(file, `is not valid JSON: ${jsonProblem((error as Error).message)}`);
  }
  if (!isSchema(schema)) throw new DataFileError(file, 'give json() a schema (zod or another Standard Schema) to check it against');
  const result = validate(schema, value, file);
  if (result.issues) {
    const [issue] = result.issues;
    const path = issuePath(issue!.path);
    const at = path.length > 0 ? ` at ${path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')}` : '';
    throw new DataFileError(file, `does not match its schema${at}: ${issue!.message}`);
  }
  return result.value;
}
