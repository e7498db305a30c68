/**
 * Checks on a built post's figures, shared by tests that build a post and read its HTML: each
 * chart a <figure> with a caption and an inline SVG, its embedded data, its data table, the
 * printed blocks, the code listings, and nothing loaded from outside the site.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { ChartPayload } from '../../src/lib/charts/embed.ts';

/** The JSON payload a chart figure embeds (the compiled Vega spec and its data). */
export function chartPayload(document: Document, figureId: string): ChartPayload {
  const script = document.querySelector(`#${figureId} script.chart__payload`);
  expect(script, `figure ${figureId} embeds its payload`).not.toBeNull();
  return JSON.parse(script!.textContent ?? '') as ChartPayload;
}

/** One series of a chart's embedded `datasets.series`, as x and y arrays in row order. */
export function embeddedSeries(document: Document, figureId: string, series: string): { x: number[]; y: number[] } {
  const rows = (chartPayload(document, figureId).datasets.series ?? []).filter((row) => row.series === series) as {
    x: number;
    y: number;
  }[];
  return { x: rows.map((row) => row.x), y: rows.map((row) => row.y) };
}

/** The names of the series in a chart's embedded data, in first-seen order. */
export function embeddedSeriesNames(document: Document, figureId: string): string[] {
  return [...new Set((chartPayload(document, figureId).datasets.series ?? []).map((row) => String(row.series)))];
}

/** The ids of the page's chart figures, in page order. */
export function chartFigureIds(document: Document): string[] {
  return [...document.querySelectorAll('figure.chart')].map((figure) => figure.getAttribute('id') ?? '');
}

/**
 * Asserts that the chart figure `figureId` is a <figure> with a caption containing `caption`, and
 * an inline SVG with a viewBox (`viewBox` if given), named by the caption, drawing `lines` lines.
 */
export function expectChartFigure(
  document: Document,
  figureId: string,
  { caption, lines, viewBox }: { caption: string; lines?: number; viewBox?: string },
): void {
  const figure = document.querySelector(`figure#${figureId}`);
  expect(figure, `figure ${figureId}`).not.toBeNull();
  expect(figure!.querySelector('figcaption')?.textContent, `figure ${figureId}'s caption`).toContain(caption);
  const svg = figure!.querySelector('vega-chart > svg.chart__static--wide');
  expect(svg, `figure ${figureId} has an inline SVG`).not.toBeNull();
  if (viewBox) expect(svg!.getAttribute('viewBox')).toBe(viewBox);
  else expect(svg!.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(svg!.getAttribute('aria-labelledby')).toBe(`${figureId}-caption`);
  expect(document.getElementById(`${figureId}-caption`)?.textContent).toContain(caption);
  if (lines !== undefined) expect(svg!.querySelectorAll('.mark-line path').length, `figure ${figureId}'s lines`).toBe(lines);
}

/** The cells of a chart figure's data table, row by row. */
export function dataTableCells(document: Document, figureId: string): string[][] {
  return [...document.querySelectorAll(`#${figureId} .chart__data table tbody tr`)].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  );
}

/** The texts of the page's printed-output blocks. */
export function printedTexts(document: Document): string[] {
  return [...document.querySelectorAll('.printed__text')].map((pre) => pre.textContent ?? '');
}

/** The texts of the page's code listings. */
export function listingTexts(document: Document): string[] {
  return [...document.querySelectorAll('.listing pre')].map((pre) => pre.textContent ?? '');
}

/** Every file under a folder. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Every script, style, image, frame or font a built site's HTML and CSS would load from another
 * origin, as "file: address" (canonical and alternate links name addresses but load nothing).
 */
export async function outsideReferences(distDir: string): Promise<string[]> {
  const external: string[] = [];
  for (const file of (await files(distDir)).filter((f) => /\.(html|css)$/.test(f))) {
    const text = await readFile(file, 'utf8');
    const refs = file.endsWith('.css')
      ? [...text.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]!)
      : [...text.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !/\brel="(canonical|alternate)"/.test(tag))
          .map((tag) => /\b(?:src|href)="([^"]*)"/.exec(tag)?.[1] ?? '');
    for (const ref of refs) if (/^(https?:)?\/\//.test(ref)) external.push(`${relative(distDir, file)}: ${ref}`);
    if (/@import\s+(url\()?["']?https?:/.test(text)) external.push(`${relative(distDir, file)}: @import`);
  }
  return external;
}
