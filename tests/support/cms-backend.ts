/**
 * The CMS's local backend as `npm start` runs it (scripts/cms-backend.ts:
 * decap-server behind its guard), on 127.0.0.1 and a free port, for a
 * project copy, answering only to the site at `siteOrigin`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './ports';

export interface RunningBackend {
  url: string;
  port: number;
  log: () => string;
  stop: () => void;
}

export async function startCmsBackend(options: {
  root: string;
  siteOrigin: string;
  port?: number;
  mode?: 'fs' | 'git';
}): Promise<RunningBackend> {
  const port = options.port ?? (await freePort());
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/cms-backend.ts')], {
    cwd: options.root,
    env: {
      ...process.env,
      PORT: String(port),
      MODE: options.mode ?? 'fs',
      GIT_REPO_DIRECTORY: options.root,
      SITE_ORIGIN: options.siteOrigin,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}/api/v1`;
  const until = Date.now() + 60_000;
  // Ready when it says it listens (it answers nothing before that).
  while (!log.includes(`listening on 127.0.0.1:${port}`)) {
    if (child.exitCode !== null) throw new Error(`The CMS backend stopped:\n${log}`);
    if (Date.now() > until) throw new Error(`The CMS backend did not start in 60 s:\n${log}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    port,
    log: () => log,
    stop: () => {
      child.kill();
    },
  };
}
