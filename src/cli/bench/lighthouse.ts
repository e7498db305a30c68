/**
 * Lighthouse 12.2.3's four scores for the post, on Debian's Chromium with the tests' flags and
 * every host but 127.0.0.1 unresolvable, desktop (1280 × 800) and its default mobile run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../tests/support/browser.ts';
import { progress, VIEWPORT } from './util.ts';

export interface LighthouseResult {
  scores: Record<string, number | null>;
  requests: number;
  outsideRequests: string[];
  failing: string[];
  /** Every run's performance score, on the run reported (the median one). */
  performanceScores?: (number | null)[];
}

export type FormFactor = 'desktop' | 'mobile';

/** Lighthouse's scores vary from run to run; like its docs advise, report the run with the median performance score. */
export const LIGHTHOUSE_RUNS = 3;

/** Debian's Chromium with the tests' flags, a DevTools port for Lighthouse, and no host but 127.0.0.1 resolvable. */
async function startChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${text}`)));
  });
  return {
    port,
    close: async () => {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The run with the median performance score, carrying every run's performance score. */
function medianLighthouse(runs: readonly LighthouseResult[]): LighthouseResult {
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return { ...sorted[sorted.length >> 1]!, performanceScores: runs.map((r) => r.scores.performance ?? null) };
}

/** One Lighthouse run of `url` in a Chromium of its own. */
async function runLighthouse(url: string, formFactor: FormFactor): Promise<LighthouseResult> {
  const chrome = await startChromium();
  try {
    const config =
      formFactor === 'desktop'
        ? {
            ...desktopConfig,
            settings: { ...desktopConfig.settings, screenEmulation: { ...desktopConfig.settings!.screenEmulation!, ...VIEWPORT } },
          }
        : undefined;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    const requests = ((lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? []).map(
      (item) => item.url,
    );
    const origin = new URL(url).origin;
    return {
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([name, category]) => [name, category.score])),
      requests: requests.length,
      outsideRequests: requests.filter((request) => !request.startsWith(origin) && !request.startsWith('data:')),
      failing: Object.values(lhr.audits)
        .filter(
          (audit) => audit.score !== null && audit.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode),
        )
        .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    };
  } finally {
    await chrome.close();
  }
}

/** LIGHTHOUSE_RUNS runs of `url` for each form factor; the median run of each. */
export async function benchLighthouse(url: string): Promise<Record<string, LighthouseResult>> {
  const results: Record<string, LighthouseResult> = {};
  for (const formFactor of ['desktop', 'mobile'] as const) {
    const runs: LighthouseResult[] = [];
    for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) {
      progress(`Lighthouse, ${formFactor}, run ${i} of ${LIGHTHOUSE_RUNS}...`);
      runs.push(await runLighthouse(url, formFactor));
      progress(`  ${JSON.stringify(runs.at(-1)!.scores)}`);
    }
    results[formFactor] = medianLighthouse(runs);
  }
  return results;
}
