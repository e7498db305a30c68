import { expect, test, vi } from 'vitest';
import { isAstroHeadInjectWarning, withoutKnownNoise } from '../../src/lib/build-logs.ts';

// The warning as rolldown logs it for each .mdx entry (withastro/astro#18087).
const HEAD_INJECT = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/posts/a/index.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

test('drops the warning about Astro\'s "use astro:head-inject" directive', () => {
  const handler = vi.fn();
  withoutKnownNoise('warn', HEAD_INJECT, handler);
  expect(handler).not.toHaveBeenCalled();
  expect(isAstroHeadInjectWarning('warn', HEAD_INJECT)).toBe(true);
});

test('passes every other log through unchanged, the same warning about another directive included', () => {
  const others = [
    ['warn', { code: 'MODULE_LEVEL_DIRECTIVE', message: HEAD_INJECT.message.replace('use astro:head-inject', 'use client') }],
    ['warn', { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' }],
    ['warn', { code: 'EVAL', message: 'Use of eval is strongly discouraged ("use astro:head-inject")' }],
    ['info', HEAD_INJECT],
  ] as const;
  for (const [level, log] of others) {
    const handler = vi.fn();
    withoutKnownNoise(level, log, handler);
    expect(handler).toHaveBeenCalledExactlyOnceWith(level, log);
  }
});
