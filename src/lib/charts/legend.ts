/**
 * The builders' legend: above the plot (so no mark runs through it and no tooltip covers it), its
 * entries in a row that wraps into as many columns as fit the layout's width, since the row that
 * fits a laptop's column runs off a phone's. Widths are Vega's own estimate of text (0.8 em a
 * character), the estimate the build and the browser both measure with.
 */
import type { ChartTheme } from './theme.ts';
import { LAYOUT_WIDTH_PARAM } from './layout.ts';
import { maxOf } from '../numeric.ts';

/** The room a legend entry takes: its symbol, the gap to its label, and the space after it. */
const LEGEND_SYMBOL = 20;
const LEGEND_COLUMN_PADDING = 16;
/** The legend's distance above the plot: room for the y axis' title, which sits across the plot's top (theme.ts). */
export const LEGEND_OFFSET = 30;
/** About the room the y axis takes from the layout's width: the legend spans the plot. */
const Y_AXIS = 60;

export interface LegendOptions {
  /** The legend's title; none by default (the entries name themselves). */
  readonly title?: string | undefined;
  /** The entries' symbol: a stroke for lines, a circle for points. */
  readonly symbolType: 'stroke' | 'circle';
  /** Draw the symbols opaque, whatever the marks' opacity: points drawn light so a cloud's density shows. */
  readonly opaqueSymbols?: boolean;
}

/** The width of one column of the legend: its longest entry's. */
function entryWidth(names: readonly string[], theme: ChartTheme): number {
  return Math.ceil(LEGEND_SYMBOL + 0.8 * theme.fontSize.label * maxOf(names.map((name) => name.length)) + LEGEND_COLUMN_PADDING);
}

/** How many rows the legend of `names` wraps into in a layout this wide (the columns' expression, in TypeScript). */
export function legendRows(names: readonly string[], theme: ChartTheme, layoutWidth: number): number {
  const columns = Math.max(1, Math.floor((layoutWidth - Y_AXIS + LEGEND_COLUMN_PADDING) / entryWidth(names, theme)));
  return Math.ceil(names.length / columns);
}

/** A legend of `names` that wraps to the layout's width (the chart must define layoutWidthParam). */
export function wrappedLegend(names: readonly string[], theme: ChartTheme, options: LegendOptions) {
  return {
    title: options.title ?? null,
    orient: 'top',
    direction: 'horizontal',
    symbolType: options.symbolType,
    offset: LEGEND_OFFSET,
    columnPadding: LEGEND_COLUMN_PADDING,
    ...(options.opaqueSymbols ? { symbolOpacity: 1 } : {}),
    columns: { expr: `max(1, floor((${LAYOUT_WIDTH_PARAM} - ${Y_AXIS} + ${LEGEND_COLUMN_PADDING}) / ${entryWidth(names, theme)}))` },
  } as const;
}

/** The top-level parameter wrappedLegend's columns read: the layout's whole width (the build and the browser set it). */
export function layoutWidthParam(theme: ChartTheme) {
  return { name: LAYOUT_WIDTH_PARAM, value: theme.layouts.wide.width } as const;
}
