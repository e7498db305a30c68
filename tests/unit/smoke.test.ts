import { test } from 'vitest';
import { sigmoidAndTangent, cumulativeGradient, printedInputs } from '../../content/posts/nlp/rnns-and-vanishing-gradients/figures.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { writeFileSync } from 'node:fs';
test('smoke', async () => {
  const a = await renderChart('sigmoid-and-tangent', sigmoidAndTangent);
  const b = await renderChart('cumulative-gradient', cumulativeGradient);
  writeFileSync('/tmp/a.svg', a.svg); writeFileSync('/tmp/b.svg', b.svg);
  console.log(printedInputs, a.width, a.height, a.svg.length, JSON.stringify(a.vega).length);
});
