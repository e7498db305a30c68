/**
 * Math that KaTeX cannot typeset, or typesets only by bending LaTeX, stops the build.
 *
 * rehype-katex catches every KaTeX error, files it as a VFile message nobody prints, and publishes
 * the formula as red text. So this remark plugin, run after remark-math, typesets each formula
 * first with the site's options (katex-options.ts) and stops the build naming the file, the line,
 * the TeX and the problem in an author's words:
 *
 * - parse errors (`\frac{1}`, an unknown macro such as `\foo`, an unclosed `{`);
 * - strict-mode warnings (`\htmlClass`, text in math mode, …), which KaTeX would only print;
 * - commands the site does not trust (`\includegraphics`, `\href`, `\url`), which KaTeX would
 *   replace by their names in red;
 * - and limits that make hostile math stop quickly instead of hanging or overflowing the stack:
 *   KaTeX's `maxExpand` (macros that expand over and over), a budget of tokens read while
 *   expanding (a macro that copies its argument ten times, nested three deep, is only 111
 *   expansions but 200,000 tokens and 40 s of KaTeX), and a nesting limit on the parse tree.
 */
import katex, { ParseError } from 'katex';
import type { KatexOptions, StrictFunction } from 'katex';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { KATEX_OPTIONS, MAX_MATH_NESTING, MAX_MATH_TOKENS } from './katex-options.ts';

/** Why a formula stops the build: `refused` (a limit or a rule of the site) or `invalid` (KaTeX cannot typeset it). */
export interface MathProblem {
  readonly kind: 'invalid' | 'refused';
  /** In an author's words, without the file or the TeX. */
  readonly reason: string;
  /** Where in the TeX the problem is, when KaTeX says (0-based, in UTF-16 units). */
  readonly position?: number;
}

/** Thrown from inside KaTeX by the checks below; never leaves this module. */
class Stop extends Error {
  readonly problem: MathProblem;
  constructor(problem: MathProblem) {
    super(problem.reason);
    this.problem = problem;
  }
}

/** The commands `trust` would let through, each with what it would do. */
const UNTRUSTED: Readonly<Record<string, string>> = {
  '\\includegraphics': 'load an image',
  '\\href': 'make a link',
  '\\url': 'make a link',
  '\\htmlClass': 'put a class of its own into the page',
  '\\htmlId': 'put an id of its own into the page',
  '\\htmlStyle': 'put a style of its own into the page',
  '\\htmlData': 'put data attributes of its own into the page',
};

const HTML_EXTENSIONS = /\\html(?:Class|Id|Style|Data)\b/;

/**
 * A macros object that counts what KaTeX reads through it. KaTeX's macro table looks each token up
 * (own macros first, through this object), so the count is the number of tokens read, those that
 * macros produce included; past `limit` it stops KaTeX. It is fresh for every formula, so a
 * \gdef never leaks from one formula into the next.
 */
