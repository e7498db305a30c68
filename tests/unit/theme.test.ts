/**
 * Charts follow the site's light and dark themes from one SVG: everything that is not data is
 * drawn in currentColor on a transparent background, and the series colours read on both themes'
 * backgrounds. The themes' colours are read from src/styles/global.css.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INK, PLOT, themeConfig, WIDE_LAYOUT_MIN_WIDTH } from '../../src/lib/charts/theme.ts';
import { LAYOUT_CONTAINER } from '../../src/lib/charts/panels.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { cumulativeGradient, sigmoidAndTangent } from '../support/seed-figures.ts';

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

/** The custom properties set in the first block whose selector is `selector`. */
function customProperties(selector: string, from = css): Record<string, string> {
  const start = from.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no "${selector}" block in global.css`);
  const body = from.slice(start, from.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const light = customProperties(':root');
const dark = customProperties(":root[data-theme='dark']");
const media = /@media screen and \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
const darkBySystem = customProperties(":root:not([data-theme='light'])", media);

describe('the chart config', () => {
  const config = themeConfig();

  test('axes, grid, legend text and title are drawn in currentColor, on no background', () => {
    expect(INK).toBe('currentColor');
    expect(config.background).toBe('transparent');
    expect(config.axis).toMatchObject({ labelColor: INK, titleColor: INK, tickColor: INK, domainColor: INK, gridColor: INK });
    expect(config.legend).toMatchObject({ labelColor: INK, titleColor: INK });
    expect(config.title).toMatchObject({ color: INK, subtitleColor: INK });
  });

  test.each([
    ['sigmoid-and-tangent', sigmoidAndTangent],
    ['cumulative-gradient', cumulativeGradient],
  ] as const)('%s: the static SVG holds no colour but currentColor and the series colours', async (id, spec) => {
    const { svg } = await renderChart(id, spec);
    const series = new Set(Object.values(PLOT.colors));
    const colours = [...svg.matchAll(/\s(?:fill|stroke)="([^"]*)"/g)].map((m) => m[1]!);
    const others = [...new Set(colours)].filter((c) => c !== 'currentColor' && c !== 'none' && c !== 'transparent' && !series.has(c));
    expect(others).toEqual([]);
    expect(colours).toContain('currentColor');
    // No background rect, and no var(): browsers ignore it in SVG presentation attributes.
    expect(svg).not.toMatch(/^<svg[^>]*>\s*<rect/);
    expect(svg).not.toContain('var(');
  });
});

describe('the themes in global.css', () => {
  test('the dark theme is the same whether chosen or the system default', () => {
    expect(Object.keys(dark).length).toBeGreaterThanOrEqual(5);
    expect(darkBySystem).toEqual(dark);
  });

  test.each([
    ['light', light],
    ['dark', dark],
  ] as const)('%s: text, muted text and links read at AA on the background and the surface', (_name, theme) => {
    for (const fg of ['--text', '--muted', '--link']) {
      for (const bg of ['--background', '--surface']) {
        expect(contrast(theme[fg]!, theme[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  test.each([
    ['light', light],
    ['dark', dark],
  ] as const)("%s: every series colour stands out from the background (WCAG 1.4.11's 3:1)", (_name, theme) => {
    for (const [name, colour] of Object.entries(PLOT.colors)) {
      expect(contrast(colour, theme['--background']!), name).toBeGreaterThanOrEqual(3);
    }
  });

  test('the container query switches layouts at WIDE_LAYOUT_MIN_WIDTH', () => {
    expect(css).toContain(`@container ${LAYOUT_CONTAINER} (width >= ${WIDE_LAYOUT_MIN_WIDTH}px) {\n  .chart__static--narrow {`);
    expect(css).toContain(`@container ${LAYOUT_CONTAINER} (width < ${WIDE_LAYOUT_MIN_WIDTH}px) {\n  .chart__static--wide {`);
  });

  test('at the switch, the wide layout is scaled no smaller than 11/12, so 12 px labels stay 11 px', () => {
    expect(WIDE_LAYOUT_MIN_WIDTH / PLOT.layouts.wide.width).toBeGreaterThanOrEqual(11 / 12);
    expect(PLOT.fontSize.label).toBeGreaterThanOrEqual(12);
  });
});
