/**
 * How much a figure adds to its page, and when the build says so. A figure carries its data three
 * times (two SVG layouts and the payload the live view runs), so a long series weighs on every
 * reader's download long before it reaches the row limit (MAX_ROWS in render.ts).
 */

/** Past this many bytes (before gzip) a figure is reported, once per build. */
export const FIGURE_WARNING_BYTES = 1_000_000;

/** The line the build prints for a figure this heavy, or undefined for one that is not. */
export function figureWeightWarning(file: string, chartId: string, bytes: number): string | undefined {
  if (bytes <= FIGURE_WARNING_BYTES) return undefined;
  const megabytes = (bytes / 1_000_000).toFixed(1);
  return `${file}: chart "${chartId}" adds ${megabytes} MB to its page (the limit for a warning is ${FIGURE_WARNING_BYTES / 1_000_000} MB); downsample its series in figures.ts so readers on phones are not kept waiting`;
}
