import { describe, expect, it } from 'vitest';
import {
  complianceStatus,
  documentsBeforeRegulations,
  howAccessible,
  manualTesting,
  nonAccessibleContent,
  preparedSentence,
  statementWarnings,
  whatYouCanDo,
  type PublishedDocument,
  type StatementFacts,
} from '../../src/site/accessibility-statement';
import { checkEntry } from '../../src/content/schemas';
import { lintEntry } from '../../src/content/lint';
import { AUTOMATED_CHECKS, type TestRecord } from '../../src/site/test-record';
import { buildTestRecord } from '../../tools/test-record-writer';
import type { AccessibilityData, KnownIssue } from '../../src/content/data-types';

const failing: KnownIssue = {
  problem: 'Some PDFs are not tagged.',
  category: 'Non-compliance with the accessibility regulations',
  criteria: ['1.3.1 Info and relationships'],
  plan: 'We are replacing them.',
  fixBy: '2027-03-31',
};
const burden: KnownIssue = {
  problem: 'The 2019 maps are images.',
  summary: 'the 2019 maps are images',
  category: 'Disproportionate burden',
  plan: 'Ask us for the data.',
};
const outOfScope: KnownIssue = {
  problem: "A video from a partner's website has no captions.",
  category: 'Not within the scope of the accessibility regulations',
};
const statement: AccessibilityData = {
  statementPrepared: '2026-11-25',
  statementReviewed: '2026-11-29',
  testedBy: "the partnership's web developers",
};
const audit = { date: '2027-02-01', by: 'an accessibility auditor', scope: 'every page, by keyboard and with NVDA' };
const recent: PublishedDocument = { title: 'Overview report', page: 'D', published: '2025-09-01' };
const old: PublishedDocument = { title: 'Annual report', page: 'LSCB annual report 2015 to 2016', published: '2016-11-30' };

function record(failedId?: string): TestRecord {
  const outcomes = AUTOMATED_CHECKS.map((check) => ({
    file: check.file,
    name: check.testName ?? 'test',
    state: check.id === failedId ? ('failed' as const) : ('passed' as const),
  }));
  return buildTestRecord(outcomes, { now: new Date('2026-11-29T12:00:00Z'), pages: 34, axe: null })!;
}

function facts(
  overrides: { issues?: KnownIssue[]; record?: TestRecord | null; documents?: PublishedDocument[]; audits?: (typeof audit)[] } = {},
): StatementFacts {
  return {
    statement: { ...statement, knownIssues: overrides.issues ?? [], ...(overrides.audits ? { manualAudits: overrides.audits } : {}) },
    record: overrides.record === undefined ? record() : overrides.record,
    documents: overrides.documents ?? [recent],
  };
}

const FULLY = 'This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.';

