/**
 * Small multiples' panels, as the build, the page and the browser runtime all see them: how many
 * sit in a row, the two sizes a panel is drawn at, the element whose width picks the layout, and
 * the figure's rows with each panel's value as a column. Kept apart from the builder
 * (small-multiples.ts) so the runtime bundles this alone.
 */
import type { ChartLayouts } from './theme.ts';

/**
 * The class of the element round a figure's panels. It is the container the layout follows
 * (global.css's `.chart__panels`): the figure's width, where the row of panels wraps, never a
 * panel's own. The runtime measures the same element (panelHost).
 */
export const PANELS_CLASS = 'chart__panels';

/** The name of the container whose width picks a chart's layout: a single chart, or a figure's panels. */
export const LAYOUT_CONTAINER = 'chart-layout';

/** The room between two panels of a row, in CSS pixels (global.css's column gap). */
export const PANEL_GAP = 12;

/** A panel's height in each layout: shorter than a single chart's, so a phone's stack stays short. */
export const PANEL_HEIGHT = { wide: 240, narrow: 220 } as const;

/** The most panels a figure takes; past this, a table or several figures read better. */
export const MAX_PANELS = 12;

/**
 * Panels per row on a laptop's column: all of them up to three, four as two rows of two (four in
 * a row would draw each 159 px wide, too narrow for 12 px labels), then rows of three. A phone
 * stacks them (each drawn at the phone's width).
 */
export function panelColumns(count: number): 2 | 3 {
  return count === 2 || count === 4 ? 2 : 3;
}

/**
 * A panel's two layouts, from the theme's: in the laptop's column, its share of the row less the
 * gaps (216 px of 672 for three), and on a phone the phone's width.
 */
export function panelLayouts(layouts: ChartLayouts, columns: number): ChartLayouts {
  return {
    wide: { width: Math.floor((layouts.wide.width - (columns - 1) * PANEL_GAP) / columns), height: PANEL_HEIGHT.wide },
    narrow: { width: layouts.narrow.width, height: PANEL_HEIGHT.narrow },
  };
}

/** The name a panel's dataset takes in the figure's Vega-Lite spec: "series_2" for panel 2's "series". */
export function panelDatasetName(name: string, panel: number): string {
  return `${name}_${panel + 1}`;
}

/** One panel's value of the faceted field, and its rows. */
export interface PanelRows {
  readonly value: string;
  readonly rows: readonly Record<string, unknown>[];
}

/** Every panel's rows in panel order, each led by the panel's value under `by`: the figure's table and CSV. */
export function panelRows(by: string, panels: readonly PanelRows[]): Record<string, unknown>[] {
  return panels.flatMap(({ value, rows }) => rows.map((row) => ({ [by]: value, ...row })));
}
