/**
 * At the end of a test run that includes the accessibility checks, writes
 * test-results/accessibility/last-run.json: the date, each check the
 * accessibility statement describes and whether it passed, the number of
 * pages and the axe-core version and rules (src/site/test-record.ts). The
 * build reads it into the statement. A run without those checks (the unit
 * tests alone, say) leaves the last record as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { TEST_RECORD_PATH, type TestRecord } from '../../src/site/test-record';
import { buildTestRecord, type TestOutcome } from '../../tools/test-record-writer';

function readJson<T>(path: string): T | null {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
  } catch {
    return null;
  }
}

export default class AccessibilityRecordReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const outcomes: TestOutcome[] = [];
    for (const module of testModules) {
      const file = relative(process.cwd(), module.moduleId).split(sep).join('/');
      for (const test of module.children.allTests()) outcomes.push({ file, name: test.fullName, state: test.result().state });
    }
    const axe = readJson<{ axe?: TestRecord['axe'] }>('test-results/accessibility/axe-report.json')?.axe ?? null;
    const pages = readJson<{ pages?: string[] }>('test-results/accessibility/browser-checks.json')?.pages?.length ?? 0;
    const record = buildTestRecord(outcomes, { now: new Date(), pages, axe });
    if (!record) return;
    mkdirSync(dirname(TEST_RECORD_PATH), { recursive: true });
    writeFileSync(TEST_RECORD_PATH, `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(
      `Accessibility statement record: ${TEST_RECORD_PATH} (${record.date}, ${record.passed ? 'every check passed' : 'some checks failed'})\n`,
    );
  }
}
