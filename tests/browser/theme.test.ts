/**
 * Dark mode in headless Chromium. The page follows prefers-color-scheme, and the header's toggle
 * overrides it and persists; the theme is in place at the first frame (set by _charts/theme.js,
 * a blocking classic script in <head>), and with JavaScript off the stylesheet follows the system.
 * Each chart is one SVG in both themes: the static SVG and the live view keep the same markup and
 * only their computed colours change. Tooltip, keyboard hint, KaTeX and code follow the theme;
 * axe finds nothing in dark mode; no CSP violation, served, from file:// or as offline.html.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { bringChartsToLife, FIGURE_IDS, hoverForTooltip, watchPage, TOOLTIP_TEXT } from '../support/page-watch.ts';
import { POST_PATH, readPage } from '../support/site.ts';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

const distDir = inject('distDir');
const ARTIFACTS = new URL('../../test-results/', import.meta.url);

/** The site's colours (src/styles/global.css), as getComputedStyle gives them. */
const COLOURS = {
  light: { text: 'rgb(31, 35, 40)', background: 'rgb(255, 255, 255)', link: 'rgb(11, 92, 173)' },
  dark: { text: 'rgb(230, 237, 243)', background: 'rgb(13, 17, 23)', link: 'rgb(68, 147, 248)' },
} as const;

const STORAGE_KEY = 'theme';
/** The header's toggle, whose words say which theme it switches to. */
const TOGGLE = { name: /^Switch to (dark|light) theme$/ } as const;
const SAYS_DARK = 'Switch to dark theme';
const SAYS_LIGHT = 'Switch to light theme';

/**
 * What the toggle says, as a screen reader hears it: its accessible name from Chromium's own
 * accessibility tree. Both labels are in the button; the hidden one must not be part of it.
 */
async function toggleSays(toggle: Locator): Promise<string> {
  const snapshot = await toggle.ariaSnapshot();
  const name = /^- button "(.*)"$/.exec(snapshot.trim());
  if (!name) throw new Error(`the toggle is not a button with a name: ${snapshot}`);
  return name[1]!;
}

