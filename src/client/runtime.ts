/**
 * The chart runtime, fetched once per page by the loader as a classic script. It runs a chart's
 * compiled Vega spec with a plain View and the CSP-safe expression interpreter (no `new Function`),
 * renders it as SVG off to the side, then swaps it in for the static SVG.
 */
import { View } from 'vega-view';
import { parse } from 'vega-parser';
import { transforms } from 'vega-dataflow';
import { textMetrics } from 'vega-scenegraph';
import { expressionInterpreter } from 'vega-interpreter';
import { RUNTIME_TRANSFORMS } from './runtime-transforms.ts';
import { RUNTIME_READY_EVENT, type ChartRuntime } from './protocol.ts';
import { createTooltipHandler } from './tooltip.ts';
import type { ChartPayload } from '../lib/charts/embed.ts';

Object.assign(transforms, RUNTIME_TRANSFORMS);
// The static SVG was laid out with estimated text widths; measure the same way here so nothing moves.
textMetrics.canvas(false);

/** The compiled spec with the embedded datasets put back in as values. */
function specWithData({ vega, datasets }: ChartPayload): ChartPayload['vega'] {
  return {
    ...vega,
    data: vega.data?.map((entry) => (entry.name in datasets ? { ...entry, values: datasets[entry.name] } : entry)),
  } as ChartPayload['vega'];
}

async function hydrate(element: HTMLElement): Promise<void> {
  const payloadScript = element.querySelector('script.chart__payload');
  const staticSvg = element.querySelector(':scope > svg');
  if (!payloadScript || !staticSvg) throw new Error('the figure has no payload or no static SVG');
  const payload = JSON.parse(payloadScript.textContent ?? '') as ChartPayload;

  const view = new View(parse(specWithData(payload), undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    tooltip: createTooltipHandler(element),
  });
  // initialize() empties its container, so render into a fresh one and swap only when drawn.
  const live = document.createElement('div');
  live.className = 'chart__live';
  view.initialize(live);
  await view.runAsync();
  live.querySelector(':scope > form.vega-bindings:empty')?.remove();
  const label = staticSvg.getAttribute('aria-labelledby');
  const liveSvg = live.querySelector('svg');
  if (label && liveSvg) {
    liveSvg.setAttribute('role', 'img');
    liveSvg.setAttribute('aria-labelledby', label);
  }
  staticSvg.replaceWith(live);
}

const chartRuntime: ChartRuntime = { hydrate };
document.dispatchEvent(new CustomEvent(RUNTIME_READY_EVENT, { detail: chartRuntime }));
