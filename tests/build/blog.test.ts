/** The blog around the posts, in the repository's own build: tags, archive, feed, sitemap, post header. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, test } from 'vitest';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');

describe('pages around the posts', () => {
  test('each tag has a page listing its posts, and /tags/ lists the tags', async () => {
    const { document: tags } = await readPage(distDir, 'tags/');
    const names = [...tags.querySelectorAll('.tag-list a')].map((a) => a.textContent);
    expect(names).toEqual(['gradients', 'nlp', 'rnn']);
    const { document: nlp } = await readPage(distDir, 'tags/nlp/');
    expect([...nlp.querySelectorAll('.post-list a')].map((a) => a.getAttribute('href'))).toEqual([`../../${POST_PATH}`]);
  });

  test('the archive lists posts by year', async () => {
    const { document } = await readPage(distDir, 'archive/');
    expect([...document.querySelectorAll('main h2')].map((h) => h.textContent)).toEqual(['2026']);
    expect(document.querySelector('.post-list a')?.textContent).toBe('RNNs and Vanishing Gradients');
  });

  test('the post shows its date, reading time, tags and a table of contents from its headings', async () => {
    const { document } = await readPage(distDir, POST_PATH);
    const meta = document.querySelector('.post__meta')?.textContent ?? '';
    expect(meta).toMatch(/28 November 2026/);
    expect(meta).toMatch(/\d+ min read/);
    expect([...document.querySelectorAll('.post__tags a')].map((a) => a.getAttribute('href'))).toEqual([
      '../../../tags/nlp/',
      '../../../tags/rnn/',
      '../../../tags/gradients/',
    ]);
    const toc = [...document.querySelectorAll('.toc a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(toc).toContainEqual(['Plotting the Sigmoid', '#plotting-the-sigmoid']);
    for (const [, href] of toc) expect(document.getElementById(href!.slice(1)), href!).not.toBeNull();
  });

  test('the feed carries each post in full, figures as inline SVG and math as MathML, with no script', async () => {
    const xml = await readFile(join(distDir, 'rss.xml'), 'utf8');
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
    expect(items).toHaveLength(1);
    expect(/<link>([^<]+)<\/link>/.exec(items[0]!)?.[1]).toBe(`https://example.org/${POST_PATH}`);
    // content:encoded holds the post's HTML, escaped as XML text.
    const encoded = /<content:encoded>([\s\S]*?)<\/content:encoded>/.exec(items[0]!)![1]!;
    const html = encoded
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&');
    const content = parseHTML(`<html><body>${html}</body></html>`).document;
    expect(content.querySelectorAll('figure.chart svg').length).toBe(2);
    // The tables and specs stay on the page; each figure links to itself there.
    expect(content.querySelectorAll('table, details').length).toBe(0);
    expect([...content.querySelectorAll('.chart__elsewhere a')].map((a) => a.getAttribute('href'))).toEqual([
      `https://example.org/${POST_PATH}#sigmoid-and-tangent`,
      `https://example.org/${POST_PATH}#cumulative-gradient`,
    ]);
    expect(content.querySelector('math annotation')?.textContent).toBe('\\sigma(x=0) \\implies 0.5');
    expect(content.querySelectorAll('script').length).toBe(0);
    expect(content.querySelector('.printed__text')?.textContent).toContain('gradient : 0.25000');
  });

  test('the sitemap lists every page at its full address', async () => {
    const xml = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://example.org/',
        `https://example.org/${POST_PATH}`,
        'https://example.org/tags/nlp/',
        'https://example.org/archive/',
      ]),
    );
  });
});
