/**
 * The pure half of `npm run new-post`: reading its arguments and writing the text of a new post's
 * three files. src/cli/new-post.ts puts them on disk.
 *
 * A new post builds as it is: its figures.ts computes the sigmoid and its gradient with the
 * src/lib helpers and builds a chart with a builder, its index.mdx shows the chart, a listing cut
 * from figures.ts and output printed from the numbers, and its figures.test.ts checks those
 * numbers against closed forms it computes itself.
 */
import { parseArgs } from 'node:util';
import { assertSlug, slugify } from './slug.ts';

export const USAGE = `Usage: npm run new-post -- --category <category> [--slug <slug>] [--date YYYY-MM-DD] [--description <text>] [--tag <tag>]... "<Title>"

Creates content/posts/<category>/<slug>/ with index.mdx, figures.ts and figures.test.ts.
The slug comes from the title: "RNNs & Vanishing Gradients!" becomes rnns-vanishing-gradients.
  --category     the folder under content/posts, e.g. nlp (lower-case words joined by dashes)
  --slug         the post's folder and URL instead of the title's (lower-case words joined by dashes)
  --date         the post's date (default: today, UTC)
  --description  one sentence for the home page and feeds (default: a sentence to replace)
  --tag          a tag, repeatable (default: the category)`;

/** A mistake in the command line; the CLI prints the message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface NewPost {
  readonly title: string;
  readonly category: string;
  /** The folder's name and the URL's last part: --slug, or the title's slug. */
  readonly slug: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly description: string;
  readonly tags: readonly string[];
}

export const DEFAULT_DESCRIPTION = 'A new post: replace this sentence with one for the home page and feeds.';

/** Today's date in UTC as YYYY-MM-DD. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Throws a UsageError unless `date` is a real calendar date written YYYY-MM-DD. */
export function assertDate(date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = (match ?? []).slice(1).map(Number) as [number, number, number];
  const valid = match && new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === date;
  if (!valid) throw new UsageError(`--date must be a date written YYYY-MM-DD, such as 2026-11-28; got "${date}"`);
}

/** Runs `check`, turning the RangeError it throws about a bad value into a UsageError. */
function asUsage(check: () => void): void {
  try {
    check();
  } catch (error) {
    throw error instanceof RangeError ? new UsageError(error.message) : error;
  }
}

/**
 * Reads `new-post`'s arguments (without node and the script). The title is the positional
 * arguments joined by spaces, so quotes are optional. `now` gives the default date.
 */
export function parseNewPostArgs(argv: readonly string[], now: Date = new Date()): NewPost {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        category: { type: 'string' },
        slug: { type: 'string' },
        date: { type: 'string' },
        description: { type: 'string' },
        tag: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const title = positionals.join(' ').trim();
  if (!title) throw new UsageError('give the post a title, e.g. "RNNs & Vanishing Gradients"');
  if (/[\p{Cc}]/u.test(title)) throw new UsageError('the title must be one line of text without control characters');
  if (values.category === undefined) throw new UsageError('give the category with --category, e.g. --category nlp');
  const category = values.category;
  asUsage(() => assertSlug('--category', category));
  let slug = '';
  asUsage(() => {
    if (values.slug !== undefined) assertSlug('--slug', values.slug);
    slug = values.slug ?? slugify(title);
  });
  const date = values.date ?? isoDate(now);
  assertDate(date);
  const description = (values.description ?? DEFAULT_DESCRIPTION).trim();
  if (!description || /[\p{Cc}]/u.test(description)) throw new UsageError('--description must be one non-empty line of text');
  const tags = values.tag?.length ? values.tag : [category];
  for (const tag of tags) asUsage(() => assertSlug('--tag', tag));
  return { title, category, slug, date, description, tags: [...new Set(tags)] };
}

/** The post's folder relative to the site's root: content/posts/<category>/<slug>. */
export function postFolder(post: Pick<NewPost, 'category' | 'slug'>): string {
  return `content/posts/${post.category}/${post.slug}`;
}

/** The post's URL path under the site: /posts/<category>/<slug>/. */
export function postUrl(post: Pick<NewPost, 'category' | 'slug'>): string {
  return `/posts/${post.category}/${post.slug}/`;
}

/** A YAML scalar for any one-line text: a double-quoted string, whose escapes are JSON's. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** index.mdx: frontmatter, a paragraph to replace, a listing, the chart and the printed output. */
export function indexMdx(post: NewPost): string {
  const figures = `${postFolder(post)}/figures.ts`;
  return `---
title: ${yamlString(post.title)}
date: ${post.date}
description: ${yamlString(post.description)}
tags: [${post.tags.join(', ')}]
---

import { PrintedOutput, SourceListing, VegaChart } from '~/components/index.ts';
import source from './figures.ts?raw';
import { chart, summary } from './figures.ts';

export const FIGURES = '${figures}';

Write the post here. The chart, the listings and the printed output below are computed from
\`figures.ts\` when the site is built: change the numbers there and all of them follow.

## The Data

<SourceListing source={source} region="data" file={FIGURES} />

## The Chart

<SourceListing source={source} region="chart" file={FIGURES} />

<VegaChart
  id="sigmoid-and-gradient"
  spec={chart}
  caption="The sigmoid (blue) and its gradient (red)."
/>

## What It Prints

<SourceListing source={source} region="summary" file={FIGURES} />

<PrintedOutput text={summary} />
`;
}

