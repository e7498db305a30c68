/**
 * A tooltip for live charts: a small box that follows the pointer and lists "Name: value" lines.
 * Text goes in with textContent, never as markup, so data can't inject anything; positioning
 * uses the CSSOM, which a strict Content-Security-Policy allows.
 */

type TooltipValue = unknown;

/** Turns a Vega tooltip value into "key: value" lines. */
export function tooltipLines(value: TooltipValue): string[] {
  if (value == null || value === '') return [];
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).map(([key, v]) => `${key}: ${String(v)}`);
  }
  return [String(value)];
}

/** A Vega tooltip handler drawing into one box per chart, placed beside the pointer. */
export function createTooltipHandler(host: HTMLElement) {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  host.append(box);

  return (_handler: unknown, event: MouseEvent | undefined, _item: unknown, value: TooltipValue): void => {
    const lines = tooltipLines(value);
    if (lines.length === 0 || !event) {
      box.hidden = true;
      return;
    }
    box.replaceChildren(
      ...lines.map((line) => {
        const row = document.createElement('div');
        row.textContent = line;
        return row;
      }),
    );
    box.hidden = false;
    const hostBox = host.getBoundingClientRect();
    const offset = 12;
    // Keep the box inside the chart: flip to the pointer's left when it would overflow.
    let left = event.clientX - hostBox.left + offset;
    if (left + box.offsetWidth > hostBox.width) left = event.clientX - hostBox.left - offset - box.offsetWidth;
    const top = Math.max(0, event.clientY - hostBox.top + offset);
    box.style.left = `${Math.max(0, left)}px`;
    box.style.top = `${top}px`;
  };
}
