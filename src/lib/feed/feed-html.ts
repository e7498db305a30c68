/**
 * A post's rendered HTML, made fit for a feed reader: no scripts (readers drop them anyway; the
 * figures are already finished SVGs), KaTeX's visual HTML dropped in favour of its MathML (readers
 * do not load KaTeX's CSS), and every relative URL made absolute.
 */
import { parseHTML } from 'linkedom';

/** Elements a feed reader cannot use: scripts, KaTeX's CSS-dependent HTML, the chart keyboard hints. */
const DROP = ['script', 'style', '.katex-html', '.chart__keys', '.chart__status', '.chart__downloads', 'a[data-offline-link]'];

/** Rewrites a post's HTML for a feed; `pageUrl` is the post's absolute URL. */
export function feedHtml(html: string, pageUrl: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll(DROP.join(','))) element.remove();
  for (const element of document.querySelectorAll('[href], [src]')) {
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value && !value.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(value)) element.setAttribute(name, new URL(value, pageUrl).href);
    }
  }
  return document.body.innerHTML;
}
