// The Vega packages the browser runtime is built from ship no types of their own; the `vega`
// package's typings describe the same classes.
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export function parse(spec: import('vega').Spec, config?: import('vega').Config, options?: { ast?: boolean }): import('vega').Runtime;
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-scenegraph' {
  /** How Vega measures text; `canvas(false)` makes it estimate widths instead of measuring. */
  export const textMetrics: { canvas(useCanvas: boolean): void };
}
declare module 'vega-interpreter' {
  export const expressionInterpreter: NonNullable<import('vega').ViewOptions['expr']>;
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
declare module 'd3-scale-chromatic';
