import { describe, expect, it } from 'vitest';
import { finishBuildTasks, startBuildTask } from '../../src/build/tasks';

const after = (ms: number, outcome?: Error) =>
  new Promise<void>((resolve, reject) => setTimeout(() => (outcome ? reject(outcome) : resolve()), ms));

describe('work left running at the end of a build', () => {
  it('is waited for, all of it, before the build ends', async () => {
    const finished: string[] = [];
    startBuildTask(
      'Search index',
      after(30).then(() => {
        finished.push('Search index');
      }),
    );
    startBuildTask(
      'Other',
      after(5).then(() => {
        finished.push('Other');
      }),
    );
    expect(await finishBuildTasks()).toEqual(['Search index', 'Other']);
    expect(finished.sort()).toEqual(['Other', 'Search index']);
    // Each task is waited for once.
    expect(await finishBuildTasks()).toEqual([]);
  });

  it('fails the build naming each task that failed, after the others are done, and never as an unhandled rejection', async () => {
    let slowDone = false;
    startBuildTask('Search index', after(1, new Error('Pagefind could not start')));
    startBuildTask(
      'Slow',
      after(20).then(() => {
        slowDone = true;
      }),
    );
    startBuildTask('Another', after(2, new Error('disk full')));
    await after(10); // The failures happen before anyone waits: nothing is unhandled.
    await expect(finishBuildTasks()).rejects.toThrow('Search index: Pagefind could not start\nAnother: disk full');
    expect(slowDone).toBe(true);
  });
});
