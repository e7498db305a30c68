/**
 * What a chart figure embeds in the page: the compiled Vega spec and the data, once, as JSON
 * that is safe inside a <script type="application/json"> element.
 */
import type { RenderedChart } from './render.ts';

/** The JSON the browser runtime reads from a figure to bring it to life. */
export interface ChartPayload {
  readonly vega: RenderedChart['vega'];
  readonly datasets: RenderedChart['datasets'];
  /** The two layouts' sizes: the live view is drawn at the one the page shows. */
  readonly sizes: RenderedChart['sizes'];
  /** Each layout's plot size once laid out, where the live view starts (layout.ts fittedStart). */
  readonly fitted: RenderedChart['fitted'];
  /**
   * What the chart draws, for the CSV, where it is not the datasets' rows (a hand-written spec
   * that aggregates or bins: RenderedChart.drawn); absent otherwise, so no page carries its data twice.
   */
  readonly drawn?: readonly (readonly Record<string, unknown>[])[];
}

/**
 * JSON.stringify, made safe to place inside a <script> element: "<" is written as \u003c so no
 * string in the data can close the element ("</script>") or open a comment, and the two line
 * separators JavaScript once rejected are escaped too. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The payload for one rendered chart. */
export function chartPayload(chart: RenderedChart): ChartPayload {
  const payload = { vega: chart.vega, datasets: chart.datasets, sizes: chart.sizes, fitted: chart.fitted };
  return chart.drawn.length > 0 ? { ...payload, drawn: chart.drawn.map((table) => table.rows) } : payload;
}
