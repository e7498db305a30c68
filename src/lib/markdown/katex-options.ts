/**
 * The options rehype-katex renders every post's math with. KaTeX runs with trust: false, so
 * \href{javascript:...} and friends stay inert.
 */
export const KATEX_OPTIONS = { trust: false, strict: 'warn', output: 'htmlAndMathml' } as const;
