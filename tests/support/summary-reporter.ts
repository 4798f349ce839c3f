/**
 * Ends the run with one plain line: "Tests: N passed, N failed (why), N
 * skipped" (tools/run-summary.ts). A test file that could not run, an
 * unhandled error or a failed global setup counts as failed. The line is
 * written as the process exits, so it comes after everything vitest prints,
 * even the error of a global setup that failed (in watch mode: at the end of
 * each run).
 */
import { writeSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, TestSpecification, Vitest } from 'vitest/node';
import { summarizeRun, summaryLine, type FileOutcome } from '../../tools/run-summary';

export function fileOutcome(module: TestModule): FileOutcome {
  return { state: module.state(), tests: [...module.children.allTests()].map((test) => test.result().state) };
}

/** Writes to stdout while the process exits (when nothing asynchronous runs any more). */
function writeAll(text: string) {
  let rest = Buffer.from(text);
  for (let attempt = 0; rest.length > 0 && attempt < 10_000; attempt += 1) {
    try {
      rest = rest.subarray(writeSync(1, rest));
    } catch (error) {
      // A full pipe (EAGAIN) drains: try again. A closed one (`npm test | head`): nobody to tell.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    }
  }
}

export default class SummaryReporter implements Reporter {
  private scheduledFiles = 0;
  private watch = false;
  private line: string | null = null;

  onInit(vitest: Vitest) {
    this.watch = vitest.config.watch;
    process.once('exit', () => {
      if (this.line !== null && !this.watch) writeAll(`\n${this.line}\n`);
    });
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
    this.scheduledFiles = specifications.length;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason) {
    const summary = summarizeRun({
      scheduledFiles: this.scheduledFiles,
      files: testModules.map(fileOutcome),
      unhandledErrors: unhandledErrors.length,
      reason,
    });
    this.line = summaryLine(summary);
    if (this.watch) process.stdout.write(`\n${this.line}\n`);
  }
}
