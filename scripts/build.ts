/**
 * npm run build: the site in dist/, all or nothing, one build at a time.
 *
 * 1. Takes the project's build lock (src/build/lock.ts); a second build
 *    in the same folder waits for the first (BUILD_LOCK_TIMEOUT_SECONDS,
 *    default 600), then stops with a message.
 * 2. Puts back or removes what a build that was killed left (src/build/output.ts).
 * 3. Runs `astro build` into dist.building-<id> beside dist/, with "today"
 *    fixed for the whole build (SITE_NOW, or today's date in London).
 * 4. Checks the result: every output a finished build has, and the one-year
 *    rule (src/rules/withdrawn-check.ts), whose marks of each review are read
 *    from content/ while Astro builds (the check itself waits for the build).
 * 5. Only then replaces dist/ with it. A failure, Ctrl+C or a crash at any
 *    step leaves dist/ as it was and removes the staging folder.
 *
 *   --root <folder>    the project to build (default: the current folder)
 *   --outDir <folder>  where the site goes (default: dist in the project)
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LockTimeoutError, acquireLock, currentOwner, releaseLock } from '../src/build/lock';
import { missingOutputs, recoverOutput, replaceOutput, stagingFolder } from '../src/build/output';
import { siteToday } from '../src/rules/dates';

const ASTRO = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
const log = (message: string) => console.log(`[build] ${message}`);
const fail = (message: string) => console.error(`[build] ${message}`);

const { values } = parseArgs({ options: { root: { type: 'string' }, outDir: { type: 'string' } }, strict: true });
const root = resolve(values.root ?? '.');
const outDir = values.outDir ? resolve(values.outDir) : join(root, 'dist');
const shown = relative(process.cwd(), outDir) || outDir;
const lockPath = join(root, '.build.lock');
const id = `${process.pid}-${Date.now().toString(36)}`;
const timeoutSeconds = Number(process.env.BUILD_LOCK_TIMEOUT_SECONDS ?? 600);

let today: string;
try {
  today = siteToday();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const owner = currentOwner(`building ${shown}/ for ${today}`);
let locked = false;
let staging: string | undefined;
let child: ReturnType<typeof spawn> | undefined;
let stopped: NodeJS.Signals | undefined;
let replaced = false;

function cleanUp(): void {
  if (staging) rmSync(staging, { recursive: true, force: true });
  staging = undefined;
  if (locked) releaseLock(lockPath, owner);
  locked = false;
}

const stopCode = (signal: NodeJS.Signals) => 128 + constants.signals[signal];

process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopped) return;
    stopped = signal;
    fail(replaced ? `Stopped (${signal}) after ${shown}/ was replaced with this build.` : `Stopped (${signal}): ${shown}/ is unchanged.`);
    // Astro stops first; main() then tidies up. Without a running Astro, tidy up now.
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else {
      cleanUp();
      process.exit(stopCode(signal));
    }
  });
}

function astroBuild(into: string): Promise<number> {
  return new Promise((done) => {
    child = spawn(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', into], {
      cwd: root,
      env: { ...process.env, SITE_NOW: today },
      stdio: 'inherit',
    });
    child.on('error', (error) => {
      fail(`Could not start Astro: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? stopCode(signal) : 1)));
  });
}

async function main(): Promise<number> {
  await acquireLock(lockPath, owner, { timeoutMs: timeoutSeconds * 1000, log });
  locked = true;
  for (const line of recoverOutput(outDir)) log(line);
  staging = stagingFolder(outDir, id);
  const built = astroBuild(staging);
  // The rule's marks come from content/ alone: read (and the check's code loaded) while Astro builds, on the other core.
  const preparing = import('../src/rules/withdrawn-check').then((module) => {
    const started = performance.now();
    return { module, rule: module.withdrawnCheckFor(root, today), milliseconds: performance.now() - started };
  });
  // A problem reading them is reported after Astro's own report of the same content, if Astro finishes.
  preparing.catch(() => {});
  const code = await built;
  if (stopped) return stopCode(stopped);
  if (code !== 0) {
    fail(`The build failed (see above); ${shown}/ is unchanged.`);
    return code;
  }
  const missing = missingOutputs(staging);
  if (missing.length > 0) {
    fail(`The build finished without ${missing.join(', ')}; ${shown}/ is unchanged.`);
    return 1;
  }
  const { module, rule, milliseconds } = await preparing;
  const started = performance.now();
  const problems = rule.check(staging);
  if (problems.length > 0) {
    fail(
      `The one-year rule is broken in this build (today is ${today}); ${shown}/ is unchanged. What is in the built site:\n${module.formatRuleProblems(problems)}`,
    );
    return 1;
  }
  const { reviews } = rule;
  const hidden = reviews.filter((review) => review.state !== 'public');
  log(
    `One-year rule checked for ${today}: ${hidden.length} review(s) not public have nothing beyond their short page; ${reviews.length - hidden.length} public review(s) found where expected (${Math.round(performance.now() - started)} ms, after ${Math.round(milliseconds)} ms reading the reviews during the build).`,
  );
  if (stopped) return stopCode(stopped);
  replaceOutput(staging, outDir, id);
  replaced = true;
  staging = undefined;
  log(`${shown}/ replaced with this build.`);
  return 0;
}

main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (error: unknown) => {
    fail(
      error instanceof LockTimeoutError
        ? error.message
        : `The build stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}; ${shown}/ is unchanged.`,
    );
    cleanUp();
    process.exit(1);
  },
);
