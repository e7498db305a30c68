/**
 * The house style for charts, following the seed post's `PLOT` namedtuple:
 * 900 × 750 pixels, fontscale 2, and its three colours.
 */
import type { Config } from 'vega-lite';

export interface ChartTheme {
  readonly width: number;
  readonly height: number;
  /** Multiplies every font size, like holoviews' `fontscale`. */
  readonly fontscale: number;
  readonly colors: { readonly blue: string; readonly red: string; readonly tan: string };
  readonly font: string;
}

// #region plot
/** The seed's `PLOT`: width=900, height=750, fontscale=2, tan, blue and red. */
export const PLOT: ChartTheme = Object.freeze({
  width: 900,
  height: 750,
  fontscale: 2,
  colors: Object.freeze({ blue: '#4687b7', red: '#ce7b6d', tan: '#ddb377' }),
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
// #endregion plot

/** Vega's default font sizes, before the theme's fontscale multiplies them. */
const BASE_FONT_SIZE = { label: 10, title: 11, chartTitle: 13 } as const;

/**
 * The colour of everything in a chart that is not data: axes, grid, legend text and the title.
 * `currentColor` makes it the page's text colour (the CSS `color` of the element the SVG sits in),
 * so one SVG, static or live, follows the site's light and dark themes without a second render.
 * (CSS custom properties would not do: browsers ignore var() in SVG presentation attributes.)
 */
export const INK = 'currentColor';
/** The grid is the ink, faint: about #dedede on white, #2e3338 on the dark theme's #0d1117. */
const GRID_OPACITY = 0.15;

/**
 * The Vega-Lite `config` block for a theme: fonts scaled, a faint grid, no chart border, and a
 * transparent background with axes, legend and title in the page's text colour (see INK).
 */
export function themeConfig(theme: ChartTheme = PLOT): Config {
  const label = BASE_FONT_SIZE.label * theme.fontscale;
  const title = BASE_FONT_SIZE.title * theme.fontscale;
  return {
    font: theme.font,
    // No background rect: the page's background shows through, in either theme.
    background: 'transparent',
    // Lines get thicker with the fonts, so they stay legible when the SVG is scaled to a phone.
    line: { strokeWidth: 1.5 * theme.fontscale },
    point: { size: 40 * theme.fontscale * theme.fontscale },
    axis: {
      labelFontSize: label,
      titleFontSize: title,
      titlePadding: 4 * theme.fontscale,
      tickSize: 5 * theme.fontscale,
      labelColor: INK,
      titleColor: INK,
      tickColor: INK,
      domainColor: INK,
      gridColor: INK,
      gridOpacity: GRID_OPACITY,
    },
    legend: {
      labelFontSize: label,
      titleFontSize: title,
      labelColor: INK,
      titleColor: INK,
      symbolSize: 100 * theme.fontscale,
      symbolStrokeWidth: 2 * theme.fontscale,
    },
    title: { fontSize: BASE_FONT_SIZE.chartTitle * theme.fontscale, anchor: 'middle', offset: 6 * theme.fontscale, color: INK, subtitleColor: INK },
    view: { stroke: null },
  };
}
