/** Bad input: Math (KaTeX) and the build itself. See cases.ts. */
import { FILE, post, type BadInputCase } from './case-kit.ts';

/** A display formula on lines 10 to 12 of the post (its TeX on line 11), after a line of text. */
const display = (tex: string) => post(`Some text.\n\n$$\n${tex}\n$$`);

/** A doubling chain, \def\qa{\qb\qb}\def\qb{\qc\qc}…: 2^24 expansions asked for. */
const DEF_CHAIN =
  [...'abcdefghijklmnopqrstuvwx']
    .map((c, i) => `\\def\\q${c}{\\q${'bcdefghijklmnopqrstuvwxy'[i]}\\q${'bcdefghijklmnopqrstuvwxy'[i]}}`)
    .join('') + '\\def\\qy{x}\\qa';

/** A macro that repeats its argument ten times, used inside itself: 11 expansions, 200,000 tokens. */
const ARGUMENT_BOMB = `\\def\\t#1{#1#1#1#1#1#1#1#1#1#1}\\t{\\t{${'x'.repeat(2000)}}}`;

export const MATH_AND_BUILD_CASES: readonly BadInputCase[] = [
  {
    name: 'Inline math with a missing argument (\\frac{1})',
    files: { [FILE]: post('The ratio $\\frac{1}$ is one half.') },
    mustSay: [`${FILE}:8:`, 'the inline math $\\frac{1}$ cannot be typeset', '\\frac is missing an argument'],
  },
  {
    name: 'Display math with an unknown macro',
    files: { [FILE]: display('\\foo + 1') },
    mustSay: [`${FILE}:11:`, 'the display math $$ \\foo + 1 $$ cannot be typeset', '\\foo is not a command KaTeX knows'],
  },
  {
    name: 'Math using \\htmlClass',
    files: { [FILE]: display('\\htmlClass{a}{b}') },
    mustSay: [`${FILE}:10:`, 'the display math $$ \\htmlClass{a}{b} $$ is refused', '\\htmlClass is not allowed'],
  },
  {
    name: 'Math using \\includegraphics',
    files: { [FILE]: post('A picture: $\\includegraphics{x}$.') },
    mustSay: [`${FILE}:8:`, 'the inline math $\\includegraphics{x}$ is refused', '\\includegraphics is not allowed in math'],
  },
  {
    name: 'Math with a javascript: link (\\href)',
    files: { [FILE]: post("The math tries a link: $\\href{javascript:window.__pwned='katex'}{click me}$.") },
    mustSay: [
      `${FILE}:8:`,
      "the inline math $\\href{javascript:window.__pwned='katex'}{click me}$ is refused",
      '\\href is not allowed in math',
    ],
  },
  {
    name: 'Text in math that LaTeX would refuse (a strict-mode warning)',
    files: { [FILE]: post('A drink: $café$.') },
    mustSay: [`${FILE}:8:`, 'the inline math $café$ cannot be typeset', '"é" is text inside math'],
  },
  {
    name: 'A macro bomb (\\def chain doubling at every step)',
    files: { [FILE]: display(DEF_CHAIN) },
    mustSay: [`${FILE}:10:`, 'is refused', 'its macros expand more than 1000 times'],
  },
  {
    name: 'A macro bomb (a macro repeating its argument, inside itself)',
    files: { [FILE]: display(ARGUMENT_BOMB) },
    mustSay: [`${FILE}:10:`, 'is refused', 'it is longer than 10,000 tokens once its macros are expanded'],
  },
  {
    name: 'Math nested 5,000 braces deep',
    files: { [FILE]: display(`${'{'.repeat(5000)}x${'}'.repeat(5000)}`) },
    mustSay: [`${FILE}:10:`, 'is refused', 'it is nested too deeply', 'the limit is 60 levels'],
  },
  {
    name: 'Math nested 2,000 square roots deep',
    files: { [FILE]: display(`${'\\sqrt{'.repeat(2000)}x${'}'.repeat(2000)}`) },
    mustSay: [`${FILE}:10:`, 'is refused', 'the limit is 60 levels'],
  },
];
