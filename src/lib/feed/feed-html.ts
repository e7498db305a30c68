/**
 * A post's rendered HTML, made fit for a feed reader: no scripts (readers drop them anyway; the
 * figures are already finished SVGs), KaTeX's visual HTML dropped in favour of its MathML (readers
 * do not load KaTeX's CSS), and every relative URL made absolute.
 *
 * A figure keeps its chart (the wide layout, scaled to the reader's column), caption and summary;
 * its downloads, data table and spec become one link to the figure on the post's page. Readers show <details> open or not at all, and a chart's table runs
 * to hundreds of rows: left in, they nearly doubled each item (123 KB against 69 KB for a post
 * with two charts), and some readers cut items that large short.
 */
import { parseHTML } from 'linkedom';

/**
 * Elements a feed reader cannot use: scripts, KaTeX's CSS-dependent HTML, the chart keyboard
 * hints, and a chart's phone layout (only the page's CSS chooses between the two).
 */
const DROP = ['script', 'style', '.katex-html', '.chart__keys', '.chart__status', '.chart__static--narrow', 'a[data-offline-link]'];

/** A chart figure's disclosure, which stays on the page: downloads, the data table and the spec. */
const PAGE_ONLY = 'details.chart__more';

/** Readers drop a page's CSS: the chart's own style attribute makes it scale down to their column. */
const SCALE_TO_COLUMN = 'max-width: 100%; height: auto;';

/** Rewrites a post's HTML for a feed; `pageUrl` is the post's absolute URL. */
export function feedHtml(html: string, pageUrl: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll(DROP.join(','))) element.remove();
  for (const figure of document.querySelectorAll('figure.chart')) {
    for (const svg of figure.querySelectorAll('svg.chart__static')) svg.setAttribute('style', SCALE_TO_COLUMN);
    const pageOnly = figure.querySelector(PAGE_ONLY);
    if (!pageOnly) continue;
    const link = document.createElement('a');
    link.setAttribute('href', figure.id ? `${pageUrl}#${figure.id}` : pageUrl);
    link.textContent = 'The data, downloads and the Vega-Lite spec are on the post’s page.';
    const paragraph = document.createElement('p');
    paragraph.setAttribute('class', 'chart__elsewhere');
    paragraph.append(link);
    // The chart in words (visually hidden on the page, where the disclosure shows it) stays
    // with the chart as plain text: a feed item has no disclosure to open, nor the page's CSS.
    figure.querySelector('.chart__summary')?.classList.remove('visually-hidden');
    pageOnly.before(paragraph);
    pageOnly.remove();
  }
  // A table figure keeps its table (it is the figure); its CSV, a data: URL readers would drop
  // or refuse, is on the page.
  for (const figure of document.querySelectorAll('figure.table-figure')) {
    const pageOnly = figure.querySelector('details.table-figure__more');
    if (!pageOnly) continue;
    const link = document.createElement('a');
    link.setAttribute('href', figure.id ? `${pageUrl}#${figure.id}` : pageUrl);
    link.textContent = 'The CSV download is on the post’s page.';
    const paragraph = document.createElement('p');
    paragraph.setAttribute('class', 'table-figure__elsewhere');
    paragraph.append(link);
    pageOnly.before(paragraph);
    pageOnly.remove();
  }
  for (const element of document.querySelectorAll('[href], [src]')) {
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value && !value.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(value)) element.setAttribute(name, new URL(value, pageUrl).href);
    }
  }
  return document.body.innerHTML;
}
