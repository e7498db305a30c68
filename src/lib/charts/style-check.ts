/**
 * A chart's sizes, number formats and colours, checked before it is drawn. Each would otherwise
 * fail quietly: a width of 0 draws nothing, a bad format string makes Vega log an error and the
 * build go on, and a colour that is not a colour draws an invisible line.
 */
import { color as parseColor } from 'd3-color';
import { formatSpecifier } from 'd3-format';

/** Keys that hold a colour in a Vega-Lite spec: mark properties and config (labelColor, gridColor, ...). */
const COLOUR_KEY = /^(?:color|fill|stroke|background)$|Color$/;

/** Encoding channels whose values and scale ranges are colours. */
const COLOUR_CHANNELS = new Set(['color', 'fill', 'stroke']);

/** d3-format's types ("" is its default). */
const NUMBER_TYPES = new Set(['', 'e', 'f', 'g', 'r', 's', '%', 'p', 'b', 'o', 'd', 'x', 'X', 'c', 'n']);

/** d3-time-format's directives (after an optional padding modifier -, _ or 0). */
const TIME_DIRECTIVE = /%[-_0]?([aAbBcdefgGHIjLmMpqQsSuUVwWxXyYZ%])/g;

/** CSS colour functions d3-color does not read (space-separated rgb(), hwb(), lab(), oklch(), color(), ...). */
const CSS_COLOUR_FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([\d\s.,%/+-a-z]*\)$/i;

/** Whether a browser and Vega take `text` as a colour (CSS colours, and SVG's currentColor). */
export function isColour(text: string): boolean {
  const trimmed = text.trim();
  return /^(?:currentcolor|transparent|none)$/i.test(trimmed) || parseColor(trimmed) !== null || CSS_COLOUR_FUNCTION.test(trimmed);
}

/** Why `format` is not a number or time format, or undefined when it is one. */
export function formatProblem(format: string, kind: 'number' | 'time' | 'either'): string | undefined {
  const asTime = () => {
    const rest = format.replace(TIME_DIRECTIVE, '');
    return format.includes('%') && !rest.includes('%') ? undefined : 'not a time format (d3-time-format, such as "%Y-%m-%d")';
  };
  const asNumber = () => {
    const wrong = 'not a number format (d3-format, such as ".2f", ".3~g" or ",d")';
    try {
      // d3 reads any letter as a type and quietly formats an unknown one as it likes.
      return NUMBER_TYPES.has(formatSpecifier(format).type) ? undefined : wrong;
    } catch {
      return wrong;
    }
  };
  if (kind === 'time') return asTime();
  if (kind === 'number') return asNumber();
  return asNumber() === undefined || asTime() === undefined ? undefined : asNumber();
}

/** The first colour in a color/fill/stroke channel's definition that is not one: its value, its conditions' values, its scale's range. */
function channelColourProblem(definition: unknown, at: string): string | undefined {
  if (!definition || typeof definition !== 'object') return undefined;
  const { value, condition, scale } = definition as { value?: unknown; condition?: unknown; scale?: { range?: unknown } };
  if (typeof value === 'string' && !isColour(value)) return notAColour(value, `${at}/value`);
  for (const [i, rule] of (Array.isArray(condition) ? condition : condition ? [condition] : []).entries()) {
    const ruleValue = (rule as { value?: unknown }).value;
    if (typeof ruleValue === 'string' && !isColour(ruleValue))
      return notAColour(ruleValue, `${at}/condition${Array.isArray(condition) ? `/${i}` : ''}/value`);
  }
  const range = scale?.range;
  if (Array.isArray(range)) {
    const index = range.findIndex((entry) => typeof entry === 'string' && !isColour(entry));
    if (index >= 0) return notAColour(range[index] as string, `${at}/scale/range/${index}`);
  }
  return undefined;
}

function notAColour(text: string, at: string): string {
  return `${JSON.stringify(text)} at ${at} is not a colour; use a CSS colour such as "#4687b7", "rgb(70, 135, 183)" or "steelblue"`;
}

/** The first problem with the spec's sizes, formats or colours, in words, or undefined. */
export function styleProblem(spec: unknown): string | undefined {
  let problem: string | undefined;
  const visit = (node: unknown, path: string): void => {
    if (problem || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${path}/${i}`));
    const record = node as Record<string, unknown>;
    const inEncoding = path.endsWith('/encoding');
    for (const key of ['width', 'height'] as const) {
      const size = record[key];
      if (!inEncoding && typeof size === 'number' && !(Number.isFinite(size) && size > 0)) {
        problem = `the chart's ${key} at ${path || '/'} is ${size}; give a positive number of pixels, or leave it out for the theme's size`;
        return;
      }
    }
    if (typeof record.format === 'string') {
      const kind =
        record.formatType === 'number'
          ? 'number'
          : record.formatType === 'time' || record.formatType === 'utc' || record.type === 'temporal'
            ? 'time'
            : 'either';
      const wrong = formatProblem(record.format, kind);
      if (wrong) {
        problem = `the format ${JSON.stringify(record.format)} at ${path}/format is ${wrong}`;
        return;
      }
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'datasets' || key === 'data' || key === 'values') continue;
      const at = `${path}/${key}`;
      const wrong =
        inEncoding && COLOUR_CHANNELS.has(key)
          ? channelColourProblem(value, at)
          : typeof value === 'string' && !inEncoding && COLOUR_KEY.test(key) && !isColour(value)
            ? notAColour(value, at)
            : undefined;
      if (wrong) {
        problem = wrong;
        return;
      }
      visit(value, at);
      if (problem) return;
    }
  };
  visit(spec, '');
  return problem;
}
