/**
 * Page weight and load times of the real post and the vega-embed page in Chromium (1280 × 800):
 * the JavaScript each runs up front and once every chart is live (raw and gzip, level 9), and how
 * long charts take to show and to come alive. Medians of `runs` loads, each in a fresh context.
 */
import type { Browser, Page } from 'playwright-core';
import { bytesOf, median, round, VIEWPORT, type Bytes } from './util.ts';

export interface PageResult {
  js: { atLoad: Bytes; live: Bytes; files: string[] };
  html: Bytes;
  /** Medians over the runs, in ms after navigation start unless said otherwise. */
  ms: { firstContentfulPaint: number; load: number; chartsShown: number; allLive: number; nearToLive: number | null };
}

/** A chart's state change, as pageProbe saw it. */
export interface StateChange {
  id: string;
  state: string;
  at: number;
}

/** Records (in window.__probe) every data-state change of a <vega-chart>, with performance.now(); an init script. */
export function pageProbe(): void {
  const probe = { states: [] as { id: string; state: string; at: number }[] };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target as HTMLElement;
      if (record.attributeName === 'data-state')
        probe.states.push({ id: element.dataset.chartId ?? '', state: element.dataset.state ?? '', at: performance.now() });
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
}

/** The state changes pageProbe has recorded so far. */
export function probedStates(page: Page): Promise<StateChange[]> {
  return page.evaluate(() => (window as unknown as { __probe: { states: StateChange[] } }).__probe.states);
}

/**
 * Loads `url` `runs` times in fresh contexts. Ours: the charts are SVG in the HTML (shown at first
 * paint); then the page is scrolled to each chart in turn and the runtime brings it to life.
 * vega-embed's page: the charts show once its script has compiled and rendered them.
 */
export async function measurePage(browser: Browser, url: string, kind: 'ours' | 'embed', runs: number): Promise<PageResult> {
  const results: PageResult[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const scripts: Promise<{ url: string; body: Buffer }>[] = [];
    let html: Buffer | undefined;
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script') scripts.push(response.body().then((body) => ({ url: response.url(), body })));
      if (type === 'document') void response.body().then((body) => (html = body));
    });
    await page.addInitScript(pageProbe);
    await page.goto(url, { waitUntil: 'networkidle' });
    const atLoad = await Promise.all(scripts);
    let chartsShown: number;
    let allLive: number;
    let nearToLive: number | null = null;
    if (kind === 'embed') {
      chartsShown = await page.evaluate(async () => {
        await (window as unknown as { __embedDone: Promise<unknown> }).__embedDone;
        return (window as unknown as { __renderedAt: number }).__renderedAt;
      });
      allLive = chartsShown;
    } else {
      chartsShown = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      const ids = await page.locator('vega-chart').evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.chartId!));
      for (const id of ids) {
        await page.locator(`vega-chart[data-chart-id="${id}"]`).scrollIntoViewIfNeeded();
        await page.waitForSelector(`vega-chart[data-chart-id="${id}"][data-state="live"]`);
      }
      const states = await probedStates(page);
      allLive = Math.max(...states.filter((s) => s.state === 'live').map((s) => s.at));
      const first = ids[0]!;
      const woke = states.find((s) => s.id === first && s.state === 'loading')!.at;
      nearToLive = states.find((s) => s.id === first && s.state === 'live')!.at - woke;
    }
    const live = await Promise.all(scripts);
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, load: navigation.loadEventEnd };
    });
    results.push({
      js: {
        atLoad: bytesOf(atLoad.map((s) => s.body)),
        live: bytesOf(live.map((s) => s.body)),
        files: live.map((s) => new URL(s.url).pathname),
      },
      html: bytesOf(html ? [html] : []),
      ms: { firstContentfulPaint: timing.fcp, load: timing.load, chartsShown, allLive, nearToLive },
    });
    await context.close();
  }
  const pick = (f: (r: PageResult) => number) => round(median(results.map(f)), 1);
  return {
    ...results[0]!,
    ms: {
      firstContentfulPaint: pick((r) => r.ms.firstContentfulPaint),
      load: pick((r) => r.ms.load),
      chartsShown: pick((r) => r.ms.chartsShown),
      allLive: pick((r) => r.ms.allLive),
      nearToLive: kind === 'ours' ? pick((r) => r.ms.nearToLive!) : null,
    },
  };
}
