import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARE_IMAGE_CACHE_DAYS, markUsed, pruneShareImageCache } from '../../src/share-images/cache';
import { fixtureFolder } from '../support/fixture-folder';

const NOW = new Date('2026-11-30T00:10:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

function cacheWith(files: Record<string, number>): string {
  const folder = fixtureFolder(Object.fromEntries(Object.keys(files).map((name) => [name, 'x'])), 'sg-share-cache-');
  for (const [name, age] of Object.entries(files)) utimesSync(join(folder, name), daysAgo(age), daysAgo(age));
  return folder;
}

describe('the share-image cache', () => {
  it(`removes images no build has used for ${SHARE_IMAGE_CACHE_DAYS} days, and keeps what this build used, recent images and other files`, () => {
    const folder = cacheWith({
      'used-old.png': 400,
      'recent.png': 29,
      'stale.png': 31,
      'very-stale.png': 900,
      'last-build.json': 400,
      'x.png.123.tmp': 400,
    });
    const report = pruneShareImageCache(folder, [join(folder, 'used-old.png')], { now: NOW });
    expect(report.removed.sort()).toEqual(['stale.png', 'very-stale.png']);
    expect(report.kept).toBe(2);
    expect(readdirSync(folder).sort()).toEqual(['last-build.json', 'recent.png', 'used-old.png', 'x.png.123.tmp']);
  });

  it('marks what a build used as used now, so the next prune keeps it; a file already gone is skipped', () => {
    const folder = cacheWith({ 'a.png': 300 });
    markUsed([join(folder, 'a.png'), join(folder, 'gone.png')], NOW);
    expect(statSync(join(folder, 'a.png')).mtimeMs).toBe(NOW.getTime());
    expect(pruneShareImageCache(folder, [], { now: NOW }).removed).toEqual([]);
    expect(existsSync(join(folder, 'a.png'))).toBe(true);
  });
});
