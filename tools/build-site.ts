/**
 * Runs the project's build (scripts/build.ts: `npm run build`, atomic and
 * exclusive, with the one-year rule check) as a child process with the
 * project's own Node.
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BuildResult {
  status: number | null;
  output: string;
  seconds: number;
}
export interface BuildOptions {
  root?: string;
  outDir?: string;
  env?: Record<string, string>;
}

/**
 * The environment for a build, without what vitest adds to its own: it sets
 * NODE_ENV=test and MODE, DEV, PROD, SSR and BASE_URL, which Astro would take
 * as import.meta.env values (a build from a test would then not be a
 * production build: PROD would be "").
 */
function buildEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of [
    'NODE_ENV',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'BASE_URL',
    'TEST',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ])
    delete env[key];
  return env;
}

function command(options: BuildOptions) {
  const root = resolve(options.root ?? '.');
  // As `npm run build` runs it: one Node process with tsx's loader (no tsx CLI process in front of it).
  const args = ['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, resolve('scripts/build.ts'), '--root', root];
  if (options.outDir) args.push('--outDir', resolve(options.outDir));
  const env = { ...buildEnv(), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env };
  return { args, spawnOptions: { cwd: root, env } };
}

export function buildSite(options: BuildOptions = {}): BuildResult {
  const { args, spawnOptions } = command(options);
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { ...spawnOptions, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}

/**
 * The same build without blocking the test, so two can run at once;
 * `onOutput` sees its output so far each time more comes; `pid` is the
 * process to signal, as Ctrl+C would.
 */
export function startBuild(
  options: BuildOptions = {},
  onOutput: (text: string) => void = () => {},
): Promise<BuildResult> & { pid: number } {
  const { args, spawnOptions } = command(options);
  const started = performance.now();
  const child = spawn(process.execPath, args, spawnOptions);
  const result = new Promise<BuildResult>((done) => {
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      onOutput(output);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (status) => done({ status, output, seconds: (performance.now() - started) / 1000 }));
  });
  return Object.assign(result, { pid: child.pid! });
}
