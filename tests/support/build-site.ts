/** Runs `astro build` as a child process with the project's own Node. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildResult { status: number | null; output: string; seconds: number }

/**
 * The environment for a build, without what vitest adds to its own: it sets
 * NODE_ENV=test and MODE, DEV, PROD, SSR and BASE_URL, which Astro would take
 * as import.meta.env values (a build from a test would then not be a
 * production build: PROD would be "").
 */
function buildEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[key];
  return env;
}

export function buildSite(options: { root?: string; outDir?: string; env?: Record<string, string> } = {}): BuildResult {
  const root = resolve(options.root ?? '.');
  const args = [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', root];
  if (options.outDir) args.push('--outDir', resolve(options.outDir));
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...buildEnv(), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}
