import { describe, expect, test } from 'vitest';
import { pureTopLevel } from '../../src/lib/charts/figure-code-pure.ts';

describe('a post module’s top level, made droppable for the browser’s copy', () => {
  test('each top-level initializer that calls something becomes a pure-annotated arrow call', () => {
    const source = [
      'export const x = linspace(-5, 5, 101);',
      'const y = x.map(tanh), n = 3;',
      "export const chart = barChart(rows, { title: 'a(b)' });",
    ].join('\n');
    expect(pureTopLevel(source, 'figures.ts')).toBe(
      [
        'export const x = /* @__PURE__ */ (() => (linspace(-5, 5, 101)))();',
        'const y = /* @__PURE__ */ (() => (x.map(tanh)))(), n = 3;',
        "export const chart = /* @__PURE__ */ (() => (barChart(rows, { title: 'a(b)' })))();",
      ].join('\n'),
    );
  });

  test('leaves alone what calls nothing now, what awaits, statements, and calls inside functions', () => {
    const source = [
      'const rows = [1, 2, 3];',
      'const later = () => compute();',
      'const data = await load();',
      'register(plugin);',
      "const text = 'linspace(1, 2, 3)'; // linspace(4)",
      'function f() { return g(); }',
    ].join('\n');
    expect(pureTopLevel(source, 'figures.ts')).toBe(source);
  });

  test('the wrapped module still computes the same values', async () => {
    const source =
      'const square = (v: number) => v * v;\nexport const values = [1, 2, 3].map(square);\nexport const total = values.reduce((a, b) => a + b, 0);';
    const wrapped = pureTopLevel(source, 'm.ts').replace('(v: number)', '(v)');
    const module = (await import(`data:text/javascript,${encodeURIComponent(wrapped)}`)) as { values: number[]; total: number };
    expect(module).toMatchObject({ values: [1, 4, 9], total: 14 });
  });
});
