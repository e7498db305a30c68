/**
 * A table figure (<TableFigure>): rows of records shown as a numbered, captioned table, the way a
 * DataFrame displays them. Columns come in the order given (or each key of the rows in first-seen
 * order), numbers are rounded by the column's d3-format string, printed with the axes' minus sign
 * and aligned right; text is aligned left. The CSV download keeps every digit.
 *
 * Everything here is pure, so the component stays thin and what it writes is unit-tested: the props
 * and the rows are checked first (MDX passes whatever the author wrote), and the first problem
 * stops the build naming the file and the table.
 */
import { escapeHtml, toTable } from '../charts/table.ts';
import { toCsv } from '../charts/csv.ts';
import { CHART_ID } from '../charts/chart-props.ts';
import { formatProblem } from '../charts/style-check.ts';
import { describeValue, editDistance } from '../frontmatter.ts';
import { codePointName, NOT_IN_XML } from '../xml-text.ts';

/** How a column's cells line up: numbers right, text left (the default follows the cells). */
export type TableAlign = 'left' | 'right';

/** A column: the field it shows, and optionally its header, d3-format string and alignment. */
export interface TableColumn {
  /** The key of each row this column shows. */
  readonly field: string;
  /** The header; the field by default. */
  readonly title?: string;
  /** A d3-format string for its numbers (".3f", ".1%", ",d"); without one a number keeps every digit. */
  readonly format?: string;
  /** Right for a column of numbers, left otherwise, unless given. */
  readonly align?: TableAlign;
}

/** What a cell may hold: a finite number, text, true or false, or null for an empty cell. */
export type TableCell = number | string | boolean | null;

/** One row: a record of cells by field. */
export type TableRow = Readonly<Record<string, TableCell>>;

/** The props of <TableFigure>. */
export interface TableFigureProps {
  /** Unique within the page among charts and tables: lower-case letters, digits and dashes. */
  readonly id: string;
  /** The records, one a row, in the order shown. */
  readonly rows: readonly TableRow[];
  /** The caption above the table, after "Table N: "; also the table's accessible name. */
  readonly caption: string;
  /** The columns in order: a field, or a field with its title, format and alignment. */
  readonly columns?: readonly (string | TableColumn)[];
}

/** The props <TableFigure> has. */
export const TABLE_FIGURE_PROPS = ['id', 'rows', 'caption', 'columns'] as const;

/** The keys a column may have. */
const COLUMN_KEYS = ['field', 'title', 'format', 'align'] as const;

/**
 * The most rows a table figure may have. A figure is for reading; past this, chart the data or
 * show its head (rows.slice(0, 20)), as a DataFrame's display does.
 */
export const MAX_TABLE_FIGURE_ROWS = 1000;

/**
 * Past this many rows a printed table may break across pages (between rows, its header repeated);
 * a shorter one is kept whole on one page, as a figure is.
 */
export const PRINT_WHOLE_MAX_ROWS = 25;

/** A table figure's build-time problem, naming the table (and, when the caller knows it, the file). */
export class TableError extends Error {
  constructor(
    readonly tableId: string,
    readonly problem: string,
    readonly file?: string,
  ) {
    super(`${file ? `${file}: ` : ''}table "${tableId}": ${problem}`);
    this.name = 'TableError';
  }
}

/** A column with everything decided. */
export interface ResolvedColumn {
  readonly field: string;
  readonly title: string;
  readonly format?: string;
  readonly align: TableAlign;
}

/** What the component writes: the table's columns, its cells as shown, and the CSV. */
export interface TableFigureModel {
  readonly columns: readonly ResolvedColumn[];
  /** The cells as readers see them, row by row: rounded by the column's format, with the minus sign. */
  readonly cells: readonly (readonly string[])[];
  /** The shown columns of every row as CSV, every digit kept (csv.ts). */
  readonly csv: string;
}

const list = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

const nearest = (name: string, known: readonly string[]) =>
  known.find((candidate) => editDistance(name.toLowerCase(), candidate.toLowerCase()) <= 2);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** The first problem with a <TableFigure>'s props, in words for the post's author, or undefined. */
