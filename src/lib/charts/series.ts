/**
 * Series in the long ("tidy") form every chart here uses: one row per point, named by series.
 */
import { isColour } from './style-check.ts';
import { assertFinite } from '../numeric.ts';

/** One named line: its x and y values, and the colour it is drawn in. */
export interface LineSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly color: string;
  /** A band drawn round the line, from lower[i] to upper[i] at x[i] (a min–max or ±σ spread). */
  readonly band?: { readonly lower: readonly number[]; readonly upper: readonly number[] };
}

/** One row of chart data. */
export interface SeriesRow {
  readonly series: string;
  readonly x: number;
  readonly y: number;
  readonly lower?: number;
  readonly upper?: number;
}

/**
 * Flattens series into rows, checking on the way that each series is non-empty, that x and y have
 * the same length, that every value is a finite number (the error names the series and row), and
 * that its colour is one.
 */
export function toRows(series: readonly LineSeries[]): SeriesRow[] {
  if (series.length === 0) throw new RangeError('series must hold at least one series, got none');
  const names = new Set<string>();
  return series.flatMap(({ name, x, y, color, band }) => {
    if (names.has(name)) throw new RangeError(`series names must be unique, got "${name}" twice`);
    names.add(name);
    if (typeof color !== 'string' || !isColour(color)) {
      throw new RangeError(
        `series "${name}" has the colour ${JSON.stringify(color)}, which is not a colour; use a CSS colour such as PLOT.colors.blue or "#4687b7"`,
      );
    }
    if (x.length === 0) throw new RangeError(`series "${name}" is empty`);
    if (x.length !== y.length) {
      throw new RangeError(`series "${name}" has ${x.length} x values but ${y.length} y values`);
    }
    if (band && (band.lower?.length !== x.length || band.upper?.length !== x.length)) {
      throw new RangeError(
        `series "${name}" has ${x.length} points but its band ${band.lower?.length ?? 0} lower and ${band.upper?.length ?? 0} upper values`,
      );
    }
    return x.map((xValue, row) => {
      const yValue = y[row]!; // lengths were checked above
      assertFinite(`series "${name}" row ${row} x`, xValue);
      assertFinite(`series "${name}" row ${row} y`, yValue);
      if (!band) return { series: name, x: xValue, y: yValue };
      const [lower, upper] = [band.lower[row]!, band.upper[row]!];
      assertFinite(`series "${name}" row ${row} band's lower`, lower);
      assertFinite(`series "${name}" row ${row} band's upper`, upper);
      if (lower > upper) throw new RangeError(`series "${name}" row ${row}: the band's lower value ${lower} is above its upper ${upper}`);
      return { series: name, x: xValue, y: yValue, lower, upper };
    });
  });
}
