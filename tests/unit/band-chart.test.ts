/**
 * A line with a band (a mean over seeds with its ±σ or min–max spread): the band is drawn under
 * its line in the line's colour, the y scale holds it, the tooltip and the table carry it.
 */
import { describe, expect, test } from 'vitest';
import { layeredLineChart } from '../../src/lib/charts/builders.ts';
import { toRows } from '../../src/lib/charts/series.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import { meanBand } from '../../src/lib/spread.ts';

const epochs = [1, 2, 3, 4, 5];
const seeds = [
  [0.9, 0.6, 0.45, 0.4, 0.38],
  [1.0, 0.7, 0.5, 0.42, 0.39],
  [0.8, 0.55, 0.44, 0.37, 0.36],
];
const band = meanBand(seeds);
const series = [{ name: 'Loss', x: epochs, y: band.mean, color: PLOT.colors.blue, band: { lower: band.lower, upper: band.upper } }];
const spec = layeredLineChart(series, { xTitle: 'Epoch', yTitle: 'Loss', bandTitle: '±1σ over 3 seeds', integerX: true });
type Layer = { mark: { type: string }; encoding: Record<string, { field?: string; title?: string }[] | { field?: string }> };
const layers = (spec as unknown as { layer: Layer[] }).layer;

describe('a line with a band', () => {
  test('valid; an area layer under the line, from lower to upper', () => {
    expect(vegaLiteSchemaError(spec)).toBeNull();
    expect(layers.map((layer) => layer.mark.type)).toEqual(['area', 'line', 'point']);
    expect(layers[0]!.encoding.y).toMatchObject({ field: 'lower' });
    expect(layers[0]!.encoding.y2).toEqual({ field: 'upper' });
  });

  test('the tooltip names the band, and the table has its columns', async () => {
    const tooltip = layers[2]!.encoding.tooltip as { field?: string; title?: string }[];
    expect(tooltip.map((entry) => entry.title)).toEqual(['Epoch', 'Loss', '±1σ over 3 seeds from', '±1σ over 3 seeds to']);
    const chart = await renderChart('loss-band', spec);
    expect(Object.keys(Object.values(chart.datasets)[0]![0]!)).toEqual(['series', 'x', 'y', 'lower', 'upper']);
    // The band is drawn, and the y axis reaches its top.
    expect(chart.svg).toMatch(/<g class="mark-area role-mark[^"]*"[^>]*><path [^>]*fill="#4687b7" fill-opacity="0.2"/);
  });

  test('a band of the wrong length, or upside down, is refused naming the series', () => {
    expect(() => toRows([{ ...series[0]!, band: { lower: [1], upper: [2] } }])).toThrow(
      /series "Loss" has 5 points but its band 1 lower and 1 upper/,
    );
    expect(() => toRows([{ ...series[0]!, band: { lower: band.upper, upper: band.lower } }])).toThrow(
      /band's lower value .* is above its upper/,
    );
  });

  test('a chart without bands has no area layer', () => {
    const plain = layeredLineChart([{ name: 'Loss', x: epochs, y: band.mean, color: PLOT.colors.blue }], {
      xTitle: 'Epoch',
      yTitle: 'Loss',
    });
    expect((plain as unknown as { layer: Layer[] }).layer.map((layer) => layer.mark.type)).toEqual(['line', 'point']);
  });
});
