/**
 * After the build: makes every page readable from disk (root-relative URLs become relative), and
 * writes next to each post a self-contained `offline.html` that needs nothing but itself.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { relativizeCss, relativizeHtml } from '../lib/html/relative-urls.ts';
import { buildOfflineHtml } from '../lib/html/offline.ts';
import { RUNTIME_FILE } from '../client/protocol.ts';
import { CHART_SCRIPTS_DIR } from './chart-runtime.ts';

/** The self-contained file's name, next to the post's index.html. */
export const OFFLINE_FILE = 'offline.html';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Posts are the pages under posts/ (their offline files are written by this step). */
function isPostPage(file: string): boolean {
  return /^posts\/.+\/index\.html$/.test(file);
}

export default function portableHtml(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost/';
  return {
    name: 'portable-html',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site ?? site).href;
      },
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const files = await filesUnder(root);
        const read = (file: string) => readFile(join(root, file));
        for (const file of files.filter((f) => f.endsWith('.css'))) {
          await writeFile(join(root, file), relativizeCss(await readFile(join(root, file), 'utf8'), file, base));
        }
        for (const file of files.filter((f) => f.endsWith('.html'))) {
          const html = relativizeHtml(await readFile(join(root, file), 'utf8'), file, base);
          await writeFile(join(root, file), html);
          if (!isPostPage(file)) continue;
          const offline = await buildOfflineHtml({
            html,
            file,
            siteUrl: site,
            appendScripts: [`${CHART_SCRIPTS_DIR}/${RUNTIME_FILE}`],
            read,
          });
          await writeFile(join(root, file.replace(/index\.html$/, OFFLINE_FILE)), offline);
        }
      },
    },
  };
}