export function tableFigurePropsProblem(given: object): string | undefined {
  const props = given as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(props)) {
    if ((TABLE_FIGURE_PROPS as readonly string[]).includes(name)) continue;
    const near = nearest(name, TABLE_FIGURE_PROPS);
    return `<TableFigure> has no prop "${name}"${near ? ` (did you mean ${near}?)` : ''}; its props are ${list(TABLE_FIGURE_PROPS)}`;
  }
  const { id, rows, caption, columns } = props;
  if (typeof id !== 'string' || !CHART_ID.test(id)) {
    return `<TableFigure> needs an id of lower-case letters, digits and dashes, starting with a letter (e.g. id="top-words"); got ${describeValue(id)}`;
  }
  if (typeof caption !== 'string' || caption.trim() === '') {
    return `<TableFigure id="${id}"> needs a caption: the sentence above the table, which also names it for screen readers; got ${describeValue(caption)}`;
  }
  if (!Array.isArray(rows)) {
    return `<TableFigure id="${id}"> needs rows: an array of records such as [{ word: 'the', count: 17 }]; got ${describeValue(rows)}`;
  }
  if (columns !== undefined && !Array.isArray(columns)) {
    return `<TableFigure id="${id}"> takes columns as an array of fields or { field, title, format, align }; got ${describeValue(columns)}`;
  }
  return undefined;
}

/** What is wrong with a cell, as [what it holds, why it cannot be shown], or undefined. */
function cellProblem(value: unknown): readonly [string, string] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : [String(value), 'a table shows finite numbers only'];
  if (typeof value === 'string') {
    if (!NOT_IN_XML.test(value)) return undefined;
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return [`a control character (${codePointName(value)}) in the text ${shown}`, 'feeds cannot carry it, so remove it'];
  }
  if (value === null || typeof value === 'boolean') return undefined;
  return [describeValue(value), 'a cell holds a number, text, true or false, or null for an empty cell'];
}

/** Whether a column holds numbers (and empty cells) only: it is aligned right, so digits line up. */
function isNumberColumn(rows: readonly Record<string, unknown>[], field: string): boolean {
  return rows.every((row) => row[field] === null || typeof row[field] === 'number') && rows.some((row) => row[field] !== null);
}

/** Columns as given (a field alone, or a column object), checked against the rows' fields. */
function resolveColumns(given: readonly unknown[] | undefined, fields: readonly string[], rows: readonly Record<string, unknown>[]) {
  const columns: { field: string; title?: string; format?: string; align?: TableAlign }[] = [];
  for (const [i, entry] of (given ?? fields).entries()) {
    const column = typeof entry === 'string' ? { field: entry } : entry;
    if (!isRecord(column)) {
      throw new Error(
        `column ${i} is ${describeValue(column)}; give a field ('count') or { field: 'count', title: 'Count', format: ',d' }`,
      );
    }
    for (const key of Object.keys(column)) {
      if ((COLUMN_KEYS as readonly string[]).includes(key)) continue;
      const near = nearest(key, COLUMN_KEYS);
      throw new Error(`column ${i} has no key "${key}"${near ? ` (did you mean ${near}?)` : ''}; a column has ${list(COLUMN_KEYS)}`);
    }
    const { field, title, format, align } = column;
    if (typeof field !== 'string' || field === '')
      throw new Error(`column ${i} needs a field: the key of the rows it shows; got ${describeValue(field)}`);
    if (columns.some((known) => known.field === field)) throw new Error(`the column "${field}" is given twice`);
    if (!fields.includes(field)) {
      const near = nearest(field, fields);
      throw new Error(
        `the column "${field}" is not in the rows${near ? ` (did you mean "${near}"?)` : ''}; their fields are ${list(fields.map((f) => `"${f}"`))}`,
      );
    }
    if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
      throw new Error(`the column "${field}" has the title ${describeValue(title)}; a title is text (leave it out to use the field)`);
    }
    const badTitle = typeof title === 'string' ? cellProblem(title) : undefined;
    if (badTitle) throw new Error(`the column "${field}"'s title has ${badTitle[0]}; ${badTitle[1]}`);
    if (align !== undefined && align !== 'left' && align !== 'right') {
      throw new Error(`the column "${field}" has the align ${describeValue(align)}; it is "left" or "right"`);
    }
    const numbers = rows.some((row) => typeof row[field] === 'number');
    if (format !== undefined) {
      const wrong = typeof format === 'string' ? formatProblem(format, 'number') : 'not a string';
      if (wrong) throw new Error(`the column "${field}" has the format ${JSON.stringify(format)}, which is ${wrong}`);
      if (!numbers) throw new Error(`the column "${field}" has the format ${JSON.stringify(format)} but holds no numbers to format`);
    }
    columns.push({
      field,
      title: title as string | undefined,
      format: format as string | undefined,
      align: align as TableAlign | undefined,
    });
  }
  if (columns.length === 0) throw new Error('columns is empty; leave it out to show every field');
  return columns;
}

