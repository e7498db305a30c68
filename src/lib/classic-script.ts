/**
 * How every script the site ships is bundled by esbuild: one minified classic script (an IIFE, so
 * `file://` and a self-contained file run it; no `import`), for the browsers es2022 reaches. The
 * chart scripts (src/integrations/chart-runtime.ts), a post's figure code
 * (src/lib/charts/figure-code-bundle.ts) and the bench's vega-embed page all start from it.
 */
export const CLASSIC_SCRIPT = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  write: false,
  // vega-* packages check process.env.NODE_ENV in a few places.
  define: { 'process.env.NODE_ENV': '"production"' },
} as const;
