/**
 * The headless render (src/lib/charts/render.ts): Vega-Lite → Vega → static SVG, with snapshots
 * of each figure's compiled Vega spec and of its SVG (numbers rounded to 3 decimals).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import {
  ChartError,
  compileChart,
  prefixSvgIds,
  renumberClipIds,
  type RenderedChart,
  renderChart,
  roundSvgGeometry,
  stripInteractiveMarks,
} from '../../src/lib/charts/render.ts';
import { DATASET } from '../../src/lib/charts/builders.ts';
import { toRows } from '../../src/lib/charts/series.ts';
import { vegaLiteSchemaError } from '../../src/lib/charts/validate.ts';
import { PLOT } from '../../src/lib/charts/theme.ts';
import {
  activations,
  cumulativeGradient,
  decayingValues,
  gradients,
  sigmoidAndTangent,
  steps,
  tangentPlotX,
  tangentPlotY,
  x,
} from '../support/seed-figures.ts';

const figures = [
  {
    id: 'sigmoid-and-tangent',
    spec: sigmoidAndTangent,
    rows: () =>
      toRows([
        { name: 'Sigmoid', x, y: activations, color: PLOT.colors.blue },
        { name: 'Gradient', x, y: gradients, color: PLOT.colors.red },
        { name: 'Tangent', x: tangentPlotX, y: tangentPlotY, color: PLOT.colors.tan },
      ]),
  },
  {
    id: 'cumulative-gradient',
    spec: cumulativeGradient,
    rows: () => toRows([{ name: 'Gradient', x: steps, y: decayingValues, color: PLOT.colors.blue }]),
  },
] as const;

/** Rounds every decimal number in an SVG to 3 decimals (hex colours and integers stay as they are). */
function normaliseSvg(svg: string): string {
  return svg.replace(/(#[0-9a-fA-F]{3,8}\b)|-?\d*\.?\d+(?:[eE][-+]?\d+)?/g, (match: string, hex?: string) => {
    if (hex || !/[.eE]/.test(match)) return match;
    const rounded = Number(Number(match).toFixed(3));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

/** Freezes an object and everything reachable from it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The SVG Vega draws for a spec, before renderChart strips and prefixes it (on a copy: Vega tags rows). */
async function rawSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(structuredClone(compileChart('raw', spec))), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const ids = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] ?? '');
const urlRefs = (svg: string) => [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
const VORONOI = /_voronoi/;
const INVISIBLE_PATH = /<path [^>]*\sopacity="0"[^>]*\/>/;

/** Catches what `fn` throws (or rejects with), failing if it does not. */
async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

// Render each figure once, one after the other; the tests below read the results.
const rendered = new Map<string, RenderedChart>();
beforeAll(async () => {
  for (const { id, spec } of figures) rendered.set(id, await renderChart(id, spec));
});
const render = (id: string) => rendered.get(id)!;

describe('snapshots', () => {
  test.each(figures)('$id: compiled Vega spec', async ({ id, spec }) => {
    await expect(JSON.stringify(compileChart(id, spec), null, 2) + '\n').toMatchFileSnapshot(`./__snapshots__/${id}.vega.json`);
  });

  test.each(figures)('$id: static SVG, numbers rounded to 3 decimals', async ({ id }) => {
    const { svg } = render(id);
    await expect(normaliseSvg(svg) + '\n').toMatchFileSnapshot(`./__snapshots__/${id}.svg`);
  });

  test('normaliseSvg rounds decimals only', () => {
    const sample = '<path fill="#4687b7" stroke="#e6e6e6" d="M0.12345,-0.00001L12,3.9999e2" id="clip1"/>';
    const out = normaliseSvg(sample);
    expect(out).toContain('#4687b7');
    expect(out).toContain('#e6e6e6');
    expect(out).toContain('id="clip1"');
    expect(out).toContain(`M${Number((0.12345).toFixed(3))},0L12,${Number((399.99).toFixed(3))}`);
  });

  test('compiling is deterministic', () => {
    for (const { id, spec } of figures) expect(compileChart(id, spec)).toEqual(compileChart(id, spec));
  });
});

describe('renderChart', () => {
  test.each(figures)('$id: two layouts, each SVG drawn at its size with a viewBox', async ({ id }) => {
    const chart = render(id);
    expect(chart.sizes).toEqual(PLOT.layouts);
    for (const [svg, size] of [
      [chart.svg, PLOT.layouts.wide],
      [chart.narrowSvg, PLOT.layouts.narrow],
    ] as const) {
      const svgTag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
      expect(svgTag).toContain(`width="${size.width}"`);
      expect(svgTag).toContain(`height="${size.height}"`);
      expect(svgTag).toContain(`viewBox="0 0 ${size.width} ${size.height}"`);
    }
  });

  test.each(figures)('$id: the narrow layout has its own ids, so both layouts can share a page', async ({ id }) => {
    const { svg, narrowSvg } = render(id);
    const wideIds = new Set(ids(svg));
    expect(ids(narrowSvg).length).toBeGreaterThan(0);
    for (const narrowId of ids(narrowSvg)) {
      expect(narrowId.startsWith(`${id}-narrow-`)).toBe(true);
      expect(wideIds.has(narrowId)).toBe(false);
    }
  });

  test.each(figures)('$id: every id and url(#…) reference carries the chart id', async ({ id }) => {
    const { svg } = render(id);
    const found = ids(svg);
    const refs = urlRefs(svg);
    expect(found.length).toBeGreaterThan(0);
    expect(refs.length).toBeGreaterThan(0);
    for (const value of [...found, ...refs]) expect(value.startsWith(`${id}-`), value).toBe(true);
    // Every reference points at an id in the same SVG.
    for (const ref of refs) expect(found).toContain(ref);
    expect(new Set(found).size).toBe(found.length);
  });

  test('two charts render with disjoint id sets', async () => {
    const [a, b] = figures.map((f) => render(f.id)) as [RenderedChart, RenderedChart];
    const bIds = new Set(ids(b.svg));
    expect(ids(a.svg).filter((id) => bIds.has(id))).toEqual([]);
    // Even the same spec under two ids, each rendered as if first (so Vega's own ids coincide).
    const c = await renderChart('first', cumulativeGradient);
    const d = await renderChart('second', cumulativeGradient);
    expect(ids(c.svg).map((id) => id.replace('first-', ''))).toEqual(ids(d.svg).map((id) => id.replace('second-', '')));
    const dIds = new Set(ids(d.svg));
    expect(ids(c.svg).length).toBeGreaterThan(0);
    expect(ids(c.svg).filter((id) => dIds.has(id))).toEqual([]);
  });

  test('the static SVG has no Voronoi group and no invisible paths', async () => {
    const raw = await rawSvg(sigmoidAndTangent);
    // Vega draws them, so the check below means something.
    expect(raw).toMatch(VORONOI);
    expect(raw).toMatch(INVISIBLE_PATH);
    const { svg } = render('sigmoid-and-tangent');
    expect(svg).not.toMatch(VORONOI);
    expect(svg).not.toMatch(INVISIBLE_PATH);
    expect(svg).toContain('mark-line role-mark');
  });

  test.each(figures)('$id: stripInteractiveMarks removes the Voronoi cells and invisible paths, nothing else', async ({ spec }) => {
    const raw = await rawSvg(spec);
    const stripped = stripInteractiveMarks(raw);
    expect(stripped).not.toMatch(VORONOI);
    expect(stripped).not.toMatch(INVISIBLE_PATH);
    const count = (svg: string, re: RegExp) => svg.match(re)?.length ?? 0;
    const voronoiGroup = /<g class="mark-path role-mark [^"]*_voronoi"[^>]*>(.*?)<\/g>/s.exec(raw)?.[1];
    expect(voronoiGroup).toBeDefined();
    const cells = count(voronoiGroup!, /<path\b/g);
    const invisible = count(raw, new RegExp(INVISIBLE_PATH.source, 'g'));
    expect(cells).toBeGreaterThan(0);
    expect(count(stripped, /<path\b/g)).toBe(count(raw, /<path\b/g) - cells - invisible);
    expect(count(stripped, /<g\b/g)).toBe(count(raw, /<g\b/g) - 1);
    expect(count(stripped, /<text\b/g)).toBe(count(raw, /<text\b/g));
  });

  test('renumberClipIds numbers clip paths in the order the markup names them, whatever Vega counted', () => {
    const svg =
      '<svg><g clip-path="url(#clip7)"></g><g clip-path="url(#clip12)"></g><g clip-path="url(#clip7)"></g><defs><clipPath id="clip7"/><clipPath id="clip12"/></defs></svg>';
    expect(renumberClipIds(svg)).toBe(svg.replaceAll('clip7', 'clip1').replaceAll('clip12', 'clip2'));
    expect(renumberClipIds('<svg><text>clip3 id="x"</text></svg>')).toBe('<svg><text>clip3 id="x"</text></svg>');
  });

  test('a chart renders the same SVG however many charts were drawn before it', async () => {
    const first = await renderChart('cumulative-gradient', cumulativeGradient);
    await renderChart('sigmoid-and-tangent', sigmoidAndTangent);
    const again = await renderChart('cumulative-gradient', cumulativeGradient);
    expect(again.svg).toBe(first.svg);
    expect(again.svg).toContain('id="cumulative-gradient-clip1"');
  });

  test('prefixSvgIds prefixes ids and references, and nothing else', () => {
    const svg = '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)" class="id"><text>id</text></g></svg>';
    const out = prefixSvgIds(svg, 'chart');
    expect(ids(out)).toEqual(ids(svg).map((id) => `chart-${id}`));
    expect(urlRefs(out)).toEqual(urlRefs(svg).map((id) => `chart-${id}`));
    expect(out.replaceAll('chart-', '')).toBe(svg);
  });

  test.each(figures)("$id: the 'series' values live in datasets, not in the Vega spec", async ({ id, spec, rows }) => {
    const chart = render(id);
    const entry = chart.vega.data?.find((d) => d.name === DATASET);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('values');
    expect(chart.datasets[DATASET]).toEqual(rows());
    expect(chart.vegaLite).not.toHaveProperty('datasets');
    expect(chart.vegaLite).toHaveProperty('data', { name: DATASET });
    // compileChart alone keeps them, so renderChart is what takes them out.
    const compiled = compileChart(id, spec).data?.find((d) => d.name === DATASET);
    expect(compiled).toHaveProperty('values', rows());
  });

  test.each(figures)('$id: the input spec is left as it was (Vega tags the rows it ingests)', async ({ spec }) => {
    const before = structuredClone(spec);
    const chart = await renderChart('again', spec);
    expect(spec).toEqual(before);
    expect(spec).toHaveProperty('datasets');
    // The rows handed back for embedding carry nothing but series, x and y either.
    expect(chart.datasets[DATASET]?.length).toBeGreaterThan(0);
    for (const row of chart.datasets[DATASET] ?? []) expect(Reflect.ownKeys(row)).toEqual(['series', 'x', 'y']);
  });

  test('a deep-frozen spec renders the same SVG', async () => {
    const frozen = deepFreeze(structuredClone(cumulativeGradient));
    const chart = await renderChart('cumulative-gradient', frozen);
    expect(chart.svg).toBe(render('cumulative-gradient').svg);
  });
});

describe('errors', () => {
  test('an invalid chart id throws a ChartError', async () => {
    const error = await caught(() => renderChart('Bad Id', cumulativeGradient));
    expect(error).toBeInstanceOf(ChartError);
    expect(error).toMatchObject({
      name: 'ChartError',
      chartId: 'Bad Id',
      message: 'chart "Bad Id": the chart id must be lower-case letters, digits and dashes, starting with a letter',
    });
  });

  test.each([
    { label: 'a single view', spec: { data: { values: [{ a: 1 }] }, mark: 'lines' }, path: '/mark' },
    { label: 'a layer', spec: { data: { values: [{ a: 1 }] }, layer: [{ mark: 'lines' }] }, path: '/layer/0/mark' },
  ])('an unknown mark in $label throws a ChartError naming the chart and the path', async ({ spec, path }) => {
    const error = await caught(() => renderChart('bad-mark', spec as unknown as TopLevelSpec));
    expect(error).toBeInstanceOf(ChartError);
    const { message } = error as ChartError;
    expect(message).toContain('chart "bad-mark"');
    expect(message).toContain('the Vega-Lite spec is invalid');
    expect(message).toMatch(new RegExp(`${path} `));
    expect(() => compileChart('bad-mark', spec as unknown as TopLevelSpec)).toThrow(ChartError);
  });

  test.each([
    {
      label: 'a channel the mark cannot use',
      spec: {
        data: { values: [{ a: 1, b: 'u' }] },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'quantitative', bin: true }, shape: { field: 'b', type: 'nominal' } },
      },
      warning: /shape dropped/,
    },
    {
      label: 'a channel without a field',
      spec: { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { type: 'quantitative' } } },
      warning: /Dropping .* from channel "x"/,
    },
  ])('a Vega-Lite warning ($label) makes compileChart throw a ChartError', async ({ spec, warning }) => {
    const typed = spec as unknown as TopLevelSpec;
    expect(vegaLiteSchemaError(typed)).toBeNull();
    const error = await caught(() => compileChart('warns', typed));
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toContain('chart "warns": Vega-Lite warned: ');
    expect((error as ChartError).message).toMatch(warning);
    await expect(renderChart('warns', typed)).rejects.toThrow(ChartError);
  });

  test('ChartError names the file when it is given', () => {
    const error = new ChartError('fig', 'went wrong', 'content/posts/a.mdx');
    expect(error.message).toBe('content/posts/a.mdx: chart "fig": went wrong');
    expect(error).toMatchObject({ chartId: 'fig', problem: 'went wrong', file: 'content/posts/a.mdx' });
    expect(new ChartError('fig', 'went wrong').message).toBe('chart "fig": went wrong');
  });
});

