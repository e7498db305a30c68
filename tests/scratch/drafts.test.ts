/** A draft shows in `astro dev` and never in a build: no page, no listing, no feed item, no sitemap entry. */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, cleanEnv } from '../support/build-site.ts';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';

const DRAFT = `---
title: Unfinished Thoughts
date: 2026-12-24
description: Not ready yet.
tags: [drafts-only]
draft: true
---

Half a paragraph.
`;

let site: ScratchSite;

beforeAll(async () => {
  site = await scratchSite({ withPosts: true });
  await site.write('content/posts/nlp/unfinished-thoughts/index.md', DRAFT);
});

afterAll(async () => {
  await site?.remove();
});

test('a build leaves the draft out everywhere', async () => {
  const dist = join(site.root, 'dist');
  await buildSite(dist, site.root);
  const entries = await readdir(dist, { recursive: true });
  expect(entries.filter((path) => path.includes('unfinished-thoughts') || path.includes('drafts-only'))).toEqual([]);
  for (const file of ['index.html', 'archive/index.html', 'rss.xml', 'sitemap-0.xml', 'tags/index.html']) {
    expect(await readFile(join(dist, file), 'utf8'), file).not.toContain('Unfinished Thoughts');
  }
});

test('astro dev shows the draft', async () => {
  const port = 4300 + Math.floor(Math.random() * 500);
  const astro = join(site.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const dev = spawn(process.execPath, [astro, 'dev', '--root', site.root, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: site.root,
    env: cleanEnv(),
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}/posts/nlp/unfinished-thoughts/`;
    let response: Response | undefined;
    // Bounded: up to 60 tries, half a second apart, on this machine's loopback only.
    for (let attempt = 0; attempt < 60 && !response?.ok; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      response = await fetch(url).catch(() => undefined);
    }
    expect(response?.status).toBe(200);
    expect(await response!.text()).toContain('Unfinished Thoughts');
  } finally {
    dev.kill();
  }
}, 60_000);
