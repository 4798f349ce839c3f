/**
 * CI runs drafts without power (.github/workflows/): least-privilege
 * permissions, checkouts that keep no credentials, and the deploy secrets
 * only in a job that checks out no code and only uploads what it is handed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { permissions?: unknown; steps: Step[]; needs?: string; environment?: string }
interface Workflow { permissions?: unknown; jobs: Record<string, Job> }

const folder = '.github/workflows';
const workflows = Object.fromEntries(readdirSync(folder).filter((name) => name.endsWith('.yml')).map((name) => [name, yaml.load(readFileSync(`${folder}/${name}`, 'utf8')) as Workflow]));

describe('the workflows', () => {
  it('give every job only the permissions it names, and never write access', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      expect(workflow.permissions, name).toBeDefined();
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const permissions = job.permissions ?? workflow.permissions;
        expect(JSON.stringify(permissions), `${name} ${jobName}`).not.toMatch(/write/);
      }
    }
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

  it('keep the deploy secrets in a job that runs no code of the repository', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const usesSecrets = JSON.stringify(job).includes('secrets.');
        if (!usesSecrets) continue;
        expect(`${name} ${jobName}`).toBe('deploy.yml deploy');
        expect(job.steps.some((step) => step.uses?.startsWith('actions/checkout')), 'checks out code').toBe(false);
        expect(job.steps.filter((step) => step.run).map((step) => step.run).join('\n')).not.toMatch(/\bnpm (ci|install|test|run)\b/);
        expect(job.steps.some((step) => step.uses?.startsWith('actions/download-artifact'))).toBe(true);
        expect(job.environment).toBe('production');
      }
    }
    const build = workflows['deploy.yml']!.jobs.build!;
    expect(JSON.stringify(build)).not.toContain('secrets.');
    expect(build.steps.some((step) => step.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});
