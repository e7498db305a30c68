/**
 * The Content-Security-Policy the pages carry, as a <meta> tag. Scripts come only from the site
 * itself (no 'unsafe-inline', no 'unsafe-eval': Vega's expressions run through vega-interpreter).
 * Style attributes are allowed for KaTeX and Shiki, which position glyphs and colour code with them.
 */
import { createHash } from 'node:crypto';

/** Joins directives into a policy string. */
export function formatPolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy of every page the site serves. */
export const SITE_POLICY = formatPolicy({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
});

/** The CSP source expression for an inline script's or style's exact text. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of a self-contained file: nothing may load from anywhere, only its own inline
 * scripts and styles (by hash) run, and fonts and images come from data: URIs. `source` gives
 * a text's hash source (a caller that hashes the same texts again and again may remember them).
 */
export function offlinePolicy(
  inline: { scripts: readonly string[]; styles: readonly string[] },
  source: (text: string) => string = sha256Source,
): string {
  return formatPolicy({
    'default-src': ["'none'"],
    'script-src': inline.scripts.map((text) => source(text)),
    'style-src': inline.styles.map((text) => source(text)),
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ['data:'],
    'font-src': ['data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  });
}

/** A <meta> tag carrying a policy. */
export function cspMetaTag(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}
