import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDelimited, parseJsonFile, recordLines } from '~/lib/loaders/data-files.ts';

const problem = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('CSV and TSV beside a post', () => {
  it('parses cells to their column types and leaves undeclared columns out', () => {
    const rows = parseDelimited('counts.csv', 'word,count,share,kept,note\nthe,12,0.5,true,x\n"a, b",3,-1e-3,false,y\n', ',', {
      word: 'string',
      count: 'integer',
      share: 'number',
      kept: 'boolean',
    });
    expect(rows).toEqual([
      { word: 'the', count: 12, share: 0.5, kept: true },
      { word: 'a, b', count: 3, share: -0.001, kept: false },
    ]);
  });

  it('names the file, the line, the column and what was expected', () => {
    const text = 'word,count\nthe,12\n"two\nlines",3\nof,12a\n';
    expect(problem(() => parseDelimited('counts.csv', text, ',', { word: 'string', count: 'integer' }))).toBe(
      'counts.csv: line 5, column "count": expected an integer, got "12a"',
    );
    expect(problem(() => parseDelimited('c.tsv', 'a\tb\n1\t\n', '\t', { a: 'number', b: 'number' }))).toBe(
      'c.tsv: line 2, column "b": expected a number, got an empty cell',
    );
    expect(problem(() => parseDelimited('c.csv', 'a,b\n1,2\n3\n', ',', { a: 'number' }))).toBe(
      'c.csv: line 3 has 1 cell, but the header has 2',
    );
    expect(problem(() => parseDelimited('c.csv', 'a,b\n', ',', { a: 'number', c: 'number', d: 'string' }))).toBe(
      'c.csv: line 1 has no column "c", "d"; its columns are "a", "b"',
    );
    expect(problem(() => parseDelimited('c.csv', '', ',', { a: 'number' }))).toBe('c.csv: is empty: its first line must name the columns');
    expect(problem(() => parseDelimited('c.csv', 'a,a\n1,2\n', ',', { a: 'number' }))).toBe('c.csv: line 1 names the column "a" twice');
  });

  it('checks rows against a zod schema, with the same line and column', () => {
    const schema = z.object({ word: z.string().min(1), count: z.coerce.number().int().nonnegative() });
    expect(parseDelimited('w.csv', 'word,count\nthe,4\n', ',', schema)).toEqual([{ word: 'the', count: 4 }]);
    const message = problem(() => parseDelimited('w.csv', 'word,count\nthe,4\r\nof,-2\r\n', ',', schema));
    expect(message).toMatch(/^w\.csv: line 3, column "count": .+, got "-2"$/);
  });

  it('counts lines across quoted line breaks and CRLF', () => {
    expect(recordLines('a\n"x\ny"\nb\n')).toEqual([1, 2, 4]);
    expect(recordLines('a\r\nb\r\n"\r\n"\r\nc')).toEqual([1, 2, 3, 5]);
    expect(recordLines('a\rb')).toEqual([1, 2]);
  });

  it('skips a byte-order mark', () => {
    expect(parseDelimited('b.csv', '\uFEFFa\n1\n', ',', { a: 'integer' })).toEqual([{ a: 1 }]);
  });
});

describe('JSON beside a post', () => {
  const schema = z.object({ layers: z.array(z.object({ size: z.number() })) });

  it('parses and checks it', () => {
    expect(parseJsonFile('m.json', '{"layers":[{"size":16}]}', schema)).toEqual({ layers: [{ size: 16 }] });
  });

  it('says where it does not match, or where it is not JSON', () => {
    expect(problem(() => parseJsonFile('m.json', '{"layers":[{"size":16},{"size":"x"}]}', schema))).toMatch(
      /^m\.json: does not match its schema at layers\[1\]\.size: /,
    );
    expect(problem(() => parseJsonFile('m.json', '{\n  "layers": [,]\n}', schema))).toBe("m.json: is not valid JSON: Unexpected token ','");
    expect(problem(() => parseJsonFile('m.json', '{\n  "layers": []\n  "x": 1}', schema))).toMatch(
      /^m\.json: is not valid JSON: .* \(line 3 column 3\)$/,
    );
  });
});