function tokenBudget(limit: number): NonNullable<KatexOptions['macros']> {
  let read = 0;
  return new Proxy<NonNullable<KatexOptions['macros']>>(
    {},
    {
      getOwnPropertyDescriptor(target, key) {
        read += 1;
        if (read > limit) {
          throw new Stop({
            kind: 'refused',
            reason: `it is longer than ${limit.toLocaleString('en-US')} tokens once its macros are expanded (a macro that repeats its argument, used inside itself?); shorten it or simplify its macros`,
          });
        }
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    },
  );
}

/** What a strict-mode warning means, in words; `errorMsg` is KaTeX's. */
function strictReason(code: string, errorMsg: string, tex: string): MathProblem {
  const quoted = /"(.+?)"/.exec(errorMsg)?.[1];
  switch (code) {
    case 'htmlExtension': {
      const command = HTML_EXTENSIONS.exec(tex)?.[0] ?? '\\htmlClass';
      return {
        kind: 'refused',
        reason: `${command} is not allowed: it would ${UNTRUSTED[command] ?? 'put markup of its own into the page'}; leave the look of math to the site's CSS`,
      };
    }
    case 'unicodeTextInMathMode':
      return { kind: 'invalid', reason: `"${quoted}" is text inside math, which LaTeX does not allow: write \\text{${quoted}}` };
    case 'unknownSymbol':
      return { kind: 'invalid', reason: `"${quoted}" is a character KaTeX has no symbol for: use a LaTeX command, or \\text{${quoted}}` };
    case 'commentAtEnd':
      return {
        kind: 'invalid',
        reason: 'a % comment runs to the end of the formula, which LaTeX would read as commenting out its closing $: remove it',
      };
    default:
      return { kind: 'invalid', reason: `LaTeX would not accept it: ${errorMsg}` };
  }
}

/**
 * The last command in `tex` that is followed only by whole {…} groups up to the end, i.e. the one
 * still waiting for an argument when the formula ends (`\frac` in `\frac{\alpha}`).
 */
function commandAwaitingArgument(tex: string): string | undefined {
  const commands = [...tex.matchAll(/\\[a-zA-Z]+/g)].reverse();
  for (const match of commands) {
    let depth = 0;
    let rest = tex.slice(match.index + match[0].length);
    rest = rest.replace(/\\[{}]/g, '');
    let whole = true;
    for (const char of rest) {
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      else if (depth === 0 && !/\s/.test(char)) whole = false;
      if (depth < 0) whole = false;
      if (!whole) break;
    }
    if (whole) return match[0];
  }
  return undefined;
}

/** How a few commands that take two arguments are written, for the message about a missing one. */
const EXAMPLES: Readonly<Record<string, string>> = {
  '\\frac': '\\frac{a}{b} takes two',
  '\\dfrac': '\\dfrac{a}{b} takes two',
  '\\tfrac': '\\tfrac{a}{b} takes two',
  '\\cfrac': '\\cfrac{a}{b} takes two',
  '\\binom': '\\binom{n}{k} takes two',
  '\\overset': '\\overset{a}{b} takes two',
  '\\underset': '\\underset{a}{b} takes two',
};

/** A KaTeX ParseError in words. */
function parseErrorReason(error: ParseError, tex: string): MathProblem {
  const message = error.rawMessage ?? error.message;
  const position = typeof error.position === 'number' ? error.position : undefined;
  const at = (reason: string, kind: MathProblem['kind'] = 'invalid'): MathProblem =>
    position === undefined ? { kind, reason } : { kind, reason, position };
  let match: RegExpExecArray | null;
  if ((match = /^Undefined control sequence: (\S+)/.exec(message))) {
    return at(`${match[1]} is not a command KaTeX knows: check its spelling (what KaTeX supports: https://katex.org/docs/supported.html)`);
  }
  if (/^Too many expansions/.test(message)) {
    return at(
      `its macros expand more than ${KATEX_OPTIONS.maxExpand} times (a \\def or \\newcommand that uses itself, or macros that multiply each other?); simplify them`,
      'refused',
    );
  }
  if (/^Unexpected end of input in a macro argument|^Expected group (?:after|as)/.test(message)) {
    const command = commandAwaitingArgument(tex.slice(0, position ?? tex.length));
    const example = command && EXAMPLES[command] ? ` (${EXAMPLES[command]})` : '';
    return at(`${command ?? 'a command'} is missing an argument: the formula ends before all its {…} groups are given${example}`);
  }
  if ((match = /^Got function '(.+?)' with no arguments as (?:argument|superscript|subscript)/.exec(message))) {
    return at(`${match[1]} is used as an argument without its own: put it and its argument in braces, as in \\sqrt{\\sqrt{x}}`);
  }
  if (/^Expected '}', got 'EOF'/.test(message)) return at('a { is never closed: add its }');
  if (/^Expected 'EOF', got '}'/.test(message)) return at('a } closes nothing: remove it, or add its {');
  if (/^Double superscript/.test(message)) return at('one thing has two superscripts (x^a^b): write x^{a^b} or {x^a}^b');
  if (/^Double subscript/.test(message)) return at('one thing has two subscripts (x_a_b): write x_{a_b} or {x_a}_b');
  return at(`KaTeX cannot typeset it: ${message}`);
}

/** Turns what went wrong inside KaTeX into a problem; rethrows what is not KaTeX's or ours. */
function problemOf(error: unknown, tex: string): MathProblem {
  if (error instanceof Stop) return error.problem;
  if (error instanceof ParseError) return parseErrorReason(error, tex);
  if (error instanceof RangeError && /call stack/i.test(error.message)) return nestingProblem();
  throw error;
}

const nestingProblem = (depth?: number): MathProblem => ({
  kind: 'refused',
  reason: `it is nested ${depth === undefined ? 'too deeply' : `${depth} levels deep`} (braces, fractions, roots, scripts); the limit is ${MAX_MATH_NESTING} levels`,
});

/** KaTeX's parser alone (exported, though not in its types): the tree, before any HTML is built. */
const parse = (katex as unknown as { __parse(tex: string, options: KatexOptions): unknown }).__parse;

/**
 * How deep a KaTeX parse tree is: the most parse nodes on one path from the root. Iterative, so
 * a deep tree cannot overflow the stack here.
 */
export function parseTreeDepth(tree: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[tree, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) pending.push([child, depth]);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const here = typeof (node as { type?: unknown }).type === 'string' ? depth + 1 : depth;
    deepest = Math.max(deepest, here);
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'loc' && value !== null && typeof value === 'object') pending.push([value, here]);
    }
  }
  return deepest;
}

