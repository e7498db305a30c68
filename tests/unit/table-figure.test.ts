/**
 * The table figure's pure part (src/lib/tables/table-figure.ts): columns, formats, alignment, the
 * minus sign, the CSV behind its download link, the HTML, and every input it refuses.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  csvHref,
  MAX_TABLE_FIGURE_ROWS,
  TableError,
  tableFigure,
  tableFigureHtml,
  tableFigurePropsProblem,
} from '../../src/lib/tables/table-figure.ts';

const rows = [
  { x: -2, tanh: 0.07065082485316443, relu: 0 },
  { x: 0, tanh: 1, relu: 0 },
  { x: 1.5, tanh: 0.18070663892364855, relu: 1 },
];

describe('the table', () => {
  test('without columns: every key of the rows in first-seen order, titled by its field', () => {
    const table = tableFigure(
      [
        { word: 'the', count: 17 },
        { word: 'of', count: 12, share: 0.1 },
      ].map((r) => ({ share: 0, ...r })),
    );
    expect(table.columns.map((c) => c.field)).toEqual(['share', 'word', 'count']);
    expect(table.columns.map((c) => c.title)).toEqual(['share', 'word', 'count']);
  });

  test('columns in the order given, with titles and d3-formats; a field alone is a column too; other fields are left out', () => {
    const table = tableFigure(rows, [
      { field: 'relu', title: 'ReLU′(x)', format: 'd' },
      'x',
      { field: 'tanh', title: 'tanh′(x)', format: '.4f' },
    ]);
    expect(table.columns.map((c) => c.title)).toEqual(['ReLU′(x)', 'x', 'tanh′(x)']);
    expect(table.cells).toEqual([
      ['0', '\u22122', '0.0707'],
      ['0', '0', '1.0000'],
      ['1', '1.5', '0.1807'],
    ]);
  });

  test('negative numbers have the axes’ minus sign (U+2212), formatted or not; −0 is 0, with the column’s decimals', () => {
    const table = tableFigure(
      [
        { a: -0.5, b: -1234.5 },
        { a: -0, b: -0 },
      ],
      ['a', { field: 'b', format: ',.1f' }],
    );
    expect(table.cells).toEqual([
      ['\u22120.5', '\u22121,234.5'],
      ['0', '0.0'],
    ]);
    expect(table.cells.flat().join('')).not.toContain('-');
  });

  test('numbers are right-aligned, text left; empty cells do not change a column; align overrides', () => {
    const table = tableFigure(
      [
        { word: 'the', count: 17, rank: null, note: 'a', flag: true },
        { word: 'of', count: null, rank: 2, note: null, flag: false },
      ],
      ['word', 'count', { field: 'rank', align: 'left' }, 'note', 'flag'],
    );
    expect(table.columns.map((c) => c.align)).toEqual(['left', 'right', 'left', 'left', 'left']);
    expect(table.cells).toEqual([
      ['the', '17', '', 'a', 'true'],
      ['of', '', '2', '', 'false'],
    ]);
    expect(tableFigure([{ n: null }]).columns[0]!.align).toBe('left');
    expect(tableFigure([{ word: 'x' }], [{ field: 'word', align: 'right' }]).columns[0]!.align).toBe('right');
  });

  test('the CSV has the shown columns, in order, keyed by field, with every digit and formulas neutralised', () => {
    const table = tableFigure(
      [...rows, { x: 3, tanh: 0.009866037165440211, relu: 1, label: '=cmd' }].map((r) => ({ label: '', ...r })),
      [{ field: 'tanh', format: '.2f' }, 'x', 'label'],
    );
    expect(table.csv).toBe(
      "tanh,x,label\r\n0.07065082485316443,-2,\r\n1,0,\r\n0.18070663892364855,1.5,\r\n0.009866037165440211,3,'=cmd\r\n",
    );
  });
});

describe('the HTML', () => {
  const html = tableFigureHtml(
    tableFigure([{ word: '<b>&"\'', count: -3 }], ['word', { field: 'count', title: 'Count <n>' }]),
    'top-words-caption',
  );
  const { document } = parseHTML(`<html><body>${html}</body></html>`);

  test('a focusable region named by the caption, holding a table named by it too', () => {
    const region = document.querySelector('div.table-figure__scroll')!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-labelledby')).toBe('top-words-caption');
    expect(region.querySelector('table')?.getAttribute('aria-labelledby')).toBe('top-words-caption');
  });

  test('one header row of <th scope="col">, number columns marked for right alignment in header and body, every text escaped', () => {
    const heads = [...document.querySelectorAll('thead tr th')];
    expect(heads.map((th) => [th.getAttribute('scope'), th.textContent, th.classList.contains('table-figure__number')])).toEqual([
      ['col', 'word', false],
      ['col', 'Count <n>', true],
    ]);
    const cells = [...document.querySelectorAll('tbody tr td')];
    expect(cells.map((td) => [td.textContent, td.classList.contains('table-figure__number')])).toEqual([
      ['<b>&"\'', false],
      ['\u22123', true],
    ]);
    expect(html).not.toContain('<b>');
  });
});

test('the CSV link is a data: URL that decodes to the CSV exactly, commas left readable', () => {
  const csv = tableFigure([
    { word: 'naïve #1 100%', n: -1.5 },
    { word: 'a,"b"\nc', n: 2 },
  ]).csv;
  const href = csvHref(csv);
  expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
  const body = href.slice('data:text/csv;charset=utf-8,'.length);
  expect(decodeURIComponent(body)).toBe(csv);
  expect(body).toMatch(/^word,n%0D%0A/);
  // Nothing that ends the URL early or breaks out of the attribute.
  expect(body).not.toMatch(/[#"<>\s]/);
});

describe('what a table refuses, in words', () => {
  const refused = (rowsGiven: readonly unknown[], columns?: readonly unknown[]) => {
    try {
      tableFigure(rowsGiven, columns);
    } catch (error) {
      return (error as Error).message;
    }
    return 'nothing';
  };

  test('no rows, too many rows, a row that is not a record', () => {
    expect(refused([])).toBe('the rows are empty; a table figure needs at least one row');
    expect(refused(Array.from({ length: MAX_TABLE_FIGURE_ROWS + 1 }, (_, i) => ({ i })))).toBe(
      'the table has 1,001 rows, more than the 1,000 a table figure may have; show the first rows (rows.slice(0, 20)) or chart them',
    );
    expect(refused(Array.from({ length: MAX_TABLE_FIGURE_ROWS }, (_, i) => ({ i })))).toBe('nothing');
    expect(refused([{ a: 1 }, 3])).toBe("row 1 is the number 3, not a record such as { word: 'the', count: 17 }");
  });

  test('a column the rows lack (with the nearest field), twice, empty, or a key a column does not have', () => {
    expect(refused(rows, ['x', 'tahn'])).toBe(
      'the column "tahn" is not in the rows (did you mean "tanh"?); their fields are "x", "tanh" and "relu"',
    );
    expect(refused(rows, ['loss'])).toBe('the column "loss" is not in the rows; their fields are "x", "tanh" and "relu"');
    expect(refused(rows, ['x', { field: 'x' }])).toBe('the column "x" is given twice');
    expect(refused(rows, [])).toBe('columns is empty; leave it out to show every field');
    expect(refused(rows, [{ field: 'x', formt: '.2f' }])).toBe(
      'column 0 has no key "formt" (did you mean format?); a column has field, title, format and align',
    );
    expect(refused(rows, [{ title: 'X' }])).toBe('column 0 needs a field: the key of the rows it shows; got nothing');
    expect(refused(rows, [3])).toContain('column 0 is the number 3; give a field');
    expect(refused(rows, [{ field: 'x', align: 'centre' }])).toBe(
      'the column "x" has the align the string "centre"; it is "left" or "right"',
    );
    expect(refused(rows, [{ field: 'x', title: '' }])).toContain('the column "x" has the title the string ""');
  });

  test('a row missing a shown field (null is an empty cell), and cells a table cannot show', () => {
    expect(refused([{ x: 1, y: 2 }, { x: 2 }])).toBe('row 1 has no "y", which other rows have; give it y: null for an empty cell');
    expect(
      refused([
        { x: 1, y: 2 },
        { x: 2, y: null },
      ]),
    ).toBe('nothing');
    expect(refused([{ x: 1, y: 2 }, { x: 2 }], ['x'])).toBe('nothing');
    expect(refused([{ x: 1 }, { x: Number.NaN }])).toBe('row 1 has NaN in "x"; a table shows finite numbers only');
    expect(refused([{ x: -Infinity }])).toBe('row 0 has -Infinity in "x"; a table shows finite numbers only');
    expect(refused([{ x: [1, 2] }])).toBe(
      'row 0 has a list of 2 in "x"; a cell holds a number, text, true or false, or null for an empty cell',
    );
    expect(refused([{ x: { a: 1 } }])).toContain('row 0 has a mapping (key: value pairs) in "x"');
    expect(refused([{ w: 'a\u0000b' }])).toBe(
      'row 0 has a control character (U+0000) in the text "a\\u0000b" in "w"; feeds cannot carry it, so remove it',
    );
  });

  test('a format d3 cannot read, or a format on a column with no numbers', () => {
    expect(refused(rows, [{ field: 'x', format: '.2z' }])).toBe(
      'the column "x" has the format ".2z", which is not a number format (d3-format, such as ".2f", ".3~g" or ",d")',
    );
    expect(refused(rows, [{ field: 'x', format: '%Y' }])).toContain('which is not a number format');
    expect(refused([{ w: 'a' }], [{ field: 'w', format: '.2f' }])).toBe(
      'the column "w" has the format ".2f" but holds no numbers to format',
    );
  });
});

test('<TableFigure> props: id, rows and caption are required and checked, unknown props are refused with a suggestion', () => {
  const ok = { id: 'top-words', rows, caption: 'The top words.' };
  expect(tableFigurePropsProblem(ok)).toBeUndefined();
  expect(tableFigurePropsProblem({ ...ok, columns: ['x'] })).toBeUndefined();
  expect(tableFigurePropsProblem({ rows, caption: 'x' })).toBe(
    '<TableFigure> needs an id of lower-case letters, digits and dashes, starting with a letter (e.g. id="top-words"); got nothing',
  );
  expect(tableFigurePropsProblem({ ...ok, id: 'Top Words' })).toContain('got the string "Top Words"');
  expect(tableFigurePropsProblem({ id: 'top', rows })).toBe(
    '<TableFigure id="top"> needs a caption: the sentence above the table, which also names it for screen readers; got nothing',
  );
  expect(tableFigurePropsProblem({ id: 'top', caption: 'x' })).toContain('<TableFigure id="top"> needs rows: an array of records');
  expect(tableFigurePropsProblem({ ...ok, rows: { a: 1 } })).toContain('got a mapping');
  expect(tableFigurePropsProblem({ ...ok, columns: 'x' })).toContain('takes columns as an array');
  expect(tableFigurePropsProblem({ ...ok, colums: ['x'] })).toBe(
    '<TableFigure> has no prop "colums" (did you mean columns?); its props are id, rows, caption and columns',
  );
});

test('its error names the file and the table', () => {
  expect(new TableError('top-words', 'the rows are empty', 'content/posts/a/index.mdx').message).toBe(
    'content/posts/a/index.mdx: table "top-words": the rows are empty',
  );
});
