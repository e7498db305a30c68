import { expect, test } from 'vitest';
import { FIGURE_WARNING_BYTES, figureWeightWarning } from '../../src/lib/charts/figure-weight.ts';

test('a figure heavier than the warning size gets one line naming the file, the chart and its weight', () => {
  expect(figureWeightWarning('content/posts/nlp/a/index.mdx', 'loss', FIGURE_WARNING_BYTES)).toBeUndefined();
  expect(figureWeightWarning('content/posts/nlp/a/index.mdx', 'loss', 9_200_000)).toBe(
    'content/posts/nlp/a/index.mdx: chart "loss" adds 9.2 MB to its page (the limit for a warning is 1 MB); downsample its series in figures.ts so readers on phones are not kept waiting',
  );
});
