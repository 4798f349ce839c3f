/**
 * Keeping the share-image cache small. Images are named by what they show,
 * so a changed title leaves its old image behind; the deploy keeps the cache
 * from day to day (.github/workflows/), so without pruning it would grow for
 * ever. After each build, the images that build used are marked as used
 * today (their modification time), and any image no build has used for
 * SHARE_IMAGE_CACHE_DAYS is removed. The margin lets builds of other
 * versions that share the cache (branches, tests) keep theirs.
 */
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';

export const SHARE_IMAGE_CACHE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Marks each file as used at `now`. A file that is gone (another build pruned it) is skipped. */
export function markUsed(files: Iterable<string>, now: Date = new Date()): void {
  for (const file of files) {
    try {
      utimesSync(file, now, now);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

export interface PruneReport {
  removed: string[];
  kept: number;
}

/**
 * Removes the cached images (`*.png`) that are not in `used` and were last
 * used more than `days` before `now`. Other files (last-build.json, a build's
 * temporary files) are left alone.
 */
export function pruneShareImageCache(cacheDir: string, used: Iterable<string>, options: { days?: number; now?: Date } = {}): PruneReport {
  const keep = new Set([...used].map((file) => basename(file)));
  const oldest = (options.now ?? new Date()).getTime() - (options.days ?? SHARE_IMAGE_CACHE_DAYS) * DAY_MS;
  const report: PruneReport = { removed: [], kept: 0 };
  for (const name of readdirSync(cacheDir)) {
    if (!name.endsWith('.png')) continue;
    if (keep.has(name)) {
      report.kept += 1;
      continue;
    }
    const file = join(cacheDir, name);
    let modified: number;
    try {
      modified = statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (modified >= oldest) report.kept += 1;
    else {
      rmSync(file, { force: true });
      report.removed.push(name);
    }
  }
  return report;
}
