import { describe, expect, it } from 'vitest';
import { complianceStatus, groupKnownIssues } from '../../src/lib/accessibility-statement';
import { checkEntry } from '../../src/lib/content-schemas';
import type { KnownIssue } from '../../src/lib/types';

const failing: KnownIssue = { problem: 'Some PDFs are not tagged.', category: 'Non-compliance with the accessibility regulations', criteria: ['1.3.1 Info and relationships'], plan: 'We are replacing them.', fixBy: '2027-03-31' };
const outOfScope: KnownIssue = { problem: 'Old PDFs from 2015.', category: 'Not within the scope of the accessibility regulations' };

describe('compliance status', () => {
  it('is "fully compliant" only while no known problem fails the regulations', () => {
    expect(complianceStatus([]).status).toBe('full');
    expect(complianceStatus([outOfScope])).toEqual({
      status: 'full',
      paragraphs: [
        'This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.',
        'Some content is not within the scope of the accessibility regulations. It is listed in the non-accessible content section below.',
      ],
    });
    expect(complianceStatus([failing]).paragraphs).toEqual(['This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliance listed below.']);
    expect(complianceStatus([failing, { ...failing, problem: 'Another' }]).paragraphs[0]).toContain('due to the non-compliances listed below');
  });
});

describe('known problems', () => {
  it('are grouped in the order of the GOV.UK sample statement, with its sentences', () => {
    expect(groupKnownIssues([outOfScope, failing])).toEqual([
      {
        category: 'Non-compliance with the accessibility regulations',
        heading: 'Non-compliance with the accessibility regulations',
        items: [{ problem: 'Some PDFs are not tagged.', details: ['This fails WCAG 2.2 success criterion 1.3.1 Info and relationships.', 'We are replacing them.', 'We plan to fix this by 31 March 2027.'] }],
      },
      {
        category: 'Not within the scope of the accessibility regulations',
        heading: 'Content that\'s not within the scope of the accessibility regulations',
        items: [{ problem: 'Old PDFs from 2015.', details: [] }],
      },
    ]);
  });
  it('are checked against the content model: a known category, a real date', () => {
    expect(checkEntry('accessibility', 'content/settings/accessibility.yaml', { knownIssues: [failing, outOfScope] })).toEqual([]);
    const problems = checkEntry('accessibility', 'content/settings/accessibility.yaml', { knownIssues: [{ problem: 'x', category: 'Other', fixBy: '2027-02-30' }] });
    expect(problems.map((problem) => problem.field)).toEqual(['knownIssues[1].category', 'knownIssues[1].fixBy']);
  });
});
