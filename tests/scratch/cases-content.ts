/** Bad input: Frontmatter, post folders and tags. See cases.ts. */
import type { BadInputCase } from './case-kit.ts';

export const CONTENT_CASES: readonly BadInputCase[] = [];
