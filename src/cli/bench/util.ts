/** What every part of `npm run bench` shares: the post it measures, progress lines, medians and byte counts. */
import { gzipSize } from '../../../tests/support/budgets.ts';

/** The real post the bench loads, and its Figure 1. */
export const POST_PATH = 'posts/nlp/rnns-and-vanishing-gradients/';
export const FIGURE_1 = 'sigmoid-and-tangent';
/** The fixture post with a 10,000-point scatter plot (tests/fixtures/posts/nlp/embedding-map/), and that figure. */
export const EMBEDDING_POST_PATH = 'posts/nlp/embedding-map/';
export const EMBEDDING_FIGURE = 'word-vectors';

/** The viewport of every page measurement but the scroll-to-live one (see interaction.ts). */
export const VIEWPORT = { width: 1280, height: 800 };

const started = performance.now();

/** Prints `message` after the time since the bench started, as [bench mm:ss]. */
export function progress(message: string): void {
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`[bench ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}] ${message}`);
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `value` rounded to `digits` decimals. */
export const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface Bytes {
  raw: number;
  gzip: number;
}

/** Raw and gzip (level 9) bytes of `bodies`, summed. */
export const bytesOf = (bodies: readonly (string | Uint8Array)[]): Bytes => ({
  raw: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
  gzip: bodies.reduce((sum, body) => sum + gzipSize(body), 0),
});

/** "12.3 KB" (1 KB = 1000 bytes). */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** "raw / gzip" in KB, for a table cell. */
export const bytesCell = (b: Bytes) => `${kb(b.raw)} / ${kb(b.gzip)}`;
