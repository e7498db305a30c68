/**
 * A post's frontmatter, read strictly: every key known, every value of the right type, every date
 * a real calendar date no later than tomorrow (drafts excepted), every tag one that can have a
 * page. src/content.config.ts runs `readFrontmatter` as the posts collection's schema; each
 * problem it finds becomes one line of the build's error, "<field>: <message>", under the file.
 *
 * YAML turns an unquoted 2026-02-30 into 2 March before any schema sees it, so `withDatesAsWritten`
 * wraps the posts' loader and hands the schema the dates as the author wrote them.
 */
import { codePointName, NOT_IN_XML } from './xml-text.ts';
import { readFile } from 'node:fs/promises';
import { tagSlugOrEmpty } from './tags.ts';

/** A post's frontmatter once read. */
export interface PostFrontmatter {
  title: string;
  date: Date;
  updated?: Date;
  description: string;
  tags: string[];
  draft: boolean;
}

/** One thing wrong with the frontmatter: the field it is about ("tags.1"), and what is wrong. */
export interface FrontmatterProblem {
  readonly field: string;
  readonly message: string;
}

export type FrontmatterResult = { ok: true; data: PostFrontmatter } | { ok: false; problems: FrontmatterProblem[] };

/** The keys a post's frontmatter may have, in the order the messages list them. */
export const FRONTMATTER_KEYS = ['title', 'date', 'updated', 'description', 'tags', 'draft'] as const;

/** Keys other blog engines use, and the field they mean here. */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  pubdate: 'date',
  publishdate: 'date',
  created: 'date',
  updateddate: 'updated',
  modified: 'updated',
  lastmod: 'updated',
  lastmodified: 'updated',
  summary: 'description',
  excerpt: 'description',
  desc: 'description',
  abstract: 'description',
  tag: 'tags',
  keywords: 'tags',
  categories: 'tags',
  unpublished: 'draft',
  hidden: 'draft',
};

/** Keys that name something the folder already says. */
const FOLDER_KEYS: Readonly<Record<string, string>> = {
  category: 'the category is the first folder under content/posts (content/posts/<category>/<slug>/)',
  slug: "the slug is the post's folder name (content/posts/<category>/<slug>/)",
};

/** A day, in milliseconds: how far ahead of the build's clock a published post's date may be. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** The months' names, for messages about days that do not exist. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Optimal string alignment distance (Levenshtein with swaps of neighbours), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known key an unknown one most likely meant, or undefined: the same key in another case or
 * with dashes or underscores ("Title", "up_dated"), another engine's name for it ("pubDate",
 * "summary"; "published" is the date, or with true or false the draft flag), the one key it begins
 * ("descr", "upd"), or the nearest key at most a third of its length away ("drafts", "tittle").
 */
