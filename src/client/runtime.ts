/**
 * The chart runtime, fetched once per page by the loader as a classic script. It runs a chart's
 * compiled Vega spec with a plain View and the CSP-safe expression interpreter (no `new Function`),
 * renders it as SVG off to the side, then swaps it in for the static SVG.
 */
import { View } from 'vega-view';
import type { Scene } from 'vega-typings';
import { parse } from 'vega-parser';
import { transforms } from 'vega-dataflow';
import { textMetrics } from 'vega-scenegraph';
import { expressionInterpreter } from 'vega-interpreter';
import { RUNTIME_TRANSFORMS } from '../lib/charts/runtime-transforms.ts';
import { RUNTIME_READY_EVENT, type ChartRuntime } from './protocol.ts';
import { createTooltipBox, vegaTooltipHandler } from './tooltip.ts';
import { createMarker } from './marker.ts';
import { wireNearestTooltip } from './nearest.ts';
import { liveSvgMarkup, wireDownloads } from './downloads.ts';
import { layoutHost, panelIsLive } from './panels.ts';
import { wireZoom } from './zoom.ts';
import { wireLegend } from './legend.ts';
import { tapForTooltip } from './touch.ts';
import { dispatchPointerAt } from './pointer-at.ts';
import { liveRole } from './live-role.ts';
import { registeredFigure } from './figure-registry.ts';
import { wireExplorable } from './explore.ts';
import type { ChartPayload } from '../lib/charts/embed.ts';
import { POINTER_READY_SIGNAL } from '../lib/charts/pointer-marks.ts';
import { refusingLoader } from '../lib/charts/spec-safety.ts';
import { liveSpec, UNIT_SIGNAL, type LiveSpec } from '../lib/charts/live-spec.ts';
import { fittedStart, hasLayoutWidth, layoutFor, resizeView, zoomExtent, type ChartSizes } from '../lib/charts/layout.ts';

Object.assign(transforms, RUNTIME_TRANSFORMS);
// The static SVG was laid out with estimated text widths; measure the same way here so nothing moves.
textMetrics.canvas(false);

/** The compiled spec with the embedded datasets put back in as values. */
function specWithData({ vega, datasets }: ChartPayload): ChartPayload['vega'] {
  return {
    ...vega,
    data: vega.data?.map((entry) => (entry.name in datasets ? { ...entry, values: datasets[entry.name] } : entry)),
  } as ChartPayload['vega'];
}

type Vega = ChartPayload['vega'];

/** The title of the axis drawn for scale `x`, for saying what range is shown. */
function xAxisTitle(vega: Vega): string {
  const axis = (vega.axes ?? []).find((a) => a.scale === 'x' && typeof a.title === 'string');
  return (axis?.title as string | undefined) ?? 'x';
}

/** A paragraph for the chart's figure, created once: the keyboard hint or the live range readout. */
function note(host: HTMLElement, id: string, className: string): HTMLElement {
  const existing = host.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (existing) return existing;
  const element = document.createElement('p');
  element.id = id;
  element.className = className;
  host.append(element);
  return element;
}

/**
 * Makes the live view one accessible, focusable object: named by the figure's caption and
 * described by its summary (the same ids the static SVG used), with a visible focus ring (CSS).
 * A chart that zooms is an application (so screen readers pass its keys through) and says which
 * keys it takes; one with a clickable legend is a group; the others are images. Vega's own SVG
 * markup underneath is hidden from the accessibility tree, as the static SVG's was inside
 * role="img" (wireLegend then exposes the legend's entries, as buttons).
 */
