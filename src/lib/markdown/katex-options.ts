/**
 * The options rehype-katex renders every post's math with, and the limits the math check
 * (math-check.ts) holds every formula to before rehype-katex sees it. KaTeX runs with
 * trust: false, so \href{javascript:...} and friends stay inert; the check refuses them outright.
 *
 * - strict: 'error': what LaTeX itself would refuse (text in math mode, \htmlClass, …) is an
 *   error, never a warning printed to a log nobody reads.
 * - maxExpand: at most this many macro expansions a formula (KaTeX's default, made explicit and
 *   kept): a \def or \newcommand that calls itself, or a chain that doubles at every step, stops
 *   at once. Ordinary math needs some too: \dots, \implies and \neq are macros themselves, and 70
 *   of them need more than 200.
 */
export const KATEX_OPTIONS = { trust: false, strict: 'error', output: 'htmlAndMathml', maxExpand: 1000 } as const;

/**
 * The deepest a formula's KaTeX parse tree may be (every group, fraction, root and script is a
 * level or two: a ten-level continued fraction is about 20). Far below where KaTeX or the MDX
 * compile after it would overflow the stack (about 1,500 nested braces in KaTeX).
 */
export const MAX_MATH_NESTING = 60;

/**
 * The most tokens KaTeX may read for one formula, those its macros produce included. Expansions
 * alone do not bound the work: a macro that repeats its argument ten times, nested three deep,
 * takes 111 expansions and 200,000 tokens (40 s here). A long aligned derivation reads about 1,000.
 */
export const MAX_MATH_TOKENS = 10_000;