/**
 * What is wrong with one formula, or undefined when it typesets as the site's options allow. It
 * parses the TeX (with the token budget and the strict and trust checks), measures the tree, then
 * renders it as rehype-katex will, so an error of the renderer's is caught too.
 */
export function checkMath(tex: string, displayMode: boolean): MathProblem | undefined {
  const strict: StrictFunction = (code, errorMsg, token) => {
    const problem = strictReason(code, errorMsg, tex);
    const position = token?.loc?.start;
    throw new Stop(typeof position === 'number' ? { ...problem, position } : problem);
  };
  const trust = (context: { command: string }): boolean => {
    const does = UNTRUSTED[context.command] ?? 'reach outside the formula';
    throw new Stop({
      kind: 'refused',
      reason: `${context.command} is not allowed in math: it would ${does}; put images and links in the text around the formula`,
    });
  };
  const options = (): KatexOptions => ({
    ...KATEX_OPTIONS,
    displayMode,
    throwOnError: true,
    strict,
    trust,
    macros: tokenBudget(MAX_MATH_TOKENS),
  });
  try {
    const depth = parseTreeDepth(parse(tex, options()));
    if (depth > MAX_MATH_NESTING) return nestingProblem(depth);
    katex.renderToString(tex, options());
    return undefined;
  } catch (error) {
    return problemOf(error, tex);
  }
}

/** The formula as the author typed it, on one line and cut short, for a message. */
export function shownTex(typed: string, max = 60): string {
  const line = typed.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

interface MathNode {
  readonly type: string;
  readonly value: string;
  readonly lang?: string | null;
  readonly position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

/** The remark plugin: each formula (inline, display, or a ```math block) checked, the first problem thrown. */
export default function remarkMathCheck() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value ?? '');
    visit(tree, (node) => {
      const math = node as unknown as MathNode;
      const display = math.type === 'math' || (math.type === 'code' && math.lang === 'math');
      if (!display && math.type !== 'inlineMath') return;
      const problem = checkMath(math.value, display);
      if (!problem) return;
      const start = math.position?.start;
      const endOffset = math.position?.end.offset;
      const typed =
        start?.offset !== undefined && endOffset !== undefined
          ? source.slice(start.offset, endOffset)
          : display
            ? `$$${math.value}$$`
            : `$${math.value}$`;
      // The line the problem is on, when KaTeX says where: display math may span many.
      let line = start?.line;
      const inTyped = typed.indexOf(math.value);
      if (line !== undefined && problem.position !== undefined && inTyped >= 0) {
        line += typed.slice(0, inTyped + problem.position).split('\n').length - 1;
      }
      const verdict = problem.kind === 'refused' ? 'is refused' : 'cannot be typeset';
      throw new Error(
        `${file.path ?? 'a post'}${line ? `:${line}` : ''}: the ${display ? 'display' : 'inline'} math ${shownTex(typed)} ${verdict}: ${problem.reason}`,
      );
    });
  };
}
