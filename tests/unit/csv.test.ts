import { expect, test } from 'vitest';
import { toCsv } from '../../src/lib/charts/csv.ts';

test('CSV: header of keys, full-precision numbers, quoted text when needed', () => {
  expect(
    toCsv([
      { series: 'a,b', x: 0.1 + 0.2, y: -0 },
      { series: 'say "hi"', x: 1e-7, z: 'new\nline' },
    ]),
  ).toBe('series,x,y,z\r\n"a,b",0.30000000000000004,0,\r\n"say ""hi""",1e-7,,"new\nline"\r\n');
});

test("CSV: text a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers (OWASP's CSV Injection)", () => {
  const csv = toCsv([
    { series: '=HYPERLINK("http://evil.test","x")', x: -10, y: '+1', z: '@SUM(A1)' },
    { series: '-2+3', x: -0.5, y: '\tTab', z: '\rCR' },
    { series: 'plain', x: 1, y: 'a=b', z: 'safe - here' },
  ]);
  expect(csv.split('\r\n')).toEqual([
    'series,x,y,z',
    `"'=HYPERLINK(""http://evil.test"",""x"")",-10,'+1,'@SUM(A1)`,
    `'-2+3,-0.5,'\tTab,"'\rCR"`,
    'plain,1,a=b,safe - here',
    '',
  ]);
  // A header can carry a formula too.
  expect(toCsv([{ '=cmd': 1 }])).toBe("'=cmd\r\n1\r\n");
});
