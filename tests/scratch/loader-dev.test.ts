/**
 * A data loader under `astro dev` (src/integrations/data-loaders.ts): once a loader has a result,
 * a change to a module it imports never makes the page wait for it. The page is served at once
 * with the last result while the loader runs again in its child process, then reloads by itself
 * with the new one; a run that fails is reported in the terminal and the page keeps the last result.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { scratchSite, type ScratchSite } from '../support/scratch-site.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';
import { post } from './case-kit.ts';

const POST = 'content/posts/nlp/loaded';
const PAGE = '/posts/nlp/loaded/';
/** How long the loader takes: long enough that a page waiting for it would show. */
const LOADER_MS = 3000;

const skipReason = browserSkipReason();

describe.skipIf(skipReason)('a data loader in astro dev', () => {
  let site: ScratchSite;
  let dev: DevServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await scratchSite();
    await site.write(
      `${POST}/index.mdx`,
      post(
        "import { PrintedOutput } from '~/components/index.ts';\nimport { printed } from './figures.ts';\n\n<PrintedOutput text={printed} />",
      ),
    );
    await site.write(`${POST}/figures.ts`, "import data from './numbers.data.ts';\nexport const printed = `scaled: ${data.scaled}`;\n");
    await site.write(`${POST}/scale.ts`, 'export const scale = 2;\n');
    await site.write(
      `${POST}/numbers.data.ts`,
      [
        "import { dataLoader } from '~/lib/loaders/loader.ts';",
        "import { scale } from './scale.ts';",
        'export default dataLoader(async () => {',
        `  await new Promise((done) => setTimeout(done, ${LOADER_MS}));`,
        "  if (scale < 0) throw new Error('the scale must not be negative');",
        '  return { scaled: 21 * scale };',
        '});',
      ].join('\n'),
    );
    dev = await startDevServer(site.root, 4392);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${dev.origin}${PAGE}`, { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    dev?.stop();
    await site?.remove();
  });

  const shown = () => page.locator('samp').first().textContent();

  test('the first visit waits for the first run and shows its result', async () => {
    expect(await shown()).toBe('scaled: 42');
    expect(dev.output()).toMatch(/numbers\.data\.ts: ran in \d+\.\d s/);
  });

  test('a change to an imported module serves the last result at once, then the page reloads with the new one', async () => {
    await site.write(`${POST}/scale.ts`, 'export const scale = 5;\n');
    // Asked for while the loader runs again, the page comes at once, with the last result.
    await expect
      .poll(() => dev.output(), { timeout: 10_000, interval: 100 })
      .toContain('numbers.data.ts changed: serving its last result while it runs again');
    const started = performance.now();
    const response = await fetch(`${dev.origin}${PAGE}`);
    const body = await response.text();
    expect(performance.now() - started).toBeLessThan(LOADER_MS);
    expect(body).toContain('scaled: 42');
    // Once the run is done the page reloads by itself.
    await page.waitForFunction(() => document.querySelector('samp')?.textContent === 'scaled: 105', undefined, { timeout: 60_000 });
  });

  test('a run that fails is said in the terminal, and the page keeps the last result', async () => {
    await site.write(`${POST}/scale.ts`, 'export const scale = -1;\n');
    await expect
      .poll(() => dev.output(), { timeout: 60_000, interval: 200 })
      .toMatch(/numbers\.data\.ts: the loader threw: the scale must not be negative[^\n]*\n\s*\(the page keeps the loader's last result\)/);
    const response = await fetch(`${dev.origin}${PAGE}`);
    expect(await response.text()).toContain('scaled: 105');
  });
});
