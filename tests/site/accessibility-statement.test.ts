/**
 * The accessibility statement is true and complete: /accessibility/ has
 * every section of the GOV.UK sample statement, in its order; each sentence
 * that rests on a fact is the one src/site/accessibility-statement.ts makes
 * from this build's facts (content/settings/accessibility.yaml, the record of
 * the test run the build found, the documents the build publishes and their
 * dates); and it never contradicts itself. (tests/site/quality-gate.test.ts
 * builds a project copy with a chosen record and checks its date appears.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { siteDist } from '../../tools/built-pages';
import { AUTOMATED_CHECKS, TESTING_PROCESS, describeLastTest, readTestRecord } from '../../src/site/test-record';
import { displayDate, siteToday } from '../../src/rules/dates';
import { readAllEntries } from '../../src/content/files';
import { retentionYearsFrom, reviewStatus } from '../../src/rules/retention';
import {
  DOCUMENTS_IN_SCOPE_FROM,
  complianceStatus,
  documentsBeforeRegulations,
  howAccessible,
  manualTesting,
  nonAccessibleContent,
  preparedSentence,
  staffTools,
  whatYouCanDo,
  type PublishedDocument,
  type StatementFacts,
} from '../../src/site/accessibility-statement';
import type { AccessibilityData, DocumentRef } from '../../src/content/data-types';
import { DECAP_FINDINGS, DECAP_MANUAL_FINDINGS } from '../../src/cms/accessibility';
import { readHtml } from '../../src/html/tokens';

const html = readFileSync(join(siteDist(), 'accessibility/index.html'), 'utf8');
const unescape = (value: string) =>
  value
    .replace(/&#39;|&#x27;|\u2019/g, "'")
    .replace(/&quot;|&#34;|\u201c|\u201d/g, '"')
    .replace(/&amp;/g, '&');
const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** Inline elements: their tags part no words (the glossary's links and <abbr> sit inside "Service (EASS)"). */
const INLINE = new Set(['a', 'abbr', 'span', 'strong', 'em', 'b', 'i', 'code']);
/** The main landmark's text as read: words as the parser decodes them, a space where a block starts or ends. */
function readText(markup: string): string {
  const parts: string[] = [];
  const boundary = (tag: { name: string }) => {
    if (!INLINE.has(tag.name)) parts.push(' ');
  };
  readHtml(markup, { text: (chars) => parts.push(chars), startTag: boundary, endTag: boundary });
  return unescape(parts.join('')).replace(/\s+/g, ' ');
}
const text = readText(main);
const headings = [...main.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map(
  (match) =>
    `h${match[1]} ${unescape(match[2]!.replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim()}`,
);

// The facts, read as the build reads them.
const entries = readAllEntries(process.cwd());
const statement = entries.find((entry) => entry.collection === 'accessibility')!.data as unknown as AccessibilityData;
const years = retentionYearsFrom(entries.find((entry) => entry.collection === 'settings')?.data);
const today = siteToday();
type DocumentEntry = { title: string; published: string; documents?: DocumentRef[] };
const documentsOf = (items: typeof entries) =>
  items.flatMap((entry) => {
    const data = entry.data as unknown as DocumentEntry;
    return (data.documents ?? []).map((document): PublishedDocument => ({
      title: document.title,
      page: data.title,
      published: data.published,
    }));
  });
const everyDocument = documentsOf(entries.filter((entry) => entry.collection === 'reviews' || entry.collection === 'reports'));
const published = documentsOf(
  entries.filter(
    (entry) =>
      entry.collection === 'reports' ||
      (entry.collection === 'reviews' && reviewStatus(String(entry.data.published), today, years).state === 'public'),
  ),
);

/** The files under dist/documents/: what the build actually publishes. */
function builtDocuments(folder = join(siteDist(), 'documents')): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? builtDocuments(join(folder, item.name)) : [item.name],
  );
}

