/** Bad input: Frontmatter, post folders and tags. See cases.ts. */
import { FILE, post, type BadInputCase } from './case-kit.ts';

/** Frontmatter that is fine but for `extra` lines, which are added to it. */
const frontmatter = (extra: string, date = '2026-01-01') =>
  `title: A Bad Post\ndate: ${date}\ndescription: A post with a mistake in it.\n${extra}`;

const SCHEMA = 'posts → nlp/bad-post data does not match collection schema';

export const CONTENT_CASES: readonly BadInputCase[] = [
  {
    name: 'A misspelt frontmatter key (drafts: true)',
    files: { [FILE]: post('Text.', frontmatter('drafts: true')) },
    mustSay: [FILE, SCHEMA, 'drafts: is not a frontmatter field; did you mean draft?'],
  },
  {
    name: 'A frontmatter key no post has',
    files: { [FILE]: post('Text.', frontmatter('author: Someone')) },
    mustSay: [
      FILE,
      SCHEMA,
      'author: is not a frontmatter field (the fields are title, date, updated, description, tags, draft); remove it',
    ],
  },
  {
    name: 'A title that YAML reads as a number',
    files: { [FILE]: post('Text.', 'title: 2026\ndate: 2026-01-01\ndescription: The title is a year.') },
    mustSay: [FILE, SCHEMA, 'title: must be a string, got the number 2026 (put it in quotes: "2026")'],
  },
  {
    name: 'Tags written as one string, not a list',
    files: { [FILE]: post('Text.', frontmatter('tags: nlp')) },
    mustSay: [FILE, SCHEMA, 'tags: must be a list such as [nlp, rnn], got the string "nlp"'],
  },
  {
    name: 'A date that is not in the calendar (2026-02-30)',
    files: { [FILE]: post('Text.', frontmatter('', '2026-02-30')) },
    mustSay: [FILE, SCHEMA, 'date: must be a real calendar date, got 2026-02-30 (February 2026 has 28 days)'],
  },
  {
    name: 'An updated date that is not in the calendar',
    files: { [FILE]: post('Text.', frontmatter('updated: 2026-11-31')) },
    mustSay: [FILE, SCHEMA, 'updated: must be a real calendar date, got 2026-11-31 (November 2026 has 30 days)'],
  },
  {
    name: 'A date in the future on a post that is not a draft',
    files: { [FILE]: post('Text.', frontmatter('', '2099-01-01')) },
    mustSay: [
      FILE,
      SCHEMA,
      'date: is 2099-01-01, more than a day in the future: a post is published on its date, so fix the date, or set draft: true until then',
    ],
  },
  {
    name: 'An updated date in the future on a post that is not a draft',
    files: { [FILE]: post('Text.', frontmatter('updated: 2099-01-01')) },
    mustSay: [FILE, SCHEMA, 'updated: is 2099-01-01, more than a day in the future'],
  },
  {
    name: 'A post folder that is not a slug (NLP/My Post)',
    files: { 'content/posts/NLP/My Post/index.mdx': post('Text.') },
    mustSay: [
      'content/posts/NLP/My Post/index.mdx: the category "NLP" and the slug "My Post" must be lower-case ASCII words joined by dashes',
      'rename the folder to content/posts/nlp/my-post/',
    ],
  },
  {
    name: 'A post without a category folder',
    files: { 'content/posts/my-post/index.mdx': post('Text.') },
    mustSay: ['content/posts/my-post/index.mdx', 'but it is in one folder, not two; move it to content/posts/<category>/my-post/'],
  },
  {
    name: 'A tag with no letter or digit (..)',
    files: { [FILE]: post('Text.', frontmatter('tags: [nlp, ..]')) },
    mustSay: [
      FILE,
      SCHEMA,
      'tags.1: ".." has no letter or digit, so it cannot have a tag page (its URL would be /tags//); use a word, or remove it',
    ],
  },
];
