/**
 * Cuts a named region out of a source file, so a post can show the very code that computed its
 * figures. Regions are marked the way VS Code folds them:
 *
 *   // #region data
 *   ...
 *   // #endregion data
 */
import { minOf } from './numeric.ts';

/** The lines between `// #region name` and `// #endregion name`, dedented. Throws if the region is missing. */
export function extractRegion(source: string, name: string, file = 'the source'): string {
  const lines = source.split(/\r?\n/);
  const marker = (kind: 'region' | 'endregion') => (line: string) => line.trim() === `// #${kind} ${name}`;
  const start = lines.findIndex(marker('region'));
  if (start === -1) {
    const known = lines.map((line) => /^\s*\/\/ #region (\S+)/.exec(line)?.[1]).filter(Boolean);
    throw new Error(`${file} has no region "${name}" (regions: ${known.join(', ') || 'none'})`);
  }
  const length = lines.slice(start + 1).findIndex(marker('endregion'));
  if (length === -1) throw new Error(`${file}: region "${name}" has no "// #endregion ${name}"`);
  const body = lines.slice(start + 1, start + 1 + length).filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line));
  return dedent(body).join('\n').trim();
}

/** Removes the indentation every non-blank line shares. */
function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)![0].length);
  const common = indents.length ? minOf(indents) : 0;
  return lines.map((line) => line.slice(common));
}
