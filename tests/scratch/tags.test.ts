/**
 * Tag pages from a scratch site whose tags collide and are not ASCII: tags that slug alike are one
 * page listing every post that carries any of them, named by the spelling of the tag's first use;
 * C++ and C# keep pages of their own; 深層学習 gets a page at /tags/深層学習/, which a browser's
 * percent-encoded request reaches.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';
import { serveStatic, type StaticServer } from '../../src/cli/static-server.ts';

const posts: Record<string, string> = {
  'content/posts/nlp/rnns/index.md': 'title: RNNs\ndate: 2026-01-10\ndescription: The older post.\ntags: [NLP, C++, 深層学習]',
  'content/posts/nlp/attention/index.md': 'title: Attention\ndate: 2026-03-01\ndescription: The newer post.\ntags: [nlp, C#, Nlp]',
  'content/posts/ml/dotnet/index.md': 'title: Dot Net\ndate: 2026-02-01\ndescription: The middle post.\ntags: [c-sharp, NLP]',
};

let site: ScratchSite;
let dist: string;
let server: StaticServer;

beforeAll(async () => {
  site = await scratchSite();
  for (const [path, frontmatter] of Object.entries(posts)) await site.write(path, `---\n${frontmatter}\n---\n\nWords.\n`);
  dist = join(site.root, 'dist');
  await buildSite(dist, site.root);
  server = await serveStatic(dist);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await site?.remove();
});

async function page(path: string) {
  return parseHTML(await readFile(join(dist, path, 'index.html'), 'utf8')).document;
}

const listed = (document: Document) => [...document.querySelectorAll('.post-list a')].map((a) => a.textContent);

describe('tag pages', () => {
  test('one page per tag slug, no page per spelling', async () => {
    expect((await readdir(join(dist, 'tags'))).sort()).toEqual(['c-plus-plus', 'c-sharp', 'index.html', 'nlp', '深層学習']);
  });

  test('NLP, nlp and Nlp are one tag: its page lists every post, newest first, under the first spelling used', async () => {
    const nlp = await page('tags/nlp');
    expect(listed(nlp)).toEqual(['Attention', 'Dot Net', 'RNNs']);
    expect(nlp.querySelector('h1')?.textContent).toBe('Posts tagged “NLP”');
  });

  test('C++ and C# have pages of their own; c-sharp is C#', async () => {
    expect(listed(await page('tags/c-plus-plus'))).toEqual(['RNNs']);
    const sharp = await page('tags/c-sharp');
    expect(listed(sharp)).toEqual(['Attention', 'Dot Net']);
    expect(sharp.querySelector('h1')?.textContent).toBe('Posts tagged “c-sharp”');
  });

  test('/tags/ lists each tag once, with its count and a link to its page', async () => {
    const index = await page('tags');
    const items = [...index.querySelectorAll('.tag-list li')].map((li) => [
      li.querySelector('a')?.textContent,
      li.querySelector('a')?.getAttribute('href'),
      li.querySelector('.tag-list__count')?.textContent,
    ]);
    expect(items).toEqual([
      ['c-sharp', 'c-sharp/', '(2)'],
      ['C++', 'c-plus-plus/', '(1)'],
      ['NLP', 'nlp/', '(3)'],
      ['深層学習', '深層学習/', '(1)'],
    ]);
  });

  test("a post links each of its tags to the tag's page, once however many spellings it has", async () => {
    const attention = await page('posts/nlp/attention');
    expect([...attention.querySelectorAll('.post__tags a')].map((a) => a.getAttribute('href'))).toEqual([
      '../../../tags/nlp/',
      '../../../tags/c-sharp/',
    ]);
  });

  test('深層学習 has a page with a readable URL, which the percent-encoded request a browser sends reaches', async () => {
    expect(listed(await page('tags/深層学習'))).toEqual(['RNNs']);
    const rnns = await page('posts/nlp/rnns');
    expect([...rnns.querySelectorAll('.post__tags a')].map((a) => a.getAttribute('href'))).toContain('../../../tags/深層学習/');
    const url = new URL('/tags/深層学習/', server.origin);
    expect(url.pathname).toBe('/tags/%E6%B7%B1%E5%B1%A4%E5%AD%A6%E7%BF%92/');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Posts tagged “深層学習”');
  });

  test('the sitemap lists each tag page once', async () => {
    const xml = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    const tags = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURI(m[1]!)).filter((url) => url.includes('/tags/'));
    expect(tags.sort()).toEqual([
      'https://example.org/tags/',
      'https://example.org/tags/c-plus-plus/',
      'https://example.org/tags/c-sharp/',
      'https://example.org/tags/nlp/',
      'https://example.org/tags/深層学習/',
    ]);
  });
});
