/** Each section of a post links to itself beside its heading (src/lib/markdown/heading-anchors.ts). */
import { describe, expect, inject, test } from 'vitest';
import { POST_PATH, readPage } from '../support/site.ts';

const distDir = inject('distDir');

describe('heading anchors', () => {
  test('every section and subsection heading ends in a link to itself, named for it, with no text of its own', async () => {
    const { document } = await readPage(distDir, POST_PATH);
    const headings = [...document.querySelectorAll('main :is(h2, h3, h4)')].filter((h) => !h.closest('.toc, nav'));
    expect(headings.length).toBeGreaterThan(3);
    for (const heading of headings) {
      const anchor = heading.lastElementChild;
      expect(anchor?.matches('a.heading-anchor'), heading.textContent!).toBe(true);
      expect(anchor!.getAttribute('href')).toBe(`#${heading.id}`);
      expect(anchor!.textContent).toBe('');
      expect(anchor!.getAttribute('aria-label')).toBe(`Link to the section “${heading.textContent}”`);
    }
    // The contents list still reads the headings' own words.
    const toc = [...document.querySelectorAll('.toc a')].map((a) => a.textContent);
    expect(toc).toContain('Plotting the Sigmoid');
  });
});
