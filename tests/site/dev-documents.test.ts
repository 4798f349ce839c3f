/**
 * The dev server (what `npm start` runs) serves documents as the build
 * does: at the same address, by the same rule. A public review's document
 * is served (same bytes, its format's type); a withdrawn review's, or a file
 * in an entry's folder that the entry does not name, is not found.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports';
import { copyProject } from '../support/project-copy';

const project = copyProject('sg-dev-documents-');
const ADULT_B = 'adult-b-safeguarding-adults-review';
// Published 2025-09-01: withdrawn a year later, whatever day the test runs after that.
const D = 'd-domestic-homicide-review';
const UNNAMED = `content/reviews/${ADULT_B}/draft-not-chosen.pdf`;

let child: ChildProcess | undefined;
let log = '';
let site = '';

/** The environment of a terminal: Astro's dev server serves nothing when it thinks it runs inside Vitest. */
function terminalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST' && name !== 'NODE_ENV'));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

beforeAll(async () => {
  writeFileSync(join(project.root, UNNAMED), readFileSync(resolve(`content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`)));
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [join(project.root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project.root,
    env: terminalEnv({ ASTRO_CACHE_DIR: join(project.root, '.cache-dev') }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  // Ready when the review's page answers.
  const until = Date.now() + 90_000;
  for (;;) {
    const response = await fetch(`${site}/reviews/${ADULT_B}/`).catch(() => undefined);
    if (response?.status === 200) break;
    if (Date.now() > until) throw new Error(`The dev server did not serve the review within 90 s:\n${log.slice(-3000)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}, 120_000);

afterAll(() => {
  if (child?.pid && child.exitCode === null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  project.remove();
});

describe('documents on the dev server', () => {
  it('serves a public review\'s document at the address its page links, with the same bytes', async () => {
    const page = await (await fetch(`${site}/reviews/${ADULT_B}/`)).text();
    const href = `/documents/reviews/${ADULT_B}/${ADULT_B}-report.pdf`;
    expect(page).toContain(`href="${href}"`);
    const response = await fetch(`${site}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(resolve(`content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`)))).toBe(true);
  });

  it('does not serve a withdrawn review\'s document, nor a file its entry does not name', async () => {
    expect((await fetch(`${site}/documents/reviews/${D}/${D}-overview-report.pdf`)).status).toBe(404);
    expect((await fetch(`${site}/documents/reviews/${ADULT_B}/draft-not-chosen.pdf`)).status).toBe(404);
  });
});
