/**
 * The math check (src/lib/markdown/math-check.ts): what KaTeX cannot typeset, or typesets only
 * by bending LaTeX, or would take too long or too deep a stack for, is a problem in words; the
 * remark plugin stops a compile with the file, the line and the TeX.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { describe, expect, test } from 'vitest';
import { KATEX_OPTIONS, MAX_MATH_NESTING, MAX_MATH_TOKENS } from '../../src/lib/markdown/katex-options.ts';
import remarkMathCheck, { checkMath, parseTreeDepth, shownTex } from '../../src/lib/markdown/math-check.ts';

/** The reason checkMath gives, with how long it took. */
function timed(tex: string, display = true) {
  const start = performance.now();
  const problem = checkMath(tex, display);
  return { problem, ms: performance.now() - start };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxy';

describe('checkMath accepts ordinary math', () => {
  test.each([
    ['the post’s own formula', '\\sigma(x=0) \\implies 0.5'],
    [
      'a loss',
      '\\mathcal{L}(\\theta) = -\\frac{1}{N}\\sum_{i=1}^{N} \\left[ y_i \\log \\hat{y}_i + (1 - y_i) \\log (1 - \\hat{y}_i) \\right]',
    ],
    [
      'an aligned derivation',
      '\\begin{aligned} \\frac{\\partial L}{\\partial W} &= \\sum_{t=1}^{T} \\frac{\\partial L_t}{\\partial h_t} \\left( \\prod_{j=k+1}^{t} \\frac{\\partial h_j}{\\partial h_{j-1}} \\right) \\\\ &\\le \\gamma^{t-k} \\end{aligned}',
    ],
    ['a matrix', '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}'],
    ['text in \\text', 'x_{\\text{café}}'],
    ['a macro of its own', '\\def\\R{\\mathbb{R}} x \\in \\R^n'],
    ['a \\newcommand with an argument', '\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert} \\norm{x}'],
    // \dots, \implies and friends are macros: 70 of them take more than 200 expansions.
    ['70 built-in macros', '\\dots\\ldots\\cdots\\neq\\implies\\iff\\coloneqq'.repeat(10)],
    ['a ten-level continued fraction', `${'1 + \\cfrac{1}{'.repeat(10)}x${'}'.repeat(10)}`],
  ])('%s', (_name, tex) => {
    expect(checkMath(tex, true)).toBeUndefined();
    expect(checkMath(tex, false)).toBeUndefined();
  });

  test('nesting up to the limit', () => {
    // Each brace group is a level, and so is the formula around them.
    const deepest = `${'{'.repeat(MAX_MATH_NESTING - 1)}x${'}'.repeat(MAX_MATH_NESTING - 1)}`;
    expect(checkMath(deepest, true)).toBeUndefined();
    expect(checkMath(`{${deepest}}`, true)?.reason).toBe(
      `it is nested ${MAX_MATH_NESTING + 1} levels deep (braces, fractions, roots, scripts); the limit is ${MAX_MATH_NESTING} levels`,
    );
  });

  test('a \\gdef in one formula is not known in the next', () => {
    expect(checkMath('\\gdef\\leaked{1} \\leaked', false)).toBeUndefined();
    expect(checkMath('\\leaked', false)?.reason).toMatch(/^\\leaked is not a command KaTeX knows/);
  });
});

describe('checkMath names what is wrong', () => {
  test.each([
    [
      '\\frac{1}',
      'invalid',
      '\\frac is missing an argument: the formula ends before all its {…} groups are given (\\frac{a}{b} takes two)',
    ],
    [
      '\\frac{\\alpha}',
      'invalid',
      '\\frac is missing an argument: the formula ends before all its {…} groups are given (\\frac{a}{b} takes two)',
    ],
    ['\\sqrt', 'invalid', '\\sqrt is missing an argument: the formula ends before all its {…} groups are given'],
    [
      '\\foo',
      'invalid',
      '\\foo is not a command KaTeX knows: check its spelling (what KaTeX supports: https://katex.org/docs/supported.html)',
    ],
    ['{x', 'invalid', 'a { is never closed: add its }'],
    ['x}', 'invalid', 'a } closes nothing: remove it, or add its {'],
    ['x^1^2', 'invalid', 'one thing has two superscripts (x^a^b): write x^{a^b} or {x^a}^b'],
    [
      '\\sqrt\\sqrt x',
      'invalid',
      '\\sqrt is used as an argument without its own: put it and its argument in braces, as in \\sqrt{\\sqrt{x}}',
    ],
    ['café', 'invalid', '"é" is text inside math, which LaTeX does not allow: write \\text{é}'],
    [
      'x % note',
      'invalid',
      'a % comment runs to the end of the formula, which LaTeX would read as commenting out its closing $: remove it',
    ],
    [
      '\\htmlClass{a}{b}',
      'refused',
      "\\htmlClass is not allowed: it would put a class of its own into the page; leave the look of math to the site's CSS",
    ],
    [
      '\\htmlId{a}{b}',
      'refused',
      "\\htmlId is not allowed: it would put an id of its own into the page; leave the look of math to the site's CSS",
    ],
    [
      '\\htmlStyle{color:red}{b}',
      'refused',
      "\\htmlStyle is not allowed: it would put a style of its own into the page; leave the look of math to the site's CSS",
    ],
    [
      '\\htmlData{a=b}{x}',
      'refused',
      "\\htmlData is not allowed: it would put data attributes of its own into the page; leave the look of math to the site's CSS",
    ],
    [
      '\\includegraphics{x}',
      'refused',
      '\\includegraphics is not allowed in math: it would load an image; put images and links in the text around the formula',
    ],
    [
      '\\href{https://example.org}{x}',
      'refused',
      '\\href is not allowed in math: it would make a link; put images and links in the text around the formula',
    ],
    [
      '\\url{javascript:alert(1)}',
      'refused',
      '\\url is not allowed in math: it would make a link; put images and links in the text around the formula',
    ],
  ])('%s', (tex, kind, reason) => {
    for (const display of [true, false]) {
      const problem = checkMath(tex, display);
      expect(problem?.kind).toBe(kind);
      expect(problem?.reason).toBe(reason);
    }
  });

  test('where in the TeX, when KaTeX says', () => {
    expect(checkMath('a + \\foo', true)?.position).toBe(4);
    expect(checkMath('a + b + café', true)?.position).toBe(11);
  });
});

describe('hostile math stops quickly', () => {
  const EXPANSIONS = `its macros expand more than ${KATEX_OPTIONS.maxExpand} times (a \\def or \\newcommand that uses itself, or macros that multiply each other?); simplify them`;
  const TOKENS = `it is longer than ${MAX_MATH_TOKENS.toLocaleString('en-US')} tokens once its macros are expanded (a macro that repeats its argument, used inside itself?); shorten it or simplify its macros`;
  const NESTED = `it is nested too deeply (braces, fractions, roots, scripts); the limit is ${MAX_MATH_NESTING} levels`;

  test.each([
    ['a \\def that calls itself', '\\def\\a{\\a}\\a', EXPANSIONS],
    [
      'a \\def chain doubling at every step',
      [...LETTERS.slice(0, 24)].map((c, i) => `\\def\\q${c}{\\q${LETTERS[i + 1]}\\q${LETTERS[i + 1]}}`).join('') + '\\def\\qy{x}\\qa',
      EXPANSIONS,
    ],
    [
      'a \\newcommand chain doubling at every step',
      [...LETTERS.slice(0, 24)].map((c, i) => `\\newcommand{\\Q${c}}{\\Q${LETTERS[i + 1]}\\Q${LETTERS[i + 1]}}`).join('') +
        '\\newcommand{\\Qy}{x}\\Qa',
      EXPANSIONS,
    ],
    // 11 expansions, but 200,000 tokens: 40 s of KaTeX without the token budget.
    ['a macro repeating its argument, inside itself', `\\def\\t#1{#1#1#1#1#1#1#1#1#1#1}\\t{\\t{${'x'.repeat(2000)}}}`, TOKENS],
    ['a very long formula (20,000 tokens)', 'x+'.repeat(10_000), TOKENS],
    ['5,000 nested braces', `${'{'.repeat(5000)}x${'}'.repeat(5000)}`, NESTED],
    ['5,000 nested square roots', `${'\\sqrt{'.repeat(5000)}x${'}'.repeat(5000)}`, NESTED],
    ['500 nested fractions', `${'\\frac{1}{'.repeat(500)}x${'}'.repeat(500)}`, /^it is nested \d+ levels deep/],
    ['200 nested subscripts', `${'x_{'.repeat(200)}x${'}'.repeat(200)}`, /^it is nested \d+ levels deep/],
  ])('%s', (_name, tex, reason) => {
    const { problem, ms } = timed(tex);
    expect(problem?.kind).toBe('refused');
    if (typeof reason === 'string') expect(problem?.reason).toBe(reason);
    else expect(problem?.reason).toMatch(reason);
    expect(ms).toBeLessThan(1000);
  });

  test('parseTreeDepth walks a deep tree without recursion', () => {
    let tree: { type: string; body: unknown[] } = { type: 'leaf', body: [] };
    for (let i = 1; i < 100_000; i++) tree = { type: 'ordgroup', body: [tree] };
    expect(parseTreeDepth(tree)).toBe(100_000);
  });
});

describe('shownTex', () => {
  test('puts the formula on one line and cuts it short', () => {
    expect(shownTex('$$\n\\frac{1}\n  {2}\n$$')).toBe('$$ \\frac{1} {2} $$');
    expect(shownTex(`$${'x'.repeat(100)}$`, 10)).toBe('$xxxxxxxx…');
  });
});

describe('remarkMathCheck in the MDX pipeline', () => {
  const processor = unified({ remarkPlugins: [remarkMath, remarkMathCheck], rehypePlugins: [[rehypeKatex, KATEX_OPTIONS]] });
  const compile = async (text: string) =>
    (await processor.createMdxRenderer!({ gfm: true, smartypants: true }, { optimize: false })).process(text, '/site/post.mdx', {});

  test('good math compiles', async () => {
    const { code } = await compile('# A post\n\nInline $x^2$, and\n\n$$\n\\frac{a}{b}\n$$\n\n```math\n\\sqrt{2}\n```\n');
    expect(code).toContain('katex');
    expect(code).not.toContain('katex-error');
  });

  test('inline math: the file, the line and the TeX as typed', async () => {
    await expect(compile('# A post\n\nThe ratio $\\frac{1}$ is a half.\n')).rejects.toThrow(
      '/site/post.mdx:3: the inline math $\\frac{1}$ cannot be typeset: \\frac is missing an argument',
    );
  });

  test('display math: the line the problem is on', async () => {
    await expect(compile('Text.\n\n$$\na + b \\\\\n+ \\foo\n$$\n')).rejects.toThrow(
      '/site/post.mdx:5: the display math $$ a + b \\\\ + \\foo $$ cannot be typeset: \\foo is not a command KaTeX knows',
    );
  });

  test('a ```math block is display math', async () => {
    await expect(compile('Text.\n\n```math\n\\htmlClass{a}{b}\n```\n')).rejects.toThrow(
      '/site/post.mdx:3: the display math ```math \\htmlClass{a}{b} ``` is refused: \\htmlClass is not allowed',
    );
  });
});