describe('the accessibility statement', () => {
  it('has every section of the GOV.UK sample statement, in its order', () => {
    const expected = [
      'h1 Accessibility statement for Safeguarding Southend',
      'h2 How accessible this website is',
      'h2 Feedback and contact information',
      'h2 Reporting accessibility problems with this website',
      'h2 Enforcement procedure',
      "h2 Technical information about this website's accessibility",
      'h3 Compliance status',
      'h2 Non-accessible content',
      'h3 Non-compliance with the accessibility regulations',
      'h3 Disproportionate burden',
      "h3 Content that's not within the scope of the accessibility regulations",
      "h2 What we're doing to improve accessibility",
      'h2 Preparation of this accessibility statement',
      'h3 How we tested this website',
    ];
    expect(headings.filter((heading) => expected.includes(heading))).toEqual(expected);
    expect(text).toContain('This accessibility statement applies to the Safeguarding Southend website.');
    expect(text).toMatch(/We'll consider your request and get back to you in \d+ working days\./);
    expect(text).toContain('Equality Advisory and Support Service (EASS)');
  });

  it('never contradicts itself: one compliance status, no blanket claim to meet WCAG, no test "before the website was built"', () => {
    const claims = ['fully compliant', 'partially compliant', 'not compliant'].filter((claim) => text.includes(claim));
    expect(claims).toHaveLength(1);
    expect(text).not.toMatch(/meets the (WCAG|Web Content Accessibility Guidelines)|We believe this website meets/);
    expect(text).not.toContain('before the website was built');
    // Known non-compliance means partially compliant, and the statement lists it.
    const failing = (statement.knownIssues ?? []).filter((issue) => issue.category === 'Non-compliance with the accessibility regulations');
    if (failing.length > 0) expect(claims).toEqual(['partially compliant']);
    for (const issue of statement.knownIssues ?? []) expect(text).toContain(issue.problem.replace(/\s+/g, ' ').trim());
  });

  it('puts documents out of scope only from their dates: none in content/ is from before 23 September 2018, so it claims none', () => {
    expect(everyDocument.length).toBeGreaterThan(0);
    expect(documentsBeforeRegulations(everyDocument)).toEqual([]);
    expect(builtDocuments()).toHaveLength(published.length);
    expect(text).not.toContain(`published before ${displayDate(DOCUMENTS_IN_SCOPE_FROM)}:`);
    expect(text).not.toContain('The accessibility regulations do not require us to fix PDFs');
    expect(text).toContain(
      `All ${published.length} PDFs and other documents on it were published on or after 23 September 2018, so the regulations apply to them.`,
    );
  });

  it('says every sentence the facts of this build make, and when it was prepared and last reviewed', () => {
    expect(text).toContain(preparedSentence(statement));
    expect(text).toContain(
      `This statement was prepared on ${displayDate(statement.statementPrepared)}. It was last reviewed on ${displayDate(statement.statementReviewed)}.`,
    );
    for (const paragraph of manualTesting(statement)) expect(text).toContain(paragraph);
    if (!statement.manualAudits?.length) expect(text).toContain('This testing was automated only.');
    expect(text).toContain(TESTING_PROCESS);
    // The reporter writes the record at the end of a run, so a build made at
    // the start of this run read the record that is still there; a dist/
    // kept from an earlier run (SKIP_BUILD=1) may have read another.
    if (inject('buildSeconds') === 0) return;
    const facts: StatementFacts = { statement, record: readTestRecord(process.cwd()), documents: published };
    const sentences = [
      ...complianceStatus(facts).paragraphs,
      ...whatYouCanDo(facts.record),
      ...Object.values(howAccessible(facts)).flat(),
      ...nonAccessibleContent(facts).sections.flatMap((section) => [
        section.none ?? '',
        ...section.items.flatMap((item) => [item.problem, ...item.details]),
      ]),
      describeLastTest(facts.record, statement.testedBy).summary,
    ].filter((sentence) => sentence !== '');
    for (const sentence of sentences) expect(text).toContain(sentence);
    if (facts.record)
      expect(text).toContain(
        `This website was last tested on ${displayDate(facts.record.date)}. The test was carried out by ${statement.testedBy}`,
      );
  });

  it('lists every check of the run it names (every check the tests make, when it names none)', () => {
    const block = text.slice(text.indexOf('How we tested this website'));
    // A dist/ kept from an earlier run (SKIP_BUILD=1) read a record this test cannot know.
    const record = inject('buildSeconds') > 0 ? readTestRecord(process.cwd()) : null;
    const checks = record ? record.checks.map((check) => check.text) : AUTOMATED_CHECKS.map((check) => check.text);
    if (record || block.includes('There is no record of an automated test')) for (const check of checks) expect(block).toContain(check);
    expect(block).toContain('The tests check that:');
  });
  it('has a section on the staff-facing content manager, listing each fault only Decap can fix with Decap\'s issue or "not yet reported"', () => {
    expect(headings).toContain('h2 Staff-facing tools: the content manager');
    const start = main.indexOf('Staff-facing tools: the content manager');
    const section = main.slice(start, main.indexOf('<h2', start + 1));
    const sectionText = unescape(section.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
    const made = staffTools();
    for (const paragraph of [...made.about, made.problemsLead, made.help]) expect(sectionText).toContain(paragraph);
    const findings = [...DECAP_FINDINGS, ...DECAP_MANUAL_FINDINGS];
    expect(made.problems).toHaveLength(findings.length);
    for (const finding of findings) {
      expect(sectionText).toContain(finding.problem);
      if (finding.issue) expect(section).toContain(`<a href="${finding.issue.url}">`);
    }
    const unreported = findings.filter((finding) => !finding.issue).length;
    expect(sectionText.split('This is not yet reported to Decap.').length - 1).toBe(unreported);
  });
});
