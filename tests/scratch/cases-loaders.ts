/**
 * Bad data loaders (src/lib/loaders), one case each (tests/scratch/bad-input.test.ts builds them;
 * docs/errors.md lists the messages): the build stops naming the loader's file and what is wrong,
 * and caches nothing.
 */
import { FILE, post, POST, type BadInputCase } from './case-kit.ts';

const LOADER = `${POST}/numbers.data.ts`;

/** A post that prints what its loader returned, with the loader's body and any files beside it. */
const loaderPost = (body: string, files: Record<string, string> = {}, head = ''): Record<string, string> => ({
  [FILE]: post(
    "import { PrintedOutput } from '~/components/index.ts';\nimport numbers from './numbers.data.ts';\n\n<PrintedOutput text={JSON.stringify(numbers)} />",
  ),
  [LOADER]: `${head}import { dataLoader } from '~/lib/loaders/loader.ts';\n\nexport default dataLoader((context) => {\n${body}\n});\n`,
  ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`${POST}/${name}`, text])),
});

export const LOADER_CASES: readonly BadInputCase[] = [
  {
    name: 'A data loader that throws',
    files: loaderPost("  throw new Error('the corpus is empty');"),
    mustSay: [LOADER, 'the loader threw: the corpus is empty', `(at ${LOADER}:4:9)`],
  },
  {
    name: 'A data loader that returns what is not data',
    files: loaderPost('  return { words: new Map([["the", 3]]) };'),
    mustSay: [LOADER, 'result.words is a Map, which a loader cannot return', 'Object.fromEntries(map)'],
  },
  {
    name: 'A data file with a bad row',
    files: loaderPost("  return context.csv('counts.csv', { word: 'string', count: 'integer' });", {
      'counts.csv': 'word,count\nthe,3\nof,12a\n',
    }),
    mustSay: [LOADER, 'counts.csv: line 3, column "count": expected an integer, got "12a"'],
  },
  {
    name: 'A data loader that reads a file outside its post’s folder',
    files: loaderPost("  return context.csv('../../../../package.csv', { a: 'string' });"),
    mustSay: [LOADER, "a loader reads data files in its own post's folder only"],
  },
  {
    name: 'A data loader that imports a Node module',
    files: loaderPost("  return readFileSync('/etc/hostname', 'utf8');", {}, "import { readFileSync } from 'node:fs';\n"),
    mustSay: [LOADER, 'imports node:fs', 'A loader reads its data files through its context'],
  },
  {
    name: 'A data loader without a dataLoader default export',
    files: { ...loaderPost('  return 1;'), [LOADER]: 'export default { numbers: [1, 2, 3] };\n' },
    mustSay: [LOADER, 'must have a default export made by dataLoader'],
  },
];
