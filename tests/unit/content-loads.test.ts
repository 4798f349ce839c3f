import { describe, expect, it } from 'vitest';
import { contentLoadCount, noteContentLoad, reloadUntilRead } from '../../src/content/loads';

describe('content loads', () => {
  it('counts each run of a loader, in one count for the whole process', () => {
    const before = contentLoadCount();
    noteContentLoad();
    noteContentLoad();
    expect(contentLoadCount()).toBe(before + 2);
  });

  it('refreshes once when the loaders run', async () => {
    let loads = 0;
    let refreshes = 0;
    const read = await reloadUntilRead(
      async () => {
        refreshes += 1;
        loads += 1;
      },
      { loads: () => loads, wait: async () => {} },
    );
    expect(read).toBe(true);
    expect(refreshes).toBe(1);
  });

  it('asks again while a refresh is skipped (the content configuration still loading), until the loaders run', async () => {
    let loads = 0;
    let refreshes = 0;
    let waits = 0;
    const read = await reloadUntilRead(
      async () => {
        refreshes += 1;
        if (refreshes === 3) loads += 1;
      },
      {
        loads: () => loads,
        wait: async () => {
          waits += 1;
        },
      },
    );
    expect(read).toBe(true);
    expect([refreshes, waits]).toEqual([3, 2]);
  });

  it('gives up after its attempts, saying so', async () => {
    let refreshes = 0;
    const read = await reloadUntilRead(
      async () => {
        refreshes += 1;
      },
      { loads: () => 0, wait: async () => {}, attempts: 4 },
    );
    expect(read).toBe(false);
    expect(refreshes).toBe(4);
  });
});
