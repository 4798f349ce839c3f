/**
 * A project copy's build (tools/project-copy.ts), as `npm run build` makes it
 * (tools/build-site.ts), into a folder of the copy and with the copy's own
 * Astro cache (.cache), so that a test's build never shares a cache with the
 * real project's or another copy's.
 */
import { join } from 'node:path';
import { buildSite, type BuildResult } from '../../tools/build-site';

export function buildCopy(root: string, folder: string, env: Record<string, string> = {}): BuildResult & { outDir: string } {
  const outDir = join(root, folder);
  return { ...buildSite({ root, outDir, env: { ...env, ASTRO_CACHE_DIR: join(root, '.cache') } }), outDir };
}
