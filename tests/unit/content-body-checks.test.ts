import { describe, expect, it, vi } from 'vitest';

// Counts how often a body is parsed, with the real check behind it.
const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/content/safety', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/content/safety')>();
  return {
    ...original,
    parseAndCheckBody: (...args: Parameters<typeof original.parseAndCheckBody>) => {
      parsed.count += 1;
      return original.parseAndCheckBody(...args);
    },
    checkBodySafety: (...args: Parameters<typeof original.checkBodySafety>) => {
      parsed.count += 1;
      return original.checkBodySafety(...args);
    },
  };
});

const { checkRawEntry, startBuildBodyChecks } = await import('../../src/content/files');
const { compileProblems } = await import('../../src/content/mdx-processor');
type Entry = Parameters<typeof checkRawEntry>[0];

const entry = (body: string): Entry => ({
  collection: 'pages',
  file: 'content/pages/a-page.mdx',
  absolutePath: '/nowhere/content/pages/a-page.mdx',
  data: { title: 'A page', summary: 'A page.' },
  body,
  bodyLine: 5,
});
const UNSAFE = 'Text.\n\n<script>alert(1)</script>\n';

describe('a build checks each body once', () => {
  it('outside a build, parses the body at every check', () => {
    const before = parsed.count;
    const first = checkRawEntry(entry(UNSAFE));
    expect(checkRawEntry(entry(UNSAFE))).toEqual(first);
    expect(parsed.count - before).toBe(2);
  });

  it('in a build, reuses what the first check found for the same text, and checks a changed body afresh', () => {
    startBuildBodyChecks();
    const before = parsed.count;
    const first = checkRawEntry(entry(UNSAFE));
    const bodyProblems = first.filter((problem) => problem.field === 'body');
    expect(bodyProblems.length).toBeGreaterThan(0);
    expect(bodyProblems[0]!.line).toBe(7);
    // The loader's check: the same answer, without parsing again.
    bodyProblems[0]!.message = 'changed by a caller';
    const second = checkRawEntry(entry(UNSAFE));
    expect(second.filter((problem) => problem.field === 'body')[0]!.message).not.toBe('changed by a caller');
    expect(second.length).toBe(first.length);
    expect(parsed.count - before).toBe(1);
    // A body that changed since (an editor saved in between) is parsed and checked as it is now.
    const fixed = checkRawEntry(entry('Text.\n'));
    expect(fixed.filter((problem) => problem.field === 'body')).toEqual([]);
    expect(parsed.count - before).toBe(2);
    // The same text on other lines has its problems on those lines.
    const moved = checkRawEntry({ ...entry(UNSAFE), bodyLine: 9 });
    expect(moved.filter((problem) => problem.field === 'body')[0]!.line).toBe(11);
  });

  it('in a build, the MDX compiler reuses the check of the same text (its frontmatter as blank lines of spaces), and parses any other text itself', () => {
    startBuildBodyChecks();
    checkRawEntry(entry(UNSAFE));
    checkRawEntry(entry('Text.\n'));
    const before = parsed.count;
    // What Astro's compiler is given: the frontmatter's four lines blanked with spaces, then the body.
    const compiled = (body: string) => `   \n            \n                  \n   \n${body}`;
    const unsafe = compileProblems(compiled(UNSAFE), 'content/pages/a-page.mdx', {});
    expect(unsafe).toEqual([expect.objectContaining({ file: 'content/pages/a-page.mdx', field: 'body', line: 7 })]);
    expect(compileProblems(compiled('Text.\n'), 'content/pages/a-page.mdx', {})).toEqual([]);
    expect(parsed.count - before).toBe(0);
    // Text the check never saw (another file, or a body changed since): parsed and checked as it is.
    expect(compileProblems(compiled(UNSAFE), 'content/pages/another-page.mdx', {})).toEqual([
      expect.objectContaining({ field: 'body', line: 7 }),
    ]);
    expect(compileProblems(compiled('Text.\n\n<iframe src="https://example.org/" />\n'), 'content/pages/a-page.mdx', {})).toEqual([
      expect.objectContaining({ field: 'body', line: 7 }),
    ]);
    expect(parsed.count - before).toBe(2);
    // And the layout field is refused whatever the body.
    expect(
      compileProblems(compiled('Text.\n'), 'content/pages/a-page.mdx', { layout: '../x.astro' }).map((problem) => problem.field),
    ).toEqual(['layout']);
  });
});
