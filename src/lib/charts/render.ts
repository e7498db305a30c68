/**
 * The one headless render: Vega-Lite → Vega → SVG string. The chart component and the tests both
 * call it, so what the tests check is what the pages get.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View, type Spec as VegaSpec } from 'vega';
import { textMetrics } from 'vega-scenegraph';
import { vegaLiteSchemaError } from './validate.ts';
import { missingRuntimeTransforms, omittedFunctionCalls, textDataFormats } from './runtime-check.ts';
import { dataProblem, quantityProblem, unknownFields } from './data-check.ts';
import { styleProblem } from './style-check.ts';
import { liveSpec } from './live-spec.ts';
import { ChartError } from './chart-error.ts';
import { CHART_ID } from './chart-props.ts';
import { externalResource, refusingLoader, unprintableText, unsafeSvgLink } from './spec-safety.ts';
import { missingDatasetProblem, withHouseStyle } from './hand-written.ts';
import { drawnRows, drawnTables } from './drawn-data.ts';
import { type ChartSizes, chartSizes, type FittedLayout, fittedLayout, hasLayoutWidth, resizeView, withClampedZoom } from './layout.ts';

export { ChartError };

export interface RenderedChart {
  /** The Vega-Lite spec without its dataset values (they are in `datasets`). */
  readonly vegaLite: TopLevelSpec;
  /** The compiled Vega spec, without dataset values; the browser runs this. */
  readonly vega: VegaSpec;
  /** The spec's named datasets, embedded once and put back into both specs by the browser. */
  readonly datasets: Record<string, readonly Record<string, unknown>[]>;
  /**
   * What the chart draws where its marks draw aggregated or binned rows rather than the
   * datasets' (a hand-written spec's transforms): those rows, keyed by their columns' titles, with
   * the columns' formats. Empty for a chart that draws its rows as they are (every builder's).
   * The table and the CSV show these instead of the datasets.
   */
  readonly drawn: readonly DrawnData[];
  /** The static SVG of the wide layout, its ids prefixed with the chart id so several charts can share a page. */
  readonly svg: string;
  /** The static SVG of the narrow (phone) layout, its ids prefixed with `${id}-narrow`. */
  readonly narrowSvg: string;
  /** The sizes both SVGs were drawn at. */
  readonly sizes: ChartSizes;
  /**
   * Each layout as autosize "fit" laid it out: the plot's size and the room round it (its axes,
   * legend and padding). The browser starts its view there (layout.ts fittedStart).
   */
  readonly fitted: { readonly wide: FittedLayout; readonly narrow: FittedLayout };
}

/** One data set of what a chart draws (RenderedChart.drawn). */
export interface DrawnData {
  readonly rows: readonly Record<string, unknown>[];
  /** The d3-format of each column that has one, by its title. */
  readonly formats: Readonly<Record<string, string>>;
}

// Measure text by estimate, never with a canvas, here and in the browser alike: the labels then
// take the same room on both sides and hydration moves nothing.
textMetrics.canvas(false);

/**
 * The most rows of data one chart may have, over all its data sets. A 60,000-point line made a
 * 9 MB page; past this the figure should be downsampled or aggregated before it is drawn.
 */
export const MAX_ROWS = 50_000;

/**
 * A logger for Vega-Lite's compiler and Vega's view that hands each error and warning, as one
 * line of text, to the given callbacks, and drops info and debug.
 */