/**
 * The table a <TableFigure> shows, from rows and optional columns; throws an Error saying what
 * is wrong with them (the component names the file and the table).
 */
export function tableFigure(rows: readonly unknown[], columns?: readonly unknown[]): TableFigureModel {
  if (rows.length === 0) throw new Error('the rows are empty; a table figure needs at least one row');
  if (rows.length > MAX_TABLE_FIGURE_ROWS) {
    throw new Error(
      `the table has ${rows.length.toLocaleString('en-US')} rows, more than the ${MAX_TABLE_FIGURE_ROWS.toLocaleString('en-US')} a table figure may have; show the first rows (rows.slice(0, 20)) or chart them`,
    );
  }
  const records = rows.map((row, i) => {
    if (!isRecord(row)) throw new Error(`row ${i} is ${describeValue(row)}, not a record such as { word: 'the', count: 17 }`);
    return row;
  });
  const fields = [...new Set(records.flatMap((row) => Object.keys(row)))];
  const resolved = resolveColumns(columns, fields, records);
  for (const [i, row] of records.entries()) {
    for (const { field } of resolved) {
      if (!(field in row) || row[field] === undefined) {
        throw new Error(`row ${i} has no "${field}", which other rows have; give it ${field}: null for an empty cell`);
      }
      const wrong = cellProblem(row[field]);
      if (wrong) throw new Error(`row ${i} has ${wrong[0]} in "${field}"; ${wrong[1]}`);
    }
  }
  // Only the shown columns, in their order: the table's and the CSV's columns are the same.
  // -0 shows as 0 (and with the column's decimals: toTable prints -0 bare).
  const shown = records.map((row) => Object.fromEntries(resolved.map(({ field }) => [field, row[field] === 0 ? 0 : row[field]])));
  const titles = Object.fromEntries(resolved.flatMap(({ field, title }) => (title ? [[field, title]] : [])));
  const formats = Object.fromEntries(resolved.flatMap(({ field, format }) => (format ? [[field, format]] : [])));
  const table = toTable(shown, titles, formats);
  return {
    columns: resolved.map(({ field, format, align }, i) => ({
      field,
      title: table.columns[i]!,
      ...(format ? { format } : {}),
      align: align ?? (isNumberColumn(records, field) ? 'right' : 'left'),
    })),
    cells: table.rows,
    csv: toCsv(shown),
  };
}

/**
 * The table as HTML, in a box that scrolls sideways when the table is wider than the column. The
 * box is a named, focusable region, so keyboard users can scroll it too; the table is named by the
 * caption. Built as one string, as the charts' tables are (table.ts tableHtml).
 */
export function tableFigureHtml(model: TableFigureModel, captionId: string): string {
  const align = model.columns.map(({ align }) => (align === 'right' ? ' class="table-figure__number"' : ''));
  const head = model.columns.map(({ title }, i) => `<th scope="col"${align[i]}>${escapeHtml(title)}</th>`).join('');
  const body = model.cells.map((row) => `<tr>${row.map((cell, i) => `<td${align[i]}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return (
    `<div class="table-figure__scroll" role="region" tabindex="0" aria-labelledby="${escapeHtml(captionId)}">` +
    `<table aria-labelledby="${escapeHtml(captionId)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`
  );
}

/**
 * The CSV as a link target a plain <a download> saves: a data: URL, so the download needs no
 * script (the page may have none running yet), works from disk and in the offline file, which
 * loads nothing, and is what the page holds. Browsers refuse to open a data: URL as a page; this
 * one is only ever saved (the link has `download`), and text/csv runs nothing.
 */
export function csvHref(csv: string): string {
  // Commas are safe in a URL; left as they are, the link is a third the size.
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv).replace(/%2C/g, ',')}`;
}
