/**
 * Imports run down the layers: pages → components → lib, with the browser's client code apart
 * (it may use lib, and nothing but the integration that bundles it reaches into it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Which layer may import which (a layer may always import itself). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  pages: ['layouts', 'components', 'collections', 'lib', 'styles', 'site'],
  layouts: ['components', 'collections', 'lib', 'styles', 'site'],
  components: ['collections', 'lib', 'styles', 'site'],
  // Astro's content collections, read for pages and components (src/lib stays free of Astro).
  collections: ['lib'],
  integrations: ['lib', 'client'],
  cli: ['lib', 'integrations', 'client'],
  client: ['lib'],
  lib: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The top folder under src/ a path is in ('site' for a file directly in src/). */
function layerOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : 'site';
}

test('no module imports from a layer above its own', () => {
  const wrong: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    const allowed = MAY_IMPORT[from];
    if (!allowed) continue;
    const text = readFileSync(file, 'utf8');
    // An .astro file's imports are in its frontmatter. TypeScript reads the imports (a generated
    // post's source in a template string is not one).
    const code = file.endsWith('.astro') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
    const specifiers = ts.preProcessFile(code, true, true).importedFiles.map((imported) => imported.fileName);
    for (const specifier of specifiers.filter((name) => /^(\.{1,2}\/|~\/)/.test(name))) {
      const target = specifier.startsWith('~/') ? join(SRC, specifier.slice(2)) : resolve(dirname(file), specifier);
      if (!target.startsWith(SRC)) continue;
      const to = layerOf(target);
      if (to !== from && !allowed.includes(to)) wrong.push(`${relative(SRC, file)} (${from}) imports ${specifier} (${to})`);
    }
  }
  expect(wrong).toEqual([]);
});
