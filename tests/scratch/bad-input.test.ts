/**
 * Every bad input in tests/scratch/cases.ts stops the build with a non-zero exit and a message
 * naming the file, the chart and what is wrong. With UPDATE_ERROR_DOCS=1 it rewrites the table in
 * docs/errors.md from what the builds said; otherwise it checks that table is up to date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BAD_INPUT_CASES } from './cases.ts';
import { npmRunBuild, ROOT } from '../support/build-site.ts';
import { scratchSite } from '../support/scratch-site.ts';

const DOCS = join(ROOT, 'docs', 'errors.md');
const messages = new Map<string, string>();

/**
 * The line of the build's output that says what went wrong (the first with the last fact the
 * case must say), followed by the file and line Astro reports under "Location:" when the line
 * itself names no file.
 */
function keyLine(output: string, mustSay: readonly string[]): string {
  const lines = output.split('\n').map((line) => line.replace(/^\d\d:\d\d:\d\d /, '').trim());
  const line = lines.find((l) => l.includes(mustSay.at(-1)!)) ?? '';
  const location = lines[lines.indexOf('Location:') + 1];
  return /\.mdx?\b/.test(line) || !location ? line : `${line} (at ${location})`;
}

describe('bad input stops the build with a clear error', () => {
  test.each(BAD_INPUT_CASES)('$name', async ({ name, files, mustSay }) => {
    const site = await scratchSite();
    try {
      for (const [path, text] of Object.entries(files)) await site.write(path, text);
      const failure = await npmRunBuild(site.root).then(
        () => null,
        (error: { code?: number; stdout?: string; stderr?: string }) => error,
      );
      expect(failure, `${name}: the build must fail`).not.toBeNull();
      expect(failure!.code).not.toBe(0);
      const output = `${failure!.stdout ?? ''}\n${failure!.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '');
      for (const fact of mustSay) expect(output, `${name}: the error must say ${fact}`).toContain(fact);
      messages.set(name, keyLine(output, mustSay).replaceAll(`${site.root}/`, ''));
    } finally {
      await site.remove();
    }
  });

  afterAll(async () => {
    if (messages.size !== BAD_INPUT_CASES.length) return;
    const rows = BAD_INPUT_CASES.map(({ name }) => `| ${name} | \`${messages.get(name)!.replaceAll('|', '\\|').replaceAll('`', "'")}\` |`);
    const table = ['| Bad input | What the build says |', '| --- | --- |', ...rows].join('\n');
    const docs = await readFile(DOCS, 'utf8');
    const updated = docs.replace(/<!-- errors:start -->[\s\S]*<!-- errors:end -->/, `<!-- errors:start -->\n${table}\n<!-- errors:end -->`);
    if (process.env.UPDATE_ERROR_DOCS === '1') await writeFile(DOCS, updated);
    else expect(updated, 'docs/errors.md is out of date: run UPDATE_ERROR_DOCS=1 npx vitest run --project scratch').toBe(docs);
  });
});
