import { expect, test } from 'vitest';
import { chartPropsProblem } from '../../src/lib/charts/chart-props.ts';

const spec = { mark: 'point' };

test('<VegaChart> props: id and caption are required and checked, unknown props are refused with a suggestion', () => {
  expect(chartPropsProblem({ id: 'loss', spec, caption: 'The loss.' })).toBeUndefined();
  // test(undefined) is true for /^[a-z].../ (it tests "undefined"): a missing id must not pass.
  expect(chartPropsProblem({ spec, caption: 'The loss.' })).toBe(
    '<VegaChart> needs an id of lower-case letters, digits and dashes, starting with a letter (e.g. id="loss-curve"); got nothing',
  );
  expect(chartPropsProblem({ id: 'Loss Curve', spec, caption: 'x' })).toContain('got the string "Loss Curve"');
  expect(chartPropsProblem({ id: 'loss', spec })).toBe(
    '<VegaChart id="loss"> needs a caption: the sentence under the figure, which also names it for screen readers; got nothing',
  );
  expect(chartPropsProblem({ id: 'loss', spec, caption: '  ' })).toContain('needs a caption');
  expect(chartPropsProblem({ id: 'loss', caption: 'x' })).toContain('needs a spec');
  expect(chartPropsProblem({ id: 'loss', spec, caption: 'x', captoin: 'y' })).toBe(
    '<VegaChart> has no prop "captoin" (did you mean caption?); its props are id, spec and caption',
  );
  expect(chartPropsProblem({ id: 'loss', spec, caption: 'x', width: 300 })).toBe(
    '<VegaChart> has no prop "width"; its props are id, spec and caption',
  );
});
