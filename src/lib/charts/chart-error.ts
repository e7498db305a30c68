/**
 * The error a chart's build-time problems are thrown as. Apart from the renderer so that code
 * which only reports chart errors (the chart component, the render cache) does not load Vega.
 */

/** A build-time chart failure that names the chart (and, when the caller knows it, the file). */
export class ChartError extends Error {
  constructor(
    readonly chartId: string,
    readonly problem: string,
    readonly file?: string,
  ) {
    super(`${file ? `${file}: ` : ''}chart "${chartId}": ${problem}`);
    this.name = 'ChartError';
  }
}
