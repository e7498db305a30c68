/** The live chart's role follows what the reader can do with it. */
import { describe, expect, test } from 'vitest';
import { liveRole } from '../../src/client/live-role.ts';
import { compileChart } from '../../src/lib/charts/render.ts';
import { withClampedZoom } from '../../src/lib/charts/layout.ts';
import { layeredLineChart } from '../../src/lib/charts/builders.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

const series = [
  { name: 'A', x: [0, 1, 2], y: [0, 1, 2], color: PLOT.colors.blue },
  { name: 'B', x: [0, 1], y: [2, 2], color: PLOT.colors.red },
];

describe('liveRole', () => {
  test('a chart that zooms is an application, a plain one an image', () => {
    expect(liveRole(withClampedZoom(compileChart('a', sigmoidAndTangent)))).toBe('application');
    expect(liveRole(compileChart('b', cumulativeGradient))).toBe('img');
  });

  test('a chart whose legend entries are buttons, without zoom, is a group', () => {
    const spec = layeredLineChart(series, { xTitle: 'x', yTitle: 'y', labels: 'legend' });
    expect(liveRole(compileChart('c', spec))).toBe('group');
  });
});
