/**
 * Shiki gives up tokenizing a line after 500 ms of wall-clock time (its `tokenizeTimeLimit`) and
 * colours the rest of the line as one token. The first line of a TypeScript listing takes
 * 170–200 ms here even on an idle machine (the grammar's regexes are compiled then), so on a
 * loaded one a build now and then stopped early on it, and that build's listing had other colours
 * (one theme's, for the rest of the line) than the build before. This transformer turns the limit
 * off, so a listing's colours depend on its text only, never on how busy the machine is.
 *
 * Shiki passes the same options object to `preprocess` and then to the tokenizer, so setting the
 * limit there reaches every line, in both themes.
 */

/** The part of Shiki's transformer interface this needs (Shiki's own type lives in a package we do not depend on). */
export interface TokenizeOptionsTransformer {
  readonly name: string;
  preprocess(code: string, options: { tokenizeTimeLimit?: number }): undefined;
}

export const deterministicTokenizing: TokenizeOptionsTransformer = {
  name: 'deterministic-tokenizing',
  preprocess(_code, options) {
    // 0: no limit. A line always gets all its tokens.
    options.tokenizeTimeLimit = 0;
    return undefined;
  },
};
