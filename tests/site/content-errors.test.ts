/**
 * A bad content file fails the build, and the message names the file, the
 * field and what is expected, for every bad file at once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCopy } from '../support/build-copy';
import { copyProject } from '../../tools/project-copy';

const project = copyProject('sg-bad-content-');
afterAll(() => project.remove());

describe('a bad content file fails the build with a message for people', () => {
  it('names file, field and expectation for a missing field, a wrong type of review and an impossible date', () => {
    const reviews = join(project.root, 'content/reviews');
    writeFileSync(join(reviews, 'missing-summary.mdx'), '---\ntitle: Child X\ntype: Learning Review\npublished: 2026-01-10\n---\nBody\n');
    writeFileSync(
      join(reviews, 'wrong-type.mdx'),
      '---\ntitle: Child Y\ntype: Case Review\npublished: 2026-01-10\nsummary: A summary.\n---\nBody\n',
    );
    writeFileSync(
      join(reviews, 'impossible-date.mdx'),
      '---\ntitle: Child Z\ntype: Learning Review\npublished: 2026-02-30\nsummary: A summary.\n---\nBody\n',
    );

    const build = buildCopy(project.root, 'dist');

    expect(build.status).not.toBe(0);
    expect(build.output).toContain('content/reviews/missing-summary.mdx: field "summary" is missing; it is required (text)');
    expect(build.output).toContain(
      'content/reviews/wrong-type.mdx: field "type" is "Case Review"; expected one of: "Child Safeguarding Practice Review"',
    );
    expect(build.output).toContain(
      'content/reviews/impossible-date.mdx: field "published" is "2026-02-30"; expected a real date as YYYY-MM-DD, for example 2026-03-31',
    );
  });
});