/** figures.ts: the sigmoid and its gradient over linspace(-6, 6, 61), a chart, and a summary. */
export function figuresTs(): string {
  return `/**
 * This post's numbers and chart, computed at build time. The post shows the regions between the
 * \`#region\` markers as its code listings, so what a reader sees is what ran.
 */
// #region imports
import { linspace } from '~/lib/numeric.ts';
import { sigmoid, sigmoidGradient } from '~/lib/activations.ts';
import { layeredLineChart } from '~/lib/charts/builders.ts';
import { PLOT } from '~/lib/charts/theme.ts';
// #endregion imports

// #region data
export const x = linspace(-6, 6, 61);
export const activations = x.map(sigmoid);
export const gradients = activations.map(sigmoidGradient);
// #endregion data

// #region chart
export const chart = layeredLineChart(
  [
    { name: 'Sigmoid', x, y: activations, color: PLOT.colors.blue },
    { name: 'Gradient', x, y: gradients, color: PLOT.colors.red },
  ],
  { xTitle: 'x', yTitle: 'σ(x) and σ′(x)' },
);
// #endregion chart

// #region summary
const largest = Math.max(...gradients);
const at = x[gradients.indexOf(largest)] ?? Number.NaN;
export const summary = [
  \`points : \${x.length}\`,
  \`largest gradient : \${largest.toFixed(5)} at x = \${at.toFixed(2)}\`,
].join('\\n');
// #endregion summary
`;
}

/**
 * figures.test.ts, in two parts. Every chart figures.ts exports is rendered as the build renders
 * it (this keeps passing whatever the post becomes). The starter's numbers are checked against
 * closed forms, σ(x) = (1 + tanh(x / 2)) / 2 and σ′(x) = 1 / (4 cosh²(x / 2)); once figures.ts no
 * longer exports them, those checks fail saying to replace them with checks of the new numbers.
 */
export function figuresTestTs(): string {
  return `/**
 * This post's figures, tested.
 *
 * 1. Every chart figures.ts exports is rendered as the build renders it: a spec the build would
 *    refuse fails here first, with the same message. This part keeps working as the post changes.
 * 2. The starter's numbers (the sigmoid and its gradient) are checked against values computed
 *    another way, from closed forms. When you rewrite figures.ts, replace these checks with checks
 *    of your own numbers: against a closed form, or against numpy's (see the README).
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart } from '~/lib/charts/render.ts';
import * as figures from './figures.ts';

/** The exports that are Vega-Lite specs: the charts the post can show. */
const charts = Object.entries(figures).filter(
  (entry): entry is [string, TopLevelSpec] =>
    typeof entry[1] === 'object' && entry[1] !== null && String((entry[1] as { $schema?: unknown }).$schema).includes('vega-lite'),
);

describe('every chart in figures.ts', () => {
  test('figures.ts exports at least one chart', () => {
    expect(charts.map(([name]) => name), 'export the Vega-Lite spec of each chart the post shows from figures.ts').not.toEqual([]);
  });
  test.each(charts)('%s renders as the build renders it, and says what it shows', async (name, spec) => {
    const chart = await renderChart(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart', spec);
    expect(chart.svg).toMatch(/^<svg/);
    expect((spec as { description?: unknown }).description, \`give \${name} a description (the builders write one)\`).toBeTruthy();
  });
});

/** Element-wise |actual − expected| ≤ rel × |expected|, naming every index that is off. */
function expectClose(actual: readonly number[], expected: readonly number[], rel = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  const failures = actual.flatMap((a, i) => {
    const e = expected[i] ?? Number.NaN;
    return Math.abs(a - e) <= rel * Math.abs(e) ? [] : [\`index \${i}: got \${a}, expected \${e}\`];
  });
  expect(failures).toEqual([]);
}

const starter = figures as Partial<Record<'x' | 'activations' | 'gradients', number[]>> & { summary?: string };
const REPLACE = 'figures.ts no longer has the starter sigmoid: replace the checks of the starter numbers in figures.test.ts with checks of your own numbers';

describe('the starter numbers', () => {
  const N = 61;
  const STEP = 12 / (N - 1);
  const x = () => {
    expect(starter.x, REPLACE).toBeInstanceOf(Array);
    return starter.x!;
  };

  test('x is 61 evenly spaced points from -6 to 6', () => {
    expect(x()).toHaveLength(N);
    expect(x()[0]).toBe(-6);
    expect(x()[N - 1]).toBe(6);
    x().forEach((value, i) => expect(Math.abs(value - (-6 + i * STEP))).toBeLessThanOrEqual(1e-12));
  });

  test('the activations are the sigmoid: (1 + tanh(x / 2)) / 2', () => {
    expect(starter.activations, REPLACE).toBeInstanceOf(Array);
    expectClose(starter.activations!, x().map((v) => (1 + Math.tanh(v / 2)) / 2));
  });

  test('the gradients are the derivative of the sigmoid: 1 / (4 cosh²(x / 2))', () => {
    expect(starter.gradients, REPLACE).toBeInstanceOf(Array);
    expectClose(starter.gradients!, x().map((v) => 1 / (4 * Math.cosh(v / 2) ** 2)));
  });

  test('the summary prints the largest gradient, 1/4 at x = 0', () => {
    expect(starter.summary, REPLACE).toBe([\`points : \${N}\`, \`largest gradient : \${(1 / 4).toFixed(5)} at x = \${(0).toFixed(2)}\`].join('\\n'));
  });
});
`;
}

/** The files of a new post, by path relative to the site's root. */
export function newPostFiles(post: NewPost): Record<string, string> {
  const folder = postFolder(post);
  return {
    [`${folder}/index.mdx`]: indexMdx(post),
    [`${folder}/figures.ts`]: figuresTs(),
    [`${folder}/figures.test.ts`]: figuresTestTs(),
  };
}