const require = createRequire(import.meta.url);
const axeSource = readFile(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/** "rgb(1, 2, 3)" or "#010203" as [r, g, b]. */
function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16)) as [number, number, number];
  const match = /^rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (!match) throw new Error(`not a colour: ${colour}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b2] = rgb(colour).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const asRgb = (hex: string) => `rgb(${rgb(hex).join(', ')})`;

/**
 * Installed before any of the page's own scripts: records the theme and the page's background in
 * the first animation frame (the frame before the first paint) and at DOMContentLoaded.
 */
function recordFirstFrame() {
  const read = () => ({
    theme: document.documentElement.dataset.theme ?? null,
    background: getComputedStyle(document.documentElement).backgroundColor,
    body: document.body ? getComputedStyle(document.body).backgroundColor : null,
  });
  const w = window as unknown as { __firstFrame: Promise<unknown>; __domReady: Promise<unknown> };
  w.__firstFrame = new Promise((resolve) => requestAnimationFrame(() => resolve(read())));
  w.__domReady = new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(read()), { once: true }));
}

interface Snapshot {
  theme: string | null;
  background: string;
  /** The body's background, once the body is parsed. */
  body: string | null;
}

const firstFrame = (page: Page) => page.evaluate(() => (window as unknown as { __firstFrame: Promise<Snapshot> }).__firstFrame);
const domReady = (page: Page) => page.evaluate(() => (window as unknown as { __domReady: Promise<Snapshot> }).__domReady);
const pageTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);
/** The page's background: the root's, which paints the canvas (the body has the same). */
const pageBackground = (page: Page) =>
  page.evaluate(() => {
    const [root, body] = [document.documentElement, document.body].map((el) => getComputedStyle(el).backgroundColor);
    return root === body ? root : `root ${root}, body ${body}`;
  });
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

/** What a chart's SVG looks like: its markup, and the computed colours of its non-data ink. */
async function chartLook(page: Page, svgSelector: string) {
  return page.locator(svgSelector).evaluate((svg) => {
    const style = (selector: string) => {
      const element = svg.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      return getComputedStyle(element);
    };
    return {
      markup: svg.outerHTML,
      labelFill: style('.role-axis-label text').fill,
      axisTitleFill: style('.role-axis-title text').fill,
      domainStroke: style('.role-axis-domain line').stroke,
      tickStroke: style('.role-axis-tick line').stroke,
      gridStroke: style('.role-axis-grid line').stroke,
      background: getComputedStyle(svg).backgroundColor,
      backgroundRects: svg.querySelectorAll(':scope > rect').length,
      varInAttributes: [...svg.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.value.includes('var('))).length,
      lineStrokes: [...svg.querySelectorAll('.mark-line path')].map((path) => path.getAttribute('stroke')!),
    };
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  });
}

describe('the built pages load the theme script', () => {
  test.each(['', POST_PATH, 'archive/'])('%s: a blocking classic script in <head>, after the CSP, before the stylesheet', async (path) => {
    const { document } = await readPage(distDir, path);
    const script = document.querySelector('script[src$="_charts/theme.js"]');
    expect(script, 'the theme script').not.toBeNull();
    expect(script!.parentElement!.tagName).toBe('HEAD');
    // Neither deferred nor async nor a module: it runs where it stands, before the body is parsed.
    for (const attribute of ['defer', 'async', 'type']) expect(script!.hasAttribute(attribute), attribute).toBe(false);
    const head = [...document.head.children];
    const csp = head.findIndex((el) => el.getAttribute('http-equiv') === 'Content-Security-Policy');
    const stylesheet = head.findIndex((el) => el.getAttribute('rel') === 'stylesheet');
    expect(csp).toBeGreaterThanOrEqual(0);
    expect(head.indexOf(script!)).toBeGreaterThan(csp);
    expect(head.indexOf(script!)).toBeLessThan(stylesheet);
    // The toggle is a real button carrying both labels; the stylesheet shows the one that applies.
    const toggle = document.querySelector('.site-header button.theme-toggle');
    expect(toggle?.getAttribute('type')).toBe('button');
    const labels = [...(toggle?.querySelectorAll('.theme-toggle__label') ?? [])].map((label) => label.textContent);
    expect(labels).toEqual([SAYS_DARK, SAYS_LIGHT]);
  });

  test('offline.html carries it inline in <head>, allowed by the CSP hash of its text', async () => {
    const { document, html } = await readPage(distDir, `${POST_PATH}offline.html`);
    const theme = await readFile(join(distDir, '_charts/theme.js'), 'utf8');
    const inline = [...document.head.querySelectorAll('script')].find((s) => s.textContent === theme);
    expect(inline, 'theme.js inline in <head>').toBeDefined();
    const { sha256Source } = await import('../../src/lib/html/csp.ts');
    expect(html).toContain(sha256Source(theme));
  });
});

describe.skipIf(skipReason)('dark mode in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  const post = () => `${server.origin}/${POST_PATH}`;

  beforeAll(async () => {
    server = await serveStatic(distDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    if (options.javaScriptEnabled !== false) await created.addInitScript(recordFirstFrame);
    return created;
  }

  test.each(['light', 'dark'] as const)('JavaScript off, system %s: the stylesheet follows the system; no toggle', async (scheme) => {
    const ctx = await context({ javaScriptEnabled: false, colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(post());
    expect(await pageTheme(page)).toBeNull();
    expect(await pageBackground(page)).toBe(COLOURS[scheme].background);
    expect(await page.locator('main').evaluate((el) => getComputedStyle(el).color)).toBe(COLOURS[scheme].text);
    // The toggle could do nothing without its script: it is not shown, nor in the tab order.
    expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
    const look = await chartLook(page, '#sigmoid-and-tangent vega-chart > svg.chart__static--wide');
    expect(look.labelFill).toBe(COLOURS[scheme].text);
    await ctx.close();
  });

  test('system dark: dark from the first frame, before the loader or any chart script has run', async () => {
    const ctx = await context({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(post(), { waitUntil: 'commit' });
    const first = await firstFrame(page);
    expect(first).toMatchObject({ theme: 'dark', background: COLOURS.dark.background });
    expect(await domReady(page)).toEqual({ theme: 'dark', background: COLOURS.dark.background, body: COLOURS.dark.background });
    const toggle = page.getByRole('button', TOGGLE);
    expect(await toggleSays(toggle)).toBe(SAYS_LIGHT);
    // Nothing stored: the page follows the system, also when it changes while the page is open.
    expect(await stored(page)).toBeNull();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => pageTheme(page)).toBe('light');
    expect(await pageBackground(page)).toBe(COLOURS.light.background);
    expect(await toggleSays(toggle)).toBe(SAYS_DARK);
    await ctx.close();
  });

  test('the header is laid out alike in either theme at 360 px: pressing the toggle moves nothing', async () => {
    const ctx = await context({ colorScheme: 'light', viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(post());
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.site-header > *, .site-header__nav > *')].map((el) => {
          const { x, y, width, height } = el.getBoundingClientRect();
          return [x, y, width, height].map((v) => Math.round(v * 10) / 10);
        }),
      );
    const light = await boxes();
    await page.getByRole('button', TOGGLE).click();
    expect(await pageTheme(page)).toBe('dark');
    expect(await boxes()).toEqual(light);
    await ctx.close();
  });

  test('the toggle switches, persists across reloads (painted dark from the first frame), and works by keyboard', async () => {
    const ctx = await context({ colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.goto(post());
    const toggle = page.getByRole('button', TOGGLE);
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggleSays(toggle)).toBe(SAYS_DARK);
    expect(await pageTheme(page)).toBe('light');

    await toggle.click();
    expect(await pageTheme(page)).toBe('dark');
    expect(await toggleSays(toggle)).toBe(SAYS_LIGHT);
    expect(await pageBackground(page)).toBe(COLOURS.dark.background);
    expect(await stored(page)).toBe('dark');

    await page.reload({ waitUntil: 'commit' });
    expect(await firstFrame(page)).toMatchObject({ theme: 'dark', background: COLOURS.dark.background });
    await page.waitForLoadState('load');
    expect(await toggleSays(toggle)).toBe(SAYS_LIGHT);

    // Another page of the site keeps the choice.
    await page.goto(`${server.origin}/`);
    expect(await firstFrame(page)).toMatchObject({ theme: 'dark', background: COLOURS.dark.background });

    // By keyboard: Tab reaches it; Enter and Space press it. Back to light, the system's own
    // theme, the stored choice is cleared and the site follows the system again.
    await page.goto(post());
    let reached = false;
    for (let presses = 0; presses < 20 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await toggle.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab reaches the toggle').toBe(true);
    expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await pageTheme(page)).toBe('light');
    expect(await toggleSays(toggle)).toBe(SAYS_DARK);
    expect(await stored(page)).toBeNull();
    await page.keyboard.press('Space');
    expect(await pageTheme(page)).toBe('dark');
    expect(await stored(page)).toBe('dark');
    await ctx.close();
  });

  test('under a dark system, choosing light is stored and painted light from the first frame', async () => {
    const ctx = await context({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(post());
    await page.getByRole('button', TOGGLE).click();
    expect(await stored(page)).toBe('light');
    await page.reload({ waitUntil: 'commit' });
    expect(await firstFrame(page)).toMatchObject({ theme: 'light', background: COLOURS.light.background });
    await ctx.close();
  });

  test('the static SVG: same markup in both themes, axis, grid and title colours follow the theme', async () => {
    const ctx = await context({ colorScheme: 'light' });
    const page = await ctx.newPage();
    // Without the runtime the charts stay as the build wrote them.
    await page.route('**/chart-runtime.js', (route) => route.abort());
    await page.goto(post());
    for (const id of FIGURE_IDS) {
      const selector = `#${id} vega-chart > svg.chart__static--wide`;
      const light = await chartLook(page, selector);
      await page.getByRole('button', TOGGLE).click();
      const dark = await chartLook(page, selector);
      await page.getByRole('button', TOGGLE).click();
      expect(dark.markup, `${id}: one SVG for both themes`).toBe(light.markup);
      expect(light.markup).toContain('fill="currentColor"');
      for (const [theme, look] of [
        ['light', light],
        ['dark', dark],
      ] as const) {
        for (const key of ['labelFill', 'axisTitleFill', 'domainStroke', 'tickStroke', 'gridStroke'] as const) {
          expect(look[key], `${id} ${theme} ${key}`).toBe(COLOURS[theme].text);
        }
        // No background rect: the page shows through.
        expect(look.backgroundRects, id).toBe(0);
        expect(look.background).toBe('rgba(0, 0, 0, 0)');
        expect(look.varInAttributes, `${id}: var() does not work in SVG presentation attributes`).toBe(0);
      }
    }
    await ctx.close();
  });

  test('the live view: same markup in both themes, colours follow the theme with no re-render', async () => {
    const ctx = await context({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(post());
    await bringChartsToLife(page, FIGURE_IDS);
    await page.mouse.move(0, 0);
    for (const id of FIGURE_IDS) {
      const selector = `#${id} .chart__live svg`;
      const dark = await chartLook(page, selector);
      await page.getByRole('button', TOGGLE).click();
      const light = await chartLook(page, selector);
      await page.getByRole('button', TOGGLE).click();
      expect(light.markup, `${id}: the live view is not drawn again`).toBe(dark.markup);
      for (const [theme, look] of [
        ['light', light],
        ['dark', dark],
      ] as const) {
        for (const key of ['labelFill', 'axisTitleFill', 'domainStroke', 'tickStroke', 'gridStroke'] as const) {
          expect(look[key], `${id} ${theme} ${key}`).toBe(COLOURS[theme].text);
        }
        expect(look.background, `${id}: the live SVG has a transparent background`).toBe('rgba(0, 0, 0, 0)');
        expect(look.varInAttributes).toBe(0);
      }
      // The series colours stay, and stand out from the dark background (WCAG 1.4.11: 3:1).
      expect(dark.lineStrokes.length).toBeGreaterThan(0);
      for (const stroke of dark.lineStrokes) {
        expect(contrast(stroke, COLOURS.dark.background), `${id} ${stroke} on the dark background`).toBeGreaterThanOrEqual(3);
      }
    }
    await ctx.close();
  });

  test('the tooltip and the keyboard hint follow the theme', async () => {
    const ctx = await context({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(post());
    await bringChartsToLife(page, FIGURE_IDS);
    await hoverForTooltip(page, 'sigmoid-and-tangent');
    const tooltip = await page.locator('#sigmoid-and-tangent .chart-tooltip').evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(tooltip).toEqual({ color: COLOURS.dark.text, background: COLOURS.dark.background });
    await page.mouse.move(0, 0);

    // The keys hint shows on the focus ring of a chart reached by keyboard.
    const live = page.locator('#sigmoid-and-tangent .chart__live');
    await page.evaluate(() => window.scrollTo(0, 0));
    let reached = false;
    for (let presses = 0; presses < 200 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await live.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    const keys = await page.locator('#sigmoid-and-tangent .chart__keys').evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(keys).toEqual({ color: COLOURS.dark.background, background: COLOURS.dark.link });
    expect(contrast(keys.color, keys.background)).toBeGreaterThanOrEqual(4.5);
    expect(await live.evaluate((el) => getComputedStyle(el).outlineColor)).toBe(COLOURS.dark.link);
    await ctx.close();
  });

  test('KaTeX and the code listings are readable in the dark theme', async () => {
    const ctx = await context({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(post());
    expect(
      await page
        .locator('.katex')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    ).toBe(COLOURS.dark.text);
    const listing = page.locator('.listing pre.astro-code').first();
    expect(await listing.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(COLOURS.dark.background);
    // Every token takes github-dark-default's colour, and reads at AA against the listing.
    const tokens = await listing.locator('span[style]').evaluateAll((spans) =>
      spans
        .filter((span) => span.style.getPropertyValue('--shiki-dark'))
        .map((span) => ({
          text: span.textContent,
          dark: span.style.getPropertyValue('--shiki-dark'),
          color: getComputedStyle(span).color,
        })),
    );
    expect(tokens.length).toBeGreaterThan(10);
    for (const token of tokens) {
      expect(token.color, token.text ?? '').toBe(asRgb(token.dark));
      expect(contrast(token.color, COLOURS.dark.background), token.text ?? '').toBeGreaterThanOrEqual(4.5);
    }
    await ctx.close();
  });

  describe('axe finds nothing in dark mode', () => {
    let ctx: BrowserContext;
    beforeAll(async () => {
      // axe is added as an inline script; the pages' Content-Security-Policy would refuse it.
      ctx = await context({ colorScheme: 'dark', bypassCSP: true });
    });
    afterAll(async () => {
      await ctx?.close();
    });

    test('the post, static, styled by the media query alone (as with JavaScript off)', async () => {
      const page = await ctx.newPage();
      await page.route('**/chart-runtime.js', (route) => route.abort());
      await page.goto(post());
      await page.evaluate(() => delete document.documentElement.dataset.theme);
      expect(await pageBackground(page)).toBe(COLOURS.dark.background);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    test('the post with both charts alive, the dark theme chosen with the toggle', async () => {
      const page = await ctx.newPage();
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(post());
      await page.getByRole('button', TOGGLE).click();
      expect(await pageTheme(page)).toBe('dark');
      await bringChartsToLife(page, FIGURE_IDS);
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate((key) => localStorage.removeItem(key), STORAGE_KEY);
      await page.close();
    });

    test('the home page', async () => {
      const page = await ctx.newPage();
      await page.goto(`${server.origin}/`);
      expect(await pageTheme(page)).toBe('dark');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });

  test('served: no CSP violation or error while toggling, going live and hovering', async () => {
    const ctx = await context({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    const watch = await watchPage(page);
    await page.goto(post());
    await page.getByRole('button', TOGGLE).click();
    await page.getByRole('button', TOGGLE).click();
    await bringChartsToLife(page, FIGURE_IDS);
    for (const id of FIGURE_IDS) expect(await hoverForTooltip(page, id)).toMatch(TOOLTIP_TEXT);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await ctx.close();
  });

  test('from file://: the toggle works and persists, under the CSP', async () => {
    const ctx = await context({ colorScheme: 'light' });
    const page = await ctx.newPage();
    const watch = await watchPage(page);
    await page.goto(pathToFileURL(join(distDir, POST_PATH, 'index.html')).href);
    expect(await pageTheme(page)).toBe('light');
    await page.getByRole('button', TOGGLE).click();
    expect(await pageBackground(page)).toBe(COLOURS.dark.background);
    await page.reload({ waitUntil: 'commit' });
    expect(await firstFrame(page)).toMatchObject({ theme: 'dark', background: COLOURS.dark.background });
    await bringChartsToLife(page, FIGURE_IDS);
    const look = await chartLook(page, '#sigmoid-and-tangent .chart__live svg');
    expect(look.labelFill).toBe(COLOURS.dark.text);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests.every((r) => r.url.startsWith('file://'))).toBe(true);
    await ctx.close();
  });

  test('offline.html: dark from the first frame, the toggle works and persists, nothing requested', async () => {
    const file = pathToFileURL(join(distDir, POST_PATH, 'offline.html')).href;
    const ctx = await context({ colorScheme: 'dark', offline: true });
    const page = await ctx.newPage();
    const watch = await watchPage(page);
    await page.goto(file, { waitUntil: 'commit' });
    expect(await firstFrame(page)).toMatchObject({ theme: 'dark', background: COLOURS.dark.background });
    await page.waitForLoadState('load');
    await page.getByRole('button', TOGGLE).click();
    expect(await pageBackground(page)).toBe(COLOURS.light.background);
    await page.reload({ waitUntil: 'commit' });
    expect(await firstFrame(page)).toMatchObject({ theme: 'light', background: COLOURS.light.background });
    await page.waitForLoadState('load');
    await page.getByRole('button', TOGGLE).click();
    expect(await pageTheme(page)).toBe('dark');
    await bringChartsToLife(page, FIGURE_IDS);
    expect((await chartLook(page, '#cumulative-gradient .chart__live svg')).labelFill).toBe(COLOURS.dark.text);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests.filter((r) => r.url !== file && !r.url.startsWith('data:'))).toEqual([]);
    await ctx.close();
  });

  test('screenshots of the whole post, dark and light, charts live', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const scheme of ['dark', 'light'] as const) {
      const ctx = await context({ colorScheme: scheme });
      const page = await ctx.newPage();
      await page.goto(post());
      await bringChartsToLife(page, FIGURE_IDS);
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: new URL(`post-${scheme}-1280.png`, ARTIFACTS).pathname, fullPage: true });
      await ctx.close();
    }
  });
});
