/**
 * The browser's copy of a post's explorable figures: the same functions, bundled by esbuild from
 * the post's own modules with only what they import, as one classic script per page
 * (`figure-code.js`, next to the page's index.html). <VegaChart> records each explorable figure
 * of the page as it renders it; once every page is written, the chart-runtime integration bundles
 * each page's (figure-code-bundle.ts; `astro dev` bundles one when it is asked for).
 *
 * The record lives on globalThis: the components run in the build's bundle of the pages, the
 * integration in Astro's config, two copies of this module in one process.
 */

/** The script's name, next to the page's index.html. */
export const FIGURE_CODE_FILE = 'figure-code.js';

/** Where an explorable figure's value comes from: a module (from the project's root) and its export. */
export interface FigureSource {
  readonly module: string;
  readonly exportName: string;
}

/** One explorable figure of a page. */
export interface PageFigure {
  readonly id: string;
  readonly source: FigureSource;
  /** The post's file, for errors. */
  readonly postFile: string;
  /** What the build drew: the function's output at the defaults, as JSON; the browser's copy must give the same. */
  readonly atDefaults: string;
}

/** "content/posts/x/figures.ts#decay" (remark-figure-sources.ts) as its module and export; undefined if it is not one. */
export function parseFigureSource(source: unknown): FigureSource | undefined {
  if (typeof source !== 'string') return undefined;
  const match = /^([^#]+\.(?:ts|js|mts|mjs))#([A-Za-z_$][\w$]*)$/.exec(source);
  return match ? { module: match[1]!, exportName: match[2]! } : undefined;
}

/** A printed output that follows an explorable figure's controls (<PrintedOutput text={decay} figure="…">). */
export interface PrintedBinding {
  readonly figureId: string;
  readonly source: FigureSource;
  readonly postFile: string;
}

interface PageRecord {
  readonly figures: Map<string, PageFigure>;
  readonly printed: PrintedBinding[];
}

const REGISTRY = Symbol.for('computed-figures:figure-code');

/** Page path (as the site serves it, e.g. "/posts/nlp/x/") → what it holds. */
function registry(): Map<string, PageRecord> {
  const holder = globalThis as { [REGISTRY]?: Map<string, PageRecord> };
  return (holder[REGISTRY] ??= new Map());
}

function pageRecord(pagePath: string): PageRecord {
  let record = registry().get(pagePath);
  if (!record) registry().set(pagePath, (record = { figures: new Map(), printed: [] }));
  return record;
}

/** Records an explorable figure of the page at `pagePath`. */
export function recordPageFigure(pagePath: string, figure: PageFigure): void {
  pageRecord(pagePath).figures.set(figure.id, figure);
}

/** Records a printed output of the page at `pagePath` that follows a figure. */
export function recordPrintedOutput(pagePath: string, binding: PrintedBinding): void {
  const { printed } = pageRecord(pagePath);
  if (!printed.some((known) => known.figureId === binding.figureId && sameSource(known.source, binding.source))) printed.push(binding);
}

const sameSource = (a: FigureSource, b: FigureSource) => a.module === b.module && a.exportName === b.exportName;

/** Every page with explorable figures, and those figures, in the order they were recorded. */
export function pagesWithFigures(): [string, PageFigure[]][] {
  return [...registry()].filter(([, record]) => record.figures.size > 0).map(([page, record]) => [page, [...record.figures.values()]]);
}

/** Every page that recorded anything (figures or printed outputs). */
export function recordedPages(): string[] {
  return [...registry().keys()];
}

/** The figures recorded for one page. */
export function pageFigures(pagePath: string): PageFigure[] {
  return [...(registry().get(pagePath)?.figures.values() ?? [])];
}

/**
 * What is wrong with the page's printed outputs that follow a figure, or undefined: each must
 * name a chart of the page that shows the same explorable figure.
 */
export function printedOutputProblem(pagePath: string): string | undefined {
  const record = registry().get(pagePath);
  for (const binding of record?.printed ?? []) {
    const figure = record?.figures.get(binding.figureId);
    const where = `${binding.postFile}: <PrintedOutput figure="${binding.figureId}">`;
    if (!figure) {
      const known = [...(record?.figures.keys() ?? [])];
      return `${where} follows a chart the post does not have${known.length > 0 ? ` (its explorable charts: ${known.join(', ')})` : ''}; give it the id of the <VegaChart> that shows ${binding.source.exportName}`;
    }
    if (!sameSource(figure.source, binding.source)) {
      return `${where} prints ${binding.source.exportName}, but that chart shows ${figure.source.exportName}; give both the same explorable figure`;
    }
  }
  return undefined;
}

/** Forgets every page (a new build starts). */
export function forgetPageFigures(): void {
  registry().clear();
}
