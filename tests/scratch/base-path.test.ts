/**
 * The site under a sub-path: built with BLOG_BASE=/blog/, every internal link and asset resolves to
 * a file of the build, and the canonical, feed and sitemap URLs carry /blog/. A second post also
 * shows the older/newer links.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildSite } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';

let site: ScratchSite;
let dist: string;

const SECOND = `---
title: A Second Post
date: 2026-12-01
description: Newer than the first.
tags: [nlp]
---

## Only Section

Words.
`;

beforeAll(async () => {
  site = await scratchSite({ withPosts: true });
  await site.write('content/posts/nlp/a-second-post/index.md', SECOND);
  dist = join(site.root, 'dist');
  await buildSite(dist, site.root, { BLOG_BASE: '/blog/', BLOG_SITE: 'https://example.org' });
}, 120_000);

afterAll(async () => {
  await site?.remove();
});

async function htmlFiles(): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

async function exists(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info) return false;
  return info.isDirectory() ? exists(join(path, 'index.html')) : true;
}

describe('built under /blog/', () => {
  test('every internal link and asset of every page resolves to a file of the build', async () => {
    const broken: string[] = [];
    for (const file of await htmlFiles()) {
      const { document } = parseHTML(await readFile(file, 'utf8'));
      for (const element of document.querySelectorAll('[href], [src]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src')!;
        if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(url)) continue;
        const path = decodeURIComponent(url.split(/[?#]/)[0]!);
        // 404.html is served at whatever address has no file: its URLs are root-relative, with the base.
        const servedAnywhere = file === join(dist, '404.html');
        if (servedAnywhere) expect(url.startsWith('/blog/'), `${file}: ${url} should start with the base`).toBe(true);
        else expect(url.startsWith('/'), `${file}: ${url} should be relative`).toBe(false);
        const target = servedAnywhere ? join(dist, path.slice('/blog/'.length)) : join(dirname(file), path);
        if (!(await exists(target))) broken.push(`${file.slice(dist.length)} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('canonical, feed and sitemap URLs carry the base', async () => {
    const post = await readFile(join(dist, 'posts/nlp/rnns-and-vanishing-gradients/index.html'), 'utf8');
    expect(post).toContain('<link rel="canonical" href="https://example.org/blog/posts/nlp/rnns-and-vanishing-gradients/">');
    expect(post).toContain('href="https://example.org/blog/rss.xml"');
    const feed = await readFile(join(dist, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual([
      'https://example.org/blog/',
      'https://example.org/blog/posts/nlp/a-second-post/',
      'https://example.org/blog/posts/nlp/rnns-and-vanishing-gradients/',
    ]);
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(3);
    expect(locs.every((loc) => loc.startsWith('https://example.org/blog/'))).toBe(true);
  });

  test('posts link to the older and newer post, and the home page lists the newest first', async () => {
    const { document: first } = parseHTML(await readFile(join(dist, 'posts/nlp/rnns-and-vanishing-gradients/index.html'), 'utf8'));
    expect(first.querySelector('.post-nav__newer')?.getAttribute('href')).toBe('../a-second-post/');
    expect(first.querySelector('.post-nav__older')).toBeNull();
    const { document: second } = parseHTML(await readFile(join(dist, 'posts/nlp/a-second-post/index.html'), 'utf8'));
    expect(second.querySelector('.post-nav__older')?.textContent).toContain('RNNs and Vanishing Gradients');
    const { document: home } = parseHTML(await readFile(join(dist, 'index.html'), 'utf8'));
    expect([...home.querySelectorAll('.post-list a')].map((a) => a.textContent)).toEqual(['A Second Post', 'RNNs and Vanishing Gradients']);
  });
});