function makeAccessible(element: HTMLElement, live: HTMLElement, view: View, vega: Vega, staticSvg: Element, running: LiveSpec): void {
  const chartId = element.dataset.chartId ?? 'chart';
  const caption = staticSvg.getAttribute('aria-labelledby');
  const described = (staticSvg.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const extent = zoomExtent(vega);
  const zoomable = extent !== undefined;

  live.tabIndex = 0;
  live.setAttribute('role', liveRole(vega));
  live.removeAttribute('aria-roledescription');
  if (caption) {
    live.setAttribute('aria-labelledby', caption);
    // Vega labelled the container with the spec's description; the summary says it already.
    live.removeAttribute('aria-label');
  }
  if (zoomable) {
    const keys = note(element, `${chartId}-keys`, 'chart__keys');
    keys.textContent = 'Keys: \u2190 \u2192 pan, + \u2212 zoom, 0 resets';
    const status = note(element, `${chartId}-status`, 'chart__status');
    status.setAttribute('role', 'status');
    described.push(keys.id);
    wireZoom(element, live, view, extent, status, xAxisTitle(vega), running);
  }
  if (described.length > 0) live.setAttribute('aria-describedby', described.join(' '));
  live.querySelector('svg')?.setAttribute('aria-hidden', 'true');
}

type Pointer = { clientX: number; clientY: number };

/** Sends Vega the pointer events it would have had at `pointer`, to whatever lies there. */
function redispatchTo(live: HTMLElement): (pointer: Pointer) => void {
  return (pointer) => dispatchPointerAt(live, pointer, ['pointerover', 'pointermove']);
}

/**
 * Gives the deferred pointer-only marks (withDeferredPointerMarks) their data: in the first idle
 * moment after the chart came alive, or at once if the reader reaches for it first. Where the
 * pointer was over the chart meanwhile, `reshow` shows its tooltip there without another move.
 */
function openPointerMarks(live: HTMLElement, view: View, reshow: (pointer: Pointer) => void): void {
  let opened = false;
  let pointer: Pointer | undefined;
  const track = (event: PointerEvent) => (pointer = { clientX: event.clientX, clientY: event.clientY });
  live.addEventListener('pointermove', track);
  live.addEventListener('pointerenter', track);
  live.addEventListener('pointerleave', () => (pointer = undefined));
  const open = () => {
    if (opened) return;
    opened = true;
    void view
      .signal(POINTER_READY_SIGNAL, true)
      .runAsync()
      .then(() => {
        live.removeEventListener('pointermove', track);
        if (pointer) reshow(pointer);
      });
  };
  for (const type of ['pointerenter', 'pointerdown', 'focusin'] as const) live.addEventListener(type, open, { once: true });
  if ('requestIdleCallback' in window) requestIdleCallback(open, { timeout: 1000 });
  else setTimeout(open, 200);
}

/**
 * The layer over the chart that holds its tooltip and marker. It is sized by the chart, never by
 * what it holds (CSS `contain: size layout`), so it is a relayout boundary: a new tooltip text lays
 * out this layer alone, where a box inside the page's flow had the whole document laid out again
 * on every move that changed the text.
 */
function createOverlay(element: HTMLElement): HTMLElement {
  const overlay = document.createElement('div');
  overlay.className = 'chart__overlay';
  element.append(overlay);
  return overlay;
}

async function hydrate(element: HTMLElement): Promise<void> {
  const payloadScript = element.querySelector('script.chart__payload');
  const staticSvgs = [...element.querySelectorAll(':scope > svg')];
  if (!payloadScript || staticSvgs.length === 0) throw new Error('the figure has no payload or no static SVG');
  const payload = JSON.parse(payloadScript.textContent ?? '') as ChartPayload;

  const running = liveSpec(specWithData(payload));
  const startsFitted = fittedStart(running.spec);
  // The marker reads the view when it moves; the view takes the handler when it is made.
  let current: View | undefined;
  const overlay = createOverlay(element);
  const tooltip = createTooltipBox(
    overlay,
    createMarker(overlay, element, () => current),
  );
  const view = new View(parse(startsFitted, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    // Charts load nothing (the build refuses a spec that would); the CSP would block it anyway.
    loader: refusingLoader().loader as never,
    tooltip: vegaTooltipHandler(tooltip, new Set(running.pointMarks)),
  });
  current = view;
  // Drawn at the size of the layout the page shows, so it takes the static SVG's box exactly.
  const layoutWidth = hasLayoutWidth(payload.vega);
  // A spec that kept "fit" (fittedStart changed nothing) is sized as the build sized it.
  let fitsItself = startsFitted === running.spec;
  const plotSize = (layout: keyof ChartSizes) => (fitsItself ? undefined : payload.fitted[layout]);
  // The width that picks the layout: the chart's, or for a panel its figure's panels' (as in global.css).
  const host = layoutHost(element);
  let layout = layoutFor(host.clientWidth);
  resizeView(view, payload.sizes[layout], layoutWidth, plotSize(layout));
  // initialize() empties its container, so render into a fresh one and swap only when drawn.
  const live = document.createElement('div');
  live.className = 'chart__live';
  view.initialize(live);
  await view.runAsync();
  // The group every pointer event of a single view lands in (see withPinnedUnit).
  // (vega-typings call scenegraph() the root mark; vega-view returns the Scenegraph that holds it.)
  if (running.pinnedUnit) view.signal(UNIT_SIGNAL, (view.scenegraph() as unknown as { root: Scene }).root.items[0]);
  live.querySelector(':scope > form.vega-bindings:empty')?.remove();
  makeAccessible(element, live, view, payload.vega, staticSvgs[0]!, running);
  staticSvgs[0]!.replaceWith(live);
  for (const svg of staticSvgs.slice(1)) svg.remove();
  const showNearest = running.pointMarks.length > 0 ? wireNearestTooltip(live, view, running.pointMarks, tooltip).showAt : undefined;
  if (running.deferred) openPointerMarks(live, view, showNearest ?? redispatchTo(live));
  wireLegend(live, view);
  tapForTooltip(live, showNearest);
  const figure = element.closest('figure') ?? element;
  const chartId = element.dataset.chartId ?? 'chart';
  // A panel's figure has one set of downloads, for every panel.
  if (host === element)
    wireDownloads(figure, chartId, {
      toSVG: async () => liveSvgMarkup(live),
      datasets: payload.datasets,
      ...(payload.drawn ? { tables: payload.drawn } : {}),
    });
  else panelIsLive(figure, element, view);
  // An explorable figure's controls come alive once its code (figure-code.js) has arrived too.
  // (An empty data-figure-code: the code is inline, as in offline.html.)
  if (element.dataset.figureCode !== undefined && host === element) {
    // New data may need other room for its axes than the build's: from the first new state on, the
    // view lays itself out again ("fit", as the build did) inside the same box.
    const refit = () => {
      if (fitsItself) return;
      fitsItself = true;
      const { autosize } = running.spec;
      view.signal('autosize', typeof autosize === 'string' ? { type: autosize } : autosize);
      view.padding((running.spec.padding ?? 0) as never);
      resizeView(view, payload.sizes[layout], layoutWidth);
    };
    void registeredFigure(chartId).then((explorable) => wireExplorable({ figure, id: chartId, view, payload, explorable, refit }));
  }
  // A rotated phone or a resized window can cross from one layout to the other: redraw at its size.
  new ResizeObserver(() => {
    const next = layoutFor(host.clientWidth);
    if (next === layout) return;
    layout = next;
    resizeView(view, payload.sizes[layout], layoutWidth, plotSize(layout));
    void view.runAsync();
  }).observe(host);
}

const chartRuntime: ChartRuntime = { hydrate };
document.dispatchEvent(new CustomEvent(RUNTIME_READY_EVENT, { detail: chartRuntime }));
