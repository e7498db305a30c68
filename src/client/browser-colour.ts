/**
 * What the builders' colour check (src/lib/charts/style-check.ts) takes from d3-color, for the
 * browser's copy of a post's figures: the browser reads colours itself, and d3-color would be
 * 10 KB of the figures' script for one question.
 */
export function color(text: string): object | null {
  return CSS.supports('color', text) ? {} : null;
}
