/**
 * Zoom and pan on x for a live chart, kept out of the reader's way:
 * - a plain wheel scrolls the page and briefly says how to zoom; Ctrl/⌘ + wheel zooms, and so
 *   does a plain wheel once the reader has engaged the chart (clicked it, or focused it by key);
 * - one finger scrolls the page, two fingers pinch-zoom;
 * - keys: ← → pan, + − zoom, 0 (or Escape) resets;
 * - a Reset button shows while zoomed.
 * Vega-Lite's own interval selection does the wheel (the build clamps its updates to the data's
 * extent, src/lib/charts/layout.ts); the drag, the keys and the pinch set the same signal, clamped
 * here. (Vega-Lite's drag ran the view's dataflow on every pointer move in the window:
 * src/lib/charts/live-spec.ts.)
 */
import type { View } from 'vega-view';
import { clampToExtent, ZOOM_SIGNAL } from '../lib/charts/layout.ts';
import { formatNumber } from '../lib/charts/describe.ts';
import { plotPointAt } from './plot-origin.ts';

/** A key press pans by this share of the visible range (Shift: five times as far)... */
const PAN_STEP = 0.1;
/** ...and zooms in or out by this factor. */
const ZOOM_STEP = 1.5;
/** How long the "Ctrl + scroll" hint stays after the last plain wheel. */
const HINT_MS = 1200;

type Range = [number, number];

export interface ZoomControls {
  /** Sets the visible x range (null: everything), clamped to the extent, and (unless told not to) says so politely. */
  show(range: Range | null, announce?: boolean): Promise<void>;
  /** Says politely which range is shown. */
  announce(): void;
}

/** Whether the reader has engaged the chart: it, or something in it, has focus (a click focuses it). */
const engaged = (live: HTMLElement) => live.matches(':focus-within');

/** Is the zoom showing less than the whole extent? */
function isZoomed(value: unknown, extent: readonly [number, number]): boolean {
  return Array.isArray(value) && (value[0] > extent[0] || value[1] < extent[1]);
}

/** A brief overlay saying how to zoom, shown when a plain wheel scrolled past the chart. */
function wheelHint(host: HTMLElement): () => void {
  const hint = document.createElement('p');
  hint.className = 'chart__hint';
  hint.hidden = true;
  hint.setAttribute('aria-hidden', 'true');
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  hint.textContent = `Use ${mac ? '\u2318' : 'Ctrl'} + scroll to zoom`;
  host.append(hint);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    hint.hidden = false;
    hint.dataset.shown = '';
    clearTimeout(timer);
    timer = setTimeout(() => {
      delete hint.dataset.shown;
      hint.hidden = true;
    }, HINT_MS);
  };
}

/**
 * Lets a plain wheel through to the page unless the reader asked for the chart. The listener is on
 * the live view's container in the capture phase, so it runs before Vega's own on the SVG inside
 * and can stop the event from reaching it.
 */
function cooperativeWheel(live: HTMLElement, showHint: () => void): void {
  // A click engages the chart: it takes the focus (without scrolling), which it keeps until the
  // reader clicks or tabs elsewhere.
  live.addEventListener('pointerdown', () => {
    if (!engaged(live)) live.focus({ preventScroll: true });
  });
  live.addEventListener(
    'wheel',
    (event) => {
      if (event.ctrlKey || event.metaKey || engaged(live)) return;
      event.stopPropagation();
      showHint();
    },
    { capture: true },
  );
}

/**
 * Two-finger pinch on touch screens: the span shrinks or grows with the distance between the
 * fingers, around the x between them. While two fingers are down, Vega sees none of their moves
 * (it would pan with the first).
 */
function pinchZoom(live: HTMLElement, view: View, controls: ZoomControls): void {
  const touches = new Map<number, number>();
  let start: { distance: number; range: Range; centre: number } | undefined;
  const spread = () => {
    const [a, b] = [...touches.values()];
    return Math.abs((a ?? 0) - (b ?? 0));
  };
  /** A client x as a value of the x scale (the SVG is drawn at its layout size, then scaled by CSS). */
  const valueAt = (clientX: number): number => {
    const svg = live.querySelector('svg') ?? live;
    return view.scale('x').invert(plotPointAt(view, svg, { clientX, clientY: 0 }).x) as number;
  };
  live.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch') return;
    touches.set(event.pointerId, event.clientX);
    if (touches.size === 2) {
      const [a, b] = [...touches.values()] as [number, number];
      start = { distance: spread(), range: view.scale('x').domain() as Range, centre: valueAt((a + b) / 2) };
    }
  });
  live.addEventListener(
    'pointermove',
    (event) => {
      if (!touches.has(event.pointerId)) return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size < 2 || !start) return;
      event.stopPropagation();
      const ratio = spread() / Math.max(start.distance, 1);
      if (!(ratio > 0)) return;
      const { range, centre } = start;
      void controls.show([centre - (centre - range[0]) / ratio, centre + (range[1] - centre) / ratio]);
    },
    { capture: true },
  );
  const lift = (event: PointerEvent) => {
    touches.delete(event.pointerId);
    if (touches.size < 2) start = undefined;
  };
  for (const type of ['pointerup', 'pointercancel'] as const) live.addEventListener(type, lift);
}

