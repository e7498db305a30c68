/**
 * Downloads for a live chart: its SVG, a PNG, its data as CSV and its Vega-Lite spec with the data
 * put back in. The buttons are in the page from the start (hidden until the chart is live, so
 * nothing moves); this wires them. Everything is made in the browser from what the page already
 * holds, so it works from disk and in the offline file too.
 */
import type { ChartPayload } from '../lib/charts/embed.ts';
import { toCsv } from '../lib/charts/csv.ts';

function save(name: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * What a figure's downloads are made from: a chart's live view, or for small multiples every
 * panel (src/client/panels.ts).
 */
export interface Downloadable {
  /** The figure's SVG as it is drawn now, its ink in currentColor. */
  toSVG(): Promise<string>;
  /** The datasets, by name, that the spec the page shows reads. */
  readonly datasets: ChartPayload['datasets'];
  /** The CSV's tables, one after another; the datasets' rows by default. */
  readonly tables?: readonly (readonly Record<string, unknown>[])[];
}

/**
 * The live view's SVG as markup, as it is drawn now (zoomed or panned, its data the latest). Read
 * from the page, where Vega's SVG renderer drew it: the runtime leaves out Vega's second, string
 * renderer (view.toSVG), which would draw the same markup again (src/integrations/chart-runtime.ts).
 */
export function liveSvgMarkup(live: Element): string {
  const svg = live.querySelector('svg');
  if (!svg) return '';
  const copy = svg.cloneNode(true) as Element;
  copy.removeAttribute('aria-hidden');
  return new XMLSerializer().serializeToString(copy);
}

/**
 * The chart's SVG as a file, as the reader sees it now: colours given as currentColor become the
 * theme's text colour, on the theme's background (the chart itself is transparent).
 */
async function svgFile(chart: Downloadable, element: HTMLElement): Promise<string> {
  const color = getComputedStyle(element).color;
  const background = getComputedStyle(document.body).backgroundColor || '#fff';
  return (await chart.toSVG())
    .replace(/currentColor/g, color)
    .replace(/^(<svg[^>]*>)/, (open) => `${open}<rect width="100%" height="100%" fill="${background}"/>`);
}

/** Draws the SVG on a canvas at twice its size, on the page's background, and returns a PNG. */
async function pngFile(svg: string): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * scale;
  canvas.height = image.naturalHeight * scale;
  const context = canvas.getContext('2d')!;
  context.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'));
}

/** The Vega-Lite spec the page shows, with its datasets back in: it reproduces the chart on its own. */
function specFile(figure: Element, datasets: ChartPayload['datasets']): string {
  const shown = figure.querySelector('.chart__spec code')?.textContent ?? '{}';
  return `${JSON.stringify({ ...JSON.parse(shown), datasets }, null, 2)}\n`;
}

/** Wires the figure's download buttons to what it draws; files are named after the chart's id. */
export function wireDownloads(figure: Element, name: string, chart: Downloadable): void {
  // The chart's ink is the text colour of the element the chart is drawn in.
  const element = figure.querySelector<HTMLElement>('vega-chart') ?? document.body;
  // Read when pressed: an explorable figure swaps its datasets' rows as the reader moves its controls.
  const tables = () => chart.tables ?? Object.values(chart.datasets);
  const actions: Record<string, () => Promise<void>> = {
    svg: async () => save(`${name}.svg`, new Blob([await svgFile(chart, element)], { type: 'image/svg+xml' })),
    png: async () => save(`${name}.png`, await pngFile(await svgFile(chart, element))),
    csv: async () =>
      save(
        `${name}.csv`,
        new Blob(
          [
            tables()
              .map((rows) => toCsv(rows))
              .join('\n'),
          ],
          { type: 'text/csv' },
        ),
      ),
    spec: async () => save(`${name}.vl.json`, new Blob([specFile(figure, chart.datasets)], { type: 'application/json' })),
  };
  for (const button of figure.querySelectorAll<HTMLButtonElement>('.chart__downloads button[data-download]')) {
    const action = actions[button.dataset.download ?? ''];
    if (action)
      button.addEventListener('click', () => void action().catch((error: unknown) => console.error(`download failed: ${String(error)}`)));
  }
}
