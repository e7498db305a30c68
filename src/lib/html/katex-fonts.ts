/**
 * Works out which of KaTeX's fonts a page really uses, so a self-contained file carries only
 * those. KaTeX picks a font per class (".katex .mathnormal" is KaTeX_Math italic); a font is
 * needed when every class of some selector that names it occurs in the page.
 */

/** A face as @font-face declares it: "KaTeX_Math|400|italic". */
export type FaceKey = string;

function faceKey(family: string, weight = 'normal', style = 'normal'): FaceKey {
  const numericWeight = weight === 'bold' ? '700' : weight === 'normal' ? '400' : weight;
  return `${family}|${numericWeight}|${style}`;
}

function declarations(block: string): Record<string, string> {
  return Object.fromEntries(
    block
      .split(';')
      .map((declaration) => declaration.split(':'))
      .filter((parts) => parts.length >= 2)
      .map(([name, ...value]) => [name!.trim(), value.join(':').trim()]),
  );
}

/** Innermost CSS rules: [selector text, declarations]. Good enough for KaTeX's flat stylesheet. */
function rules(css: string): [string, Record<string, string>][] {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1]!.trim(), declarations(m[2]!)]);
}

/** Every class name used in an HTML document. */
export function classesIn(html: string): Set<string> {
  const classes = new Set<string>();
  for (const [, value] of html.matchAll(/\sclass="([^"]*)"/g)) {
    for (const name of value!.split(/\s+/)) if (name) classes.add(name);
  }
  return classes;
}

/** The KaTeX faces that `css` applies to elements whose classes occur in `html`. */
export function usedKatexFaces(css: string, html: string): Set<FaceKey> {
  const present = classesIn(html);
  const used = new Set<FaceKey>();
  for (const [selectorText, decls] of rules(css)) {
    if (selectorText.startsWith('@')) continue;
    const family = /KaTeX_\w+/.exec(decls['font-family'] ?? decls.font ?? '')?.[0];
    if (!family) continue;
    const applies = selectorText.split(',').some((selector) => {
      const classes = [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
      return classes.length > 0 && classes.every((name) => present.has(name));
    });
    if (!applies) continue;
    // The shorthand "font: normal 1.21em KaTeX_Main" sets normal weight and style.
    used.add(faceKey(family, decls['font-weight'], decls['font-style']));
  }
  return used;
}

/** Drops every KaTeX @font-face rule whose face is not in `keep`; other rules stay. */
export function pruneKatexFontFaces(css: string, keep: ReadonlySet<FaceKey>): string {
  return css.replace(/@font-face\s*\{([^{}]*)\}/g, (rule, body: string) => {
    const decls = declarations(body);
    const family = decls['font-family']?.replace(/["']/g, '');
    if (!family?.startsWith('KaTeX_')) return rule;
    return keep.has(faceKey(family, decls['font-weight'], decls['font-style'])) ? rule : '';
  });
}
