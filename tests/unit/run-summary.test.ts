/**
 * The closing line of `npm test` (tools/run-summary.ts,
 * tests/support/summary-reporter.ts) is honest: a test file that could not
 * run, an unhandled error or a failed global setup counts as failed, so a
 * failing run never says "0 failed". Checked over made-up outcomes, then for
 * real: vitest runs small fixture projects with the project's reporter.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeRun, summaryLine, type FileOutcome, type RunFacts } from '../../tools/run-summary';
import { fixtureFolder } from '../support/fixture-folder';

const passing: FileOutcome = { state: 'passed', tests: ['passed', 'passed', 'skipped'] };
const line = (facts: Partial<RunFacts> & Pick<RunFacts, 'files'>) =>
  summaryLine(summarizeRun({ scheduledFiles: facts.files.length, unhandledErrors: 0, reason: 'passed', ...facts }));

describe('summarizeRun and summaryLine', () => {
  it('count a passing run as before', () => {
    expect(line({ files: [passing, { state: 'passed', tests: ['passed'] }] })).toBe('Tests: 3 passed, 0 failed, 1 skipped');
    expect(line({ files: [{ state: 'passed', tests: ['passed'] }] })).toBe('Tests: 1 passed, 0 failed');
  });

  it('count failed tests', () => {
    expect(line({ files: [passing, { state: 'failed', tests: ['failed', 'passed', 'failed'] }], reason: 'failed' })).toBe(
      'Tests: 3 passed, 2 failed, 1 skipped',
    );
  });

  it('count a file whose beforeAll failed (its tests skipped) as failed', () => {
    // What 9 browser test files did without Chromium: "Chromium is not installed" in beforeAll.
    const noBrowser: FileOutcome = { state: 'failed', tests: ['skipped', 'skipped'] };
    expect(line({ files: [passing, ...Array.from({ length: 9 }, () => noBrowser)], reason: 'failed' })).toBe(
      'Tests: 2 passed, 9 failed (9 test files could not run), 19 skipped',
    );
  });

  it('count a file that failed to import or collect (no tests at all) as failed', () => {
    expect(line({ files: [passing, { state: 'failed', tests: [] }], reason: 'failed' })).toBe(
      'Tests: 2 passed, 1 failed (1 test file could not run), 1 skipped',
    );
  });

  it('count files that never started (a failed global setup) as failed', () => {
    const summary = summarizeRun({ scheduledFiles: 34, files: [], unhandledErrors: 0, reason: 'failed' });
    expect(summary.failed).toBe(34);
    expect(summaryLine(summary)).toBe('Tests: 0 passed, 34 failed (34 test files could not run)');
    expect(line({ scheduledFiles: 3, files: [passing], reason: 'failed' })).toBe(
      'Tests: 2 passed, 2 failed (2 test files could not run), 1 skipped',
    );
  });

  it('count a file whose tests passed but whose afterAll failed', () => {
    expect(
      line({
        files: [
          { state: 'failed', tests: ['passed', 'skipped'] },
          { state: 'failed', tests: ['passed'] },
        ],
        reason: 'failed',
      }),
    ).toBe('Tests: 2 passed, 2 failed (2 test files failed outside their tests), 1 skipped');
  });

  it('count unhandled errors, and say what each failure is when they are mixed', () => {
    expect(line({ files: [passing], unhandledErrors: 1, reason: 'failed' })).toBe(
      'Tests: 2 passed, 1 failed (1 unhandled error), 1 skipped',
    );
    expect(
      line({
        files: [
          { state: 'failed', tests: ['failed', 'failed', 'passed'] },
          { state: 'failed', tests: [] },
          { state: 'failed', tests: ['passed'] },
        ],
        unhandledErrors: 2,
        reason: 'failed',
      }),
    ).toBe('Tests: 2 passed, 6 failed (2 tests, 1 test file could not run, 1 test file failed outside its tests, 2 unhandled errors)');
  });

  it('count files left waiting in an interrupted run', () => {
    expect(
      line({ files: [passing, { state: 'queued', tests: [] }, { state: 'pending', tests: ['passed', 'pending'] }], reason: 'interrupted' }),
    ).toBe('Tests: 3 passed, 2 failed (2 test files could not run, the run was interrupted), 2 skipped');
  });

  it('never say "0 failed" for a failing run, even when nothing says why', () => {
    expect(line({ files: [], scheduledFiles: 0, reason: 'failed' })).toBe('Tests: 0 passed, 1 failed (the run failed: no test file ran)');
    expect(line({ files: [passing], reason: 'failed' })).toBe('Tests: 2 passed, 1 failed (the run failed), 1 skipped');
    expect(line({ files: [passing], reason: 'interrupted' })).toBe('Tests: 2 passed, 1 failed (the run was interrupted), 1 skipped');
    const states = ['passed', 'failed', 'skipped', 'pending', 'queued'] as const;
    for (const reason of ['failed', 'interrupted'] as const) {
      for (const state of states) {
        for (const scheduledFiles of [0, 1, 2]) {
          const summary = summarizeRun({ scheduledFiles, files: [{ state, tests: ['skipped'] }], unhandledErrors: 0, reason });
          expect(summary.failed, `${reason} ${state} ${scheduledFiles}`).toBeGreaterThan(0);
        }
      }
    }
  });
});

/** Runs vitest on a fixture project with the project's summary reporter; returns its output and exit code. */
function runFixture(files: Record<string, string>, config: string) {
  const root = fixtureFolder(
    {
      'package.json': '{ "type": "module" }\n',
      'vitest.config.ts': `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { reporters: ['default', ${JSON.stringify(resolve('tests/support/summary-reporter.ts'))}], ${config} } });\n`,
      ...files,
    },
    'sg-vitest-fixture-',
  );
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
    // stdout and stderr into one file, in the order they were written.
    const log = openSync(join(root, 'output.txt'), 'w');
    const run = spawnSync(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: root,
      env,
      stdio: ['ignore', log, log],
      timeout: 120_000,
    });
    closeSync(log);
    const output = readFileSync(join(root, 'output.txt'), 'utf8');
    return { status: run.status, output, lastLine: output.trim().split('\n').at(-1) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const passingFile = "import { it, expect } from 'vitest';\nit('passes', () => expect(1).toBe(1));\nit.skip('is skipped', () => {});\n";

describe('the closing line of a real vitest run', () => {
  it('counts a file whose beforeAll failed, and one that cannot import, as failed', () => {
    const run = runFixture(
      {
        't/ok.test.ts': passingFile,
        't/browser.test.ts':
          "import { beforeAll, it } from 'vitest';\nbeforeAll(() => { throw new Error('Chromium is not installed'); });\nit('a', () => {});\nit('b', () => {});\n",
        't/import.test.ts': "import { it } from 'vitest';\nimport './missing-module.js';\nit('a', () => {});\n",
      },
      "include: ['t/**/*.test.ts']",
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain('Chromium is not installed');
    expect(run.lastLine).toBe('Tests: 1 passed, 2 failed (2 test files could not run), 3 skipped');
  }, 120_000);

  it('counts every file as failed when a global setup fails, and comes after its error', () => {
    const run = runFixture(
      {
        't/ok.test.ts': passingFile,
        's/site.test.ts': passingFile,
        'setup.ts': "export default function setup() { throw new Error('The site did not build'); }\n",
      },
      "projects: [{ test: { name: 'unit', include: ['t/**/*.test.ts'] } }, { test: { name: 'site', include: ['s/**/*.test.ts'], globalSetup: ['setup.ts'] } }]",
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain('The site did not build');
    expect(run.output.indexOf('The site did not build')).toBeLessThan(run.output.lastIndexOf('Tests: '));
    expect(run.lastLine).toBe('Tests: 0 passed, 2 failed (2 test files could not run)');
  }, 120_000);

  it('counts an unhandled error, and still says 0 failed for a run that passed', () => {
    const unhandled = runFixture(
      {
        't/ok.test.ts': passingFile,
        't/late.test.ts':
          "import { it } from 'vitest';\nit('throws later', () => { setTimeout(() => { throw new Error('late'); }, 1); });\nit('waits', async () => { await new Promise((done) => setTimeout(done, 100)); });\n",
      },
      "include: ['t/**/*.test.ts']",
    );
    expect(unhandled.status).toBe(1);
    expect(unhandled.lastLine).toBe('Tests: 3 passed, 1 failed (1 unhandled error), 1 skipped');
    const green = runFixture({ 't/ok.test.ts': passingFile }, "include: ['t/**/*.test.ts']");
    expect(green.status).toBe(0);
    expect(green.lastLine).toBe('Tests: 1 passed, 0 failed, 1 skipped');
  }, 120_000);
});
