/**
 * What every builder's spec starts from: the house style (theme.ts), the two layouts, and the
 * rows in one named dataset, so the page embeds them once and both the Vega-Lite spec and the
 * compiled Vega spec refer to them by name.
 */
import type { ChartSize, ChartTheme } from './theme.ts';
import { themeConfig } from './theme.ts';
import type { ChartUsermeta } from './layout.ts';

/** The name of the dataset every builder writes its rows into. */
export const DATASET = 'series';

export interface FrameOptions {
  readonly theme: ChartTheme;
  /** What the chart shows, in words (the SVG's and the live view's description). */
  readonly description: string;
  /** The rows, made by the builder (fresh objects, never its caller's). */
  readonly rows: readonly object[];
  /** The wide layout's size; the theme's by default. */
  readonly wide?: ChartSize;
  /** The narrow (phone) layout's size; the theme's by default. */
  readonly narrow?: ChartSize;
  /** More of what the chart carries beyond Vega-Lite (its zoom's extent). */
  readonly usermeta?: ChartUsermeta;
}

/**
 * Refuses an option a builder needs written out (an axis' title, what the bars measure), missing
 * or blank: TypeScript asks for it, but a post's module is only transpiled, so it is checked here.
 * `hint` says what to write, after a colon.
 */
export function requireText(builder: string, options: object | undefined, key: string, hint?: string): void {
  const value = (options as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || !value.trim()) throw new RangeError(`${builder} needs options.${key}${hint ? `: ${hint}` : ''}`);
}

/** Refuses a domain option that is not two finite numbers, the first no larger than the second. */
export function checkDomain(domain: readonly number[] | undefined, name: string): void {
  if (domain === undefined) return;
  if (!Array.isArray(domain) || domain.length !== 2 || !domain.every(Number.isFinite) || domain[0]! > domain[1]!) {
    throw new RangeError(`options.${name} must be [lowest, highest], two finite numbers in order; got ${JSON.stringify(domain)}`);
  }
}

/** The top of a builder's spec: schema, description, size, autosize, theme, layouts and data. */
export function chartFrame(options: FrameOptions) {
  const { theme } = options;
  const wide = options.wide ?? theme.layouts.wide;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.description,
    width: wide.width,
    height: wide.height,
    // "fit" makes width × height the size of the whole SVG, labels included, so the box a chart
    // takes never depends on its labels: the static SVG and the live view are the same size.
    autosize: { type: 'fit', contains: 'padding' },
    config: themeConfig(theme),
    usermeta: { ...options.usermeta, narrow: options.narrow ?? theme.layouts.narrow },
    datasets: { [DATASET]: options.rows },
    data: { name: DATASET },
  } as const;
}
