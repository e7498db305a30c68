/**
 * robots.txt: everything may be crawled, and the sitemap is where the site says. With no site URL
 * there is no absolute address to give, so the Sitemap line is left out.
 */
import { joinBase } from './site-paths.ts';

/** The file's text for a site at `site` (or none) under `base`. */
export function robotsTxt(site: URL | undefined, base: string): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(joinBase(base, 'sitemap-index.xml'), site).href}`);
  return `${lines.join('\n')}\n`;
}
