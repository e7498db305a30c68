/**
 * The house style for charts. It keeps the seed post's `PLOT` (its three colours, and a theme
 * every figure shares) but draws each chart at the size it is seen: one layout for the column on
 * a laptop and one for a phone, each with its text in real CSS pixels.
 */
import type { Config } from 'vega-lite';

/** A chart's drawn size in CSS pixels, axes and labels included. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** The two layouts every chart is drawn in; the page shows the one that fits its column. */
export interface ChartLayouts {
  /** The post's column on a laptop: 44rem less the page's padding. */
  readonly wide: ChartSize;
  /** A phone's column: a 360 px viewport less the page's padding. */
  readonly narrow: ChartSize;
}

export interface ChartTheme {
  readonly layouts: ChartLayouts;
  /** Font sizes in CSS pixels as seen: each layout is drawn at its own size, never scaled down. */
  readonly fontSize: { readonly label: number; readonly title: number };
  readonly colors: { readonly blue: string; readonly red: string; readonly tan: string };
  /** Dash patterns given to series in order, so that lines differ by more than colour. */
  readonly dashes: readonly (readonly number[])[];
  readonly font: string;
}

// #region plot
/**
 * The seed's `PLOT`, made for the page: the seed's hues (its tan darkened to reach 3:1 on
 * white), a wide and short frame per layout, and fonts of 12 and 13 px whatever the screen.
 */
export const PLOT: ChartTheme = Object.freeze({
  layouts: Object.freeze({
    wide: Object.freeze({ width: 672, height: 400 }),
    narrow: Object.freeze({ width: 328, height: 240 }),
  }),
  fontSize: Object.freeze({ label: 12, title: 13 }),
  colors: Object.freeze({ blue: '#4687b7', red: '#ce7b6d', tan: '#916424' }),
  dashes: Object.freeze([[], [7, 4], [2, 3], [10, 3, 2, 3]]),
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
// #endregion plot

/**
 * The page shows a chart's wide layout once its column is at least this wide (CSS pixels), and
 * the narrow one below. At this width the wide layout is scaled to 0.92, so its 12 px labels are
 * still 11 px as seen. global.css has the same number in its container query (a test checks).
 */
export const WIDE_LAYOUT_MIN_WIDTH = 620;

/** About one tick per this many pixels of plot, on x and on y (Observable Plot's density). */
export const TICK_SPACING = { x: 80, y: 40 } as const;

/**
 * The colour of everything in a chart that is not data: axes, grid, legend text and the title.
 * `currentColor` makes it the page's text colour (the CSS `color` of the element the SVG sits in),
 * so one SVG, static or live, follows the site's light and dark themes without a second render.
 * (CSS custom properties would not do: browsers ignore var() in SVG presentation attributes.)
 */
export const INK = 'currentColor';
/** The grid is the ink, faint: about #e9e9e9 on white, #24292f on the dark theme's #0d1117. */
const GRID_OPACITY = 0.1;

/**
 * The Vega-Lite `config` block for a theme: fonts at their size as seen, few ticks and a faint
 * grid, no chart border, and a transparent background with axes, legend and title in the page's
 * text colour (see INK).
 */
export function themeConfig(theme: ChartTheme = PLOT): Config {
  const { label, title } = theme.fontSize;
  return {
    font: theme.font,
    // No background rect: the page's background shows through, in either theme.
    background: 'transparent',
    line: { strokeWidth: 2 },
    point: { size: 50 },
    text: { fontSize: label, font: theme.font },
    axis: {
      labelFontSize: label,
      titleFontSize: title,
      titleFontWeight: 'normal',
      titlePadding: 6,
      tickSize: 4,
      labelColor: INK,
      titleColor: INK,
      tickColor: INK,
      domainColor: INK,
      gridColor: INK,
      gridOpacity: GRID_OPACITY,
      labelOverlap: true,
    },
    // Tick counts follow the plot's size, so each layout gets about one tick per 80 px on x and
    // per 40 px on y (Vega then rounds to nice steps, never above the count).
    axisX: { tickCount: { expr: `ceil(width / ${TICK_SPACING.x})` } },
    // The y axis' title reads across, above the axis (as in Observable Plot and the FT's
    // charts), rather than up the side: a phone's plot is too short for a rotated title.
    axisY: {
      tickCount: { expr: `ceil(height / ${TICK_SPACING.y})` },
      titleAngle: 0,
      titleAlign: 'left',
      titleBaseline: 'bottom',
      titleX: 0,
      titleY: -8,
    },
    legend: {
      labelFontSize: label,
      titleFontSize: title,
      labelColor: INK,
      titleColor: INK,
      symbolSize: 300,
      symbolStrokeWidth: 2.5,
    },
    title: { fontSize: title, anchor: 'start', color: INK, subtitleColor: INK },
    view: { stroke: null },
  };
}
