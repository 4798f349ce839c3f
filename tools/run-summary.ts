/**
 * The test run's closing line (tests/support/summary-reporter.ts): how many
 * tests passed, failed and were skipped, where a test file that could not run
 * (a failing beforeAll or global setup, an import or collect error), a file
 * that failed outside its tests (afterAll), an unhandled error and a run that
 * failed for any other reason all count as failed. A failing run never says
 * "0 failed".
 */

/** A test's state at the end of the run (vitest's TestResult state). */
export type TestOutcomeState = 'passed' | 'failed' | 'skipped' | 'pending';

/** A test file at the end of the run (vitest's TestModule: its state and its tests). */
export interface FileOutcome {
  state: 'passed' | 'failed' | 'skipped' | 'pending' | 'queued';
  tests: readonly TestOutcomeState[];
}

export interface RunFacts {
  /** The test files the run set out to run (onTestRunStart); a file that never started has no outcome. */
  scheduledFiles: number;
  files: readonly FileOutcome[];
  unhandledErrors: number;
  /** vitest's verdict on the run. */
  reason: 'passed' | 'failed' | 'interrupted';
}

export interface RunSummary {
  passed: number;
  skipped: number;
  /** Everything counted as failed: the sum of the five below. */
  failed: number;
  failedTests: number;
  /** Files that failed before any test in them ran, or never ran at all. */
  filesNotRun: number;
  /** Files whose tests ran and passed but that failed around them (afterAll, teardown). */
  filesFailedOutsideTests: number;
  unhandledErrors: number;
  /** 1 when the run failed and nothing above says why (no test files, say). */
  runFailed: number;
  interrupted: boolean;
}

export function summarizeRun(facts: RunFacts): RunSummary {
  let passed = 0;
  let skipped = 0;
  let failedTests = 0;
  let filesNotRun = Math.max(0, facts.scheduledFiles - facts.files.length);
  let filesFailedOutsideTests = 0;
  for (const file of facts.files) {
    const failedHere = file.tests.filter((state) => state === 'failed').length;
    const passedHere = file.tests.filter((state) => state === 'passed').length;
    passed += passedHere;
    failedTests += failedHere;
    skipped += file.tests.length - passedHere - failedHere;
    if (failedHere > 0) continue;
    if (file.state === 'queued' || file.state === 'pending') filesNotRun += 1;
    else if (file.state === 'failed') {
      if (passedHere > 0) filesFailedOutsideTests += 1;
      else filesNotRun += 1;
    }
  }
  const unhandledErrors = facts.unhandledErrors;
  const counted = failedTests + filesNotRun + filesFailedOutsideTests + unhandledErrors;
  const runFailed = facts.reason !== 'passed' && counted === 0 ? 1 : 0;
  return {
    passed,
    skipped,
    failed: counted + runFailed,
    failedTests,
    filesNotRun,
    filesFailedOutsideTests,
    unhandledErrors,
    runFailed,
    interrupted: facts.reason === 'interrupted',
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Tests: 278 passed, 9 failed (9 test files could not run), 70 skipped". */
export function summaryLine(summary: RunSummary): string {
  const reasons: string[] = [];
  const other = summary.failed - summary.failedTests;
  if (summary.failedTests > 0 && other > 0) reasons.push(count(summary.failedTests, 'test', 'tests'));
  if (summary.filesNotRun > 0) reasons.push(`${count(summary.filesNotRun, 'test file', 'test files')} could not run`);
  if (summary.filesFailedOutsideTests > 0)
    reasons.push(
      `${count(summary.filesFailedOutsideTests, 'test file', 'test files')} failed outside ${summary.filesFailedOutsideTests === 1 ? 'its' : 'their'} tests`,
    );
  if (summary.unhandledErrors > 0) reasons.push(count(summary.unhandledErrors, 'unhandled error', 'unhandled errors'));
  if (summary.interrupted) reasons.push('the run was interrupted');
  else if (summary.runFailed > 0)
    reasons.push(summary.passed + summary.skipped === 0 ? 'the run failed: no test file ran' : 'the run failed');
  const failed = `${summary.failed} failed${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
  return `Tests: ${summary.passed} passed, ${failed}${summary.skipped ? `, ${summary.skipped} skipped` : ''}`;
}
