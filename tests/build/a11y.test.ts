/**
 * The built post's figures, for readers who cannot see them: each static SVG is an image named by
 * its caption and described by a summary written from the data, shown under the caption.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import * as figures from '../support/seed-figures.ts';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');
let document: Document;

beforeAll(async () => {
  ({ document } = await readPage(distDir, POST_PATH));
});

const FIGURES = [
  { id: 'sigmoid-and-tangent', description: figures.sigmoidAndTangent.description },
  { id: 'cumulative-gradient', description: figures.cumulativeGradient.description },
] as const;

describe('figure descriptions in the built post', () => {
  test.each(FIGURES)(
    '$id: the summary under the caption (visually hidden) is the description the builder wrote from the data',
    ({ id, description }) => {
      expect(description).toBeTruthy();
      const summary = document.querySelector(`figure#${id} > figcaption > p.chart__summary`);
      expect(summary?.id).toBe(`${id}-summary`);
      expect(summary?.textContent).toBe(description);
      // Right under the caption, outside the closed disclosure (screen readers read nothing inside it),
      // and shown to sighted readers inside the disclosure instead.
      expect(summary?.previousElementSibling?.id).toBe(`${id}-caption`);
      expect(summary?.classList.contains('visually-hidden')).toBe(true);
      const copy = document.querySelector(`figure#${id} details.chart__more > .chart__in-words`);
      expect(copy?.textContent).toBe(description);
      expect(copy?.getAttribute('aria-hidden')).toBe('true');
    },
  );

  test.each(FIGURES)('$id: the static SVG is an image named by the caption and described by the summary', ({ id }) => {
    const svg = document.querySelector(`figure#${id} vega-chart > svg.chart__static--wide`);
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe(`${id}-caption`);
    expect(svg?.getAttribute('aria-describedby')).toBe(`${id}-summary`);
    expect(document.getElementById(`${id}-caption`)?.closest('figcaption')?.parentElement?.id).toBe(id);
    expect(document.querySelector(`figure#${id}`)?.getAttribute('aria-labelledby')).toBe(`${id}-caption`);
  });

  test('the numbers the post states are the ones in the summaries', () => {
    const text = (id: string) => (document.querySelector(`#${id}-summary`)?.textContent ?? '').replace(/\u00a0/g, ' ');
    expect(text('sigmoid-and-tangent')).toContain('Sigmoid rises from 0.0000454 at x = \u221210 to 0.99995 at x = 10.');
    expect(text('sigmoid-and-tangent')).toContain('Gradient peaks at 0.249 at x = ±0.101');
    expect(text('cumulative-gradient')).toBe('Gradient falls from 0.25 at step 1 to 0.000244 at step 6, a factor of 4 each step.');
  });

  test('the live view gets the same description through the compiled spec', () => {
    for (const { id, description } of FIGURES) {
      const payload = JSON.parse(document.querySelector(`#${id} script.chart__payload`)?.textContent ?? '{}');
      expect(payload.vega.description, id).toBe(description);
    }
  });

  test("figure 2's markers read series, step and value with every digit the tooltip shows, once each", () => {
    const labels = [
      ...document.querySelectorAll('#cumulative-gradient svg.chart__static--wide .role-mark path[aria-roledescription="point"]'),
    ].map((path) => path.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Gradient: Step 1, Cumulative gradient 0.25',
      'Gradient: Step 2, Cumulative gradient 0.0625',
      'Gradient: Step 3, Cumulative gradient 0.01563',
      'Gradient: Step 4, Cumulative gradient 0.003906',
      'Gradient: Step 5, Cumulative gradient 0.0009766',
      'Gradient: Step 6, Cumulative gradient 0.0002441',
    ]);
  });

  test('lines are labelled by their series name, not by their first point', () => {
    const labels = (id: string) =>
      [...document.querySelectorAll(`#${id} svg.chart__static--wide path[aria-roledescription="line mark"]`)].map((p) =>
        p.getAttribute('aria-label'),
      );
    expect(labels('sigmoid-and-tangent')).toEqual(['Sigmoid', 'Gradient', 'Tangent']);
    expect(labels('cumulative-gradient')).toEqual(['Gradient']);
  });
});
