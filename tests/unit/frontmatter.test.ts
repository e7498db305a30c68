/** A post's frontmatter, read strictly (src/lib/frontmatter.ts): keys, types, calendar dates, the future, tags. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  datesAsWritten,
  describeValue,
  frontmatterText,
  nearestKey,
  parseCalendarDate,
  readFrontmatter,
  withDatesAsWritten,
  type FrontmatterProblem,
} from '../../src/lib/frontmatter.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const GOOD = { title: 'A Post', date: '2026-11-28', description: 'One sentence.' };

/** The problems readFrontmatter finds in `input` read at NOW, as "field: message" lines. */
function problems(input: unknown): string[] {
  const result = readFrontmatter(input, { now: NOW });
  return result.ok ? [] : result.problems.map(({ field, message }: FrontmatterProblem) => `${field}: ${message}`);
}

describe('a good post', () => {
  test('reads to typed data, with defaults for tags and draft', () => {
    expect(readFrontmatter(GOOD, { now: NOW })).toEqual({
      ok: true,
      data: { title: 'A Post', date: new Date('2026-11-28T00:00:00Z'), description: 'One sentence.', tags: [], draft: false },
    });
    const full = readFrontmatter({ ...GOOD, updated: '2026-11-30', tags: ['nlp', 'rnn'], draft: false }, { now: NOW });
    expect(full.ok && full.data).toMatchObject({ updated: new Date('2026-11-30T00:00:00Z'), tags: ['nlp', 'rnn'] });
  });

  test('keeps one spelling of tags that make one tag page, the first', () => {
    const result = readFrontmatter({ ...GOOD, tags: ['NLP', 'rnn', 'nlp', 'Nlp'] }, { now: NOW });
    expect(result.ok && result.data.tags).toEqual(['NLP', 'rnn']);
  });
});

describe('unknown keys', () => {
  test('a misspelt key is refused with the key it most likely meant', () => {
    expect(problems({ ...GOOD, drafts: true })).toEqual([
      'drafts: is not a frontmatter field; did you mean draft? (the fields are title, date, updated, description, tags, draft)',
    ]);
  });

  test('a misspelt drafts: true does not publish a draft: the post is refused whatever else it says', () => {
    expect(readFrontmatter({ ...GOOD, drafts: true }, { now: NOW }).ok).toBe(false);
  });

  test('each unknown key is named, beside the other problems', () => {
    expect(problems({ date: '2026-11-28', description: 'x', tittle: 'A Post', colour: 'red' })).toEqual([
      'tittle: is not a frontmatter field; did you mean title? (the fields are title, date, updated, description, tags, draft)',
      'colour: is not a frontmatter field (the fields are title, date, updated, description, tags, draft); remove it',
      'title: is required: the post needs a title',
    ]);
  });

  test('category and slug are refused for what they are: the folders', () => {
    expect(problems({ ...GOOD, slug: 'my-post' })).toEqual([
      "slug: is not a frontmatter field: the slug is the post's folder name (content/posts/<category>/<slug>/); remove it",
    ]);
  });

  test.each([
    ['drafts', 'draft'],
    ['Draft', 'draft'],
    ['tittle', 'title'],
    ['titel', 'title'],
    ['tag', 'tags'],
    ['Tags', 'tags'],
    ['descripton', 'description'],
    ['summary', 'description'],
    ['pubDate', 'date'],
    ['updatedDate', 'updated'],
    ['last_modified', 'updated'],
    ['dat', 'date'],
    ['descr', 'description'],
    ['upd', 'updated'],
  ])('%s → did you mean %s?', (key, meant) => {
    expect(nearestKey(key)).toBe(meant);
  });

  test('published is the date, or the draft flag when it is true or false', () => {
    expect(nearestKey('published', '2026-01-01')).toBe('date');
    expect(nearestKey('published', false)).toBe('draft');
    expect(problems({ ...GOOD, published: false })).toEqual([
      'published: is not a frontmatter field; did you mean draft? (draft: true keeps a post out of the build; the fields are title, date, updated, description, tags, draft)',
    ]);
  });

  test.each(['colour', 'author', 'x', 'layout', 'de'])('%s has no near key', (key) => {
    expect(nearestKey(key)).toBeUndefined();
  });
});

