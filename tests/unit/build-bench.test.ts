import { describe, expect, it } from 'vitest';
import { BUILD_GOALS, compareBuilds, formatBuildComparison, median } from '../../tools/build-bench';

describe('median', () => {
  it('takes the middle run, or the mean of the two middle runs', () => {
    expect(median([12, 10, 30])).toBe(12);
    expect(median([10, 12, 14, 30])).toBe(13);
    expect(() => median([])).toThrow();
  });
});

describe('compareBuilds', () => {
  const runs = [
    { kind: 'bare', seconds: 10, pages: 1000 },
    { kind: 'bare', seconds: 12, pages: 1000 },
    { kind: 'bare', seconds: 11, pages: 1000 },
    { kind: 'cold', seconds: 21.9, pages: 1035 },
    { kind: 'warm', seconds: 13.4, pages: 1035 },
    { kind: 'changed', seconds: 13.1, pages: 1035 },
  ] as const;

  it('gives each build its ratio to the median bare build and a verdict against its goal', () => {
    const comparison = compareBuilds(1000, runs);
    const row = (kind: string) => comparison.rows.find((one) => one.kind === kind)!;
    expect(row('bare')).toMatchObject({ seconds: 11, ratio: 1, goal: undefined, withinGoal: undefined, runs: [10, 12, 11] });
    expect(row('cold').ratio).toBeCloseTo(1.99, 2);
    expect(row('cold')).toMatchObject({ goal: BUILD_GOALS.cold, withinGoal: true, pages: 1035 });
    // 13.4 / 11 = 1.218: over 1.2 once rounded as printed.
    expect(row('warm')).toMatchObject({ goal: BUILD_GOALS.warm, withinGoal: false });
    expect(row('changed')).toMatchObject({ goal: BUILD_GOALS.warm, withinGoal: true });
    expect(comparison.withinGoals).toBe(false);
  });

  it('needs a bare build to compare with', () => {
    expect(() => compareBuilds(1000, [{ kind: 'cold', seconds: 20, pages: 1 }])).toThrow(/bare/);
  });

  it('prints a table with the ratios, the runs behind each median and the verdicts', () => {
    const table = formatBuildComparison(compareBuilds(1000, runs));
    expect(table.split('\n')).toEqual([
      '| build, 1,000 generated entries | pages | wall time | ratio to bare | goal |',
      '| --- | ---: | ---: | ---: | --- |',
      '| bare Astro 7 + MDX + Pagefind (h1 and body only) | 1,000 | 11.0 s (median of 10.0, 12.0, 11.0) | 1.00 |  |',
      '| this project, cold (no caches) | 1,035 | 21.9 s | 1.99 | within ≤ 2.0 |',
      '| this project, warm (the caches a deploy keeps) | 1,035 | 13.4 s | 1.22 | OVER ≤ 1.2 |',
      '| this project, warm, one bulletin edited | 1,035 | 13.1 s | 1.19 | within ≤ 1.2 |',
    ]);
  });
});
