/**
 * CI runs drafts without power (.github/workflows/): least-privilege
 * permissions, checkouts that keep no credentials, and the deploy secrets
 * only in a job that runs no content and no packages: it uploads what it is
 * handed and runs one script, checked out on its own. The daily publishing
 * run depends on nothing but the build and the checks that guard the
 * one-year rule, and says loudly when it fails.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fixtureFolder } from '../support/fixture-folder';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Job {
  name?: string;
  if?: string;
  permissions?: unknown;
  steps: Step[];
  needs?: string | string[];
  environment?: string;
  container?: string;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}

const folder = '.github/workflows';
const workflows = Object.fromEntries(
  readdirSync(folder)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => [name, yaml.load(readFileSync(`${folder}/${name}`, 'utf8')) as Workflow]),
);

describe('the workflows', () => {
  it('give every job only the permissions it names, and never write access but to open an issue when publishing fails', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      expect(workflow.permissions, name).toBeDefined();
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const permissions = job.permissions ?? workflow.permissions;
        if (`${name} ${jobName}` === 'deploy.yml report-failure') expect(permissions).toEqual({ issues: 'write' });
        else expect(JSON.stringify(permissions), `${name} ${jobName}`).not.toMatch(/write/);
      }
    }
  });

  it('call only npm scripts that package.json has', () => {
    const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
    const called = Object.values(workflows).flatMap((workflow) =>
      Object.values(workflow.jobs).flatMap((job) =>
        job.steps.flatMap((step) => [...(step.run ?? '').matchAll(/\bnpm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1]!)),
      ),
    );
    expect(called).toEqual(expect.arrayContaining(['build', 'check:withdrawn', 'check:links', 'retention']));
    expect(called.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('check out without keeping credentials', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps.filter((candidate) => candidate.uses?.startsWith('actions/checkout'))) {
          expect(step.with?.['persist-credentials'], name).toBe(false);
        }
      }
    }
  });

  it('keep the deploy secrets in a job that runs no content and no packages of the repository, only the pruning script', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const usesSecrets = JSON.stringify(job).includes('secrets.');
        if (!usesSecrets) continue;
        expect(`${name} ${jobName}`).toBe('deploy.yml deploy');
        // Its one checkout holds two files: the pruning script and its logic (no content, no package.json).
        const checkouts = job.steps.filter((step) => step.uses?.startsWith('actions/checkout'));
        expect(checkouts).toHaveLength(1);
        expect(checkouts[0]!.with).toMatchObject({ path: 'prune', 'sparse-checkout-cone-mode': false, 'persist-credentials': false });
        expect(String(checkouts[0]!.with?.['sparse-checkout']).trim().split('\n')).toEqual([
          'scripts/prune-deploys.ts',
          'src/build/netlify-deploys.ts',
        ]);
        expect(readFileSync('scripts/prune-deploys.ts', 'utf8').match(/^import .* from '([^']+)';$/gm)).toEqual([
          "import { readFileSync } from 'node:fs';",
          "import { DEPLOY_ID_PATTERN, NetlifySite, deployIdFromCliOutput, formatPruneResult, pruneDeploys } from '../src/build/netlify-deploys.ts';",
        ]);
        expect(readFileSync('src/build/netlify-deploys.ts', 'utf8')).not.toMatch(/^import /m);
        expect(
          job.steps
            .filter((step) => step.run)
            .map((step) => step.run)
            .join('\n'),
        ).not.toMatch(/\bnpm (ci|install|test|run)\b/);
        expect(job.steps.some((step) => step.uses?.startsWith('actions/download-artifact'))).toBe(true);
        expect(job.environment).toBe('production');
      }
    }
    const build = workflows['deploy.yml']!.jobs.build!;
    expect(JSON.stringify(build)).not.toContain('secrets.');
    expect(build.steps.some((step) => step.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});

const deploy = workflows['deploy.yml']!;
const checks = workflows['checks.yml']!;
const runs = (job: Job) =>
  job.steps
    .filter((step) => step.run)
    .map((step) => step.run!)
    .join('\n');
const stepIndex = (job: Job, test: (step: Step) => boolean) => {
  const index = job.steps.findIndex(test);
  expect(index, 'step not found').toBeGreaterThanOrEqual(0);
  return index;
};
const needs = (job: Job) => [job.needs ?? []].flat();

/** Runs a step's script in bash with a stand-in `gh` on PATH that logs its arguments and prints `answer`. */
function runStep(step: Step, env: Record<string, string>, ghAnswer = '') {
  const folder = fixtureFolder({}, 'sg-workflow-');
  const gh = join(folder, 'gh');
  writeFileSync(
    gh,
    `#!/bin/bash\nprintf '%s\\n' "gh $*" >> "${folder}/gh.log"\nfor a in "$@"; do if [ "$prev" = --body-file ]; then cp "$a" "${folder}/body.md"; fi; prev="$a"; done\nprintf '%s' "${ghAnswer}"\n`,
  );
  chmodSync(gh, 0o755);
  writeFileSync(join(folder, 'summary.md'), '');
  writeFileSync(join(folder, 'output'), '');
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', step.run!], {
    cwd: folder,
    encoding: 'utf8',
    env: {
      PATH: `${folder}:${process.env.PATH ?? ''}`,
      GITHUB_STEP_SUMMARY: join(folder, 'summary.md'),
      GITHUB_OUTPUT: join(folder, 'output'),
      ...env,
    },
  });
  const read = (name: string) => {
    try {
      return readFileSync(join(folder, name), 'utf8');
    } catch {
      return '';
    }
  };
  return { ...result, gh: read('gh.log'), body: read('body.md'), summary: read('summary.md'), output: read('output') };
}

