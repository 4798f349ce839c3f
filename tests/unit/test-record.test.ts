import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOMATED_CHECKS, TESTING_PROCESS, TEST_RECORD_PATH, describeLastTest, readTestRecord } from '../../src/site/test-record';
import { buildTestRecord, type TestOutcome } from '../../tools/test-record-writer';

/** A run in which every test of every check ran, with the given state. */
function run(state: TestOutcome['state'] = 'passed', failing?: string): TestOutcome[] {
  return AUTOMATED_CHECKS.map((check) => ({
    file: check.file,
    name: `every page ${check.testName ?? 'works'} test`,
    state: check.id === failing ? 'failed' : state,
  }));
}
const axe = { version: '4.11.0', rules: 96, tags: ['wcag2a', 'wcag2aa'] };

describe('the record of a test run', () => {
  it('records the London date, every check and whether it passed', () => {
    const record = buildTestRecord(run(), { now: new Date('2026-11-25T23:30:00Z'), pages: 34, axe })!;
    expect(record.date).toBe('2026-11-25');
    expect(record.passed).toBe(true);
    expect(record.checks.map((check) => check.id)).toEqual(AUTOMATED_CHECKS.map((check) => check.id));
    // British Summer Time: 23:30 UTC on 1 July is already 2 July in London.
    expect(buildTestRecord(run(), { now: new Date('2026-07-01T23:30:00Z'), pages: 34, axe })!.date).toBe('2026-07-02');
  });
  it('records a failed check', () => {
    const record = buildTestRecord(run('passed', 'reflow'), { now: new Date('2026-11-25T12:00:00Z'), pages: 34, axe })!;
    expect(record.passed).toBe(false);
    expect(record.checks.find((check) => check.id === 'reflow')!.passed).toBe(false);
  });
  it('is not made by a run without every check, so the last full record stays', () => {
    expect(
      buildTestRecord(
        run().filter((outcome) => !outcome.file.includes('keyboard')),
        { now: new Date(), pages: 34, axe },
      ),
    ).toBeNull();
    expect(buildTestRecord(run('skipped'), { now: new Date(), pages: 34, axe })).toBeNull();
  });
  it('is read back from test-results, and a missing or broken file reads as none', () => {
    const root = mkdtempSync(join(tmpdir(), 'sg-record-'));
    expect(readTestRecord(root)).toBeNull();
    mkdirSync(join(root, 'test-results/accessibility'), { recursive: true });
    writeFileSync(join(root, TEST_RECORD_PATH), '{ not json');
    expect(readTestRecord(root)).toBeNull();
    const record = buildTestRecord(run(), { now: new Date('2026-11-25T12:00:00Z'), pages: 34, axe })!;
    writeFileSync(join(root, TEST_RECORD_PATH), JSON.stringify(record));
    expect(readTestRecord(root)).toEqual(record);
  });
});

describe('what the accessibility statement says', () => {
  const by = "the partnership's web developers";
  it('gives the date, who tested, the pages, the axe-core rules and each check with its WCAG criteria', () => {
    const text = describeLastTest(buildTestRecord(run(), { now: new Date('2026-11-25T12:00:00Z'), pages: 34, axe }), by);
    expect(text.summary).toBe(
      "This website was last tested on 25 November 2026. The test was carried out by the partnership's web developers, with automated tests: they built the website and checked every one of its 34 public pages in a web browser (Chromium), not a sample. axe-core 4.11.0 applied 96 rules. The content editing tool at /admin/, which only the partnership's editors use, is not tested.",
    );
    expect(text.checks.find((check) => check.text === 'no page scrolls sideways at 320 pixels wide')!.criteria).toBe(
      'WCAG 2.2 success criterion 1.4.10 Reflow',
    );
    expect(text.result).toBe('Every one of these checks passed.');
  });
  it('says which checks found problems', () => {
    const text = describeLastTest(buildTestRecord(run('passed', 'links'), { now: new Date('2026-11-25T12:00:00Z'), pages: 34, axe }), by);
    expect(text.result).toBe('One check found problems, which we are fixing: no link on the website is broken.');
  });
  it('says so when there is no record, and still lists the checks', () => {
    const text = describeLastTest(null, by);
    expect(text.summary).toBe(
      "There is no record of an automated test of this copy of the website, so we cannot give the date it was last tested. The tests are written and run by the partnership's web developers.",
    );
    expect(text.checks).toHaveLength(AUTOMATED_CHECKS.length);
    expect(text.result).toBeNull();
  });
  it('describes the order the deploy runs in: the tests build and check the site, and the published copy is built again after they pass', () => {
    expect(describeLastTest(null, by).process).toBe(TESTING_PROCESS);
    expect(TESTING_PROCESS).not.toContain('before the website was built');
    expect(TESTING_PROCESS).toContain('built again from the same files');
  });
});
