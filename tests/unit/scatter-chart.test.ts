/**
 * The scatter builder: classes in the categorical palette, a nearest-point tooltip the live view
 * can run, and labels placed at build time that never cover a point or another label.
 */
import { describe, expect, test } from 'vitest';
import {
  describeScatter,
  keptPrecision,
  MANY_POINTS,
  placeLabels,
  plotPositions,
  scatterChart,
  type ScatterPoint,
} from '../../src/lib/charts/scatter-chart.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { CATEGORICAL } from '../../src/lib/charts/palette.ts';
import { liveSpec } from '../../src/lib/charts/live-spec.ts';
import { legendRows } from '../../src/lib/charts/legend.ts';
import { LAYOUT_WIDTH_PARAM } from '../../src/lib/charts/layout.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';

const WORDS: ScatterPoint[] = [
  { x: 0.1, y: 0.2, group: 'noun', label: 'cat' },
  { x: 0.15, y: 0.22, group: 'noun', label: 'dog' },
  { x: 0.9, y: 0.8, group: 'verb', label: 'run' },
  { x: 0.85, y: 0.1, group: 'verb', label: 'jump' },
  { x: 0.5, y: 0.5, group: 'adjective', label: 'quick' },
];
const OPTIONS = { xTitle: 'Dimension 1', yTitle: 'Dimension 2', groupTitle: 'Part of speech' } as const;

/** The boxes of the labels placeLabels places, from the places it gives, and the points' centres. */
function labelBoxes(points: readonly ScatterPoint[], plot: { width: number; height: number }, fontSize: number) {
  const centres = plotPositions(points, plot);
  return placeLabels(points, plot, fontSize).map(({ index, place }) => {
    const { x, y } = centres[index]!;
    const w = 0.8 * fontSize * points[index]!.label!.length;
    const box = {
      right: [x + 8, y - fontSize / 2, x + 8 + w, y + fontSize / 2],
      left: [x - 8 - w, y - fontSize / 2, x - 8, y + fontSize / 2],
      above: [x - w / 2, y - 8 - fontSize, x + w / 2, y - 8],
      below: [x - w / 2, y + 8, x + w / 2, y + 8 + fontSize],
    }[place];
    return { index, box: box as [number, number, number, number], centres: centres.map((c) => [c.x, c.y] as const) };
  });
}

describe('scatterChart', () => {
  test('valid; classes in the categorical palette; renders, and the live view finds the nearest point itself', async () => {
    const spec = scatterChart(WORDS, OPTIONS);
    expect(vegaLiteSchemaError(spec)).toBeNull();
    const layer = (spec as unknown as { layer: { encoding: { color: { scale: { range: string[] } } } }[] }).layer[0]!;
    expect(layer.encoding.color.scale.range).toEqual(CATEGORICAL.slice(0, 3));
    const chart = await renderChart('embedding', spec);
    expect(chart.svg).toContain('mark-symbol');
    expect(liveSpec(chart.vega).pointMarks.length).toBe(1);
  });

  test('labels are written where they fit, and each word at most once', async () => {
    const { svg } = await renderChart('embedding-labels', scatterChart(WORDS, OPTIONS));
    const written = [...svg.matchAll(/<text[^>]*>(cat|dog|run|jump|quick)<\/text>/g)].map((m) => m[1]);
    expect(new Set(written).size).toBe(written.length);
    expect(written.length).toBeGreaterThanOrEqual(4);
  });

  test('the table holds the points alone, with no column of label places', async () => {
    const { datasets } = await renderChart('embedding-table', scatterChart(WORDS, OPTIONS));
    expect(Object.values(datasets)[0]).toEqual(WORDS);
  });

  test('says how many points in how many classes, with their extents', () => {
    expect(describeScatter(WORDS, OPTIONS)).toBe(
      '5 points in 3 classes (noun, verb, adjective), Dimension 1 from 0.1 to 0.9 and Dimension 2 from 0.1 to 0.8.',
    );
  });

  test('refuses a point that is not a number, and more classes than colours', () => {
    expect(() => scatterChart([{ x: 1, y: NaN, label: 'cat' }], OPTIONS)).toThrow(/point 0 \("cat"\) has y = NaN/);
    const many = Array.from({ length: 9 }, (_, i) => ({ x: i, y: i, group: `g${i}` }));
    expect(() => scatterChart(many, OPTIONS)).toThrow(/9 classes, more than the 8 colours/);
  });
});

