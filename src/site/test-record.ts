/**
 * The record of the last automated accessibility test run, which keeps the
 * accessibility statement true. `npm test` writes it at the end of every run
 * that includes the accessibility checks (tests/support/accessibility-record-
 * reporter.ts, with tools/test-record-writer.ts) to
 * test-results/accessibility/last-run.json; the build reads it here and the
 * statement shows its date and what it checked (<LastTested />).
 *
 * The order, as the workflows run it: `npm test` (.github/workflows/checks.yml,
 * on every push to main) builds the site (tests/support/global-site.ts), checks
 * that copy in Chromium and, at the end, writes the record, kept with the
 * run's report. Only a commit whose run passed is published:
 * .github/workflows/deploy.yml (after that run, and every night) takes the
 * record from it and runs `npm run build`, which builds the site again from
 * the same files, now with the record, and that copy is published. So the
 * published statement names the run that let its files be published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayDate, isRealIsoDate, type IsoDate } from '../rules/dates';

export const TEST_RECORD_PATH = 'test-results/accessibility/last-run.json';

/** One automated check as the statement describes it, and the tests that make it. */
export interface AutomatedCheck {
  id: string;
  /** What was checked, in words for the public: completes "The tests checked that ...". */
  text: string;
  /** WCAG 2.2 success criteria, "number name". */
  criteria: readonly string[];
  /** The test file, from the project root. */
  file: string;
  /** Only the tests whose name contains this, when given. */
  testName?: string;
  /**
   * What the check means a visitor can do, completing "you should be able
   * to ..." at the top of the statement (listed only while the check passes).
   */
  youCan?: string;
}

/**
 * Every automated check the accessibility statement names, in one place. To
 * add one, add an entry here: the record of each run
 * (the reporter), the statement's list of checks and its site test all follow.
 * A run that lacks a check's tests writes no record, so the statement never
 * names a check that did not run.
 */
export const AUTOMATED_CHECKS: readonly AutomatedCheck[] = [
  {
    id: 'axe',
    text: 'every page passes the automated rules of axe-core for WCAG 2.2 at levels A and AA, at 320 and 1280 pixels wide',
    criteria: [],
    file: 'tests/site/accessibility.test.ts',
    testName: 'has no violations',
  },
  {
    id: 'reflow',
    text: 'no page scrolls sideways at 320 pixels wide',
    criteria: ['1.4.10 Reflow'],
    file: 'tests/site/browser-checks.test.ts',
    testName: '1.4.10',
    youCan: 'zoom in up to 400% without the text spilling off the screen',
  },
  {
    id: 'text-spacing',
    text: 'no text is cut off or overlaps when line, paragraph, letter and word spacing are increased',
    criteria: ['1.4.12 Text spacing'],
    file: 'tests/site/browser-checks.test.ts',
    testName: '1.4.12',
    youCan: 'make the spacing between lines, paragraphs, letters and words bigger without losing any text',
  },
  {
    id: 'zoom',
    text: 'every page works when zoomed to 200%',
    criteria: ['1.4.4 Resize text'],
    file: 'tests/site/browser-checks.test.ts',
    testName: '1.4.4',
  },
  {
    id: 'titles',
    text: 'every page has its own title and one main heading',
    criteria: ['2.4.2 Page titled', '1.3.1 Info and relationships'],
    file: 'tests/site/browser-checks.test.ts',
    testName: '2.4.2',
  },
  {
    id: 'focus',
    text: 'everything the Tab key reaches shows clearly when it has keyboard focus, and is not hidden by anything else',
    criteria: ['2.4.7 Focus visible', '2.4.11 Focus not obscured (minimum)', '2.1.1 Keyboard'],
    file: 'tests/site/browser-checks.test.ts',
    testName: '2.4.7',
    youCan: 'see where you are on every page when you move around it with the Tab key',
  },
  {
    id: 'motion',
    text: 'every page works, and nothing moves, when the device is set to reduce motion',
    criteria: ['2.3.3 Animation from interactions'],
    file: 'tests/site/browser-checks.test.ts',
    testName: '2.3.3',
    youCan: 'stop things moving on the screen with your device\'s "reduce motion" setting',
  },
  {
    id: 'keyboard',
    text: 'with a keyboard alone, you can skip to the main content, leave quickly with "Exit this page" (its button, or Shift pressed 3 times), report a concern and search',
    criteria: ['2.1.1 Keyboard', '2.4.1 Bypass blocks', '2.4.3 Focus order'],
    file: 'tests/site/keyboard-journeys.test.ts',
    youCan: 'use just a keyboard to skip to the main content, leave quickly with "Exit this page", report a concern and search',
  },
  {
    id: 'content',
    text: 'the content has headings in order, link text that says where each link goes, alternative text for images, an accessible alternative for each document, and header rows in tables',
    criteria: ['1.1.1 Non-text content', '1.3.1 Info and relationships', '2.4.4 Link purpose (in context)', '2.4.6 Headings and labels'],
    file: 'tests/unit/content-lint.test.ts',
    testName: 'own content',
  },
  { id: 'links', text: 'no link on the website is broken', criteria: [], file: 'tests/site/links.test.ts' },
  {
    id: 'landmarks',
    text: 'every page has its parts (header, navigation, main content, footer) marked so screen readers can move between them, each named once, and no two elements share an id',
    criteria: ['1.3.1 Info and relationships', '2.4.1 Bypass blocks'],
    file: 'tests/site/landmarks-and-ids.test.ts',
    testName: 'on every built page',
  },
  {
    id: 'html',
    text: 'the HTML of every page is valid and follows the recommended rules of html-validate, which include keeping each phone number on one line',
    criteria: [],
    file: 'tests/site/html-validity.test.ts',
  },
];