describe('types', () => {
  test('a wrong type is named as such, with the value it got', () => {
    expect(problems({ ...GOOD, title: 2026 })).toEqual(['title: must be a string, got the number 2026 (put it in quotes: "2026")']);
    expect(problems({ ...GOOD, description: ['a', 'b'] })).toEqual(['description: must be a string, got a list of 2']);
    expect(problems({ ...GOOD, draft: 'yes' })).toEqual(['draft: must be true or false, got the string "yes"']);
    expect(problems({ ...GOOD, tags: 'nlp' })).toEqual(['tags: must be a list such as [nlp, rnn], got the string "nlp"']);
    expect(problems({ ...GOOD, tags: ['nlp', 2026, true] })).toEqual([
      'tags.1: must be a string, got the number 2026 (put it in quotes: "2026")',
      'tags.2: must be a string, got true (put it in quotes: "true")',
    ]);
    expect(problems({ ...GOOD, date: 20261128 })).toEqual(['date: must be a date such as 2026-11-28, got the number 20261128']);
  });

  test('a missing field says it is required; an empty one says it is empty', () => {
    expect(problems({ date: '2026-11-28' })).toEqual([
      'title: is required: the post needs a title',
      'description: is required: one sentence for the home page and feeds',
    ]);
    expect(problems({ title: 'A Post', description: 'x' })).toEqual([
      'date: is required: the day the post is published, such as 2026-11-28',
    ]);
    expect(problems({ ...GOOD, title: null })).toEqual(['title: is empty: the post needs a title']);
    expect(problems({ ...GOOD, title: '  ' })).toEqual(['title: must not be empty']);
    expect(problems({ ...GOOD, tags: [''] })).toEqual(['tags.0: is empty: write the tag or remove it']);
  });

  test('frontmatter that is not key: value lines', () => {
    expect(problems(['a', 'b'])).toEqual([': the frontmatter must be key: value lines, got a list of 2']);
  });

  test('values are described in words', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('nothing (the field is empty)');
    expect(describeValue(false)).toBe('false');
    expect(describeValue({ a: 1 })).toBe('a mapping (key: value pairs)');
    expect(describeValue([])).toBe('an empty list');
    expect(describeValue(new Date('2026-01-02T00:00:00Z'))).toBe('the date 2026-01-02');
    expect(describeValue('x'.repeat(100))).toBe(`the string "${'x'.repeat(57)}..."`);
  });
});

describe('dates', () => {
  test.each([
    ['2026-02-30', 'must be a real calendar date, got 2026-02-30 (February 2026 has 28 days)'],
    ['2026-04-31', 'must be a real calendar date, got 2026-04-31 (April 2026 has 30 days)'],
    ['2025-02-29', 'must be a real calendar date, got 2025-02-29 (February 2025 has 28 days)'],
    ['2026-13-01', 'must be a real calendar date, got 2026-13-01 (months run from 01 to 12)'],
    ['2026-00-10', 'must be a real calendar date, got 2026-00-10 (months run from 01 to 12)'],
    ['2026-01-00', 'must be a real calendar date, got 2026-01-00 (January 2026 has 31 days)'],
    ['2026-2-3', 'must be written YYYY-MM-DD, as 2026-02-03; got "2026-2-3"'],
    ['someday soon', 'must be a date such as 2026-11-28, got the string "someday soon"'],
    ['28/11/2026', 'must be a date such as 2026-11-28, got the string "28/11/2026"'],
    ['2026-11-28T10:00:00Z', 'must be a date such as 2026-11-28, got the string "2026-11-28T10:00:00Z"'],
  ])('%s is refused: %s', (text, message) => {
    expect(parseCalendarDate(text)).toEqual({ problem: message });
  });

  test('a real date is midnight UTC that day, leap days included', () => {
    expect(parseCalendarDate('2028-02-29')).toEqual({ date: new Date('2028-02-29T00:00:00Z') });
    expect(parseCalendarDate('2000-02-29')).toEqual({ date: new Date('2000-02-29T00:00:00Z') });
    expect(parseCalendarDate('1900-02-29')).toEqual({
      problem: 'must be a real calendar date, got 1900-02-29 (February 1900 has 28 days)',
    });
  });

  test('both date and updated are checked', () => {
    expect(problems({ ...GOOD, date: '2026-02-30' })).toEqual([
      'date: must be a real calendar date, got 2026-02-30 (February 2026 has 28 days)',
    ]);
    expect(problems({ ...GOOD, updated: '2026-11-31' })).toEqual([
      'updated: must be a real calendar date, got 2026-11-31 (November 2026 has 30 days)',
    ]);
  });

  test('a date more than a day after the build is refused unless the post is a draft', () => {
    const future =
      'is 2026-12-03, more than a day in the future: a post is published on its date, so fix the date, or set draft: true until then';
    expect(problems({ ...GOOD, date: '2026-12-03' })).toEqual([`date: ${future}`]);
    expect(problems({ ...GOOD, updated: '2026-12-03' })).toEqual([`updated: ${future}`]);
    expect(problems({ ...GOOD, date: '2026-12-03', draft: true })).toEqual([]);
    expect(problems({ ...GOOD, updated: '2026-12-03', draft: true })).toEqual([]);
    // Tomorrow is within the day's slack (an author ahead of UTC); today and the past are fine.
    expect(problems({ ...GOOD, date: '2026-12-02' })).toEqual([]);
    expect(problems({ ...GOOD, date: '2026-12-01' })).toEqual([]);
  });

  test('updated may not be before date', () => {
    expect(problems({ ...GOOD, updated: '2026-11-27' })).toEqual([
      "updated: is 2026-11-27, before the post's date (2026-11-28): a post is updated on or after the day it is published",
    ]);
    expect(problems({ ...GOOD, updated: '2026-11-28' })).toEqual([]);
  });
});

