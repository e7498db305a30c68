/**
 * The chart runtime, fetched once per page by the loader as a classic script. It runs a chart's
 * compiled Vega spec with a plain View and the CSP-safe expression interpreter (no `new Function`),
 * renders it as SVG off to the side, then swaps it in for the static SVG.
 */
import { View } from 'vega-view';
import { parse } from 'vega-parser';
import { transforms } from 'vega-dataflow';
import { textMetrics } from 'vega-scenegraph';
import { expressionInterpreter } from 'vega-interpreter';
import { RUNTIME_TRANSFORMS } from './runtime-transforms.ts';
import { RUNTIME_READY_EVENT, type ChartRuntime } from './protocol.ts';
import { createTooltipHandler } from './tooltip.ts';
import { wireDownloads } from './downloads.ts';
import type { ChartPayload } from '../lib/charts/embed.ts';
import { formatNumber } from '../lib/charts/describe.ts';

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

/** The signal a Vega-Lite interval selection named `zoom`, bound to the scales, keeps x's range in. */
const ZOOM_SIGNAL = 'zoom_x';
/** A key press pans by this share of the visible range (Shift: five times as far)... */
const PAN_STEP = 0.1;
/** ...and zooms in or out by this factor. */
const ZOOM_STEP = 1.5;

type Vega = ChartPayload['vega'];

function hasSignal(vega: Vega, name: string): boolean {
  return (vega.signals ?? []).some((signal) => signal.name === name);
}

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
 * Keys for a chart with x zoom: ←/→ pan, + (or =) and − zoom in and out around the middle, 0 or
 * Escape reset. They set the zoom selection's own signal, so wheel, drag and double click carry
 * on from wherever the keys left the chart. A polite status line says the range now shown.
 */
function keyboardZoom(view: View, live: HTMLElement, status: HTMLElement, xTitle: string): void {
  live.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const [lo, hi] = view.scale('x').domain() as [number, number];
    const width = hi - lo;
    const middle = (lo + hi) / 2;
    const pan = width * PAN_STEP * (event.shiftKey ? 5 : 1);
    let range: [number, number] | null;
    switch (event.key) {
      case 'ArrowLeft':
        range = [lo - pan, hi - pan];
        break;
      case 'ArrowRight':
        range = [lo + pan, hi + pan];
        break;
      case '+':
      case '=':
        range = [middle - width / ZOOM_STEP / 2, middle + width / ZOOM_STEP / 2];
        break;
      case '-':
      case '_':
        range = [middle - (width * ZOOM_STEP) / 2, middle + (width * ZOOM_STEP) / 2];
        break;
      case '0':
      case 'Escape':
        // Escape only means something here when zoomed; otherwise let it through.
        if (event.key === 'Escape' && view.signal(ZOOM_SIGNAL) == null) return;
        range = null;
        break;
      default:
        return;
    }
    event.preventDefault();
    view.signal(ZOOM_SIGNAL, range);
    void view.runAsync().then(() => {
      const [from, to] = view.scale('x').domain() as [number, number];
      status.textContent = `${xTitle} from ${formatNumber(from)} to ${formatNumber(to)}${range ? '' : ' (reset)'}`;
    });
  });
}

/**
 * Makes the live view one accessible, focusable object: named by the figure's caption and
 * described by its summary (the same ids the static SVG used), with a visible focus ring (CSS).
 * A chart that zooms is an application (so screen readers pass its keys through) and says which
 * keys it takes; the others are images. Vega's own SVG markup underneath is hidden from the
 * accessibility tree, as the static SVG's was inside role="img".
 */
function makeAccessible(element: HTMLElement, live: HTMLElement, view: View, vega: Vega, staticSvg: Element): void {
  const chartId = element.dataset.chartId ?? 'chart';
  const caption = staticSvg.getAttribute('aria-labelledby');
  const described = (staticSvg.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const zoomable = hasSignal(vega, ZOOM_SIGNAL);

  live.tabIndex = 0;
  live.setAttribute('role', zoomable ? 'application' : 'img');
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
    keyboardZoom(view, live, status, xAxisTitle(vega));
  }
  if (described.length > 0) live.setAttribute('aria-describedby', described.join(' '));
  live.querySelector('svg')?.setAttribute('aria-hidden', 'true');
}

async function hydrate(element: HTMLElement): Promise<void> {
  const payloadScript = element.querySelector('script.chart__payload');
  const staticSvg = element.querySelector(':scope > svg');
  if (!payloadScript || !staticSvg) throw new Error('the figure has no payload or no static SVG');
  const payload = JSON.parse(payloadScript.textContent ?? '') as ChartPayload;

  const view = new View(parse(specWithData(payload), undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    tooltip: createTooltipHandler(element),
  });
  // initialize() empties its container, so render into a fresh one and swap only when drawn.
  const live = document.createElement('div');
  live.className = 'chart__live';
  view.initialize(live);
  await view.runAsync();
  live.querySelector(':scope > form.vega-bindings:empty')?.remove();
  makeAccessible(element, live, view, payload.vega, staticSvg);
  staticSvg.replaceWith(live);
  wireDownloads(element, view, payload);
}

const chartRuntime: ChartRuntime = { hydrate };
document.dispatchEvent(new CustomEvent(RUNTIME_READY_EVENT, { detail: chartRuntime }));