export interface RecordedCheck {
  id: string;
  text: string;
  criteria: string[];
  passed: boolean;
}

export interface TestRecord {
  /** When the run ended. */
  finishedAt: string;
  /** Its date in Europe/London. */
  date: IsoDate;
  passed: boolean;
  /** Pages checked by the browser tests. */
  pages: number;
  axe: { version: string; rules: number; tags: string[] } | null;
  checks: RecordedCheck[];
}

function isRecord(value: unknown): value is TestRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as Partial<TestRecord>;
  return (
    typeof record.finishedAt === 'string' &&
    typeof record.date === 'string' &&
    isRealIsoDate(record.date) &&
    typeof record.passed === 'boolean' &&
    typeof record.pages === 'number' &&
    Array.isArray(record.checks) &&
    record.checks.every(
      (check) => check && typeof check.text === 'string' && typeof check.passed === 'boolean' && Array.isArray(check.criteria),
    )
  );
}

/** The record in `root`, or null when there is none (or it cannot be read). */
export function readTestRecord(root: string): TestRecord | null {
  const file = join(root, TEST_RECORD_PATH);
  if (!existsSync(file)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

export interface LastTestedText {
  /** The first paragraph: the date, who tested and how much, or that there is no record. */
  summary: string;
  /** How the tests and the published copy relate: the order the deploy runs them in. */
  process: string;
  /** "The tests check that:" items, each with its WCAG criteria. */
  checks: { text: string; criteria: string; passed: boolean }[];
  /** The result, in a sentence. */
  result: string | null;
}

/** How the tests gate publishing (.github/workflows/checks.yml and deploy.yml; see the top of this file). */
export const TESTING_PROCESS =
  'These tests run on every change to the website before it is published: they build the website from its files and check every page, and a change is published only if every check passes. The copy that is published is then built again from the same files (every night too, so that a review leaves the website on its day), and this statement gives the date of the test run that let those files be published.';

/**
 * What the accessibility statement says about the last automated test, as
 * the GOV.UK sample has it ("This website was last tested on [date]. The test
 * was carried out by [name]."), with how it was tested. `testedBy` is from
 * the statement's settings ("the partnership's web developers").
 */
export function describeLastTest(record: TestRecord | null, testedBy: string): LastTestedText {
  const by = testedBy.trim();
  if (!record) {
    return {
      summary: `There is no record of an automated test of this copy of the website, so we cannot give the date it was last tested. The tests are written and run by ${by}.`,
      process: TESTING_PROCESS,
      checks: AUTOMATED_CHECKS.map((check) => ({ text: check.text, criteria: criteriaText(check.criteria), passed: false })),
      result: null,
    };
  }
  const axe = record.axe ? ` axe-core ${record.axe.version} applied ${record.axe.rules} rules.` : '';
  const failed = record.checks.filter((check) => !check.passed);
  return {
    summary: `This website was last tested on ${displayDate(record.date)}. The test was carried out by ${by}, with automated tests: they built the website and checked every one of its ${record.pages} public pages in a web browser (Chromium), not a sample.${axe} The content editing tool at /admin/, which only the partnership's editors use, is not tested.`,
    process: TESTING_PROCESS,
    checks: record.checks.map((check) => ({ text: check.text, criteria: criteriaText(check.criteria), passed: check.passed })),
    result:
      failed.length === 0
        ? 'Every one of these checks passed.'
        : `${failed.length === 1 ? 'One check' : `${failed.length} checks`} found problems, which we are fixing: ${failed.map((check) => check.text).join('; ')}.`,
  };
}

function criteriaText(criteria: readonly string[]): string {
  if (criteria.length === 0) return '';
  return `WCAG 2.2 success ${criteria.length === 1 ? 'criterion' : 'criteria'} ${criteria.join(', ')}`;
}