describe('compliance status', () => {
  it('is "fully compliant" only while no known problem fails the regulations and every check passed, and says the testing was automated only', () => {
    expect(complianceStatus(facts())).toEqual({
      status: 'full',
      paragraphs: [
        FULLY,
        'We know of nothing on it that fails the standard, but it has only been tested automatically, and automated tests cannot find every problem (see "Preparation of this accessibility statement" below).',
      ],
    });
    expect(complianceStatus(facts({ audits: [audit] })).paragraphs).toEqual([FULLY]);
    expect(complianceStatus(facts({ issues: [burden] })).status).toBe('full');
  });
  it('is "partially compliant" with a known non-compliance, or a check the last test run failed, counted', () => {
    expect(complianceStatus(facts({ issues: [failing] }))).toEqual({
      status: 'partial',
      paragraphs: [
        'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliance listed below.',
      ],
    });
    expect(complianceStatus(facts({ issues: [failing], record: record('reflow') })).paragraphs[0]).toContain(
      'due to the non-compliances listed below',
    );
    expect(complianceStatus(facts({ record: record('axe') })).status).toBe('partial');
  });
  it('never says two things: exactly one of fully or partially compliant, whatever the facts', () => {
    const cases = [[], [failing], [burden], [outOfScope], [failing, burden, outOfScope]].flatMap((issues) =>
      [null, record(), record('links')].flatMap((run) =>
        [[], [recent], [old, recent]].map((documents) => facts({ issues, record: run, documents })),
      ),
    );
    for (const input of cases) {
      const text = complianceStatus(input).paragraphs.join(' ');
      const claims = ['fully compliant', 'partially compliant', 'not compliant'].filter((claim) => text.includes(claim));
      expect(claims).toHaveLength(1);
      expect(text).not.toMatch(/meets (the )?(WCAG|Web Content)/);
      const failingSomething =
        input.statement.knownIssues!.some((issue) => issue.category === failing.category) || input.record?.passed === false;
      expect(complianceStatus(input).status).toBe(failingSomething ? 'partial' : 'full');
    }
  });
  it('adds that some content is out of scope only when some is', () => {
    const scopeNote =
      'Some content is not within the scope of the accessibility regulations. It is listed in the non-accessible content section below.';
    expect(complianceStatus(facts()).paragraphs).not.toContain(scopeNote);
    expect(complianceStatus(facts({ issues: [outOfScope] })).paragraphs).toContain(scopeNote);
    expect(complianceStatus(facts({ documents: [old] })).paragraphs).toContain(scopeNote);
  });
});

describe('non-accessible content', () => {
  it("always has the sample's three sections in its order, each saying truthfully when it has nothing", () => {
    const { intro, sections } = nonAccessibleContent(facts({ documents: [recent, { ...recent, title: 'Briefing' }] }));
    expect(intro).toBeNull();
    expect(sections.map((section) => section.heading)).toEqual([
      'Non-compliance with the accessibility regulations',
      'Disproportionate burden',
      "Content that's not within the scope of the accessibility regulations",
    ]);
    expect(sections.map((section) => section.items)).toEqual([[], [], []]);
    expect(sections.map((section) => section.none)).toEqual([
      'We do not know of any content on this website that fails the accessibility regulations. It has only been tested automatically, so if you find a problem, please tell us.',
      'We are not claiming that fixing any accessibility problem on this website would be a disproportionate burden.',
      'We do not know of any content on this website that is outside the scope of the accessibility regulations. All 2 PDFs and other documents on it were published on or after 23 September 2018, so the regulations apply to them.',
    ]);
  });
  it('lists the known problems by kind, with their criteria, plan and date', () => {
    const { intro, sections } = nonAccessibleContent(facts({ issues: [outOfScope, burden, failing], audits: [audit] }));
    expect(intro).toBe('The content listed below is non-accessible for the following reasons.');
    expect(sections[0]).toEqual({
      category: 'Non-compliance with the accessibility regulations',
      heading: 'Non-compliance with the accessibility regulations',
      items: [
        {
          problem: 'Some PDFs are not tagged.',
          details: [
            'This fails WCAG 2.2 success criterion 1.3.1 Info and relationships.',
            'We are replacing them.',
            'We plan to fix this by 31 March 2027.',
          ],
        },
      ],
      none: null,
    });
    expect(sections[1]!.items).toEqual([{ problem: 'The 2019 maps are images.', details: ['Ask us for the data.'] }]);
    expect(sections[2]!.items).toEqual([{ problem: "A video from a partner's website has no captions.", details: [] }]);
  });
  it('lists a check the last test run failed as a non-compliance', () => {
    const { sections } = nonAccessibleContent(facts({ record: record('reflow') }));
    expect(sections[0]!.items).toEqual([
      {
        problem: 'Our last automated test found that this is not true of every page: no page scrolls sideways at 320 pixels wide.',
        details: ['This fails WCAG 2.2 success criterion 1.4.10 Reflow.', 'We are fixing this.'],
      },
    ]);
  });
  it('puts documents out of scope from their publication dates: before 23 September 2018 only', () => {
    expect(
      documentsBeforeRegulations([{ ...old, published: '2018-09-22' }, { ...old, published: '2018-09-23' }, recent]).map(
        (document) => document.published,
      ),
    ).toEqual(['2018-09-22']);
    const { sections } = nonAccessibleContent(facts({ documents: [recent, old] }));
    expect(sections[2]!.none).toBeNull();
    expect(sections[2]!.items).toEqual([
      {
        problem:
          'One PDF or other document on this website was published before 23 September 2018: "Annual report" (LSCB annual report 2015 to 2016, 30 November 2016).',
        details: [
          "The accessibility regulations do not require us to fix PDFs or other documents published before 23 September 2018 if they're not essential to providing our services.",
          'If you need information from one of them in a different format, contact us (see "Feedback and contact information" above).',
        ],
      },
    ]);
    // No documents at all, or one: said as it is.
    expect(nonAccessibleContent(facts({ documents: [] })).sections[2]!.none).toContain('There are no PDFs or other documents on it.');
    expect(nonAccessibleContent(facts({ documents: [recent] })).sections[2]!.none).toContain(
      'The one PDF or other document on it was published on or after 23 September 2018, so the regulations apply to it.',
    );
  });
  it('never claims documents from before 2018 when there are none', () => {
    for (const documents of [[], [recent], [recent, { ...recent, published: '2018-09-23' }]]) {
      const text = JSON.stringify([
        nonAccessibleContent(facts({ documents })),
        howAccessible(facts({ documents })),
        complianceStatus(facts({ documents })),
      ]);
      expect(text).not.toContain('published before 23 September 2018');
      expect(text).not.toContain('not within the scope of the accessibility regulations. It is listed');
    }
  });
});

