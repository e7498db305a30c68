/**
 * Rewrites the site's root-relative URLs ("/_astro/x.css", "/posts/a/b/") as relative ones
 * ("../../_astro/x.css"), so the built site works from any folder on a server and straight
 * from disk (file://), where "/" would mean the root of the file system.
 */
import { posix } from 'node:path';

/** The URL of `target` (a path from the site root, like "_astro/x.css") as seen from the page file `fromFile`. */
export function relativeUrl(fromFile: string, target: string): string {
  const [path = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(target)!.slice(1);
  const fromDir = posix.dirname(`/${fromFile}`);
  let relative = posix.relative(fromDir, `/${path}`);
  // posix.relative drops a trailing slash; a folder link must keep it.
  if (path.endsWith('/') || path === '') relative = relative ? `${relative}/` : './';
  return `${relative || './'}${suffix}`;
}

/** Strips the site's base ("/" or "/blog/") from a root-relative URL; null if the URL is not one. */
export function siteRelativePath(url: string, base: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (url === prefix.slice(0, -1)) return '';
  return url.startsWith(prefix) ? url.slice(prefix.length) : null;
}

/**
 * Rewrites root-relative src, href and poster attributes in an HTML file's tags. Text inside
 * <pre>, JSON payloads and SVG labels is escaped by the build ("<" never appears raw), so only real
 * tags match.
 */
export function relativizeHtml(html: string, file: string, base: string): string {
  return html.replace(/<[a-zA-Z][^<>]*>/g, (tag) =>
    tag.replace(/(\s(?:src|href|poster)=")([^"]*)"/g, (attribute, start: string, url: string) => {
      const path = siteRelativePath(url, base);
      return path === null ? attribute : `${start}${relativeUrl(file, path)}"`;
    }),
  );
}

/** Rewrites root-relative url(...) references in a stylesheet at `file`. */
export function relativizeCss(css: string, file: string, base: string): string {
  return css.replace(/url\((["']?)([^"')]+)\1\)/g, (match, quote: string, url: string) => {
    const path = siteRelativePath(url, base);
    return path === null ? match : `url(${quote}${relativeUrl(file, path)}${quote})`;
  });
}
