/**
 * The build benchmark's arithmetic and report (`npm run bench`, scripts/bench.ts):
 * the project's build against bare Astro + MDX + Pagefind on the same
 * generated entries, as ratios with their goals (issue 14):
 * - cold (no cache of any kind): at most 2.0 times bare;
 * - warm (the caches a deploy keeps: Astro's, the share images', the CMS
 *   bundle's): at most 1.2 times bare.
 * Each figure is the median of the runs taken, so one slow run on a busy
 * machine does not decide the verdict.
 */

export const BUILD_GOALS = {
  /** No cache at all, as on a fresh machine. */
  cold: 2.0,
  /** With the caches a deploy keeps between runs. */
  warm: 1.2,
} as const;

export type BuildKind = 'bare' | 'cold' | 'warm' | 'changed';

export interface BuildRun {
  kind: BuildKind;
  seconds: number;
  pages: number;
}

export const BUILD_LABELS: Record<BuildKind, string> = {
  bare: 'bare Astro 7 + MDX + Pagefind (h1 and body only)',
  cold: 'this project, cold (no caches)',
  warm: 'this project, warm (the caches a deploy keeps)',
  changed: 'this project, warm, one bulletin edited',
};

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface BuildComparisonRow {
  kind: BuildKind;
  label: string;
  /** Median wall time. */
  seconds: number;
  runs: number[];
  pages: number;
  ratio: number;
  goal?: number;
  withinGoal?: boolean;
}

export interface BuildComparison {
  entries: number;
  rows: BuildComparisonRow[];
  /** Every ratio that has a goal is at or under it. */
  withinGoals: boolean;
}

/** Ratios to the bare build's median, and each goal's verdict. */
export function compareBuilds(entries: number, runs: readonly BuildRun[]): BuildComparison {
  const of = (kind: BuildKind) => runs.filter((run) => run.kind === kind);
  const bare = of('bare');
  if (bare.length === 0) throw new Error('No bare Astro build to compare with.');
  const bareSeconds = median(bare.map((run) => run.seconds));
  const rows: BuildComparisonRow[] = [];
  for (const kind of ['bare', 'cold', 'warm', 'changed'] as const) {
    const mine = of(kind);
    if (mine.length === 0) continue;
    const seconds = median(mine.map((run) => run.seconds));
    const ratio = seconds / bareSeconds;
    const goal = kind === 'cold' || kind === 'warm' ? BUILD_GOALS[kind] : kind === 'changed' ? BUILD_GOALS.warm : undefined;
    rows.push({
      kind,
      label: BUILD_LABELS[kind],
      seconds,
      runs: mine.map((run) => run.seconds),
      pages: Math.max(...mine.map((run) => run.pages)),
      ratio,
      goal,
      // Compared as printed (two decimals), so the verdict never contradicts the table.
      withinGoal: goal === undefined ? undefined : Math.round(ratio * 100) / 100 <= goal,
    });
  }
  return { entries, rows, withinGoals: rows.every((row) => row.withinGoal !== false) };
}

/** The side-by-side table, as `npm run bench` prints it and docs/performance.md records it. */
export function formatBuildComparison(comparison: BuildComparison): string {
  const lines = [
    `| build, ${comparison.entries.toLocaleString('en-GB')} generated entries | pages | wall time | ratio to bare | goal |`,
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const row of comparison.rows) {
    const runs = row.runs.length > 1 ? ` (median of ${row.runs.map((seconds) => seconds.toFixed(1)).join(', ')})` : '';
    const goal = row.goal === undefined ? '' : `${row.withinGoal ? 'within' : 'OVER'} ≤ ${row.goal.toFixed(1)}`;
    lines.push(
      `| ${row.label} | ${row.pages.toLocaleString('en-GB')} | ${row.seconds.toFixed(1)} s${runs} | ${row.ratio.toFixed(2)} | ${goal} |`,
    );
  }
  return lines.join('\n');
}
