/**
 * Where a page's figure code (figure-code.js, bundled from the post's own modules by
 * src/lib/charts/figure-code.ts) leaves its explorable figures for the chart runtime. The two
 * scripts load side by side, in either order: the registry is a global both reach, and the
 * runtime waits for a figure that has not arrived yet.
 */
import type { Explorable } from '../lib/explorable.ts';

/** The event dispatched on `document` each time figures are registered. */
export const FIGURES_REGISTERED_EVENT = 'vega-chart:figures-registered';

const REGISTRY_KEY = '__computedFigures';

type Registry = Record<string, Explorable>;

function registry(): Registry {
  const holder = globalThis as unknown as { [REGISTRY_KEY]?: Registry };
  return (holder[REGISTRY_KEY] ??= {});
}

/** Called by figure-code.js: each explorable figure under its figure's id. */
export function registerFigures(figures: Readonly<Record<string, Explorable>>): void {
  Object.assign(registry(), figures);
  document.dispatchEvent(new CustomEvent(FIGURES_REGISTERED_EVENT));
}

/** The explorable figure with this id, once its code has arrived. */
export function registeredFigure(id: string): Promise<Explorable> {
  const known = registry()[id];
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    const check = () => {
      const figure = registry()[id];
      if (!figure) return;
      document.removeEventListener(FIGURES_REGISTERED_EVENT, check);
      resolve(figure);
    };
    document.addEventListener(FIGURES_REGISTERED_EVENT, check);
  });
}