describe('placeLabels', () => {
  // A crowded cloud: 200 points on a spiral, each with a word.
  const crowd: ScatterPoint[] = Array.from({ length: 200 }, (_, i) => ({
    x: Math.cos(i * 0.7) * (1 + i / 20),
    y: Math.sin(i * 0.7) * (1 + i / 20),
    label: `w${i}`,
  }));
  const plot = { width: 268, height: 190 };

  test('no label covers another label or any point, and every label stays inside the plot', () => {
    const placed = labelBoxes(crowd, plot, 12);
    expect(placed.length).toBeGreaterThan(10);
    expect(placed.length).toBeLessThan(crowd.length);
    for (const [i, a] of placed.entries()) {
      const [x0, y0, x1, y1] = a.box;
      expect(x0 >= 0 && y0 >= 0 && x1 <= plot.width && y1 <= plot.height).toBe(true);
      for (const b of placed.slice(i + 1)) {
        const [u0, v0, u1, v1] = b.box;
        expect(x0 < u1 && u0 < x1 && y0 < v1 && v0 < y1, `labels ${a.index} and ${b.index} overlap`).toBe(false);
      }
      for (const [cx, cy] of a.centres) {
        expect(cx + 4 > x0 && cx - 4 < x1 && cy + 4 > y0 && cy - 4 < y1, `label ${a.index} covers a point`).toBe(false);
      }
    }
  });

  test('every point is drawn inside the plot, clear of its edges', () => {
    for (const { x, y } of plotPositions(crowd, plot)) {
      expect(x >= 12 && x <= plot.width - 12 && y >= 12 && y <= plot.height - 12).toBe(true);
    }
  });

  test('is deterministic', () => {
    expect(placeLabels(crowd, plot, 12)).toEqual(placeLabels(crowd, plot, 12));
  });
});

describe('a cloud of many points', () => {
  const cloud = (count: number): ScatterPoint[] =>
    Array.from({ length: count }, (_, i) => ({
      x: Math.sin(i) * 12.345678901,
      y: Math.cos(i * 1.7) * 0.0123456789,
      group: i % 2 ? 'a' : 'b',
    }));
  const rowsOf = (spec: unknown) => Object.values((spec as { datasets: Record<string, { x: number; y: number }[]> }).datasets)[0]!;
  const pointMark = (spec: unknown) => (spec as { layer: { mark: { aria?: boolean } }[] }).layer[0]!.mark;

  test('keptPrecision keeps a ten-thousandth of the range, and whole numbers whole', () => {
    expect(keptPrecision([0, 12.3456789, 3.14159265])).toEqual([0, 12.346, 3.142]);
    expect(keptPrecision([0.001234567, 0.009876543])).toEqual([0.0012346, 0.0098765]);
    expect(keptPrecision([3, 70_000, 12_345])).toEqual([3, 70_000, 12_345]);
    expect(keptPrecision([5, 5])).toEqual([5, 5]);
  });

  test(`up to ${MANY_POINTS} points keep every digit and are announced one by one`, () => {
    const points = cloud(MANY_POINTS);
    const spec = scatterChart(points, OPTIONS);
    expect(rowsOf(spec).map((row) => row.x)).toEqual(points.map((p) => p.x));
    expect(pointMark(spec).aria).toBeUndefined();
  });

  test(`past ${MANY_POINTS} points, coordinates keep a ten-thousandth of their range and the points are one picture`, () => {
    const points = cloud(MANY_POINTS + 1);
    const spec = scatterChart(points, OPTIONS);
    const rows = rowsOf(spec);
    expect(rows.map((row) => row.x)).toEqual(keptPrecision(points.map((p) => p.x)));
    expect(rows.map((row) => row.y)).toEqual(keptPrecision(points.map((p) => p.y)));
    rows.forEach((row, i) => expect(Math.abs(row.y - points[i]!.y)).toBeLessThanOrEqual(0.0246913578 / 10_000));
    expect(pointMark(spec).aria).toBe(false);
    // The words still give the extents of the data as given.
    expect(spec.description).toBe(describeScatter(points, OPTIONS));
  });
});

describe('many classes', () => {
  const CLASSES = ['noun', 'verb', 'adjective', 'adverb', 'pronoun', 'preposition', 'determiner', 'numeral'];
  const points = CLASSES.map((group, i) => ({ x: i, y: i % 3, group }));

  test('the legend wraps to the layout’s width, and a phone’s layout grows by its rows', () => {
    // "preposition" is the longest name: 20 + 0.8 × 12 × 11 + 16 = 141.6 → 142 px a column.
    expect(legendRows(CLASSES, PLOT, PLOT.layouts.wide.width)).toBe(2);
    expect(legendRows(CLASSES, PLOT, PLOT.layouts.narrow.width)).toBe(4);
    const spec = scatterChart(points, OPTIONS) as unknown as {
      usermeta: { narrow: { width: number; height: number } };
      params: { name: string; value: number }[];
      layer: { encoding: { color: { legend: { columns: { expr: string } } } } }[];
    };
    expect(spec.usermeta.narrow).toEqual({ width: PLOT.layouts.narrow.width, height: 300 + 4 * 20 });
    expect(spec.params).toEqual([{ name: LAYOUT_WIDTH_PARAM, value: PLOT.layouts.wide.width }]);
    expect(spec.layer[0]!.encoding.color.legend.columns.expr).toBe(`max(1, floor((${LAYOUT_WIDTH_PARAM} - 60 + 16) / 142))`);
  });

  test('rendered, the legend takes two rows on a laptop and four on a phone', async () => {
    const chart = await renderChart('classes', scatterChart(points, OPTIONS));
    // Each entry is a group placed at its column and row; the first group holds them all.
    const rowsOf = (svg: string) => {
      const entries = svg.slice(svg.indexOf('role-legend-entry'));
      const places = [...entries.matchAll(/<g transform="translate\(([-\d.]+),([-\d.]+)\)"><path class="background"/g)].slice(1);
      expect(places).toHaveLength(8);
      return new Set(places.map((place) => place[2])).size;
    };
    expect(rowsOf(chart.svg)).toBe(2);
    expect(rowsOf(chart.narrowSvg)).toBe(4);
  });
});
