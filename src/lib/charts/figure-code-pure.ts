/**
 * Lets esbuild drop what a post's module computes for its other figures. figures.ts computes
 * everything at its top level (`export const chart = barChart(rows, …)`), and esbuild keeps
 * every top-level call whose result goes unused, since it cannot know the call does nothing else
 * (nor does it read `@__NO_SIDE_EFFECTS__` across modules: evanw/esbuild#4369). So the browser's
 * copy of one explorable figure would compute, and carry the code of, every static figure too.
 *
 * Here each top-level variable's initializer that calls anything becomes a pure-annotated arrow
 * call: `export const chart = /* @__PURE__ *\/ (() => (barChart(rows, …)))();`. Where the value
 * is used, it runs as before; where nothing uses it, esbuild drops it, and with it what only it
 * imported. TypeScript's own parser finds the initializers, so strings and comments are left alone.
 */
import ts from 'typescript';

/** Whether a node holds a call, `new`, or a tagged template, anywhere inside it (not in a nested function: those run later). */
function calls(node: ts.Node): boolean {
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => (calls(child) ? true : undefined)) ?? false;
}

/** Whether a node awaits or yields (an arrow function around it would change what it means). */
function suspends(node: ts.Node): boolean {
  if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => (suspends(child) ? true : undefined)) ?? false;
}

/** The module's source with each top-level initializer that calls something wrapped as a pure call. */
export function pureTopLevel(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const wraps: { start: number; end: number }[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (value && calls(value) && !suspends(value)) wraps.push({ start: value.getStart(file), end: value.getEnd() });
    }
  }
  let text = source;
  for (const { start, end } of wraps.reverse()) {
    text = `${text.slice(0, start)}/* @__PURE__ */ (() => (${text.slice(start, end)}))()${text.slice(end)}`;
  }
  return text;
}
