/**
 * The bundler's log, minus one warning that is noise: rolldown warns, once for every .mdx file,
 * that the module-level directive "use astro:head-inject" "may not be preserved when bundling".
 * Astro writes that directive into the module it makes for each MDX entry
 * (astro/dist/content/vite-plugin-content-assets.js) and nothing reads it back: head propagation
 * goes through module metadata. A 200-post site printed 200 of these warnings on every build,
 * which teaches an author to skip over warnings. Upstream: withastro/astro#18087 (open).
 * Every other log, this warning for any other directive included, passes through unchanged.
 */
import type { BuildOptions } from 'vite';

type OnLog = NonNullable<NonNullable<BuildOptions['rolldownOptions']>['onLog']>;

/** True for rolldown's warning about Astro's own "use astro:head-inject" directive. */
export function isAstroHeadInjectWarning(level: string, log: { code?: string; message: string }): boolean {
  return level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
}

/** For `vite.build.rolldownOptions.onLog`: hands every log to Vite's handler but that warning. */
export const withoutKnownNoise: OnLog = (level, log, handler) => {
  if (isAstroHeadInjectWarning(level, log)) return;
  handler(level, log);
};
