/**
 * The only script a page loads up front (a classic script, so it also works from file://). It
 * defines <vega-chart>, and when the first chart nears the viewport, or is hovered or focused,
 * it adds the chart runtime to the page once and hands every chart to it. Being the page's one
 * deferred script, it also gives each code listing its Copy button (copy-code.ts).
 */
import { RUNTIME_FILE, RUNTIME_READY_EVENT, type ChartRuntime, type RuntimeReadyEvent } from './protocol.ts';
import { addCopyButtons } from './copy-code.ts';

// The runtime sits next to this script, so the pair works under any base path and from disk. In a
// self-contained file both are inline (no src) and the runtime has announced itself already.
const loaderSrc = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;
let announced: ChartRuntime | undefined;
document.addEventListener(RUNTIME_READY_EVENT, (event) => (announced = (event as RuntimeReadyEvent).detail), { once: true });
let runtime: Promise<ChartRuntime> | undefined;

function loadRuntime(): Promise<ChartRuntime> {
  runtime ??= announced
    ? Promise.resolve(announced)
    : new Promise<ChartRuntime>((resolve, reject) => {
        const url = new URL(RUNTIME_FILE, loaderSrc).href;
        document.addEventListener(RUNTIME_READY_EVENT, (event) => resolve((event as RuntimeReadyEvent).detail), { once: true });
        const script = document.createElement('script');
        script.src = url;
        script.onerror = () => reject(new Error(`could not load ${url}`));
        document.head.append(script);
      });
  return runtime;
}

/** Adds a page's figure code (its explorable figures' functions, figure-code.js) once; it registers itself. */
const figureCodeLoaded = new Set<string>();
function loadFigureCode(relative: string): void {
  const url = new URL(relative, document.baseURI).href;
  if (figureCodeLoaded.has(url)) return;
  figureCodeLoaded.add(url);
  const script = document.createElement('script');
  script.src = url;
  script.onerror = () => console.error(`could not load ${url}: the figure's controls stay at their defaults`);
  document.head.append(script);
}

// From disk, a link to a folder would open a file listing: lead it to the folder's index.html.
if (location.protocol === 'file:') {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && link.protocol === 'file:' && link.pathname.endsWith('/')) link.pathname += 'index.html';
  });
}

const nearViewport = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) if (entry.isIntersecting) (entry.target as VegaChartElement).wake();
  },
  { rootMargin: '200px 0px' },
);

class VegaChartElement extends HTMLElement {
  #woken = false;

  connectedCallback(): void {
    nearViewport.observe(this);
    this.addEventListener('pointerenter', this.wake, { once: true });
    this.addEventListener('focusin', this.wake, { once: true });
  }

  disconnectedCallback(): void {
    nearViewport.unobserve(this);
  }

  /** Brings the chart to life; safe to call more than once. */
  wake = (): void => {
    if (this.#woken) return;
    this.#woken = true;
    nearViewport.unobserve(this);
    this.dataset.state = 'loading';
    const live = loadRuntime();
    // After the runtime's: the chart comes alive first, its controls once this arrives too.
    if (this.dataset.figureCode) loadFigureCode(this.dataset.figureCode);
    live
      .then((chartRuntime) => chartRuntime.hydrate(this))
      .then(() => {
        this.dataset.state = 'live';
      })
      .catch((error: unknown) => {
        // The static SVG stays; say why the chart did not come alive.
        this.dataset.state = 'static';
        console.error(`chart "${this.dataset.chartId}" stayed static:`, error);
      });
  };
}

// A link to an explorable figure's state (#cumulative-gradient:n=20,x=1) names no element, so the
// browser scrolls nowhere: bring the figure into view (it then wakes, and shows that state).
// (In offline.html this script is inline in <head>, before the figure exists.)
const stateLink = /^#([a-z][a-z0-9-]*):/.exec(location.hash);
const showLinkedFigure = () => stateLink && document.getElementById(stateLink[1]!)?.scrollIntoView();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showLinkedFigure, { once: true });
else showLinkedFigure();

if (!customElements.get('vega-chart')) customElements.define('vega-chart', VegaChartElement);

// Deferred, so the listings are parsed by now (in an offline file the script may run earlier).
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => addCopyButtons(), { once: true });
else addCopyButtons();