describe('dates as written', () => {
  test('the frontmatter text is what lies between the --- lines', () => {
    expect(frontmatterText('---\ntitle: A\ndate: 2026-02-30\n---\nText.')).toBe('\ntitle: A\ndate: 2026-02-30\n');
    expect(frontmatterText('No frontmatter.')).toBeUndefined();
  });

  test('dates YAML made are put back as written, so a rolled-over date is seen for what it was', () => {
    // YAML reads an unquoted 2026-02-30 as 2 March; the text says otherwise.
    const yaml = { title: 'A', date: new Date(Date.UTC(2026, 1, 30)), updated: new Date('2026-03-05T00:00:00Z') };
    expect(datesAsWritten(yaml, '\ntitle: A\ndate: 2026-02-30   # the end of February\nupdated: 2026-3-5\n')).toEqual({
      title: 'A',
      date: '2026-02-30',
      updated: '2026-3-5',
    });
    expect(problems(datesAsWritten(yaml, '\ndate: 2026-02-30\n'))).toContain(
      'date: must be a real calendar date, got 2026-02-30 (February 2026 has 28 days)',
    );
  });

  test('values YAML left alone are left alone', () => {
    expect(datesAsWritten({ date: 'someday', title: 'date: 2026-01-01' }, '\ntitle: "date: 2026-01-01"\ndate: someday\n')).toEqual({
      date: 'someday',
      title: 'date: 2026-01-01',
    });
  });

  test("the loader wrapper reads each entry's file and hands parseData the dates as written", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'frontmatter-'));
    try {
      const file = join(folder, 'index.mdx');
      await writeFile(file, '---\ntitle: A\ndate: 2026-02-30\n---\nText.\n');
      const seen: unknown[] = [];
      const inner = {
        name: 'fake',
        load: async (context: {
          parseData: (props: { id: string; data: Record<string, unknown>; filePath?: string }) => Promise<unknown>;
        }) => {
          await context.parseData({ id: 'nlp/a', data: { title: 'A', date: new Date(Date.UTC(2026, 1, 30)) }, filePath: file });
        },
      };
      const wrapped = withDatesAsWritten(inner);
      expect(wrapped.name).toBe('fake');
      await wrapped.load({ parseData: async (props) => seen.push(props.data) });
      expect(seen).toEqual([{ title: 'A', date: '2026-02-30' }]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('tags', () => {
  test('a tag with no letter or digit is refused, naming it', () => {
    expect(problems({ ...GOOD, tags: ['nlp', '..', '!!!'] })).toEqual([
      'tags.1: ".." has no letter or digit, so it cannot have a tag page (its URL would be /tags//); use a word, or remove it',
      'tags.2: "!!!" has no letter or digit, so it cannot have a tag page (its URL would be /tags//); use a word, or remove it',
    ]);
  });

  test('non-ASCII and spelled-out tags are fine', () => {
    expect(problems({ ...GOOD, tags: ['深層学習', 'C++', 'C#', 'Ελληνικά'] })).toEqual([]);
  });
});

describe('text the feed cannot carry', () => {
  test('a control character in the title, the description or a tag is refused, naming the field and the character', () => {
    const base = { title: 'A post', date: '2026-01-01', description: 'One sentence.' };
    const now = new Date('2026-06-01T00:00:00Z');
    const problems = (fields: Record<string, unknown>) => {
      const result = readFrontmatter({ ...base, ...fields }, { now });
      return result.ok ? [] : result.problems;
    };
    expect(problems({ title: 'Sig\u0000moid' })).toEqual([
      { field: 'title', message: 'has a control character (U+0000), which the feed and the sitemap cannot carry; remove it' },
    ]);
    expect(problems({ description: 'bell\u0007' })[0]?.message).toContain('U+0007');
    expect(problems({ tags: ['nlp\u001b'] })[0]).toMatchObject({ field: 'tags.0' });
    expect(problems({ title: 'Tabs\tand — σ′ are fine' })).toEqual([]);
  });
});