describe('how accessible this website is', () => {
  it('lists the known limitations in brief (the summary, or the problem), then failed checks and old documents', () => {
    expect(howAccessible(facts({ issues: [burden, failing], record: record('links'), documents: [old, recent] }))).toEqual({
      lead: 'We know some parts of this website are not fully accessible:',
      limitations: [
        'Some PDFs are not tagged.',
        'the 2019 maps are images',
        'our last automated test found that this is not true of every page: no link on the website is broken',
        'one PDF or other document published before 23 September 2018 may not be fully accessible',
      ],
      caveat:
        'This website has only been tested automatically, and automated tests cannot find every problem, so there may be others we do not know about. If you find one, please tell us.',
    });
  });
  it('says when nothing is known, and names the last check by hand when there is one', () => {
    const none = howAccessible(facts({ audits: [{ ...audit, date: '2026-01-10' }, audit] }));
    expect(none.lead).toBe('We do not know of any part of this website that is not fully accessible.');
    expect(none.limitations).toEqual([]);
    expect(none.caveat).toBe(
      'As well as being tested automatically, this website was last checked by hand on 1 February 2027. If you find a problem that is not listed here, please tell us.',
    );
  });
});

describe('what you should be able to do', () => {
  it('is one item for each check behind a claim, while it passes', () => {
    const all = AUTOMATED_CHECKS.filter((check) => check.youCan).map((check) => check.youCan);
    expect(all.length).toBeGreaterThan(3);
    expect(whatYouCanDo(record())).toEqual(all);
    expect(whatYouCanDo(null)).toEqual(all);
    expect(whatYouCanDo(record('reflow'))).not.toContain('zoom in up to 400% without the text spilling off the screen');
    expect(whatYouCanDo(record('reflow'))).toHaveLength(all.length - 1);
    // No claim that nothing tests: speech recognition and screen readers are not tested automatically.
    expect(all.join(' ')).not.toMatch(/speech recognition|screen reader/);
  });
});

