/**
 * The keyboard's way into a live chart's legend. Vega-Lite binds a click on an entry to the
 * chart's "isolate" selection (that series shows, the others fade; a second click shows them
 * all again). Vega draws the legend as plain SVG groups, so here each entry becomes a button a
 * keyboard reaches with Tab and presses with Enter or Space, which clicks it where Vega looks
 * for clicks. The rest of Vega's SVG stays hidden from screen readers, as before.
 */
import type { View } from 'vega-view';

/** The groups Vega draws a legend's entries in (one per series, inside the entries' scope). */
const ENTRY_SELECTOR = '.role-legend .role-scope > g';

/** A click in the middle of an entry, as Vega picks items by the pointer's position. */
function clickEntry(entry: Element): void {
  const box = entry.getBoundingClientRect();
  const init = { bubbles: true, cancelable: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
  // Vega listens for the pointer and click events the browser sends for a real click.
  for (const type of ['pointermove', 'pointerdown', 'pointerup'] as const) entry.dispatchEvent(new PointerEvent(type, init));
  entry.dispatchEvent(new MouseEvent('click', init));
}

/** Makes every legend entry in the live view a labelled, pressable button, and hides the rest of the SVG. */
export function wireLegend(live: HTMLElement, view: View): void {
  const svg = live.querySelector('svg');
  if (!svg) return;
  const entries = [...svg.querySelectorAll(ENTRY_SELECTOR)];
  if (entries.length === 0) {
    svg.setAttribute('aria-hidden', 'true');
    return;
  }
  // Only the entries are exposed: everything else in the SVG is hidden, branch by branch.
  svg.removeAttribute('aria-hidden');
  const keep = new Set<Element>(entries.flatMap((entry) => ancestorsUpTo(entry, svg)));
  for (const element of svg.querySelectorAll('*')) {
    if (!keep.has(element) && keep.has(element.parentElement!)) element.setAttribute('aria-hidden', 'true');
  }
  for (const element of keep) if (!entries.includes(element)) element.setAttribute('role', 'presentation');
  const refresh = () => {
    for (const entry of entries) {
      const name = entry.textContent?.trim() ?? '';
      const faded = Number(entry.querySelector('.role-legend-symbol path')?.getAttribute('opacity') ?? 1) < 1;
      entry.setAttribute('aria-label', `${name}: ${faded ? 'hidden; press to show' : 'shown; press to show only this series'}`);
    }
  };
  for (const entry of entries) {
    entry.setAttribute('role', 'button');
    entry.setAttribute('tabindex', '0');
    entry.classList.add('chart__legend-entry');
    entry.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      clickEntry(entry);
    });
  }
  refresh();
  void view.runAfter(refresh, true);
  view.addEventListener('click', () => void view.runAsync().then(refresh));
}

/** An element and its ancestors up to (not including) `top`. */
function ancestorsUpTo(element: Element, top: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = element; node && node !== top; node = node.parentElement) chain.push(node);
  return chain;
}
