import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { robotsTxt } from '~/lib/robots.ts';
import { feedChannelExtras, feedCreators } from '~/lib/feed/feed-meta.ts';
import { escapeXml } from '~/lib/xml-text.ts';

describe('robots.txt', () => {
  it('points at the sitemap index under the base path', () => {
    expect(robotsTxt(new URL('https://me.example'), '/blog/')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://me.example/blog/sitemap-index.xml\n',
    );
    expect(robotsTxt(new URL('https://me.example/'), '/')).toContain('Sitemap: https://me.example/sitemap-index.xml');
  });

  it('gives no Sitemap line without a site URL', () => {
    expect(robotsTxt(undefined, '/')).toBe('User-agent: *\nAllow: /\n');
  });
});

describe("the feed's extra fields", () => {
  it('says the language, and the newest post or update as the last build date, whatever the clock', () => {
    const extras = feedChannelExtras('en', [new Date('2026-01-02'), new Date('2026-11-30'), new Date('2025-05-05')]);
    expect(extras).toBe('<language>en</language><lastBuildDate>Mon, 30 Nov 2026 00:00:00 GMT</lastBuildDate>');
    expect(feedChannelExtras('en', [])).toBe('<language>en</language>');
  });

  it('names each author as a dc:creator, escaped', () => {
    const xml = feedCreators([{ name: 'Ada <Lovelace> & "Co"' }, { name: 'B' }]);
    expect(xml).toBe('<dc:creator>Ada &#60;Lovelace&#62; &#38; &#34;Co&#34;</dc:creator><dc:creator>B</dc:creator>');
    const { document } = parseHTML(`<x xmlns:dc="dc">${xml}</x>`);
    expect([...document.querySelectorAll('x > *')].map((node) => node.textContent)).toEqual(['Ada <Lovelace> & "Co"', 'B']);
  });

  it('escapes what XML would read as markup and drops what it cannot hold', () => {
    expect(escapeXml('a<b>&\'"\u0000c')).toBe('a&#60;b&#62;&#38;&#39;&#34;c');
  });
});
