import { describe, expect, it } from 'vitest';
import { isAstroHeadInjectNotice, quietAstroNotices, type BundlerLog } from '../../src/build/logs';

const headInject: BundlerLog = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/procedures/generated-procedure-00971.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe("the build's log", () => {
  it("leaves out Rolldown's notice about Astro's own head-inject directive", () => {
    expect(isAstroHeadInjectNotice(headInject)).toBe(true);
    const shown: BundlerLog[] = [];
    quietAstroNotices(headInject, (warning) => shown.push(warning));
    expect(shown).toEqual([]);
  });

  it('shows every other warning, another module-level directive included', () => {
    const others: BundlerLog[] = [
      {
        code: 'MODULE_LEVEL_DIRECTIVE',
        message: 'The semantics of the module level directive "use client" in "src/x.ts" may not be preserved when bundling.',
      },
      { code: 'EVAL', message: 'Use of eval in "src/y.ts" is strongly discouraged' },
      { message: 'use astro:head-inject, but with no code' },
    ];
    const shown: BundlerLog[] = [];
    for (const warning of others) quietAstroNotices(warning, (passed) => shown.push(passed));
    expect(shown).toEqual(others);
  });
});
