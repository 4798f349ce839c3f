/**
 * `npm test` sets itself up (scripts/ensure-deps.mjs --with-chromium,
 * tools/chromium-setup.mjs): Debian's Chromium is installed with apt-get
 * when it is missing and this is root; otherwise one line says what to run.
 * The install is tried for real with a fake apt-get on the PATH that records
 * what it was asked, so this machine's Chromium is never touched.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APT_COMMANDS, APT_COMMAND_LINE, ensureChromium, findChromium, onPath, planChromium } from '../../tools/chromium-setup.mjs';
import { fixtureFolder } from '../support/fixture-folder';

const debianPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const nothing = () => false;
const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('planChromium (what npm test does about Chromium)', () => {
  it("uses Debian's Chromium when it is there, whoever runs the tests", () => {
    for (const isRoot of [true, false]) {
      expect(planChromium({ debianPaths, exists: only('/usr/bin/chromium'), isRoot, hasAptGet: true })).toEqual({
        action: 'ready',
        path: '/usr/bin/chromium',
      });
    }
    expect(planChromium({ debianPaths, exists: only('/usr/bin/chromium-browser'), isRoot: false, hasAptGet: false })).toEqual({
      action: 'ready',
      path: '/usr/bin/chromium-browser',
    });
  });

  it('uses CHROMIUM_PATH, and only it, when it is set', () => {
    expect(
      planChromium({
        chromiumPath: '/opt/chrome/chrome',
        debianPaths,
        exists: only('/opt/chrome/chrome'),
        isRoot: false,
        hasAptGet: false,
      }),
    ).toEqual({ action: 'ready', path: '/opt/chrome/chrome' });
    const wrong = planChromium({
      chromiumPath: '/opt/chrome/chrom',
      debianPaths,
      exists: only('/usr/bin/chromium'),
      isRoot: true,
      hasAptGet: true,
    });
    expect(wrong.action).toBe('stop');
    expect(wrong.action === 'stop' && wrong.message).toBe(
      "CHROMIUM_PATH is set to /opt/chrome/chrom, which does not exist: correct it, or unset it to use Debian's Chromium (/usr/bin/chromium), then run npm test again.",
    );
  });

  it("installs Debian's package with apt-get when it is missing and this is root", () => {
    expect(planChromium({ debianPaths, exists: nothing, isRoot: true, hasAptGet: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', 'chromium'],
      ],
    });
    // The workflows set CHROMIUM_PATH to Debian's own path: that is installed the same way.
    expect(planChromium({ chromiumPath: '/usr/bin/chromium', debianPaths, exists: nothing, isRoot: true, hasAptGet: true }).action).toBe(
      'install',
    );
  });

  it('gives a user who is not root one line with the exact command, and installs nothing', () => {
    const plan = planChromium({ debianPaths, exists: nothing, isRoot: false, hasAptGet: true });
    expect(plan).toEqual({
      action: 'stop',
      message:
        "Chromium is missing: the browser tests need Debian's Chromium. Install it, then run npm test again: sudo apt-get update && sudo apt-get install -y chromium",
    });
    expect(plan.action === 'stop' && plan.message).not.toContain('\n');
  });

  it('says what to do on a machine without apt-get', () => {
    for (const isRoot of [true, false]) {
      const plan = planChromium({ debianPaths, exists: nothing, isRoot, hasAptGet: false });
      expect(plan.action).toBe('stop');
      expect(plan.action === 'stop' && plan.message).toMatch(/no apt-get .* set CHROMIUM_PATH/);
    }
  });

  it('never downloads a browser of its own', () => {
    expect(JSON.stringify(APT_COMMANDS)).not.toMatch(/playwright|npx|curl|wget/);
    expect(readFileSync('tools/chromium-setup.mjs', 'utf8')).not.toMatch(/playwright|https?:\/\//);
  });
});

describe('findChromium and onPath', () => {
  it('find what exists', () => {
    expect(findChromium({ debianPaths, exists: nothing })).toBeNull();
    expect(
      findChromium({
        chromiumPath: '/usr/bin/chromium-browser',
        debianPaths,
        exists: only('/usr/bin/chromium', '/usr/bin/chromium-browser'),
      }),
    ).toBe('/usr/bin/chromium-browser');
    expect(onPath('apt-get', ['/nowhere', '/sbin'].join(delimiter), only('/sbin/apt-get'))).toBe(true);
    expect(onPath('apt-get', undefined, only('/sbin/apt-get'))).toBe(false);
  });
});

describe('ensureChromium (the work, with a fake apt-get)', () => {
  let folder = '';
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = '';
  });

  /** A folder with an apt-get that records its arguments and DEBIAN_FRONTEND, and "installs" Chromium at `installs`. */
  function fakeApt(options: { installs?: string; failOn?: string } = {}) {
    folder = fixtureFolder({}, 'sg-fake-apt-');
    const log = join(folder, 'apt-get.log');
    const script = [
      '#!/bin/sh',
      `echo "$DEBIAN_FRONTEND $*" >> '${log}'`,
      options.failOn ? `[ "$1" = '${options.failOn}' ] && exit 100` : '',
      options.installs ? `[ "$1" = install ] && mkdir -p '${join(options.installs, '..')}' && touch '${options.installs}'` : '',
      'exit 0',
      '',
    ].join('\n');
    mkdirSync(join(folder, 'bin'));
    writeFileSync(join(folder, 'bin', 'apt-get'), script);
    chmodSync(join(folder, 'bin', 'apt-get'), 0o755);
    const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    return { env: { PATH: `${join(folder, 'bin')}${delimiter}${process.env.PATH}` }, calls };
  }

  function collect() {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, log: (line: string) => lines.push(line), error: (line: string) => errors.push(line) };
  }

  it('as root, runs apt-get update then apt-get install -y chromium, non-interactively, and finds the browser', () => {
    const target = join(fixtureFolder({}, 'sg-chromium-'), 'usr/bin/chromium');
    const apt = fakeApt({ installs: target });
    const out = collect();
    expect(ensureChromium({ env: apt.env, isRoot: true, debianPaths: [target], ...out })).toBe(0);
    expect(apt.calls()).toEqual(['noninteractive update', 'noninteractive install -y chromium']);
    expect(out.lines).toEqual([
      "Chromium is missing: installing Debian's package for the browser tests (apt-get update && apt-get install -y chromium).",
      `Chromium installed: ${target}`,
    ]);
    expect(out.errors).toEqual([]);
    rmSync(join(target, '../../..'), { recursive: true, force: true });
  });

  it('stops, naming the command, when apt-get fails', () => {
    const apt = fakeApt({ failOn: 'update' });
    const out = collect();
    expect(ensureChromium({ env: apt.env, isRoot: true, debianPaths: [join(folder, 'none')], ...out })).toBe(1);
    expect(apt.calls()).toEqual(['noninteractive update']);
    expect(out.errors).toEqual(['Installing Chromium failed: apt-get update exited with code 100; see the messages above.']);
  });

  it('stops when apt-get succeeded but the browser is still not there', () => {
    const apt = fakeApt();
    const out = collect();
    const missing = join(folder, 'usr/bin/chromium');
    expect(ensureChromium({ env: apt.env, isRoot: true, debianPaths: [missing], ...out })).toBe(1);
    expect(out.errors).toEqual([
      `apt-get installed chromium, but ${missing} does not exist: set CHROMIUM_PATH to the browser, then run npm test again.`,
    ]);
  });

  it('as another user, prints the one line and never calls apt-get', () => {
    const apt = fakeApt();
    const out = collect();
    expect(ensureChromium({ env: apt.env, isRoot: false, debianPaths: [join(folder, 'none')], ...out })).toBe(1);
    expect(apt.calls()).toEqual([]);
    expect(out.lines).toEqual([]);
    expect(out.errors).toEqual([
      `Chromium is missing: the browser tests need Debian's Chromium. Install it, then run npm test again: ${APT_COMMAND_LINE}`,
    ]);
  });

  it('knows a user who is not root from the real user id, when not told', () => {
    // In process, with the user id the operating system would give nobody: a child process run
    // as nobody would need the project's Node to be reachable by nobody, which depends on where
    // the checkout is (a temporary folder only its owner can open, say).
    const apt = fakeApt();
    const getuid = vi.spyOn(process, 'getuid').mockReturnValue(65534);
    try {
      const out = collect();
      expect(ensureChromium({ env: apt.env, debianPaths: [join(folder, 'none')], ...out })).toBe(1);
      expect(getuid).toHaveBeenCalled();
      expect(apt.calls()).toEqual([]);
      expect(out.errors).toEqual([
        `Chromium is missing: the browser tests need Debian's Chromium. Install it, then run npm test again: ${APT_COMMAND_LINE}`,
      ]);
    } finally {
      getuid.mockRestore();
    }
  });

  it('does nothing when Chromium is there', () => {
    const apt = fakeApt();
    const present = join(folder, 'chromium');
    writeFileSync(present, '');
    const out = collect();
    expect(ensureChromium({ env: apt.env, isRoot: true, debianPaths: [present], ...out })).toBe(0);
    expect(apt.calls()).toEqual([]);
    expect([...out.lines, ...out.errors]).toEqual([]);
  });
});

