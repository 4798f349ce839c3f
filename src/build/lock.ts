/**
 * One build at a time in a project folder. `npm run build` (scripts/build.ts)
 * holds a lock file in the project folder for the whole build, because Astro
 * also writes .astro/ and its cache folder there: two builds must never
 * share them, nor the output folder.
 *
 * The lock is a file created with O_EXCL ('wx'), so only one process can
 * create it; it holds who made it (pid, the process's start time, host, when,
 * what). A second build waits for it to go, up to a time limit. A lock whose
 * process is gone (a build killed with SIGKILL, a machine that lost power)
 * is stale: it is taken over, with a message. Taking over is itself guarded
 * by a second 'wx' file, so two waiting builds never both take it over.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  /** The process's start time from /proc (Linux), so a reused pid is not taken for the builder. */
  processStart?: string;
  host: string;
  /** ISO time the build took the lock. */
  since: string;
  /** What the build does, for the message a waiting build prints. */
  command: string;
}

/** A process's start time in clock ticks since boot (Linux /proc), or undefined where there is none. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function currentOwner(command: string, now: Date = new Date()): LockOwner {
  return { pid: process.pid, processStart: processStartTime(process.pid), host: hostname(), since: now.toISOString(), command };
}

/** False when the lock's process is certainly gone; true when it runs or cannot be checked (another host). */
export function ownerIsAlive(owner: LockOwner, host: string = hostname()): boolean {
  if (owner.host !== host) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStartTime(owner.pid);
  return !(owner.processStart && start && start !== owner.processStart);
}

/** The lock's owner as written, or undefined while the file is missing, empty or being written. */
export function readLock(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** A lock file that was never written (its creator died between creating and writing it) is stale after this. */
const UNWRITTEN_LOCK_MS = 10_000;

function isStale(path: string, owner: LockOwner | undefined, now: number): boolean {
  if (owner) return !ownerIsAlive(owner);
  try {
    return now - statSync(path).mtimeMs > UNWRITTEN_LOCK_MS;
  } catch {
    return false;
  }
}

/** Creates the lock file with O_EXCL; true when this process now holds it. */
export function tryLock(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes the lock at `path` if it is still the stale one (`seen`), under a
 * guard file so that only one process does it. True when it was removed.
 */
export function removeStaleLock(path: string, seen: LockOwner | undefined, now: number = Date.now()): boolean {
  const guard = `${path}.takeover`;
  if (!tryLock(guard, currentOwner('taking over a stale build lock'))) {
    // A process that died while holding the guard (for microseconds) leaves it behind.
    const holder = readLock(guard);
    if (isStale(guard, holder, now)) removeIfThere(guard);
    return false;
  }
  try {
    const current = readLock(path);
    if (JSON.stringify(current) !== JSON.stringify(seen) || !existsSync(path) || !isStale(path, current, now)) return false;
    unlinkSync(path);
    return true;
  } finally {
    unlinkSync(guard);
  }
}

/** Removes `path`; another waiting build may have removed it first, which is as good. */
function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes the lock if this process (`owner`) holds it. */
export function releaseLock(path: string, owner: LockOwner): void {
  const current = readLock(path);
  if (current && current.pid === owner.pid && current.since === owner.since && current.host === owner.host) unlinkSync(path);
}

export function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return 'a build that is starting';
  return `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, started ${owner.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}: ${owner.command}`;
}

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** How often to look again. */
  pollMs?: number;
  /** Messages for the person running the build. */
  log?: (message: string) => void;
  now?: () => number;
}

export class LockTimeoutError extends Error {}

/**
 * Takes the lock, waiting while another live build holds it; takes over a
 * stale one. Throws LockTimeoutError after `timeoutMs`.
 */
export async function acquireLock(path: string, owner: LockOwner, options: WaitOptions): Promise<void> {
  const { timeoutMs, pollMs = 200, log = () => {}, now = Date.now } = options;
  const started = now();
  let waitingFor: string | undefined;
  for (;;) {
    if (tryLock(path, owner)) {
      if (waitingFor !== undefined)
        log(`The other build has finished (waited ${((now() - started) / 1000).toFixed(1)} s); this build starts now.`);
      return;
    }
    const holder = readLock(path);
    if (isStale(path, holder, now())) {
      if (removeStaleLock(path, holder, now()))
        log(`Took over the build lock ${path} from ${describeOwner(holder)}: that process no longer runs (it was stopped or crashed).`);
      continue;
    }
    const who = describeOwner(holder);
    if (holder && who !== waitingFor) {
      log(
        `Another build is running in this folder (${who}). This build waits for it to finish (up to ${Math.round(timeoutMs / 1000)} s) and never runs at the same time.`,
      );
      waitingFor = who;
    }
    if (now() - started >= timeoutMs) {
      throw new LockTimeoutError(
        `Stopped: another build in this folder (${who}) was still running after ${Math.round(timeoutMs / 1000)} s. Nothing was built and the output folder is unchanged. Run the build again when it has finished; if no build is running, delete ${path}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
