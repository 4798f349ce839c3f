/**
 * Every sentence of the accessibility statement (/accessibility/) that rests
 * on a fact, made from the facts of this build, in the order and words of the
 * GOV.UK sample statement for public sector websites:
 *
 * - the statement's settings (content/settings/accessibility.yaml): its
 *   dates, who tests the website, any check by hand, the known problems;
 * - the record of the automated test run the build found
 *   (src/site/test-record.ts);
 * - the documents this build publishes, with their publication dates.
 *
 * The components in src/components/ (ComplianceStatus, KnownIssues,
 * HowAccessible, WhatYouCanDo, StatementPrepared, LastTested) only show what
 * these functions return.
 */
import { KNOWN_ISSUE_CATEGORIES } from '../content/model';
import { addYears, displayDate, isRealIsoDate, type IsoDate } from '../rules/dates';
import { AUTOMATED_CHECKS, type RecordedCheck, type TestRecord } from './test-record';
import { CMS_SCREENS, DECAP_FINDINGS, DECAP_MANUAL_FINDINGS } from '../cms/accessibility';
import type { AccessibilityData, KnownIssue, KnownIssueCategory, ManualAudit } from '../content/data-types';

export const NON_COMPLIANCE: KnownIssueCategory = 'Non-compliance with the accessibility regulations';
export const DISPROPORTIONATE_BURDEN: KnownIssueCategory = 'Disproportionate burden';
export const OUT_OF_SCOPE: KnownIssueCategory = 'Not within the scope of the accessibility regulations';

/**
 * PDFs and other documents published before this day are outside the
 * accessibility regulations unless they are essential to providing a service.
 */
export const DOCUMENTS_IN_SCOPE_FROM: IsoDate = '2018-09-23';

/** A document this build publishes, and the day its page was published. */
export interface PublishedDocument {
  title: string;
  page: string;
  published: IsoDate;
}

/** What the statement is made from. */
export interface StatementFacts {
  statement: AccessibilityData;
  /** The record of the last automated test run, or null when the build found none. */
  record: TestRecord | null;
  documents: readonly PublishedDocument[];
}

/** One problem as the statement lists it: what does not work, then the sentences about it. */
export interface ListedProblem {
  problem: string;
  details: string[];
}

/** The checks of the last run that found problems (none without a record). */
export function failedChecks(record: TestRecord | null): RecordedCheck[] {
  return record?.checks.filter((check) => !check.passed) ?? [];
}

/** The documents published before the accessibility regulations applied to documents. */
export function documentsBeforeRegulations(documents: readonly PublishedDocument[]): PublishedDocument[] {
  return documents.filter((document) => document.published < DOCUMENTS_IN_SCOPE_FROM);
}

