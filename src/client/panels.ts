/**
 * Small multiples in the browser. Each panel is an ordinary chart the runtime brings to life on
 * its own; this says which element's width picks its layout (the figure's panels, as global.css's
 * container query has it), and wires the figure's one set of downloads once a first panel is
 * live: the SVG and PNG of the whole figure as laid out now, the CSV of every panel's rows, the
 * figure's spec with every panel's data.
 */
import type { View } from 'vega-view';
import type { ChartPayload } from '../lib/charts/embed.ts';
import { PANELS_CLASS, panelDatasetName, panelRows } from '../lib/charts/panels.ts';
import { liveSvgMarkup, wireDownloads } from './downloads.ts';

/** The element whose width picks a chart's layout: its figure's panels, or the chart itself. */
export function layoutHost(element: HTMLElement): HTMLElement {
  return element.closest<HTMLElement>(`.${PANELS_CLASS}`) ?? element;
}

const liveViews = new WeakMap<Element, View>();
const wired = new WeakSet<Element>();

const escapeXml = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG element's markup placed at (x, y) of a larger drawing. */
const placed = (svg: string, x: number, y: number) => svg.replace(/^<svg/, `<svg x="${x}" y="${y}"`);

/** An SVG element's markup with its root's size set to width × height. */
const sized = (svg: string, width: number, height: number) =>
  svg.replace(/^<svg[^>]*>/, (tag) =>
    tag.replace(/ (width|height)="[^"]*"/g, '').replace(/^<svg/, `<svg width="${width}" height="${height}"`),
  );

/**
 * The figure as one SVG, laid out as the reader sees it: the legend, then each panel where it
 * sits, at the size the panels are drawn (live, or the static drawing of a panel not yet live).
 */
async function figureSvg(figure: HTMLElement, panels: readonly HTMLElement[]): Promise<string> {
  const grid = figure.querySelector(`.${PANELS_CLASS}`)!.getBoundingClientRect();
  const legend = figure.querySelector('.chart__legend');
  const top = (legend ?? figure.querySelector(`.${PANELS_CLASS}`)!).getBoundingClientRect().top;
  const parts: string[] = [];
  let scale = 1;
  for (const panel of panels) {
    const live = liveViews.has(panel) ? panel.querySelector('.chart__live') : null;
    const shown = [...panel.querySelectorAll(':scope > svg')].find((svg) => getComputedStyle(svg).display !== 'none');
    const svg = live ? liveSvgMarkup(live) : (shown?.outerHTML ?? '');
    const box = panel.getBoundingClientRect();
    scale = Number(/^<svg[^>]*? width="([\d.]+)"/.exec(svg)?.[1] ?? box.width) / box.width;
    parts.push(placed(svg, (box.left - grid.left) * scale, (box.top - top) * scale));
  }
  for (const item of legend?.querySelectorAll('li') ?? []) {
    const swatch = item.querySelector('svg')!;
    const box = swatch.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(item).fontSize) * scale;
    const [x, y] = [(box.left - grid.left) * scale, (box.top - top) * scale];
    parts.push(placed(sized(swatch.outerHTML, box.width * scale, box.height * scale), x, y));
    parts.push(
      `<text x="${(box.right - grid.left) * scale + 6}" y="${y + (box.height * scale) / 2}" dominant-baseline="middle" font-size="${size}" font-family="${escapeXml(getComputedStyle(item).fontFamily).replace(/"/g, "'")}" fill="currentColor">${escapeXml(item.textContent?.trim() ?? '')}</text>`,
    );
  }
  const [width, height] = [grid.width * scale, (grid.bottom - top) * scale];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** Keeps a panel's live view for the figure's downloads; the first panel to come alive wires them. */
export function panelIsLive(figure: HTMLElement, element: HTMLElement, view: View): void {
  liveViews.set(element, view);
  if (wired.has(figure)) return;
  wired.add(figure);
  const panels = [...figure.querySelectorAll<HTMLElement>(`.${PANELS_CLASS} vega-chart`)];
  const payloads = panels.map((panel) => JSON.parse(panel.querySelector('script.chart__payload')?.textContent ?? '') as ChartPayload);
  const titles = panels.map((panel) => document.getElementById(`${panel.dataset.chartId}-title`)?.textContent ?? '');
  const names = [...new Set(payloads.flatMap((payload) => Object.keys(payload.datasets)))];
  wireDownloads(figure, figure.id || 'figure', {
    toSVG: () => figureSvg(figure, panels),
    datasets: Object.fromEntries(
      payloads.flatMap((payload, i) => Object.entries(payload.datasets).map(([name, rows]) => [panelDatasetName(name, i), rows])),
    ),
    tables: names.map((name) =>
      panelRows(
        figure.dataset.by ?? 'panel',
        payloads.map((payload, i) => ({ value: titles[i]!, rows: payload.datasets[name] ?? [] })),
      ),
    ),
  });
}
