/**
 * Bad small multiples (smallMultiples, src/lib/charts/small-multiples.ts), one case each
 * (tests/scratch/bad-input.test.ts builds them; docs/errors.md lists the messages): the build
 * stops naming the post and the panel.
 */
import { FILE, post, POST, type BadInputCase } from './case-kit.ts';

/** A post whose figures.ts runs the given code and exports `chart`, with the builders small multiples take. */
const multiplesPost = (code: string): Record<string, string> => ({
  [FILE]: post('import { chart } from \'./figures.ts\';\n\n<VegaChart id="bad-chart" spec={chart} caption="A chart." />'),
  [`${POST}/figures.ts`]: [
    "import { barChart } from '~/lib/charts/bar-chart.ts';",
    "import { histogramChart } from '~/lib/charts/histogram-chart.ts';",
    "import { smallMultiples } from '~/lib/charts/small-multiples.ts';",
    '',
    "const bars = [{ category: 'the', value: 7 }, { category: 'of', value: 4 }];",
    "const options = { categoryTitle: 'Word', valueTitle: 'Count' };",
    code,
    '',
  ].join('\n'),
});

export const MULTIPLES_CASES: readonly BadInputCase[] = [
  {
    name: 'Small multiples whose panel function throws',
    files: multiplesPost(
      "export const chart = smallMultiples([{ half: 'First' }, { half: 'Second' }], {\n  by: 'half',\n  panel: ({ half }) => {\n    throw new Error(`no words counted for the ${half.toLowerCase()} half`);\n  },\n});",
    ),
    mustSay: [FILE, 'smallMultiples: panel "First": no words counted for the first half'],
  },
  {
    name: 'Small multiples of one facet',
    files: multiplesPost(
      "export const chart = smallMultiples([{ half: 'All' }], { by: 'half', panel: (_h, shared) => barChart(bars, { ...options, ...shared }) });",
    ),
    mustSay: [FILE, 'smallMultiples needs 2 to 12 facets, one per panel; got 1'],
  },
  {
    name: 'Small multiples of 13 facets',
    files: multiplesPost(
      "const parts = Array.from({ length: 13 }, (_, i) => ({ part: `Part ${i + 1}` }));\nexport const chart = smallMultiples(parts, { by: 'part', panel: (_p, shared) => barChart(bars, { ...options, ...shared }) });",
    ),
    mustSay: [FILE, 'smallMultiples needs 2 to 12 facets, one per panel; got 13'],
  },
  {
    name: 'Two facets with the same value',
    files: multiplesPost(
      "export const chart = smallMultiples([{ half: 'First' }, { half: 'First' }], { by: 'half', panel: (_h, shared) => barChart(bars, { ...options, ...shared }) });",
    ),
    mustSay: [FILE, 'smallMultiples: two facets have half = "First"; each panel needs its own'],
  },
  {
    name: 'A panel of another builder than the others',
    files: multiplesPost(
      "export const chart = smallMultiples([{ show: 'Counts' }, { show: 'Lengths' }], {\n  by: 'show',\n  panel: ({ show }, shared) =>\n    show === 'Counts' ? barChart(bars, { ...options, ...shared }) : histogramChart([3, 2, 3, 5], { valueTitle: 'Length', ...shared }),\n});",
    ),
    mustSay: [
      FILE,
      'smallMultiples: panel "Lengths" is a histogram, but panel "Counts" is a bar chart; every panel is drawn by one builder, so that they can share their scales',
    ],
  },
  {
    name: "A panel that ignores the panel function's shared options",
    files: multiplesPost(
      "export const chart = smallMultiples([{ half: 'First' }, { half: 'Second' }], { by: 'half', panel: () => barChart(bars, options) });",
    ),
    mustSay: [
      FILE,
      "smallMultiples: panel \"First\" is drawn at 672 × 400, not the panel's 330 × 240; spread the panel function's second argument into the builder's options",
    ],
  },
  {
    name: 'A panel that overrides a shared scale',
    files: multiplesPost(
      "const lengths = [{ half: 'First', values: [3, 2, 3, 5] }, { half: 'Second', values: [4, 6, 2] }];\nexport const chart = smallMultiples(lengths, {\n  by: 'half',\n  panel: ({ values }, shared) => histogramChart(values, { valueTitle: 'Length', ...shared, bins: 3 }),\n});",
    ),
    mustSay: [FILE, 'smallMultiples: panel "First" is not on the shared scales (its bins are its own, not the shared'],
  },
];
