/**
 * The baseline page: what a vega-embed user writes. The post's Vega-Lite specs, with their data,
 * embedded at load by vega-embed (vega-embed, vega and vega-lite bundled with esbuild, as a typical
 * page would) with its defaults: canvas renderer, vega-tooltip's tooltips. Each figure keeps the
 * post's id, so the same selector finds Figure 1 on both pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CLASSIC_SCRIPT } from '../../lib/classic-script.ts';
import { parseHTML } from 'linkedom';
import { ROOT } from '../../../tests/support/build-site.ts';

/** A figure of the post: its id and its Vega-Lite spec with the data put back. */
export interface PostSpec {
  id: string;
  spec: unknown;
}

/** The post's Vega-Lite specs as the page shows them, with their data put back. */
export function specsOfPost(html: string): PostSpec[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('figure.chart')].map((figure) => {
    const spec = JSON.parse(figure.querySelector('.chart__spec code')!.textContent!) as object;
    const { datasets } = JSON.parse(figure.querySelector('script.chart__payload')!.textContent!) as { datasets: object };
    return { id: figure.id, spec: { ...spec, datasets } };
  });
}

/**
 * Writes the vega-embed page into `dir` (index.html and embed.js). The page sets
 * `window.__embedDone` (settles when every chart has rendered), `__renderedAt` (performance.now()
 * then), `__views` (the Vega views, in figure order, for finding a plot's position) and `__embed`
 * (vega-embed itself, to embed a figure again).
 * With `sourceMapFile`, also writes embed.js's source map there (outside the served folder), for
 * reading CPU profiles of the page.
 */
export async function buildEmbedPage(
  specs: readonly PostSpec[],
  dir: string,
  sourceMapFile?: string,
  /** Scripts (file names in `dir`) the page runs first: the post's figure code, for re-embedding its states. */
  scripts: readonly string[] = [],
): Promise<void> {
  const entry = [
    "import embed from 'vega-embed';",
    'window.__embed = embed;',
    'const elements = [...document.querySelectorAll("[data-spec]")];',
    'window.__embedDone = Promise.all(elements.map((el) => embed(el, JSON.parse(document.getElementById(el.dataset.spec).textContent), { actions: false })))',
    '  .then((results) => { window.__views = results.map((result) => result.view); window.__renderedAt = performance.now(); });',
  ].join('\n');
  const result = await build({
    ...CLASSIC_SCRIPT,
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    // 'external' writes the map without a sourceMappingURL comment: the served script is the same.
    ...(sourceMapFile ? { sourcemap: 'external' as const, outfile: join(dir, 'embed.js') } : {}),
  });
  await mkdir(dir, { recursive: true });
  // Without an outfile (no map asked for) esbuild names its one output "<stdout>".
  const script = result.outputFiles.find((file) => file.path.endsWith('.js')) ?? result.outputFiles[0]!;
  await writeFile(join(dir, 'embed.js'), script.contents);
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  if (sourceMapFile && map) await writeFile(sourceMapFile, map.contents);
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const figures = specs.map(
    ({ id, spec }, i) =>
      `<figure id="${id}"><div data-spec="spec-${i}"></div><script type="application/json" id="spec-${i}">${json(spec)}</script></figure>`,
  );
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>vega-embed</title></head>` +
      `<body><main style="max-width: 46rem; margin: auto">${figures.join('')}</main>${scripts.map((src) => `<script src="${src}"></script>`).join('')}<script src="embed.js"></script></body></html>`,
  );
}
