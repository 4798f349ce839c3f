import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LockTimeoutError,
  acquireLock,
  currentOwner,
  ownerIsAlive,
  processStartTime,
  readLock,
  releaseLock,
  removeStaleLock,
  tryLock,
  type LockOwner,
} from '../../src/build/lock';

const folders: string[] = [];
function lockPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sg-lock-'));
  folders.push(folder);
  return join(folder, '.build.lock');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The pid of a process that has finished. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

describe('the build lock', () => {
  it('is created once: a second tryLock fails, and only its owner releases it', () => {
    const path = lockPath();
    const owner = currentOwner('building dist/');
    expect(tryLock(path, owner)).toBe(true);
    expect(tryLock(path, currentOwner('another build'))).toBe(false);
    expect(readLock(path)).toEqual(owner);
    releaseLock(path, { ...owner, since: '2000-01-01T00:00:00.000Z' });
    expect(existsSync(path)).toBe(true);
    releaseLock(path, owner);
    expect(existsSync(path)).toBe(false);
  });

  it('knows this process is alive, a finished one is not, and a reused pid is not the builder', () => {
    expect(processStartTime(process.pid)).toMatch(/^\d+$/);
    expect(ownerIsAlive(currentOwner('x'))).toBe(true);
    expect(ownerIsAlive({ ...currentOwner('x'), pid: deadPid() })).toBe(false);
    expect(ownerIsAlive({ ...currentOwner('x'), processStart: '1' })).toBe(false);
    // On another machine it cannot be checked, so it counts as running.
    expect(ownerIsAlive({ ...currentOwner('x'), pid: deadPid(), host: 'elsewhere' })).toBe(true);
  });

  it('makes a second build wait with a message, and stop with a clear one after the time limit', async () => {
    const path = lockPath();
    tryLock(path, currentOwner('building dist/ for 2026-11-29'));
    const messages: string[] = [];
    const waiting = acquireLock(path, currentOwner('second'), { timeoutMs: 300, pollMs: 20, log: (message) => messages.push(message) });
    await expect(waiting).rejects.toThrow(LockTimeoutError);
    await expect(waiting).rejects.toThrow(
      /another build in this folder \(process \d+, started .* UTC: building dist\/ for 2026-11-29\) was still running after 0 s\. Nothing was built and the output folder is unchanged\..*delete .*\.build\.lock/,
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /^Another build is running in this folder \(process \d+.*building dist\/ for 2026-11-29\)\. This build waits for it to finish/,
      ),
    ]);
  });

  it('starts the waiting build as soon as the first releases the lock', async () => {
    const path = lockPath();
    const first = currentOwner('first');
    tryLock(path, first);
    const second = currentOwner('second');
    const messages: string[] = [];
    await acquireLock(path, second, {
      timeoutMs: 10_000,
      pollMs: 10,
      log: (message) => {
        messages.push(message);
        // The first build finishes while the second waits.
        if (message.startsWith('Another build')) releaseLock(path, first);
      },
    });
    expect(readLock(path)?.command).toBe('second');
    expect(messages[1]).toMatch(/^The other build has finished \(waited [\d.]+ s\); this build starts now\.$/);
  });

  it('takes over a lock whose process is gone, saying so', async () => {
    const path = lockPath();
    const stale: LockOwner = { ...currentOwner('killed build'), pid: deadPid() };
    writeFileSync(path, JSON.stringify(stale));
    const messages: string[] = [];
    await acquireLock(path, currentOwner('new'), { timeoutMs: 1000, pollMs: 10, log: (message) => messages.push(message) });
    expect(readLock(path)?.command).toBe('new');
    expect(messages).toEqual([
      expect.stringMatching(/^Took over the build lock .* from process \d+.*killed build: that process no longer runs/),
    ]);
    expect(existsSync(`${path}.takeover`)).toBe(false);
  });

  it('takes over a lock file that was never written, once it is old', async () => {
    const path = lockPath();
    writeFileSync(path, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    await acquireLock(path, currentOwner('new'), { timeoutMs: 1000, pollMs: 10 });
    expect(readLock(path)?.command).toBe('new');
  });

  it('lets only one process take over a stale lock: not while another holds the guard, nor a lock that changed', () => {
    const path = lockPath();
    const stale: LockOwner = { ...currentOwner('killed build'), pid: deadPid() };
    writeFileSync(path, JSON.stringify(stale));
    tryLock(`${path}.takeover`, currentOwner('another waiting build'));
    expect(removeStaleLock(path, stale)).toBe(false);
    expect(existsSync(path)).toBe(true);
    rmSync(`${path}.takeover`);
    // Someone else took it over already: the live lock is left alone.
    const live = currentOwner('live');
    writeFileSync(path, JSON.stringify(live));
    expect(removeStaleLock(path, stale)).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(live);
    expect(removeStaleLock(path, live)).toBe(false);
    writeFileSync(path, JSON.stringify(stale));
    expect(removeStaleLock(path, stale)).toBe(true);
    expect(existsSync(path)).toBe(false);
  });
});