/**
 * A drag over the plot pans x, as Vega-Lite's interval selection did: the range follows the
 * pointer, held to the extent. Once it moves, the pointer is captured, so the drag goes on outside the chart. A
 * finger pans sideways only (touch-action: pan-y leaves up and down to the page, which then cancels
 * the drag), and a second finger hands over to the pinch. The range is announced when the drag ends.
 */
function dragPan(live: HTMLElement, view: View, controls: ZoomControls): void {
  let drag: { pointerId: number; startX: number; domain: Range; svgUnitsPerPixel: number; moved: boolean } | undefined;
  live.addEventListener('pointerdown', (event) => {
    if (!event.isPrimary) {
      drag = undefined;
      return;
    }
    const svg = live.querySelector('svg');
    if (event.button !== 0 || !svg) return;
    const { x, y, svgUnitsPerPixel } = plotPointAt(view, svg, event);
    if (x < 0 || x > view.width() || y < 0 || y > view.height()) return;
    drag = { pointerId: event.pointerId, startX: event.clientX, domain: view.scale('x').domain() as Range, svgUnitsPerPixel, moved: false };
  });
  live.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = (event.clientX - drag.startX) * drag.svgUnitsPerPixel;
    if (dx === 0 && !drag.moved) return;
    // Captured from the first move, not the press: a click or double-click (Vega's reset) still
    // reaches the SVG it was made on.
    if (!drag.moved) live.setPointerCapture(event.pointerId);
    drag.moved = true;
    const [lo, hi] = drag.domain;
    const shift = (-dx / view.width()) * (hi - lo);
    void controls.show([lo + shift, hi + shift], false);
  });
  const end = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (drag.moved) controls.announce();
    drag = undefined;
  };
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) live.addEventListener(type, end);
}

/** Keys for the focused chart: ← → pan, + (or =) and − zoom around the middle, 0 or Escape reset. */
function keyboardZoom(live: HTMLElement, view: View, controls: ZoomControls): void {
  live.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const [lo, hi] = view.scale('x').domain() as Range;
    const width = hi - lo;
    const middle = (lo + hi) / 2;
    const pan = width * PAN_STEP * (event.shiftKey ? 5 : 1);
    let range: Range | null;
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
    void controls.show(range);
  });
}

/**
 * Wires zoom for a chart whose x zooms within `extent`: the wheel, pinch, keys and Reset button,
 * and the drag where the live spec left it to the client (`clientPan`). `status` is a polite live
 * region for the range now shown.
 */
export function wireZoom(
  host: HTMLElement,
  live: HTMLElement,
  view: View,
  extent: readonly [number, number],
  status: HTMLElement,
  xTitle: string,
  { clientPan }: { clientPan: boolean },
): void {
  const say = (suffix = '') => {
    const [from, to] = view.scale('x').domain() as Range;
    status.textContent = `${xTitle} from ${formatNumber(from)} to ${formatNumber(to)}${suffix}`;
  };
  const controls: ZoomControls = {
    async show(range, announce = true) {
      const clamped = range && clampToExtent(range, extent);
      view.signal(ZOOM_SIGNAL, clamped && isZoomed(clamped, extent) ? clamped : null);
      await view.runAsync();
      if (announce) say(range ? '' : ' (reset)');
    },
    announce: () => say(),
  };

  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'chart__reset';
  reset.textContent = 'Reset zoom';
  reset.hidden = true;
  reset.addEventListener('click', () => void controls.show(null).then(() => live.focus()));
  host.append(reset);
  view.addSignalListener(ZOOM_SIGNAL, (_name, value) => {
    reset.hidden = !isZoomed(value, extent);
  });

  cooperativeWheel(live, wheelHint(host));
  pinchZoom(live, view, controls);
  if (clientPan) dragPan(live, view, controls);
  keyboardZoom(live, view, controls);
}