describe('preparation of this statement', () => {
  it('gives the dates from the settings', () => {
    expect(preparedSentence(statement)).toBe('This statement was prepared on 25 November 2026. It was last reviewed on 29 November 2026.');
  });
  it('says the testing was automated only while no check by hand is recorded', () => {
    expect(manualTesting(statement)).toEqual([
      'This testing was automated only. There is no record of this website being checked by hand by an accessibility specialist, for example with a screen reader or speech recognition software.',
      'Automated tests cannot find every accessibility problem. If you find one, please tell us.',
    ]);
  });
  it('names each check by hand, newest first, with who did it and what they checked', () => {
    expect(
      manualTesting({
        ...statement,
        manualAudits: [{ date: '2026-01-10', by: "the council's web team", scope: 'the home page with VoiceOver.' }, audit],
      }),
    ).toEqual([
      'The website was also checked by hand on 1 February 2027 by an accessibility auditor. They checked every page, by keyboard and with NVDA.',
      "Before that, it was checked by hand on 10 January 2026 by the council's web team. They checked the home page with VoiceOver.",
      'Automated tests and checks by hand can still miss problems. If you find one, please tell us.',
    ]);
  });
});

describe('warnings for the comms team', () => {
  const data = { ...statement, statementPrepared: '2025-06-01', statementReviewed: '2026-02-28' } as Record<string, unknown>;
  it('warn when the last review is over a year old, not on the day it is a year old', () => {
    expect(statementWarnings(data, '2027-02-28')).toEqual([]);
    expect(statementWarnings(data, '2027-03-01')).toEqual([
      {
        field: 'statementReviewed',
        value: '2026-02-28',
        message:
          'the accessibility statement was last reviewed on 28 February 2026, over a year ago. Check that every sentence of it, and every known problem, is still true, then set "Statement last reviewed" to the day you did.',
      },
    ]);
  });
  it('warn when the review is before the statement was prepared, and when a planned fix date has passed', () => {
    const warnings = statementWarnings({ ...statement, statementReviewed: '2026-11-01', knownIssues: [failing, burden] }, '2027-04-01');
    expect(warnings.map((warning) => [warning.field, warning.value])).toEqual([
      ['statementReviewed', '2026-11-01'],
      ['fixBy', '2027-03-31'],
    ]);
    expect(warnings[1]!.message).toContain('"Some PDFs are not tagged." will be fixed by 31 March 2027, which has passed');
  });
  it('pass over fields of the wrong kind (the content check reports those)', () => {
    expect(statementWarnings({ statementReviewed: 2026, knownIssues: 'none' }, '2030-01-01')).toEqual([]);
    expect(statementWarnings({ knownIssues: [null, { fixBy: '2027-02-30' }] }, '2030-01-01')).toEqual([]);
  });
  it('are in the content check, on the line of the field', () => {
    const text = 'statementPrepared: 2025-01-10\nstatementReviewed: 2025-01-10\ntestedBy: us\n';
    const findings = lintEntry(
      {
        collection: 'accessibility',
        file: 'content/settings/accessibility.yaml',
        data: { statementPrepared: '2025-01-10', statementReviewed: '2025-01-10', testedBy: 'us' },
        body: '',
        bodyLine: 1,
        text,
      },
      '2026-11-29',
    );
    expect(findings).toEqual([expect.objectContaining({ line: 2, severity: 'warning', rule: 'statement-review-due' })]);
  });
});

describe("the statement's settings", () => {
  it('are checked against the content model: dates, who tested, checks by hand, known problems', () => {
    const file = 'content/settings/accessibility.yaml';
    expect(checkEntry('accessibility', file, { ...statement, manualAudits: [audit], knownIssues: [failing, burden, outOfScope] })).toEqual(
      [],
    );
    expect(checkEntry('accessibility', file, { knownIssues: [] }).map((problem) => problem.field)).toEqual([
      'statementPrepared',
      'statementReviewed',
      'testedBy',
    ]);
    const problems = checkEntry('accessibility', file, {
      ...statement,
      statementReviewed: '2026-02-30',
      manualAudits: [{ date: '2026-01-01', by: 'x' }],
      knownIssues: [{ problem: 'x', category: 'Other', fixBy: '2027-02-30' }],
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'statementReviewed',
      'manualAudits[1].scope',
      'knownIssues[1].category',
      'knownIssues[1].fixBy',
    ]);
  });
});