describe('scripts/ensure-deps.mjs', () => {
  const script = resolve('scripts/ensure-deps.mjs');
  // A project whose packages are installed (as ensure-deps records it), so the script never runs npm ci here.
  const lock = '{"lockfileVersion":3}\n';
  const project = () =>
    fixtureFolder(
      {
        'package-lock.json': lock,
        'node_modules/.bin/astro': '',
        'node_modules/.bin/node': '',
        'node_modules/.installed-lock-hash': createHash('sha256').update(lock).digest('hex'),
      },
      'sg-ensure-deps-',
    );
  const run = (args: string[]) => {
    const cwd = project();
    try {
      return spawnSync(process.execPath, [script, ...args], {
        cwd,
        env: { ...process.env, CHROMIUM_PATH: '/nowhere/chromium' },
        encoding: 'utf8',
      });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  };

  it('for npm test (--with-chromium), stops before the tests with the message when CHROMIUM_PATH is wrong', () => {
    const result = run(['--with-chromium']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "CHROMIUM_PATH is set to /nowhere/chromium, which does not exist: correct it, or unset it to use Debian's Chromium (/usr/bin/chromium), then run npm test again.",
    );
  });

  it('for npm start (no flag), never looks for a browser', () => {
    const result = run([]);
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toBe('');
  });

  it('is what npm test and npm start run first', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.pretest).toBe('node scripts/ensure-deps.mjs --with-chromium');
    expect(scripts.prestart).toBe('node scripts/ensure-deps.mjs');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/\nnpm test\n$/);
  });
});
