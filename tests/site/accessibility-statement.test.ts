/**
 * The accessibility statement stays true: /accessibility/ follows the GOV.UK
 * sample statement's structure, and shows the date of the last automated test
 * run and the checks it made (from test-results/accessibility/last-run.json,
 * which the build reads) and the known problems from
 * content/settings/accessibility.yaml. (tests/site/quality-gate.test.ts builds
 * a project copy with a chosen record and checks its date appears.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { siteDist } from '../support/built-pages';
import { AUTOMATED_CHECKS, describeLastTest, readTestRecord } from '../../src/lib/test-record';
import { displayDate } from '../../src/lib/dates';
import { parseYaml } from '../../src/lib/content-files';
import { complianceStatus } from '../../src/lib/accessibility-statement';
import type { AccessibilityData } from '../../src/lib/types';

const html = readFileSync(join(siteDist(), 'accessibility/index.html'), 'utf8');
const text = html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;|\u2019/g, "'").replace(/&quot;|\u201c|\u201d/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const headings = [...html.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => `h${match[1]} ${match[2]!.replace(/<[^>]+>/g, '').replace(/&#39;|&#x27;|\u2019/g, "'").replace(/\s+/g, ' ').trim()}`);

describe('the accessibility statement', () => {
  it('follows the structure of the GOV.UK sample statement', () => {
    const expected = [
      'h1 Accessibility statement for Safeguarding Southend',
      'h2 How accessible this website is',
      'h2 Feedback and contact information',
      'h2 Reporting accessibility problems with this website',
      'h2 Enforcement procedure',
      'h2 Technical information about this website\'s accessibility',
      'h3 Compliance status',
      'h2 Non-accessible content',
      'h2 What we\'re doing to improve accessibility',
      'h2 Preparation of this accessibility statement',
      'h3 How we tested this website',
    ];
    const found = headings.filter((heading) => expected.includes(heading));
    expect(found).toEqual(expected);
  });

  it('states its compliance and lists the known problems from content/settings/accessibility.yaml', () => {
    const data = parseYaml(readFileSync('content/settings/accessibility.yaml', 'utf8'), 'content/settings/accessibility.yaml') as AccessibilityData;
    for (const paragraph of complianceStatus(data.knownIssues).paragraphs) expect(text).toContain(paragraph);
    for (const issue of data.knownIssues ?? []) expect(text).toContain(issue.problem.replace(/\s+/g, ' ').trim());
  });

  it('shows the date of the last automated test run that the build found, and every check the tests make', () => {
    const block = text.slice(text.indexOf('How we tested this website'));
    for (const check of AUTOMATED_CHECKS) expect(block).toContain(check.text);
    // The reporter writes the record at the end of a run, so a build made at
    // the start of this run read the record that is still there.
    const record = readTestRecord(process.cwd());
    if (inject('buildSeconds') > 0) {
      expect(block).toContain(describeLastTest(record).summary);
      if (record) expect(block).toContain(`This website was last tested on ${displayDate(record.date)}.`);
    } else {
      expect(block).toMatch(/This website was last tested on \d{1,2} [A-Z][a-z]+ \d{4}\.|There is no record of an automated test/);
    }
  });
});