describe('publishing (deploy.yml)', () => {
  it('runs every day and after the full test suite passes on a push to main, never straight on a push', () => {
    expect(Object.keys(deploy.on).sort()).toEqual(['schedule', 'workflow_dispatch', 'workflow_run']);
    expect(deploy.on.schedule).toEqual([{ cron: '10 0 * * *' }]);
    expect(deploy.on.workflow_run).toEqual({ workflows: [checks.name], types: ['completed'], branches: ['main'] });
    // The gate: Checks runs npm test on every pull request and every push to main.
    expect(Object.keys(checks.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(checks.on.push).toEqual({ branches: ['main'] });
    expect(runs(checks.jobs.test!)).toMatch(/^npm test$/m);
    // After Checks, only a successful push to main of this repository goes on.
    const gate = deploy.jobs.tested!.if!.replace(/\s+/g, ' ');
    expect(gate).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(gate).toContain("github.event.workflow_run.event == 'push'");
    expect(gate).toContain('github.event.workflow_run.head_repository.full_name == github.repository');
    // Every job that builds or publishes waits for it.
    expect(needs(deploy.jobs.build!)).toEqual(['tested']);
    expect(needs(deploy.jobs.deploy!)).toEqual(['tested', 'build']);
    expect(deploy.jobs.build!.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { ref: '${{ needs.tested.outputs.sha }}' } });
  });

  it('builds a commit of main whose Checks passed: the one just checked, or the newest', () => {
    const step = deploy.jobs.tested!.steps.find((candidate) => candidate.id === 'commit')!;
    const sha = 'a'.repeat(40);
    const after = runStep(step, { EVENT: 'workflow_run', CHECKED_SHA: sha, CHECKED_RUN: '42', GH_REPO: 'o/r' });
    expect(after.status, after.stderr).toBe(0);
    expect(after.gh).toBe('');
    expect(after.output).toBe(`sha=${sha}\nrun=42\n`);

    const daily = runStep(step, { EVENT: 'schedule', GH_REPO: 'o/r' }, `${'b'.repeat(40)} 77`);
    expect(daily.status, daily.stderr).toBe(0);
    expect(daily.gh).toContain('gh api repos/o/r/actions/workflows/checks.yml/runs?branch=main&event=push&status=success&per_page=1');
    expect(daily.output).toBe(`sha=${'b'.repeat(40)}\nrun=77\n`);
    expect(daily.summary).toContain(`Publishing ${'b'.repeat(40)}, which Checks run 77 passed.`);

    const none = runStep(step, { EVENT: 'schedule', GH_REPO: 'o/r' }, 'null null');
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('No push to main has passed Checks');
  });

  it('the daily path builds and runs the fast checks that guard the rule, with no browser tests and no Chromium', () => {
    const text = JSON.stringify(deploy);
    expect(text).not.toMatch(/npm test|vitest|chromium|CHROMIUM_PATH|playwright/i);
    const build = deploy.jobs.build!;
    const order = ['npm ci', 'npm run build', 'npm run check:withdrawn', 'npm run check:links', 'npm run retention'].map((command) =>
      stepIndex(build, (step) => step.run?.startsWith(command) ?? false),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(build.steps[order[4]!]!.run).toContain('| tee -a "$GITHUB_STEP_SUMMARY"');
    expect(deploy.defaults?.run?.shell).toBe('bash');
    // Every check passes before the site is handed on; none may fail quietly.
    expect(stepIndex(build, (step) => step.uses?.startsWith('actions/upload-artifact') ?? false)).toBeGreaterThan(order[4]!);
    for (const step of build.steps) expect(step['continue-on-error'], step.name).toBeUndefined();
    // The accessibility statement keeps the date of the test run that passed this commit.
    expect(checks.jobs.test!.steps.find((step) => step.with?.name === 'accessibility-report')?.with).toMatchObject({
      'retention-days': 90,
    });
    expect(deploy.jobs.tested!.steps.find((step) => step.id === 'record')?.with).toMatchObject({
      name: 'accessibility-report',
      'run-id': '${{ steps.commit.outputs.run }}',
    });
    expect(build.steps.find((step) => step.with?.name === 'test-record')?.with).toMatchObject({ path: 'test-results/accessibility' });
  });

  it('keeps the build caches between Checks and the deploy: restored after npm ci and before the build, keyed on package-lock.json', () => {
    const cacheStep = (job: Job) =>
      job.steps.findIndex((step) => step.uses?.startsWith('actions/cache') && String(step.with?.path).includes('node_modules/.astro'));
    const keys: string[] = [];
    for (const [job, command] of [
      [checks.jobs.test!, 'npm test'],
      [deploy.jobs.build!, 'npm run build'],
    ] as const) {
      const index = cacheStep(job);
      expect(index, `${command}: no cache step`).toBeGreaterThan(stepIndex(job, (step) => step.run?.startsWith('npm ci') ?? false));
      expect(index).toBeLessThan(stepIndex(job, (step) => step.run?.startsWith(command) ?? false));
      const { path = '', key = '', 'restore-keys': restore = '' } = job.steps[index]!.with as Record<string, string | undefined>;
      expect(path.trim().split('\n')).toEqual(['node_modules/.astro', 'node_modules/.cache/safeguarding-cms']);
      // A new key each run (a cache entry cannot be overwritten), restored by its prefix.
      expect(key).toMatch(/^site-build-v\d+-\$\{\{ hashFiles\('package-lock.json'\) \}\}-\$\{\{ github.run_id \}\}/);
      expect(key.startsWith(restore.trim())).toBe(true);
      keys.push(restore.trim());
      // Nothing points the caches elsewhere.
      expect(JSON.stringify(job)).not.toMatch(/ASTRO_CACHE_DIR|CMS_CACHE_DIR/);
    }
    expect(keys[0]).toBe(keys[1]);
  });

  it('deletes the earlier deploys after publishing, with the secrets only there', () => {
    const job = deploy.jobs.deploy!;
    const publish = stepIndex(job, (step) => step.run?.includes('netlify-cli@17 deploy --prod --dir dist --json') ?? false);
    const checkout = stepIndex(job, (step) => step.uses?.startsWith('actions/checkout') ?? false);
    const prune = stepIndex(
      job,
      (step) => step.run?.includes('node prune/scripts/prune-deploys.ts --cli-output netlify-deploy.json') ?? false,
    );
    expect(publish).toBeLessThan(checkout);
    expect(checkout).toBeLessThan(prune);
    expect(job.steps[publish]!.run).toContain('> netlify-deploy.json');
    expect(job.steps[prune]!.env).toEqual({
      NETLIFY_AUTH_TOKEN: '${{ secrets.NETLIFY_AUTH_TOKEN }}',
      NETLIFY_SITE_ID: '${{ secrets.NETLIFY_SITE_ID }}',
    });
    expect(job.container).toBe('node:24-bookworm');
    for (const [name, other] of Object.entries(deploy.jobs))
      if (name !== 'deploy') expect(JSON.stringify(other), name).not.toContain('secrets.');
  });

  it('when it fails, says so in plain words on the summary and opens an issue, with only the right to write issues', () => {
    const job = deploy.jobs['report-failure']!;
    expect(job.if).toBe('failure()');
    expect(needs(job).sort()).toEqual(
      Object.keys(deploy.jobs)
        .filter((name) => name !== 'report-failure')
        .sort(),
    );
    expect(job.permissions).toEqual({ issues: 'write' });
    expect(job.steps.some((step) => step.uses)).toBe(false);
    expect(JSON.stringify(job)).not.toContain('secrets.');

    const step = job.steps[0]!;
    const env = {
      RUN_URL: 'https://github.com/o/r/actions/runs/9',
      GH_REPO: 'o/r',
      EVENT: 'schedule',
      TESTED: 'success',
      BUILD: 'failure',
      DEPLOY: 'skipped',
      PUBLISHED: '',
      CONTACTS: '@southend/comms',
    };
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const title = `Daily publishing failed on ${day}: a review may still be on the website`;

    const opened = runStep(step, env);
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.gh).toContain(`gh issue create --title ${title} --body-file report.md`);
    expect(opened.body).toContain(`## ${title}`);
    expect(opened.body).toContain('@southend/comms');
    expect(opened.body).toContain('Building the website, or one of the checks of what it was about to publish, failed');
    expect(opened.body).toContain('1. Open the run: https://github.com/o/r/actions/runs/9.');
    expect(opened.body).toContain('Actions, Build and deploy, Run workflow');
    expect(opened.summary).toBe(opened.body);

    // A second failure the same day comments on the open issue.
    const again = runStep(step, { ...env, BUILD: 'success', DEPLOY: 'failure', PUBLISHED: 'success' }, '17');
    expect(again.status, again.stderr).toBe(0);
    expect(again.gh).toContain('gh issue comment 17 --body-file report.md');
    expect(again.gh).not.toContain('issue create');
    expect(again.body).toContain("deleting Netlify's earlier copies of it failed");
  });
});