function issuesIn(statement: AccessibilityData, category: KnownIssueCategory): KnownIssue[] {
  return (statement.knownIssues ?? []).filter((issue) => issue.category === category);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function count(number: number, one: string, many: string): string {
  return number === 1 ? `one ${one}` : `${number} ${many}`;
}

function criteriaSentence(criteria: readonly string[] | undefined): string | null {
  const named = criteria?.map((criterion) => criterion.trim()).filter((criterion) => criterion !== '') ?? [];
  if (named.length === 0) return null;
  return `This fails WCAG 2.2 success ${named.length === 1 ? 'criterion' : 'criteria'} ${named.join(', ')}.`;
}

function listedIssue(issue: KnownIssue): ListedProblem {
  const details: string[] = [];
  const criteria = criteriaSentence(issue.criteria);
  if (criteria) details.push(criteria);
  if (issue.plan?.trim()) details.push(issue.plan.trim());
  if (issue.fixBy) details.push(`We plan to fix this by ${displayDate(issue.fixBy)}.`);
  return { problem: issue.problem.trim(), details };
}

/** The content that fails the regulations: the known problems, then any check the last test run failed. */
function nonCompliances(facts: StatementFacts): ListedProblem[] {
  return [
    ...issuesIn(facts.statement, NON_COMPLIANCE).map(listedIssue),
    ...failedChecks(facts.record).map((check) => ({
      problem: `Our last automated test found that this is not true of every page: ${check.text}.`,
      details: [criteriaSentence(check.criteria), 'We are fixing this.'].filter((detail): detail is string => detail !== null),
    })),
  ];
}

/** The content outside the regulations: documents from before 23 September 2018, then the known problems. */
function outOfScope(facts: StatementFacts): ListedProblem[] {
  const old = documentsBeforeRegulations(facts.documents);
  const listed: ListedProblem[] = [];
  if (old.length > 0) {
    const names = old.map((document) => `"${document.title}" (${document.page}, ${displayDate(document.published)})`).join('; ');
    listed.push({
      problem: `${capitalise(count(old.length, 'PDF or other document', 'PDFs or other documents'))} on this website ${old.length === 1 ? 'was' : 'were'} published before ${displayDate(DOCUMENTS_IN_SCOPE_FROM)}: ${names}.`,
      details: [
        `The accessibility regulations do not require us to fix PDFs or other documents published before ${displayDate(DOCUMENTS_IN_SCOPE_FROM)} if they're not essential to providing our services.`,
        'If you need information from one of them in a different format, contact us (see "Feedback and contact information" above).',
      ],
    });
  }
  listed.push(...issuesIn(facts.statement, OUT_OF_SCOPE).map(listedIssue));
  return listed;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function audits(statement: AccessibilityData): ManualAudit[] {
  return [...(statement.manualAudits ?? [])].sort((a, b) => b.date.localeCompare(a.date));
}

export type ComplianceLevel = 'full' | 'partial';

/**
 * "Compliance status": exactly one of fully or partially compliant. Fully
 * only while nothing fails the regulations: no known problem of that kind and
 * no check the last test run failed. (The sample's third choice, "not
 * compliant", is for a website that fails most of the standard; the known
 * problems and the automated checks cannot show that, so it is never claimed
 * for this one.) A second paragraph when some content is out of scope.
 */
export function complianceStatus(facts: StatementFacts): { status: ComplianceLevel; paragraphs: string[] } {
  const failing = nonCompliances(facts).length;
  const paragraphs: string[] = [];
  if (failing === 0) {
    paragraphs.push('This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.');
    if (audits(facts.statement).length === 0) {
      paragraphs.push(
        'We know of nothing on it that fails the standard, but it has only been tested automatically, and automated tests cannot find every problem (see "Preparation of this accessibility statement" below).',
      );
    }
  } else {
    paragraphs.push(
      `This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the ${failing === 1 ? 'non-compliance' : 'non-compliances'} listed below.`,
    );
  }
  if (outOfScope(facts).length > 0)
    paragraphs.push(
      'Some content is not within the scope of the accessibility regulations. It is listed in the non-accessible content section below.',
    );
  return { status: failing === 0 ? 'full' : 'partial', paragraphs };
}

/** The GOV.UK sample statement's heading for each kind. */
export const CATEGORY_HEADINGS: Record<KnownIssueCategory, string> = {
  'Non-compliance with the accessibility regulations': 'Non-compliance with the accessibility regulations',
  'Disproportionate burden': 'Disproportionate burden',
  'Not within the scope of the accessibility regulations': "Content that's not within the scope of the accessibility regulations",
};

export interface NonAccessibleSection {
  category: KnownIssueCategory;
  heading: string;
  items: ListedProblem[];
  /** When there are no items: what is true instead. */
  none: string | null;
}

/**
 * "Non-accessible content": its three sections, always, in the order of the
 * sample; each lists its content or says truthfully that there is none.
 */
export function nonAccessibleContent(facts: StatementFacts): { intro: string | null; sections: NonAccessibleSection[] } {
  const items: Record<KnownIssueCategory, ListedProblem[]> = {
    'Non-compliance with the accessibility regulations': nonCompliances(facts),
    'Disproportionate burden': issuesIn(facts.statement, DISPROPORTIONATE_BURDEN).map(listedIssue),
    'Not within the scope of the accessibility regulations': outOfScope(facts),
  };
  const automatedOnly = audits(facts.statement).length === 0;
  const documents = facts.documents.length;
  const none: Record<KnownIssueCategory, string> = {
    'Non-compliance with the accessibility regulations': `We do not know of any content on this website that fails the accessibility regulations.${automatedOnly ? ' It has only been tested automatically, so if you find a problem, please tell us.' : ' If you find a problem, please tell us.'}`,
    'Disproportionate burden':
      'We are not claiming that fixing any accessibility problem on this website would be a disproportionate burden.',
    'Not within the scope of the accessibility regulations': `We do not know of any content on this website that is outside the scope of the accessibility regulations. ${
      documents === 0
        ? 'There are no PDFs or other documents on it.'
        : `${documents === 1 ? 'The one PDF or other document on it was' : `All ${documents} PDFs and other documents on it were`} published on or after ${displayDate(DOCUMENTS_IN_SCOPE_FROM)}, so the regulations apply to ${documents === 1 ? 'it' : 'them'}.`
    }`,
  };
  const sections = KNOWN_ISSUE_CATEGORIES.map((category) => ({
    category,
    heading: CATEGORY_HEADINGS[category],
    items: items[category],
    none: items[category].length === 0 ? none[category] : null,
  }));
  return {
    intro: sections.some((section) => section.items.length > 0)
      ? 'The content listed below is non-accessible for the following reasons.'
      : null,
    sections,
  };
}

/** "How accessible this website is": the known limitations in brief, then how far the testing goes. */
export function howAccessible(facts: StatementFacts): { lead: string; limitations: string[]; caveat: string } {
  const limitations = [
    ...issuesIn(facts.statement, NON_COMPLIANCE),
    ...issuesIn(facts.statement, DISPROPORTIONATE_BURDEN),
    ...issuesIn(facts.statement, OUT_OF_SCOPE),
  ].map((issue) => (issue.summary?.trim() || issue.problem).trim());
  for (const check of failedChecks(facts.record))
    limitations.push(`our last automated test found that this is not true of every page: ${check.text}`);
  const old = documentsBeforeRegulations(facts.documents).length;
  if (old > 0)
    limitations.push(
      `${count(old, 'PDF or other document', 'PDFs or other documents')} published before ${displayDate(DOCUMENTS_IN_SCOPE_FROM)} may not be fully accessible`,
    );
  const [latest] = audits(facts.statement);
  return {
    lead:
      limitations.length > 0
        ? 'We know some parts of this website are not fully accessible:'
        : 'We do not know of any part of this website that is not fully accessible.',
    limitations,
    caveat: latest
      ? `As well as being tested automatically, this website was last checked by hand on ${displayDate(latest.date)}. If you find a problem that is not listed here, please tell us.`
      : 'This website has only been tested automatically, and automated tests cannot find every problem, so there may be others we do not know about. If you find one, please tell us.',
  };
}

/**
 * The top of the statement: "you should be able to ..." for each automated
 * check that stands behind a claim, while it passes (every such check when
 * there is no record: the website is published only when they pass).
 */
export function whatYouCanDo(record: TestRecord | null): string[] {
  const failed = new Set(failedChecks(record).map((check) => check.id));
  const recorded = record ? new Set(record.checks.map((check) => check.id)) : null;
  return AUTOMATED_CHECKS.filter((check) => check.youCan && !failed.has(check.id) && (!recorded || recorded.has(check.id))).map(
    (check) => check.youCan!,
  );
}

/** "Preparation of this accessibility statement": its dates. */
export function preparedSentence(statement: AccessibilityData): string {
  return `This statement was prepared on ${displayDate(statement.statementPrepared)}. It was last reviewed on ${displayDate(statement.statementReviewed)}.`;
}

/** Checks by hand, newest first, or that the testing was automated only. */
export function manualTesting(statement: AccessibilityData): string[] {
  const recorded = audits(statement);
  if (recorded.length === 0) {
    return [
      'This testing was automated only. There is no record of this website being checked by hand by an accessibility specialist, for example with a screen reader or speech recognition software.',
      'Automated tests cannot find every accessibility problem. If you find one, please tell us.',
    ];
  }
  return [
    ...recorded.map(
      (audit, index) =>
        `${index === 0 ? 'The website was also checked by hand' : 'Before that, it was checked by hand'} on ${displayDate(audit.date)} by ${audit.by.trim()}. They checked ${sentence(audit.scope)}`,
    ),
    'Automated tests and checks by hand can still miss problems. If you find one, please tell us.',
  ];
}

export interface StatementWarning {
  field: string;
  /** The value the warning is about, to find its line. */ value: string;
  message: string;
}

/**
 * What the comms team should act on (the content check lists these as
 * warnings): a statement last reviewed over a year ago, review dates that
 * contradict each other, and a known problem whose planned fix date has
 * passed. Reads the settings as written, so a field of the wrong kind (which
 * the content check reports itself) is passed over.
 */
export function statementWarnings(statement: Readonly<Record<string, unknown>>, today: IsoDate): StatementWarning[] {
  const warnings: StatementWarning[] = [];
  const date = (value: unknown): IsoDate | null => (typeof value === 'string' && isRealIsoDate(value) ? value : null);
  const prepared = date(statement.statementPrepared);
  const reviewed = date(statement.statementReviewed);
  if (reviewed) {
    if (addYears(reviewed, 1) < today) {
      warnings.push({
        field: 'statementReviewed',
        value: reviewed,
        message: `the accessibility statement was last reviewed on ${displayDate(reviewed)}, over a year ago. Check that every sentence of it, and every known problem, is still true, then set "Statement last reviewed" to the day you did.`,
      });
    }
    if (prepared && reviewed < prepared) {
      warnings.push({
        field: 'statementReviewed',
        value: reviewed,
        message: `"Statement last reviewed" (${displayDate(reviewed)}) is before "Statement first prepared" (${displayDate(prepared)}), so the statement contradicts itself. Set "Statement last reviewed" to the day the statement was last checked.`,
      });
    }
  }
  const issues = Array.isArray(statement.knownIssues) ? (statement.knownIssues as unknown[]) : [];
  for (const issue of issues) {
    const { problem, fixBy } = (issue && typeof issue === 'object' ? issue : {}) as { problem?: unknown; fixBy?: unknown };
    const due = date(fixBy);
    if (due && due < today) {
      warnings.push({
        field: 'fixBy',
        value: due,
        message: `the accessibility statement says the known problem "${shorten(typeof problem === 'string' ? problem : '')}" will be fixed by ${displayDate(due)}, which has passed. When it is fixed, remove it; if not, set a new "Fixed by" date.`,
      });
    }
  }
  return warnings;
}

function shorten(text: string, length = 60): string {
  const plain = text.trim().replace(/\s+/g, ' ');
  return plain.length > length ? `${plain.slice(0, length - 3)}...` : plain;
}

/** A problem of the content manager that only Decap can fix, with Decap's issue if there is one. */
export interface StaffToolProblem {
  problem: string;
  criteria: string | null;
  issue: { url: string; label: string } | null;
}

/**
 * "Staff-facing tools: the content manager": how the CMS at /admin/ is
 * tested, what the project has done, and each fault only Decap can fix
 * (src/cms/accessibility.ts, which tests/site/cms-accessibility.test.ts
 * holds to what axe-core finds), linked to Decap's issue or said to be not
 * yet reported.
 */
export function staffTools(): { about: string[]; done: string[]; problemsLead: string; problems: StaffToolProblem[]; help: string } {
  const problems = [...DECAP_FINDINGS, ...DECAP_MANUAL_FINDINGS].map((finding) => ({
    problem: sentence(finding.problem),
    criteria: criteriaSentence(finding.criteria),
    issue: finding.issue
      ? { url: finding.issue.url, label: `Decap CMS issue ${finding.issue.url.split('/').at(-1)}, "${finding.issue.title}"` }
      : null,
  }));
  return {
    about: [
      "The partnership's staff edit this website in a content manager, Decap CMS (open-source software), at /admin/. It is not for the public.",
      `Each time the website is tested, the same automated checks as for the website's pages (WCAG 2.2 AA) run on its screens: ${CMS_SCREENS.map((screen) => screen.what).join('; ')}.`,
    ],
    done: [
      "every field has a label and a hint, and the forms of the body's parts (warning, inset text, who to call, contact details, image, table) are labelled",
      "we have named the controls Decap leaves unnamed: the buttons of each item in a list (show or hide, move, remove, each naming the item by what it says, such as a procedure change's date and sentence), the rich text editor, the switch between rich text and Markdown, and the media library",
      "the list a learning briefing's review is chosen from is a named list of options, as its box points to, and a review can be chosen with the keyboard alone (type part of its title, arrow to it, Enter): we test this",
      'the preview is titled after the entry being edited',
      'grey text that was too faint is darker',
      'Escape closes the media library',
    ],
    problemsLead:
      problems.length > 0
        ? "These problems are in Decap's own code, so we cannot fix them ourselves. We have linked each to Decap's report of it, where there is one:"
        : 'We do not know of any problem with the content manager that we cannot fix.',
    problems,
    help: 'If one of these problems stops you editing the website, tell us (see feedback and contact information above) and we will make the change for you.',
  };
}
