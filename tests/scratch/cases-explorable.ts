/**
 * Bad explorable figures (explorable, src/lib/explorable.ts), one case each
 * (tests/scratch/bad-input.test.ts builds them; docs/errors.md lists the messages): the build
 * stops naming the post, the figure and the parameter or the state.
 */
import { FILE, post, POST, type BadInputCase } from './case-kit.ts';

const N = 'n: { min: 1, max: 30, step: 1, value: 6 }';

/** A post whose figures.ts declares `decay` with the given parameters and function body, shown as a chart. */
const explorablePost = (
  parameters: string,
  body: string,
  mdx = '<VegaChart id="decay" spec={decay} caption="A chart." />',
  head = '',
): Record<string, string> => ({
  [FILE]: post(`import { PrintedOutput } from '~/components/index.ts';\nimport { decay } from './figures.ts';\n\n${mdx}`),
  [`${POST}/figures.ts`]: [
    head,
    "import { arange, cumprod, full } from '~/lib/numeric.ts';",
    "import { decayChart } from '~/lib/charts/builders.ts';",
    "import { explorable } from '~/lib/explorable.ts';",
    '',
    `export const decay = explorable({ ${parameters} }, ({ n }) => {`,
    body,
    "  return { spec: decayChart({ name: 'Gradient', steps: arange(1, n + 1), values: cumprod(full(n, 0.25)) }), printed: `steps : ${n}` };",
    '});',
    '',
  ].join('\n'),
});

export const EXPLORABLE_CASES: readonly BadInputCase[] = [
  {
    name: 'An explorable parameter whose default is outside its range',
    files: explorablePost('n: { min: 1, max: 30, step: 1, value: 0 }', ''),
    mustSay: [FILE, 'chart "decay"', 'parameter "n" has the default 0, outside its range 1 to 30'],
  },
  {
    name: 'An explorable parameter whose step does not divide its range',
    files: explorablePost(`${N}, x: { min: -10, max: 10, step: 0.3, value: 0 }`, ''),
    mustSay: [FILE, 'chart "decay"', 'parameter "x": its step 0.3 does not divide its range -10 to 10'],
  },
  {
    name: 'An explorable parameter whose name is not an identifier',
    files: explorablePost(`${N}, 'learning-rate': { min: 0, max: 1, step: 0.1, value: 0.5 }`, ''),
    mustSay: [FILE, 'chart "decay"', 'the parameter name "learning-rate" is not an identifier'],
  },
  {
    name: 'An explorable function that throws at the defaults',
    files: explorablePost(N, '  if (n > 5) throw new Error(`too many steps: ${n}`);'),
    mustSay: [FILE, 'chart "decay"', 'the explorable figure decay: at n=6 the function threw: too many steps: 6'],
  },
  {
    name: 'An explorable function that returns another shape than { spec, printed }',
    files: {
      ...explorablePost(N, ''),
      [`${POST}/figures.ts`]:
        "import { explorable } from '~/lib/explorable.ts';\n\nexport const decay = explorable({ n: { min: 1, max: 30, step: 1, value: 6 } }, ({ n }) => ({ chart: n }) as never);\n",
    },
    mustSay: [FILE, 'chart "decay"', 'at n=6 the function returned no spec: return { spec: aBuilder(...) }'],
  },
  {
    name: 'An explorable spec that changes with a parameter beyond its data',
    files: {
      ...explorablePost(N, ''),
      [`${POST}/figures.ts`]: [
        "import { arange, cumprod, full } from '~/lib/numeric.ts';",
        "import { decayChart } from '~/lib/charts/builders.ts';",
        "import { explorable } from '~/lib/explorable.ts';",
        '',
        'export const decay = explorable({ n: { min: 1, max: 30, step: 1, value: 6 } }, ({ n }) => ({',
        "  spec: decayChart({ name: 'Gradient', steps: arange(1, n + 1), values: cumprod(full(n, 0.25)) }, { xDomain: [0, n] }),",
        '}));',
        '',
      ].join('\n'),
    },
    mustSay: [
      FILE,
      'chart "decay"',
      "at n=1 the spec differs from the defaults' in more than its data: layer.0.encoding.x.scale.domain.1 changes",
    ],
  },
  {
    name: 'An explorable figure whose code reaches node:fs',
    files: explorablePost(N, "  readFileSync('package.json', 'utf8');", undefined, "import { readFileSync } from 'node:fs';"),
    mustSay: [FILE, 'the code of figure "decay" cannot run in the browser: it reaches node:fs (imported by', 'which only Node has'],
  },
  {
    name: 'An explorable figure written inline rather than imported by name',
    files: explorablePost(N, '', '<VegaChart id="decay" spec={{ ...decay }} caption="A chart." />'),
    mustSay: [FILE, 'chart "decay"', 'an explorable figure is given by the name the post imports it as'],
  },
  {
    name: 'A printed output that follows a chart the post does not have',
    files: explorablePost(
      N,
      '',
      '<PrintedOutput text={decay} figure="decay-plot" />\n\n<VegaChart id="decay" spec={decay} caption="A chart." />',
    ),
    mustSay: [FILE, '<PrintedOutput figure="decay-plot"> follows a chart the post does not have (its explorable charts: decay)'],
  },
];