function vegaLogger(on: { error(message: string): unknown; warn?(message: string): unknown }) {
  const text = (args: readonly unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  const logger = {
    level: () => logger,
    error: (...args: readonly unknown[]) => (on.error(text(args)), logger),
    warn: (...args: readonly unknown[]) => (on.warn?.(text(args)), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Compiles a Vega-Lite spec, failing on any schema error or compiler warning. */
export function compileChart(id: string, spec: TopLevelSpec): VegaSpec {
  const schemaError = stage(id, 'the Vega-Lite spec could not be checked', () => vegaLiteSchemaError(spec));
  if (schemaError) throw new ChartError(id, `the Vega-Lite spec is invalid: ${schemaError}`);
  const warnings: string[] = [];
  const logger = vegaLogger({
    error: (message) => {
      throw new ChartError(id, message);
    },
    warn: (message) => warnings.push(message),
  });
  let vega: VegaSpec;
  try {
    vega = compile(spec, { logger: logger as never }).spec;
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError(id, `Vega-Lite could not compile the spec: ${(error as Error).message}`);
  }
  if (warnings.length > 0) throw new ChartError(id, `Vega-Lite warned: ${warnings.join('; ')}`);
  return vega;
}

/**
 * Numbers an SVG's clip paths clip1, clip2, ... and its gradients gradient_1, gradient_2, ... in
 * the order the markup first names them. Vega numbers each from a counter shared by the whole
 * process, so without this a chart's SVG would depend on how many charts were drawn before it,
 * and on how renders running at the same time interleave (builds would not be reproducible, nor
 * the chart cache's entries).
 */
export function renumberClipIds(svg: string): string {
  const numbers = { clip: new Map<string, number>(), gradient_: new Map<string, number>() };
  return svg.replace(/(\bid="|url\(#)(clip|gradient_)(\d+)(?=[")])/g, (_, before: string, kind: 'clip' | 'gradient_', n: string) => {
    const seen = numbers[kind];
    if (!seen.has(n)) seen.set(n, seen.size + 1);
    return `${before}${kind}${seen.get(n)}`;
  });
}

/**
 * Rounds the numbers of an SVG's geometry (its `d` paths and `transform`s) to one decimal place.
 * Vega writes positions with all 17 digits; a tenth of a CSS pixel is less than a device pixel
 * on any screen, and a fortieth of a millimetre in print. A 10,000-point scatter plot's SVG then
 * weighs 74 KB gzipped instead of 150 (tests/unit/render.test.ts); the live view, drawn at the
 * same places to 17 digits, covers it without a visible change.
 */
export function roundSvgGeometry(svg: string): string {
  const round = (number: string) => String(Math.round(Number(number) * 10) / 10);
  return svg.replace(
    /\b(d|transform)="([^"]*)"/g,
    (_, name: string, value: string) => `${name}="${value.replace(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi, round)}"`,
  );
}

