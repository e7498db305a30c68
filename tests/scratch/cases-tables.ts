/**
 * Bad <TableFigure> input, one case each (tests/scratch/bad-input.test.ts builds them; docs/errors.md
 * lists the messages): the build stops naming the file and the table.
 */
import { FILE, line, post, type BadInputCase } from './case-kit.ts';

/** A post with the given table figures (and anything else) after its imports. */
const tablePost = (body: string): Record<string, string> => ({
  [FILE]: post(`import { TableFigure } from '~/components/index.ts';\n\n${body}`),
});

const WORDS = "[{ word: 'the', count: 17 }, { word: 'of', count: 12 }]";

export const TABLE_CASES: readonly BadInputCase[] = [
  {
    name: 'A table with no rows',
    files: tablePost('<TableFigure id="bad-table" rows={[]} caption="A table." />'),
    mustSay: [FILE, 'table "bad-table"', 'the rows are empty; a table figure needs at least one row'],
  },
  {
    name: 'A table column the rows do not have',
    files: tablePost(`<TableFigure id="bad-table" rows={${WORDS}} columns={['word', 'cuont']} caption="A table." />`),
    mustSay: [
      FILE,
      'table "bad-table"',
      'the column "cuont" is not in the rows (did you mean "count"?); their fields are "word" and "count"',
    ],
  },
  {
    name: "NaN in a table's rows",
    files: tablePost('<TableFigure id="bad-table" rows={[{ x: 1, y: 0.5 }, { x: 2, y: NaN }]} caption="A table." />'),
    mustSay: [FILE, 'table "bad-table"', 'row 1 has NaN in "y"; a table shows finite numbers only'],
  },
  {
    name: 'A table column format d3 cannot read',
    files: tablePost(
      `<TableFigure id="bad-table" rows={${WORDS}} columns={['word', { field: 'count', format: '.2z' }]} caption="A table." />`,
    ),
    mustSay: [FILE, 'table "bad-table"', 'the column "count" has the format ".2z", which is not a number format'],
  },
  {
    name: 'A table with the id of a chart on the page',
    files: tablePost(
      `<VegaChart id="twice" spec={${line('[{ x: 1, y: 2 }]')}} caption="A chart." />\n\n<TableFigure id="twice" rows={${WORDS}} caption="A table." />`,
    ),
    mustSay: [FILE, 'table "twice"', 'a chart or table on this page already has this id; give each its own'],
  },
  {
    name: 'A misspelt table prop',
    files: tablePost(`<TableFigure id="bad-table" rows={${WORDS}} colums={['word']} caption="A table." />`),
    mustSay: [FILE, '<TableFigure> has no prop "colums" (did you mean columns?); its props are id, rows, caption and columns'],
  },
];
