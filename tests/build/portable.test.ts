/**
 * The built HTML is portable: relative URLs only, a strict CSP meta tag on every page, and a
 * self-contained offline.html next to each post that the post links to.
 */
import { readdir, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { SITE_POLICY } from '../../src/lib/html/csp.ts';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');

async function htmlFiles(): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name).slice(distDir.length + 1));
}

describe('every built page', () => {
  test("refers to the site's own files by relative URLs, so it works from any folder and from disk", async () => {
    // But 404.html, which a host serves at whatever address has no file: its URLs stay
    // root-relative (tests/build/site-extras.test.ts).
    for (const file of (await htmlFiles()).filter((name) => name !== '404.html')) {
      const html = await readFile(join(distDir, file), 'utf8');
      const rootRelative = [...html.matchAll(/<[a-z][^<>]*\s(?:src|href)="(\/[^/"][^"]*|\/)"/g)].map((m) => m[1]);
      expect(rootRelative, file).toEqual([]);
    }
  });

  test('carries the strict CSP: scripts from the site only, no unsafe-inline or unsafe-eval for scripts', async () => {
    for (const file of await htmlFiles()) {
      const { document } = await readPage(distDir, file);
      const policies = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute('content')!);
      expect(policies, file).toHaveLength(1);
      const scriptSrc = /script-src ([^;]*)/.exec(policies[0]!)![1]!;
      expect(scriptSrc, file).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      if (!file.endsWith('offline.html')) expect(policies[0]).toBe(SITE_POLICY);
      // No executable inline script: only JSON data blocks may be inline (and in offline.html, hashed code).
      const inlineCode = [...document.querySelectorAll('script:not([src])')].filter((s) => s.getAttribute('type') !== 'application/json');
      if (!file.endsWith('offline.html')) expect(inlineCode, file).toHaveLength(0);
    }
  });
});

describe('the offline file', () => {
  const offlinePath = join(POST_PATH, 'offline.html');

  test('the post links to it', async () => {
    const { document } = await readPage(distDir, POST_PATH);
    expect(document.querySelector('a[data-offline-link]')?.getAttribute('href')).toBe('offline.html');
  });

  test('holds everything inline: styles, woff2 fonts as data: URIs, both SVGs, the chart runtime', async () => {
    const { html, document } = await readPage(distDir, offlinePath);
    expect(document.querySelectorAll('link[rel="stylesheet"], script[src]').length).toBe(0);
    expect(document.querySelectorAll('style').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('vega-chart > svg.chart__static--wide').length).toBe(2);
    const fonts = [...html.matchAll(/url\(data:([^;]+);base64,/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set(['font/woff2']));
    // Only the faces KaTeX uses for "\sigma(x=0) \implies 0.5": Main regular and Math italic.
    const faces = [...html.matchAll(/@font-face\{[^}]*font-family:(KaTeX_\w+)/g)].map((m) => m[1]).sort();
    expect(faces).toEqual(['KaTeX_Main', 'KaTeX_Math']);
    const runtime = await readFile(join(distDir, '_charts', 'chart-runtime.js'), 'utf8');
    const scripts = [...document.querySelectorAll('script:not([type])')].map((s) => s.textContent);
    expect(scripts).toContain(runtime.replace(/<\/script/gi, '<\\/script'));
  });

  test('is reported with its size', async () => {
    const file = join(distDir, offlinePath);
    const { size } = await stat(file);
    const gzipped = gzipSync(await readFile(file)).length;
    console.info(`offline.html: ${size} bytes, ${gzipped} gzip`);
    // Far below the 1.2 MB of KaTeX's fonts in all their formats; grows only with what the post uses.
    expect(size).toBeLessThan(800_000);
  });
});
