// Debian's Chromium for the browser tests: where it is, and what `npm test`
// does when it is missing (scripts/ensure-deps.mjs --with-chromium). Plain
// JavaScript, because it runs before the project's packages (and its Node
// 24) are installed. Never downloads a browser of its own: only Debian's
// package, installed with apt-get.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Where Debian's `chromium` package puts the browser (and where older packages did). */
export const DEBIAN_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The commands that install Debian's Chromium, as root, with no questions asked. */
export const APT_COMMANDS = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', 'chromium'],
];

/** The same, as one line a person can paste (as a user who is not root, through sudo). */
export const APT_COMMAND_LINE = 'sudo apt-get update && sudo apt-get install -y chromium';

/**
 * The Chromium the tests use: CHROMIUM_PATH when it is set (and then only
 * that one), otherwise Debian's. Null when there is none.
 * @param {{ chromiumPath?: string | undefined, debianPaths?: readonly string[], exists?: (path: string) => boolean }} options
 * @returns {string | null}
 */
export function findChromium({ chromiumPath, debianPaths = DEBIAN_CHROMIUM_PATHS, exists = existsSync }) {
  const candidates = chromiumPath ? [chromiumPath] : debianPaths;
  return candidates.find((candidate) => exists(candidate)) ?? null;
}

/**
 * @typedef {{ action: 'ready', path: string }
 *   | { action: 'install', commands: string[][] }
 *   | { action: 'stop', message: string }} ChromiumPlan
 */

/**
 * What to do about Chromium before the tests start.
 * @param {{ chromiumPath?: string | undefined, debianPaths?: readonly string[], exists?: (path: string) => boolean, isRoot: boolean, hasAptGet: boolean }} facts
 * @returns {ChromiumPlan}
 */
export function planChromium({ chromiumPath, debianPaths = DEBIAN_CHROMIUM_PATHS, exists = existsSync, isRoot, hasAptGet }) {
  const found = findChromium({ chromiumPath, debianPaths, exists });
  if (found) return { action: 'ready', path: found };
  // A CHROMIUM_PATH of Debian's own path (as the workflows set) is installed like no CHROMIUM_PATH.
  if (chromiumPath && !debianPaths.includes(chromiumPath)) {
    return {
      action: 'stop',
      message: `CHROMIUM_PATH is set to ${chromiumPath}, which does not exist: correct it, or unset it to use Debian's Chromium (${debianPaths[0]}), then run npm test again.`,
    };
  }
  if (!hasAptGet) {
    return {
      action: 'stop',
      message:
        "Chromium is missing: the browser tests need it, and this machine has no apt-get to install Debian's package. Install Chromium, set CHROMIUM_PATH to it, then run npm test again.",
    };
  }
  if (!isRoot) {
    return {
      action: 'stop',
      message: `Chromium is missing: the browser tests need Debian's Chromium. Install it, then run npm test again: ${APT_COMMAND_LINE}`,
    };
  }
  return { action: 'install', commands: APT_COMMANDS };
}

/**
 * Whether a program is on the PATH.
 * @param {string} program
 * @param {string | undefined} path
 * @param {(path: string) => boolean} [exists]
 */
export function onPath(program, path, exists = existsSync) {
  return (path ?? '').split(delimiter).some((folder) => folder && exists(join(folder, program)));
}

/**
 * Makes sure Chromium is there: installs Debian's package when it is missing
 * and this is root, otherwise says in one line what to run. Returns the exit
 * code (0: the tests can start).
 * @param {{ env?: NodeJS.ProcessEnv, isRoot?: boolean, debianPaths?: readonly string[], log?: (line: string) => void, error?: (line: string) => void }} [options]
 * @returns {number}
 */
export function ensureChromium(options = {}) {
  const env = options.env ?? process.env;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const debianPaths = options.debianPaths ?? DEBIAN_CHROMIUM_PATHS;
  const log = options.log ?? ((line) => console.log(line));
  const error = options.error ?? ((line) => console.error(line));
  const chromiumPath = env.CHROMIUM_PATH || undefined;
  const plan = planChromium({ chromiumPath, debianPaths, isRoot, hasAptGet: onPath('apt-get', env.PATH) });
  if (plan.action === 'ready') return 0;
  if (plan.action === 'stop') {
    error(plan.message);
    return 1;
  }
  log(
    `Chromium is missing: installing Debian's package for the browser tests (${plan.commands.map((command) => command.join(' ')).join(' && ')}).`,
  );
  for (const [program, ...args] of plan.commands) {
    const result = spawnSync(/** @type {string} */ (program), args, {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      error(
        `Installing Chromium failed: ${[program, ...args].join(' ')} ${result.error ? `could not start (${result.error.message})` : `exited with code ${result.status ?? result.signal}`}; see the messages above.`,
      );
      return 1;
    }
  }
  const installed = findChromium({ chromiumPath, debianPaths });
  if (!installed) {
    error(
      `apt-get installed chromium, but ${chromiumPath ?? debianPaths.join(' or ')} does not exist: set CHROMIUM_PATH to the browser, then run npm test again.`,
    );
    return 1;
  }
  log(`Chromium installed: ${installed}`);
  return 0;
}
