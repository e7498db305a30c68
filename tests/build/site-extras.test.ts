/**
 * What a research blog's site carries beside its pages, in the repository's own build: robots.txt
 * pointing at the sitemap, the feed's language, last build date and authors (src/site.config.ts),
 * and a 404 page whose links work at whatever address a host serves it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { readPage } from '../support/site.ts';
import { SITE } from '../../src/site.config.ts';

const distDir = inject('distDir');

describe('robots.txt, the feed and the 404 page', () => {
  test('robots.txt allows everything and points at the sitemap index', async () => {
    expect(await readFile(join(distDir, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n',
    );
  });

  test('the feed says its language, when its newest post came out, and who wrote each post', async () => {
    const xml = await readFile(join(distDir, 'rss.xml'), 'utf8');
    expect(xml).toContain(`xmlns:dc="http://purl.org/dc/elements/1.1/"`);
    expect(xml).toContain(`<language>${SITE.language}</language>`);
    // The seed post's date, 28 November 2026: the same in every build, whatever the clock says.
    expect(xml).toContain('<lastBuildDate>Sat, 28 Nov 2026 00:00:00 GMT</lastBuildDate>');
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
    for (const item of items) expect(item).toContain(`<dc:creator>${SITE.authors[0]!.name}</dc:creator>`);
  });

  test('the 404 page links with root-relative addresses, so it works wherever it is served', async () => {
    const { document } = await readPage(distDir, '404.html');
    expect(document.querySelector('h1')?.textContent).toBe('Page not found');
    const links = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/', '/archive/', '/tags/']);
    const assets = [...document.querySelectorAll('link[rel="stylesheet"], script[src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src'),
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset, 'every asset from the root').toMatch(/^\//);
  });

  test('the sitemap lists neither the 404 page nor the offline files', async () => {
    const xml = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
    expect(xml).not.toMatch(/404|offline\.html/);
  });
});
