/**
 * The build's output folder is replaced in one step, and only by a build
 * that finished: scripts/build.ts builds into a staging folder beside it
 * (`dist.building-<id>`, on the same filesystem), checks it, then swaps.
 *
 * The swap is two renames: dist → dist.old-<id>, then dist.building-<id> →
 * dist; the old folder is deleted afterwards. Each rename is atomic, so at
 * every moment dist/ is either the whole previous build or the whole new one;
 * between the two renames (microseconds) there is no dist/ at all. Linux can
 * exchange two folders in one call (renameat2 RENAME_EXCHANGE), but Node does
 * not offer it. If the process dies between the two renames, the next build
 * puts the old folder back before it starts (recoverOutput).
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapeRegExp } from '../security/regexp';

export type LeftoverKind = 'building' | 'old';

export function stagingFolder(outDir: string, id: string): string {
  return join(dirname(outDir), `${basename(outDir)}.building-${id}`);
}

export function retiredFolder(outDir: string, id: string): string {
  return join(dirname(outDir), `${basename(outDir)}.old-${id}`);
}

/** Staging and retired folders of earlier builds of `outDir`, oldest first. */
export function leftoverFolders(outDir: string): { path: string; kind: LeftoverKind }[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^${escapeRegExp(basename(outDir))}\\.(building|old)-[\\w-]+$`);
  return readdirSync(parent)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((item) => item.match)
    .map((item) => ({ path: join(parent, item.name), kind: item.match![1] as LeftoverKind }))
    .sort((a, b) => statSync(a.path).mtimeMs - statSync(b.path).mtimeMs);
}

/**
 * Run while holding the build lock, before a build: if a build died between
 * the two renames of its swap (no output folder, a retired one beside it),
 * the newest retired folder becomes the output folder again; then every
 * leftover staging or retired folder is deleted. Returns what it did.
 */
export function recoverOutput(outDir: string): string[] {
  const done: string[] = [];
  const leftovers = leftoverFolders(outDir);
  const retired = leftovers.filter((item) => item.kind === 'old');
  if (!existsSync(outDir) && retired.length > 0) {
    const newest = retired.at(-1)!;
    renameSync(newest.path, outDir);
    done.push(`Put back ${basename(newest.path)} as ${basename(outDir)}/ (a build stopped while replacing it)`);
  }
  for (const item of leftovers) {
    if (!existsSync(item.path)) continue;
    rmSync(item.path, { recursive: true, force: true });
    done.push(
      `Removed ${basename(item.path)}/, left by a build that ${item.kind === 'building' ? 'did not finish' : 'was stopped while tidying up'}`,
    );
  }
  return done;
}

/**
 * Replaces `outDir` with `staging` (see the top of this file), then deletes
 * the previous output. If the second rename fails, the previous output is put
 * back and the error is thrown.
 */
export function replaceOutput(staging: string, outDir: string, id: string): void {
  const retired = retiredFolder(outDir, id);
  const hadOutput = existsSync(outDir);
  if (hadOutput) renameSync(outDir, retired);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadOutput) renameSync(retired, outDir);
    throw error;
  }
  if (hadOutput) rmSync(retired, { recursive: true, force: true });
}

/** What a finished build always holds; a build missing any of them is not used. */
export const REQUIRED_OUTPUTS = [
  'index.html',
  '404.html',
  '_headers',
  'sitemap-index.xml',
  'reviews/rss.xml',
  'bulletins/rss.xml',
  'pagefind/pagefind-entry.json',
  'share-images',
  'admin/index.html',
] as const;

export function missingOutputs(folder: string, required: readonly string[] = REQUIRED_OUTPUTS): string[] {
  return required.filter((path) => !existsSync(join(folder, path)));
}
