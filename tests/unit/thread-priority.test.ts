import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { currentThreadId, lowerThreadPriority, type PrioritySystem } from '../../src/share-images/thread-priority';

/** A system whose threads' niceness is kept in a map; `refuse` makes setPriority fail as an unprivileged change would. */
function fakeSystem(link: string | Error, niceness: Map<number, number>, refuse = false): PrioritySystem {
  return {
    readLink: () => {
      if (link instanceof Error) throw link;
      return link;
    },
    getPriority: (id) => niceness.get(id) ?? 0,
    setPriority: (id, value) => {
      if (refuse) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      niceness.set(id, value);
    },
  };
}

describe('finding the calling thread', () => {
  it('reads its id from /proc/thread-self ("PID/task/TID")', () => {
    expect(currentThreadId(fakeSystem('812/task/845', new Map()))).toBe(845);
  });

  it('is undefined where there is no /proc/thread-self, or it says something else', () => {
    expect(currentThreadId(fakeSystem(new Error('ENOENT'), new Map()))).toBeUndefined();
    expect(currentThreadId(fakeSystem('812', new Map()))).toBeUndefined();
  });
});

describe("lowering a thread's priority", () => {
  it('makes the thread the steps asked for nicer, and changes no other thread', () => {
    const niceness = new Map([
      [845, 0],
      [812, 0],
    ]);
    expect(lowerThreadPriority(10, fakeSystem('812/task/845', niceness))).toEqual({ thread: 845, niceness: 10 });
    expect([...niceness]).toEqual([
      [845, 10],
      [812, 0],
    ]);
  });

  it('counts from where the thread is (a build run with nice), never raises its priority, and stops at 19', () => {
    expect(lowerThreadPriority(10, fakeSystem('812/task/845', new Map([[845, 5]])))).toEqual({ thread: 845, niceness: 15 });
    expect(lowerThreadPriority(10, fakeSystem('812/task/845', new Map([[845, 15]])))).toEqual({ thread: 845, niceness: 19 });
    expect(lowerThreadPriority(-5, fakeSystem('812/task/845', new Map([[845, 3]])))).toEqual({ thread: 845, niceness: 3 });
  });

  it('leaves things as they are where the thread cannot be found or changed', () => {
    expect(lowerThreadPriority(10, fakeSystem(new Error('ENOENT'), new Map()))).toBeUndefined();
    expect(lowerThreadPriority(10, fakeSystem('812/task/845', new Map(), true))).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('on Linux, lowers a worker thread alone: the main thread keeps its priority', async () => {
    const main = getPriority();
    const lower = Math.min(19, main + 7);
    const code = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(new URL('../../src/share-images/thread-priority.ts', import.meta.url).href)}).then(({ lowerThreadPriority }) => {
        parentPort.postMessage(lowerThreadPriority(7));
        parentPort.once('message', () => process.exit(0));
      });`;
    const worker = new Worker(code, { eval: true });
    try {
      const lowered = await new Promise<{ thread: number; niceness: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(lowered.niceness).toBe(lower);
      // The kernel's own record of the worker's thread (field 19 of its stat line, after the name in brackets).
      const stat = readFileSync(`/proc/${process.pid}/task/${lowered.thread}/stat`, 'utf8');
      expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])).toBe(lower);
      expect(getPriority()).toBe(main);
    } finally {
      worker.postMessage('stop');
      await worker.terminate();
    }
  });
});