export function nearestKey(key: string, value?: unknown): string | undefined {
  const folded = key.toLowerCase().replace(/[-_\s]/g, '');
  const same = FRONTMATTER_KEYS.find((known) => known === folded);
  if (same) return same;
  if (folded === 'published') return typeof value === 'boolean' ? 'draft' : 'date';
  if (OTHER_NAMES[folded]) return OTHER_NAMES[folded];
  const begun = FRONTMATTER_KEYS.filter((known) => folded.length >= 3 && known.startsWith(folded));
  if (begun.length === 1) return begun[0];
  let best: { key: string; distance: number } | undefined;
  for (const known of FRONTMATTER_KEYS) {
    const distance = editDistance(folded, known);
    if (!best || distance < best.distance) best = { key: known, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/** A value as a message names it: "the number 2026", "the string "nlp"", "a list", "true". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (the field is empty)';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${isoDay(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping (key: value pairs)';
  return `a ${typeof value}`;
}

/** A number or boolean YAML read as such, which the author most likely meant as text: quote it. */
function quoteHint(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' ? ` (put it in quotes: "${String(value)}")` : '';
}

/** YYYY-MM-DD of a date, in UTC. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A date written YYYY-MM-DD, read as midnight UTC on that day; otherwise a message saying what is
 * wrong with it ("must be a real calendar date, got 2026-02-30 (February 2026 has 28 days)").
 * Unlike `new Date`, nothing rolls over: 2026-02-30 is refused, not read as 2 March.
 */
export function parseCalendarDate(text: string): { date: Date } | { problem: string } {
  const written = text.trim();
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(written);
  if (!loose) return { problem: `must be a date such as 2026-11-28, got ${describeValue(text)}` };
  const [year, month, day] = loose.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return { problem: `must be a real calendar date, got ${written} (months run from 01 to 12)` };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    return { problem: `must be a real calendar date, got ${written} (${MONTHS[month - 1]} ${year} has ${days} days)` };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(written)) return { problem: `must be written YYYY-MM-DD, as ${isoDay(date)}; got "${written}"` };
  return { date };
}

/** Reads one of the date fields; `required` says why the field is needed when it is missing. */
function readDate(value: unknown, required?: string): { date?: Date; problem?: string } {
  if (value === undefined) return required ? { problem: `is required: ${required}` } : {};
  if (value instanceof Date) {
    // Only when the loader could not recover the text as written (see withDatesAsWritten).
    return Number.isNaN(value.getTime()) ? { problem: 'must be a date such as 2026-11-28' } : { date: value };
  }
  if (typeof value !== 'string') return { problem: `must be a date such as 2026-11-28, got ${describeValue(value)}` };
  const parsed = parseCalendarDate(value);
  return 'date' in parsed ? { date: parsed.date } : { problem: parsed.problem };
}

/** Reads a required line of text (title, description). */
function readText(value: unknown, why: string): { text?: string; problem?: string } {
  if (value === undefined) return { problem: `is required: ${why}` };
  if (value === null) return { problem: `is empty: ${why}` };
  if (typeof value !== 'string') return { problem: `must be a string, got ${describeValue(value)}${quoteHint(value)}` };
  if (value.trim() === '') return { problem: 'must not be empty' };
  if (NOT_IN_XML.test(value)) return { problem: unprintable(value) };
  return { text: value };
}

/** The message for text with a character the feed's XML cannot hold. */
function unprintable(text: string): string {
  return `has a control character (${codePointName(text)}), which the feed and the sitemap cannot carry; remove it`;
}

/**
 * The message for a tag that cannot be one, or undefined for a good tag: it must be a string with
 * at least one letter or digit, so that it has a tag page (see src/lib/tags.ts).
 */
export function tagProblem(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return `must be a string, got ${describeValue(tag)}${quoteHint(tag)}`;
  if (tag.trim() === '') return 'is empty: write the tag or remove it';
  if (NOT_IN_XML.test(tag)) return unprintable(tag);
  if (!tagSlugOrEmpty(tag)) {
    return `${JSON.stringify(tag)} has no letter or digit, so it cannot have a tag page (its URL would be /tags//); use a word, or remove it`;
  }
  return undefined;
}

/**
 * Reads a post's frontmatter (as YAML parsed it, dates as written), checking everything; `now` is
 * the build's clock, for dates in the future.
 */
export function readFrontmatter(input: unknown, { now = new Date() }: { now?: Date } = {}): FrontmatterResult {
  const problems: FrontmatterProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (input === null || typeof input !== 'object' || Array.isArray(input) || input instanceof Date) {
    return { ok: false, problems: [{ field: '', message: `the frontmatter must be key: value lines, got ${describeValue(input)}` }] };
  }
  const fields = input as Record<string, unknown>;

  for (const key of Object.keys(fields)) {
    if ((FRONTMATTER_KEYS as readonly string[]).includes(key)) continue;
    const folder = FOLDER_KEYS[key.toLowerCase()];
    if (folder) {
      problem(key, `is not a frontmatter field: ${folder}; remove it`);
      continue;
    }
    const near = nearestKey(key, fields[key]);
    const known = `the fields are ${FRONTMATTER_KEYS.join(', ')}`;
    // "published: false" means a draft, but draft: true is how to say it.
    const inverse = near === 'draft' && /publish/i.test(key) ? 'draft: true keeps a post out of the build; ' : '';
    problem(
      key,
      near ? `is not a frontmatter field; did you mean ${near}? (${inverse}${known})` : `is not a frontmatter field (${known}); remove it`,
    );
  }

  const title = readText(fields.title, 'the post needs a title');
  if (title.problem) problem('title', title.problem);

  const date = readDate(fields.date, 'the day the post is published, such as 2026-11-28');
  if (date.problem) problem('date', date.problem);
  const updated = readDate(fields.updated);
  if (updated.problem) problem('updated', updated.problem);

  const description = readText(fields.description, 'one sentence for the home page and feeds');
  if (description.problem) problem('description', description.problem);

  let tags: string[] = [];
  if (fields.tags !== undefined && fields.tags !== null) {
    if (!Array.isArray(fields.tags)) {
      problem('tags', `must be a list such as [nlp, rnn], got ${describeValue(fields.tags)}`);
    } else {
      fields.tags.forEach((tag: unknown, index) => {
        const wrong = tagProblem(tag);
        if (wrong) problem(`tags.${index}`, wrong);
      });
      // Tags that make one tag page are one tag: the first spelling in the list stays.
      const seen = new Set<string>();
      tags = (fields.tags as unknown[])
        .filter((tag): tag is string => tagProblem(tag) === undefined)
        .filter((tag) => {
          const slug = tagSlugOrEmpty(tag);
          if (seen.has(slug)) return false;
          seen.add(slug);
          return true;
        });
    }
  }

  let draft = false;
  if (fields.draft !== undefined && fields.draft !== null) {
    if (typeof fields.draft !== 'boolean') problem('draft', `must be true or false, got ${describeValue(fields.draft)}`);
    else draft = fields.draft;
  }

  if (!draft) {
    const limit = now.getTime() + FUTURE_SLACK_MS;
    for (const [field, value] of [
      ['date', date.date],
      ['updated', updated.date],
    ] as const) {
      if (value && value.getTime() > limit) {
        problem(
          field,
          `is ${isoDay(value)}, more than a day in the future: a post is published on its date, so fix the date, or set draft: true until then`,
        );
      }
    }
  }
  if (date.date && updated.date && updated.date < date.date) {
    problem(
      'updated',
      `is ${isoDay(updated.date)}, before the post's date (${isoDay(date.date)}): a post is updated on or after the day it is published`,
    );
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    data: {
      title: title.text!,
      date: date.date!,
      ...(updated.date ? { updated: updated.date } : {}),
      description: description.text!,
      tags,
      draft,
    },
  };
}

/** The frontmatter text of a file (between its opening and closing ---), or undefined if it has none. */
export function frontmatterText(source: string): string | undefined {
  // The pattern Astro's own frontmatter reader uses, for YAML.
  return /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/.exec(source)?.[1];
}

/**
 * `data` with each date YAML made from a top-level date field (`date: 2026-02-30`) put back as the
 * text in `frontmatter`, so the schema checks what the author wrote. Values YAML left alone, and
 * dates whose text cannot be found (written as anchors or tags, say), are kept as they are.
 */
export function datesAsWritten(data: Record<string, unknown>, frontmatter: string): Record<string, unknown> {
  const out = { ...data };
  for (const key of ['date', 'updated']) {
    if (!(out[key] instanceof Date)) continue;
    const line = new RegExp(`^${key}[ \\t]*:[ \\t]*([^\\r\\n]*)$`, 'm').exec(frontmatter);
    // A plain scalar ends at a comment; YAML makes dates only from plain scalars.
    const written = line?.[1]!.replace(/[ \t]+#.*$/, '').trim();
    if (written && /^\d{4}-\d{1,2}-\d{1,2}/.test(written)) out[key] = written;
  }
  return out;
}

/** The part of Astro's loader context this wrapper uses. */
interface ParseDataContext {
  parseData: (props: { id: string; data: Record<string, unknown>; filePath?: string }) => Promise<unknown>;
}

/**
 * Wraps a content loader (the posts' glob loader) so that the schema sees `date` and `updated` as
 * written in the file: before each entry is validated, its file is read again and its dates put back
 * as text (`datesAsWritten`).
 */
export function withDatesAsWritten<L extends { load: (context: never) => unknown }>(loader: L): L {
  const load = loader.load as (context: ParseDataContext) => unknown;
  return {
    ...loader,
    load: (context: ParseDataContext) =>
      load({
        ...context,
        parseData: async (props) => {
          const source = props.filePath ? await readFile(props.filePath, 'utf8').catch(() => undefined) : undefined;
          const frontmatter = source === undefined ? undefined : frontmatterText(source);
          return context.parseData(frontmatter === undefined ? props : { ...props, data: datesAsWritten(props.data, frontmatter) });
        },
      }),
  };
}
