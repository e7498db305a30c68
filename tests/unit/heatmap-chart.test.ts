/**
 * The heatmap builder: a confusion matrix, an attention map and a transition matrix alike, rows
 * and columns in the given order, values printed in the colour that reads on each cell.
 */
import { describe, expect, test } from 'vitest';
import { describeMatrix, heatmapChart, type MatrixData } from '../../src/lib/charts/heatmap-chart.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { bigramTransitions, tokenize } from '../../src/lib/text.ts';
import { contrastRatio as contrast } from '../../src/lib/charts/palette.ts';

const CONFUSION: MatrixData = {
  rows: ['cat', 'dog', 'bird'],
  columns: ['cat', 'dog', 'bird'],
  values: [
    [50, 3, 1],
    [4, 40, 0],
    [2, 1, 30],
  ],
};
const OPTIONS = { rowTitle: 'True class', columnTitle: 'Predicted class', valueTitle: 'Count' } as const;

/** Each cell's fill and the colour of the text printed on it, from the SVG, in drawing order. */
function cellsAndTexts(svg: string) {
  const fills = [...svg.matchAll(/<path[^>]*aria-roledescription="rect mark"[^>]*fill="(rgb\([^)]*\))"/g)].map((m) => m[1]!);
  const texts = [...svg.matchAll(/<text[^>]*fill="(#000000|#ffffff)"[^>]*>([^<]+)<\/text>/g)].map((m) => ({ fill: m[1]!, text: m[2]! }));
  return { fills, texts };
}

describe('heatmapChart', () => {
  test('a confusion matrix: valid, rows and columns in the given order, one row of the table per cell', async () => {
    const spec = heatmapChart(CONFUSION, { ...OPTIONS, showValues: true });
    expect(vegaLiteSchemaError(spec)).toBeNull();
    const layer = (spec as unknown as { layer: { encoding: Record<string, { sort?: string[] }> }[] }).layer[0]!;
    expect(layer.encoding.x!.sort).toEqual(['cat', 'dog', 'bird']);
    expect(layer.encoding.y!.sort).toEqual(['cat', 'dog', 'bird']);
    const chart = await renderChart('confusion', spec);
    const [rows] = Object.values(chart.datasets);
    expect(rows).toHaveLength(9);
    expect(rows![1]).toEqual({ row: 'cat', column: 'dog', value: 3 });
  });

  test('printed values are black or white, whichever reads better on the cell (at least 4.5:1 here)', async () => {
    const { svg } = await renderChart('confusion-values', heatmapChart(CONFUSION, { ...OPTIONS, showValues: true }));
    const { fills, texts } = cellsAndTexts(svg);
    expect(fills).toHaveLength(9);
    expect(texts.map((t) => t.text)).toEqual(['50', '3', '1', '4', '40', '0', '2', '1', '30']);
    texts.forEach((text, i) => {
      const other = text.fill === '#000000' ? '#ffffff' : '#000000';
      expect(contrast(text.fill, fills[i]!)).toBeGreaterThanOrEqual(contrast(other, fills[i]!));
      expect(contrast(text.fill, fills[i]!)).toBeGreaterThanOrEqual(4.5);
    });
    // The darkest cell (50) takes white text, the lightest (0) black.
    expect(texts[0]!.fill).toBe('#ffffff');
    expect(texts[5]!.fill).toBe('#000000');
  });

  test('a transition matrix from the text helpers, with a diverging scheme for signed values', async () => {
    const { vocabulary, matrix } = bigramTransitions(tokenize('it was the best of times it was the worst of times'));
    const transitions = heatmapChart(
      { rows: vocabulary, columns: vocabulary, values: matrix },
      { rowTitle: 'Word', columnTitle: 'Next word', valueTitle: 'P(next | word)', showValues: true },
    );
    expect(vegaLiteSchemaError(transitions)).toBeNull();
    await expect(renderChart('transitions', transitions)).resolves.toBeTruthy();
    const signed = heatmapChart(
      {
        rows: ['a', 'b'],
        columns: ['x', 'y'],
        values: [
          [-1, 0.5],
          [0, 1],
        ],
      },
      { ...OPTIONS, scheme: 'diverging' },
    );
    const colour = (signed as unknown as { layer: { encoding: { color: { scale: unknown } } }[] }).layer[0]!.encoding.color.scale;
    expect(colour).toEqual({ scheme: 'redblue', domainMid: 0 });
    await expect(renderChart('signed', signed)).resolves.toBeTruthy();
  });

  test('says its largest cell and each row’s peak', () => {
    expect(describeMatrix(CONFUSION, OPTIONS)).toBe(
      'Count for 3 true class rows by 3 predicted class columns; the largest, 50, is at cat and cat. ' +
        'Each row’s peak: cat → cat (50), dog → dog (40), bird → bird (30).',
    );
  });

  test('refuses a matrix that does not fit its labels, naming the row or cell', () => {
    expect(() => heatmapChart({ ...CONFUSION, values: CONFUSION.values.slice(0, 2) }, OPTIONS)).toThrow(/3 row labels but 2 rows/);
    expect(() =>
      heatmapChart(
        {
          ...CONFUSION,
          values: [
            [1, 2, 3],
            [1, 2],
            [1, 2, 3],
          ],
        },
        OPTIONS,
      ),
    ).toThrow(/row 1 \("dog"\) has 2 values for 3 columns/);
    expect(() =>
      heatmapChart(
        {
          ...CONFUSION,
          values: [
            [1, 2, 3],
            [1, NaN, 2],
            [1, 2, 3],
          ],
        },
        OPTIONS,
      ),
    ).toThrow(/row "dog" and column "dog" is NaN/);
    expect(() => heatmapChart({ ...CONFUSION, rows: ['a', 'a', 'b'] }, OPTIONS)).toThrow(/row label "a" is given twice/);
  });
});

