/** Watches a Playwright page for what the tests count: console errors, CSP violations, requests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface PageWatch {
  readonly errors: string[];
  readonly cspViolations: string[];
  readonly requests: { url: string; type: string }[];
}

/** Starts watching before the first navigation; the arrays fill as the page runs. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], cspViolations: [], requests: [] };
  await page.exposeFunction('__reportCspViolation', (text: string) => watch.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  page.on('console', (message) => message.type() === 'error' && watch.errors.push(message.text()));
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('request', (request) => watch.requests.push({ url: request.url(), type: request.resourceType() }));
  return watch;
}

/** Scrolls each chart into view and waits for its live view. */
export async function bringChartsToLife(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await page.locator(`#${id} vega-chart`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id} vega-chart[data-state="live"]`);
  }
}

/** Hovers the middle of a live chart and returns the tooltip's text. */
export async function hoverForTooltip(page: Page, id: string): Promise<string> {
  const chart = page.locator(`#${id} vega-chart`);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55);
  const tooltip = chart.locator('.chart-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  return tooltip.innerText();
}

export const FIGURE_IDS = ['sigmoid-and-tangent', 'cumulative-gradient'] as const;

/** A tooltip's text: the series' name as its heading where a chart has several, then "x: …" and "y: …" lines. */
export const TOOLTIP_TEXT = /^(?:[^:\n]+\n)?[^\n]+: [^\n]+\n[^\n]+: [^\n]+$/;

/**
 * Collects layout shifts from the first paint on (install before navigation), each as its score
 * and what moved (the figure, the element, its box before and after), so a failure says where.
 */
export async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: string[] = ((window as unknown as { __shifts: string[] }).__shifts = []);
    type Shift = PerformanceEntry & { value: number; sources?: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        const moved = (entry.sources ?? []).map((source) => {
          const element = source.node instanceof Element ? source.node : source.node?.parentElement;
          const where = element?.closest('figure')?.id ?? element?.tagName ?? '?';
          return `${where} ${element?.className ?? ''} ${JSON.stringify(source.previousRect)} → ${JSON.stringify(source.currentRect)}`;
        });
        shifts.push(`${entry.value.toFixed(4)}: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts watchShifts has seen so far. */
export const shiftsSoFar = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts.slice());

/**
 * A fresh page at `width` × 800 in `scheme`, watched from before it loads (watchPage's errors and
 * watchShifts' layout shifts), on `url`. The page's CSP is bypassed: axe goes in as an inline
 * script, which it would refuse.
 */
export async function openWatchedPage(
  browser: Browser,
  url: string,
  { width, scheme }: { width: number; scheme: 'light' | 'dark' },
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, bypassCSP: true });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await watchShifts(page);
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, watch };
}
