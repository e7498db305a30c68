/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core,
 * which downloads nothing. Under CI=true a missing browser is a failure; elsewhere the browser
 * tests skip and say why.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags the project's tests start Chromium with (root, no sandbox, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export const hasChromium = existsSync(CHROMIUM_PATH);

/** Why browser tests skip here, or null when they run. Throws under CI when the browser is missing. */
export function browserSkipReason(): string | null {
  if (hasChromium) return null;
  const reason = `Chromium not found at ${CHROMIUM_PATH}; install it with "apt-get install chromium" (or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${reason}. CI must run the browser tests.`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
