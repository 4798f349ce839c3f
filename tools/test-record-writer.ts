/**
 * Writing the record of an automated accessibility test run (read by the
 * build: src/site/test-record.ts), from what the test runner reports about
 * each test (tests/support/accessibility-record-reporter.ts).
 */
import { londonDate } from '../src/rules/dates';
import { AUTOMATED_CHECKS, type RecordedCheck, type TestRecord } from '../src/site/test-record';

/** What a test runner reports about one test. */
export interface TestOutcome {
  file: string;
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
}

/**
 * The record of a run, or null when the run did not include the checks the
 * statement describes (a run of the unit tests only, say), so an earlier full
 * record is kept.
 */
export function buildTestRecord(
  outcomes: readonly TestOutcome[],
  details: { now: Date; pages: number; axe: TestRecord['axe'] },
): TestRecord | null {
  const checks: RecordedCheck[] = [];
  for (const check of AUTOMATED_CHECKS) {
    const tests = outcomes.filter((outcome) => outcome.file === check.file && (!check.testName || outcome.name.includes(check.testName)));
    if (tests.length === 0 || tests.some((test) => test.state === 'skipped' || test.state === 'pending')) return null;
    checks.push({ id: check.id, text: check.text, criteria: [...check.criteria], passed: tests.every((test) => test.state === 'passed') });
  }
  return {
    finishedAt: details.now.toISOString(),
    date: londonDate(details.now),
    passed: checks.every((check) => check.passed),
    pages: details.pages,
    axe: details.axe,
    checks,
  };
}
