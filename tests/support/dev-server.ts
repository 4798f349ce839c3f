/**
 * The dev server in a copy of the project, for tests of it: `npm start` (its
 * two processes, astro dev and the guarded decap-server, started by
 * scripts/start.mjs itself), or `astro dev` alone; on free ports, in a
 * terminal's environment. Every wait is on the server's own answer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports';

/** The environment of a terminal: Astro's dev server serves nothing when it thinks it runs inside Vitest. */
export function terminalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST' && name !== 'NODE_ENV'),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** A page's words, as a person reads them: no markup, entities decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export interface Answer {
  status: number;
  html: string;
  text: string;
}

export interface DevServer {
  /** The site's address, http://127.0.0.1:port */
  site: string;
  /** The CMS backend's API address (decap-server behind its guard). */
  backend: string;
  /** What npm start has printed so far. */
  log: () => string;
  /** Whether npm start is still running. */
  running: () => boolean;
  get: (path: string) => Promise<Answer | undefined>;
  /** Asks for `path` until its answer is `wanted` (a real condition), for up to 90 s. */
  waitForAnswer: (path: string, what: string, wanted: (answer: Answer) => boolean) => Promise<Answer>;
  stop: () => void;
}

/** A process started in `root` in its own group (as a terminal starts it), what it has printed, and its end (the whole group). */
export interface GroupProcess {
  child: ChildProcess;
  log: () => string;
  stop: () => void;
}

function spawnInGroup(args: string[], root: string, env: NodeJS.ProcessEnv): GroupProcess {
  let log = '';
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  return { child, log: () => log, stop };
}

/** `npm start` (scripts/start.mjs) in `root`, the site on `sitePort` and the CMS backend on `cmsPort`, with its Astro cache in `cacheDir`. */
export function spawnNpmStart(root: string, sitePort: number, cmsPort: number, cacheDir = join(root, '.cache-dev')): GroupProcess {
  return spawnInGroup(
    [join(root, 'scripts/start.mjs'), '--port', String(sitePort)],
    root,
    terminalEnv({ DECAP_SERVER_PORT: String(cmsPort), ASTRO_CACHE_DIR: cacheDir }),
  );
}

/** Starts `npm start` (scripts/start.mjs) in `root` and waits until /admin/ answers. */
export async function startDevServer(root: string): Promise<DevServer> {
  const sitePort = await freePort();
  const cmsPort = await freePort();
  const site = `http://127.0.0.1:${sitePort}`;
  const { child, log, stop } = spawnNpmStart(root, sitePort, cmsPort);

  const get = async (path: string): Promise<Answer | undefined> => {
    const response = await fetch(`${site}${path}`).catch(() => undefined);
    if (!response) return undefined;
    const html = await response.text();
    return { status: response.status, html, text: textOf(html) };
  };
  const waitForAnswer = async (path: string, what: string, wanted: (answer: Answer) => boolean): Promise<Answer> => {
    const until = Date.now() + 90_000;
    for (;;) {
      const last = await get(path);
      if (last && wanted(last)) return last;
      if (child.exitCode !== null)
        throw new Error(
          `npm start stopped (exit code ${child.exitCode}) while waiting for ${path} to show ${what}. It said:\n${log().slice(-3000)}`,
        );
      if (Date.now() > until)
        throw new Error(
          `Waited 90 s for ${path} to show ${what}; it answered ${last?.status}: ${last?.text.slice(0, 800)}\nnpm start said:\n${log().slice(-3000)}`,
        );
      await new Promise((done) => setTimeout(done, 250));
    }
  };
  try {
    await waitForAnswer('/admin/', 'the CMS', (answer) => answer.status === 200);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    site,
    backend: `http://127.0.0.1:${cmsPort}/api/v1`,
    log,
    running: () => child.exitCode === null,
    get,
    waitForAnswer,
    stop,
  };
}

export interface AstroDev {
  /** The site's address, http://127.0.0.1:port */
  site: string;
  /** What astro dev has printed so far. */
  log: () => string;
  stop: () => void;
}

/** Starts `astro dev` alone in `root` and waits until `readyPath` answers 200 (for up to 90 s). */
export async function startAstroDev(root: string, readyPath: string): Promise<AstroDev> {
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const { child, log, stop } = spawnInGroup(
    [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    root,
    terminalEnv({ ASTRO_CACHE_DIR: join(root, '.cache-dev') }),
  );
  const until = Date.now() + 90_000;
  for (;;) {
    const response = await fetch(`${site}${readyPath}`).catch(() => undefined);
    if (response?.status === 200) break;
    if (child.exitCode !== null || Date.now() > until) {
      stop();
      throw new Error(
        `The dev server did not serve ${readyPath} ${child.exitCode !== null ? `(it stopped, exit code ${child.exitCode})` : 'within 90 s'}:\n${log().slice(-3000)}`,
      );
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return { site, log, stop };
}