describe('column names', () => {
  const CLASSES = ['noun', 'verb', 'adjective', 'adverb', 'pronoun', 'preposition', 'determiner', 'numeral'];
  const matrix = (names: readonly string[]) => ({ rows: names, columns: names, values: names.map((_, i) => names.map((_, j) => i + j)) });
  const OPTIONS = { rowTitle: 'True class', columnTitle: 'Predicted class', valueTitle: 'Words' };
  /** The texts of the x axis' labels in an SVG. */
  const columnLabels = (svg: string) => {
    const axis = svg.slice(svg.indexOf('aria-label="X-axis'));
    const labels = axis.slice(axis.indexOf('role-axis-label'), axis.indexOf('role-axis-domain'));
    return [...labels.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
  };

  test('a confusion matrix of eight long class names names every column, slanted, in both layouts', async () => {
    const spec = heatmapChart(matrix(CLASSES), OPTIONS);
    const chart = await renderChart('confusion', spec);
    expect(columnLabels(chart.svg)).toEqual(CLASSES);
    expect(columnLabels(chart.narrowSvg)).toEqual(CLASSES);
    expect(chart.narrowSvg).toMatch(/rotate\((?:-45|315)\)/);
    // The slanted names take their own room: each row keeps about a line of text and its padding.
    for (const layout of ['wide', 'narrow'] as const)
      expect(chart.fitted[layout].height / CLASSES.length, layout).toBeGreaterThanOrEqual(22);
  });

  test('columns too narrow for a slanted name stand them upright; too narrow for a line of text, Vega may thin them', () => {
    const axisOf = (names: readonly string[]) =>
      (heatmapChart(matrix(names), OPTIONS) as { layer: { encoding: { x: { axis: object } } }[] }).layer[0]!.encoding.x.axis;
    const names = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`);
    expect(axisOf(names(3))).toEqual({ labelAngle: 0 });
    expect(axisOf(names(10))).toMatchObject({ labelAngle: -45, labelOverlap: false });
    expect(axisOf(names(14))).toMatchObject({ labelAngle: -90, labelOverlap: false });
    expect(axisOf(names(30))).toMatchObject({ labelAngle: -90, labelOverlap: true });
  });
});
