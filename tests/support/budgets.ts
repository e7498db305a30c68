/**
 * The page-weight budgets the build and browser tests hold the site to, and how they measure.
 * Sizes are gzip at level 9 (node:zlib, the size a static host's precompressed files have);
 * 1 KB = 1000 bytes.
 */
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** All JavaScript a post loads before any chart is near the viewport: the loader alone. */
  jsAtLoadGzip: 2_000,
  /** All JavaScript once every chart on the post is live: the loader plus the runtime. */
  jsLiveGzip: 150_000,
  /** The post's HTML: 1.5 times its 24.2 KB before each chart was drawn in two layouts (issue 11). */
  postHtmlGzip: 36_300,
} as const;

/** Bytes of `data` after gzip at level 9. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/** "143,971 B" style, for messages. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B`;
}
