/**
 * Lowering one thread's CPU priority, so work that can wait (drawing share
 * images, src/share-images/worker.ts) uses only what the build's main
 * thread leaves spare. On Linux each thread has its own niceness: a thread
 * finds its id in /proc/thread-self ("PID/task/TID") and os.setPriority(TID)
 * changes that thread alone (and the threads it starts later). Elsewhere, or
 * if the system refuses, nothing changes and the work runs as before.
 *
 * Plain Node runs this file in worker threads: erasable TypeScript only.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export interface PrioritySystem {
  readLink: (path: string) => string;
  getPriority: (id: number) => number;
  setPriority: (id: number, niceness: number) => void;
}

const SYSTEM: PrioritySystem = { readLink: (path) => readlinkSync(path), getPriority, setPriority };

/** The calling thread's id on Linux (from /proc/thread-self, "PID/task/TID"), undefined elsewhere. */
export function currentThreadId(system: Pick<PrioritySystem, 'readLink'> = SYSTEM): number | undefined {
  try {
    const match = /^\d+\/task\/(\d+)$/.exec(system.readLink('/proc/thread-self'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes the calling thread `steps` nicer than it is (0 to 19 steps; each
 * step gives it about a fifth less CPU than the threads it competes with),
 * up to niceness 19: a build run with `nice -n 5` has its workers at 5 +
 * `steps`, still below its main thread. Returns the thread's id and the
 * niceness it now has, or undefined when the thread could not be found or
 * changed.
 */
export function lowerThreadPriority(steps: number, system: PrioritySystem = SYSTEM): { thread: number; niceness: number } | undefined {
  const thread = currentThreadId(system);
  if (thread === undefined) return undefined;
  try {
    const target = Math.min(19, system.getPriority(thread) + Math.min(19, Math.max(0, Math.round(steps))));
    system.setPriority(thread, target);
    return { thread, niceness: system.getPriority(thread) };
  } catch {
    return undefined;
  }
}