describe('roundSvgGeometry', () => {
  test('rounds the numbers of paths and transforms to a tenth of a pixel, and nothing else', () => {
    const svg =
      '<g transform="translate(567.840116615992,172.83477254874367)"><path d="M3.162,0A3.162,3.162,0,1,1,-3.162,0L1.2246467991473532e-16,-0.04Z" aria-label="x: 6.2852859526"/><text x="1.23456">0.123456</text></g>';
    expect(roundSvgGeometry(svg)).toBe(
      '<g transform="translate(567.8,172.8)"><path d="M3.2,0A3.2,3.2,0,1,1,-3.2,0L0,0Z" aria-label="x: 6.2852859526"/><text x="1.23456">0.123456</text></g>',
    );
  });

  test('keeps whole numbers, half pixels (the crisp-line offset) and rotations as they are', () => {
    const svg = '<g transform="translate(0.5,0.5)"><text transform="translate(12,40) rotate(-45)"/><path d="M0,0h0v0h0Z"/></g>';
    expect(roundSvgGeometry(svg)).toBe(svg);
  });

  test('the static SVGs of a rendered chart are rounded', async () => {
    const chart = await renderChart('rounded', {
      data: {
        values: [
          { x: 1 / 3, y: 2 / 3 },
          { x: 2 / 3, y: 1 / 7 },
        ],
      },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    } as TopLevelSpec);
    for (const svg of [chart.svg, chart.narrowSvg]) {
      const geometry = [...svg.matchAll(/\b(?:d|transform)="([^"]*)"/g)].map((match) => match[1]).join(' ');
      expect(geometry).toMatch(/translate\(/);
      expect(geometry).not.toMatch(/\d\.\d{2}/);
    }
  });
});
