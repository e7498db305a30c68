import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { escapeHtml, fieldTitles, formatCell, MAX_TABLE_ROWS, tableHtml, tableTitle, toTable } from '../../src/lib/charts/table.ts';

describe('the data table', () => {
  test('columns are the union of the rows’ keys in first-seen order, titled from the spec', () => {
    const table = toTable(
      [
        { x: 1, y: 0.5 },
        { x: 2, series: 'Tangent' },
      ],
      { x: 'X' },
    );
    expect(table.columns).toEqual(['X', 'y', 'series']);
    expect(table.rows).toEqual([
      ['1', '0.5', ''],
      ['2', '', 'Tangent'],
    ]);
  });

  test('numbers keep every digit, in the shortest form that reads back the same', () => {
    expect(formatCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatCell(4.5397868702434395e-5)).toBe('0.000045397868702434395');
    expect(formatCell(-0)).toBe('0');
    expect(formatCell(null)).toBe('');
  });

  test('the titles come from the spec’s tooltip and axis fields', () => {
    expect(fieldTitles({ encoding: { x: { field: 'x', title: 'X' }, tooltip: [{ field: 'series', title: 'Series' }] } })).toEqual({
      x: 'X',
      series: 'Series',
    });
  });

  test('as HTML: one header row of column headers and one row per record, every cell as given', () => {
    const table = toTable(
      [
        { x: -10, label: '</td></tr><script>alert(1)</script>' },
        { x: 0.25, label: 'a & "b" \'c\'' },
      ],
      { x: 'X' },
    );
    const html = tableHtml(table);
    expect(html).not.toContain('<script>');
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const headers = [...document.querySelectorAll('thead tr th')];
    expect(headers.map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['X', 'col'],
      ['label', 'col'],
    ]);
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual(table.rows);
    expect(document.querySelectorAll('table')).toHaveLength(1);
  });

  test('escapeHtml escapes what could end an element or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the table’s heading', () => {
  test('says how many rows, and, past MAX_TABLE_ROWS, that the page shows the first of them and the CSV all', () => {
    expect(tableTitle(300)).toBe('Data (300 rows, rounded as the chart shows them; the CSV has every digit)');
    expect(tableTitle(MAX_TABLE_ROWS)).toMatch(/^Data \(1,000 rows,/);
    expect(tableTitle(10_000)).toBe(
      'Data (the first 1,000 of 10,000 rows, rounded as the chart shows them; the CSV has every row and digit)',
    );
  });
});
