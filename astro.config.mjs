// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkNoPlaceholders from './src/lib/markdown/remark-no-placeholders.ts';
import remarkMathCheck from './src/lib/markdown/math-check.ts';
import remarkFigureSources from './src/lib/markdown/remark-figure-sources.ts';
import { KATEX_OPTIONS } from './src/lib/markdown/katex-options.ts';
import rehypeNoScripts from './src/lib/markdown/rehype-no-scripts.ts';
import { headingAnchors } from './src/lib/markdown/heading-anchors.ts';
import { mdxCachePruning, withMdxCache } from './src/lib/markdown/mdx-cache.ts';
import { deterministicTokenizing } from './src/lib/shiki-deterministic.ts';
import chartRuntime from './src/integrations/chart-runtime.ts';
import katexWoff2 from './src/integrations/katex-woff2.ts';
import dataLoaders from './src/integrations/data-loaders.ts';
import portableHtml from './src/integrations/portable-html.ts';
import { withoutKnownNoise } from './src/lib/build-logs.ts';
import sitemap from '@astrojs/sitemap';

// Where the site lives, set here once (or for one build: BLOG_SITE=https://me.example BLOG_BASE=/blog/).
// Every link, asset, feed and sitemap URL follows from these two.
const SITE = process.env.BLOG_SITE ?? 'https://example.org';
const BASE = process.env.BLOG_BASE ?? '/';

export default defineConfig({
  site: SITE,
  base: BASE,
  trailingSlash: 'always',
  // Astro 7's default Markdown processor is not unified; remark-math and rehype-katex need this one.
  // MDX inherits it. KaTeX's options are in src/lib/markdown/katex-options.ts.
  // Compiled .mdx modules are kept between builds (src/lib/markdown/mdx-cache.ts).
  markdown: {
    // Code blocks' colours depend on their text only, never on the machine's load (src/lib/shiki-deterministic.ts).
    shikiConfig: { transformers: [deterministicTokenizing] },
    processor: withMdxCache(
      unified({
        remarkPlugins: [remarkMath, remarkNoPlaceholders, remarkMathCheck, remarkFigureSources],
        rehypePlugins: [rehypeNoScripts, [rehypeKatex, KATEX_OPTIONS], ...headingAnchors],
      }),
    ),
  },
  // Order matters: portableHtml inlines the scripts chartRuntime writes.
  integrations: [mdx(), mdxCachePruning(), sitemap(), chartRuntime(), portableHtml()],
  // Stylesheets stay files: the CSP allows styles from the site only (style-src 'self').
  build: { inlineStylesheets: 'never' },
  vite: {
    // A post's data loaders (*.data.ts) are run once and cached; what they return is what the post imports.
    plugins: [katexWoff2(), dataLoaders()],
    // Fonts stay files, never data: URIs, so a CSP with font-src 'self' holds for every page.
    // One warning per .mdx file about a directive of Astro's own is dropped (src/lib/build-logs.ts).
    build: { assetsInlineLimit: 0, rolldownOptions: { onLog: withoutKnownNoise } },
  },
});
