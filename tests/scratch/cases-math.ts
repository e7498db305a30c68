/** Bad input: Math (KaTeX) and the build itself. See cases.ts. */
import type { BadInputCase } from './case-kit.ts';

export const MATH_AND_BUILD_CASES: readonly BadInputCase[] = [];