/** Gives every id in an SVG (and every reference to one) the prefix `${prefix}-`. */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`);
}

/**
 * Drops what a static SVG cannot use: the groups of invisible Voronoi cells that catch the pointer
 * for tooltips, and marks drawn at opacity 0 (hover markers). The live view draws them again
 * anyway. renderChart feeds both no data (pointer-marks.ts); for a spec rendered whole, this
 * removes them from the markup, and writes the groups they leave empty as Vega writes an empty
 * group (`<g …/>`), so both ways give the same bytes.
 */
export function stripInteractiveMarks(svg: string): string {
  return svg
    .replace(/<g class="mark-path role-mark [^"]*_voronoi"[^>]*?(?:\/>|>(?:<path [^>]*\/>)*<\/g>)/g, '')
    .replace(/<path [^>]*\sopacity="0"[^>]*\/>/g, '')
    .replace(/(<g class="mark-[^"]*"[^>]*)><\/g>/g, '$1/>');
}

/**
 * What a page gets of an SVG Vega drew: without its pointer-only marks, its geometry rounded,
 * and its ids prefixed so several charts (and both layouts) share a page.
 */
export function staticSvg(svg: string, idPrefix: string): string {
  return prefixSvgIds(roundSvgGeometry(stripInteractiveMarks(svg)), idPrefix);
}

/** Removes the values of the named datasets from a compiled Vega spec. */
function withoutDatasetValues(vega: VegaSpec, names: ReadonlySet<string>): VegaSpec {
  return {
    ...vega,
    data: vega.data?.map((entry) => {
      if (!names.has(entry.name) || !('values' in entry)) return entry;
      const { values: _values, ...rest } = entry;
      return rest;
    }),
  };
}

/** The spec's inline data: its named datasets, or its top-level data.values as "values". */
function inlineDatasets(spec: TopLevelSpec): Record<string, readonly Record<string, unknown>[]> {
  const { datasets, data } = spec as { datasets?: Record<string, Record<string, unknown>[]>; data?: { values?: unknown } };
  const inline: Record<string, readonly Record<string, unknown>[]> = { ...datasets };
  if (data && Array.isArray(data.values)) inline.values = data.values as Record<string, unknown>[];
  return inline;
}

/**
 * Runs one stage of the render, turning whatever it throws (a TypeError deep in Vega, a stack
 * overflow) into a ChartError that names the chart and the stage.
 */
function stage<T>(id: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError(id, `${what}: ${problemOf(error)}`);
  }
}

/** An error's message in words: a stack overflow says what it means. */
function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /maximum call stack/i.test(message) ? 'the chart is too large or too deeply nested to draw (the stack overflowed)' : message;
}

/** Renders a Vega-Lite spec to a static SVG plus what the browser needs to bring it to life. */
export async function renderChart(id: string, authored: TopLevelSpec): Promise<RenderedChart> {
  if (typeof id !== 'string' || !CHART_ID.test(id)) {
    throw new ChartError(id, 'the chart id must be lower-case letters, digits and dashes, starting with a letter');
  }
  // A hand-written spec gets what a builder's has: the theme, the layout, named datasets.
  const spec = stage(id, 'the chart could not be read', () => withHouseStyle(authored));
  const noData = missingDatasetProblem(spec);
  if (noData) throw new ChartError(id, noData);
  const inlineData = inlineDatasets(spec);
  const rows = Object.values(inlineData).reduce((sum, dataset) => sum + dataset.length, 0);
  if (rows > MAX_ROWS) {
    throw new ChartError(
      id,
      `the chart has ${rows.toLocaleString('en-US')} rows of data, more than the ${MAX_ROWS.toLocaleString('en-US')} a figure may have (its page would weigh megabytes, and its live view would crawl); downsample the series in figures.ts, keeping every nth point or the points a reader can tell apart, or aggregate them`,
    );
  }
  const problem = dataProblem(inlineData);
  if (problem) throw new ChartError(id, problem);
  const style = styleProblem(spec);
  if (style) throw new ChartError(id, style);
  const notANumber = quantityProblem(spec, inlineData);
  if (notANumber) throw new ChartError(id, notANumber);
  const unprintable = unprintableText(spec, inlineData);
  if (unprintable) throw new ChartError(id, unprintable);
  const vega = withClampedZoom(compileChart(id, spec));
  const external = externalResource(vega);
  if (external) {
    throw new ChartError(
      id,
      `the chart would load something from outside the post: ${external}. A chart's data comes from the post's TypeScript: compute it, or read it, in figures.ts and pass the rows`,
    );
  }
  const unknown = unknownFields(spec, inlineData);
  if (unknown.length > 0) {
    const known = [
      ...new Set(
        Object.values(inlineData)
          .flat()
          .flatMap((row) => Object.keys(row)),
      ),
    ];
    throw new ChartError(
      id,
      `the encoding uses ${unknown.map((f) => `"${f}"`).join(', ')}, which the data does not have (fields: ${known.join(', ')})`,
    );
  }
  // One parse serves the checks and the render: the spec the browser runs (live-spec.ts), so
  // what is checked is what runs. Its pointer-only marks wait for the pointer, so they draw
  // nothing here (and the static SVG is the one the whole spec would draw, less those marks).
  // Vega tags every data row it ingests with an id; give it a copy so the caller's spec (whose
  // dataset rows the compiled spec shares) is left as it was, and a frozen spec still renders.
  const live = liveSpec(vega).spec;
  const dataflow = stage(id, 'Vega could not read the chart', () => parse(structuredClone(live)));
  const missing = missingRuntimeTransforms(dataflow);
  if (missing.includes('voronoi')) {
    throw new ChartError(
      id,
      'the chart has a nearest-point selection that other marks read (to highlight the hovered point, say). Live charts find the nearest point themselves and mark it, so they leave out the Voronoi cells such a selection needs: drop what reads the selection and keep its tooltip',
    );
  }
  if (missing.length > 0) {
    throw new ChartError(
      id,
      `the chart needs Vega transforms the browser runtime does not bundle: ${missing.join(', ')} (add them to src/lib/charts/runtime-transforms.ts)`,
    );
  }
  const omitted = omittedFunctionCalls(dataflow);
  if (omitted.length > 0) {
    throw new ChartError(
      id,
      `the chart's expressions call ${omitted.join(', ')}, which the browser runtime leaves out (see src/lib/charts/runtime-transforms.ts)`,
    );
  }
  // One view draws both layouts: the same dataflow, resized (autosize "fit" lays it out again).
  const sizes = chartSizes(spec);
  // Nothing a spec says reaches the network or the disk (spec-safety.ts).
  const loads = refusingLoader();
  // Vega logs some errors (a bad format, a failed load) and draws on; here they stop the build.
  const vegaErrors: string[] = [];
  const logger = vegaLogger({ error: (message) => vegaErrors.push(message) });
  const view = new View(dataflow, { renderer: 'none', loader: loads.loader as never, logger: logger as never });
  const layoutWidth = hasLayoutWidth(vega);
  const fitted = {} as { wide: FittedLayout; narrow: FittedLayout };
  const draw = async (layout: keyof ChartSizes) => {
    resizeView(view, sizes[layout], layoutWidth);
    const drawn = renumberClipIds(await view.toSVG());
    fitted[layout] = fittedLayout(view as never, sizes[layout]);
    return drawn;
  };
  let svg: string;
  let narrowSvg: string;
  let drawn: DrawnData[];
  try {
    svg = await draw('wide');
    narrowSvg = await draw('narrow');
    drawn = drawnTables(live).map((table) => ({
      rows: drawnRows(table, view.data(table.data) as Record<string, unknown>[]),
      formats: Object.fromEntries(table.columns.flatMap((column) => (column.format ? [[column.title, column.format]] : []))),
    }));
  } catch (error) {
    // An error Vega logged first says what went wrong; the throw is often what it led to.
    const logged = vegaErrors[0];
    throw new ChartError(
      id,
      logged ? `Vega reported an error while drawing the chart: ${logged}` : `Vega could not render the chart: ${problemOf(error)}`,
    );
  } finally {
    view.finalize();
  }
  if (loads.refused.length > 0) {
    throw new ChartError(
      id,
      `the chart asked to load ${JSON.stringify(loads.refused[0])}; charts load nothing: their data comes from the post's TypeScript`,
    );
  }
  if (vegaErrors.length > 0) throw new ChartError(id, `Vega reported an error while drawing the chart: ${vegaErrors[0]}`);
  // (After the loads: a spec that parses text it loaded is refused for the load.)
  const textData = textDataFormats(vega as never);
  if (textData.length > 0) {
    throw new ChartError(
      id,
      `the chart asks Vega to parse its data as text: ${textData.join(', ')}. Give it rows instead: parse the file in figures.ts (d3-dsv's csvParse, say) and pass the rows`,
    );
  }
  const link = loads.unsafeLinks[0] ?? unsafeSvgLink(svg);
  if (link !== undefined) {
    throw new ChartError(
      id,
      `the chart links to ${JSON.stringify(link)}; a chart's links may only lead to the web (http or https), to mail, or to this site`,
    );
  }
  const datasets = ('datasets' in spec && spec.datasets ? spec.datasets : {}) as RenderedChart['datasets'];
  const { datasets: _datasets, ...vegaLite } = spec as TopLevelSpec & { datasets?: unknown };
  return {
    vegaLite: vegaLite as TopLevelSpec,
    vega: withoutDatasetValues(vega, new Set(Object.keys(datasets))),
    datasets,
    drawn,
    svg: staticSvg(svg, id),
    narrowSvg: staticSvg(narrowSvg, `${id}-narrow`),
    sizes,
    fitted,
  };
}
