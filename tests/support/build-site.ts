/** Runs `astro build` as a child process with the project's own Node. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildResult { status: number | null; output: string; seconds: number }

export function buildSite(options: { root?: string; outDir?: string; env?: Record<string, string> } = {}): BuildResult {
  const root = resolve(options.root ?? '.');
  const args = [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', root];
  if (options.outDir) args.push('--outDir', resolve(options.outDir));
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}
