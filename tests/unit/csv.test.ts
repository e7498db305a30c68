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
