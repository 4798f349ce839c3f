/**
 * The CMS's local backend for `npm start`: decap-server's own handlers
 * (files on this computer, or Git branches for the editorial workflow), in
 * one server on 127.0.0.1 with the guard of src/cms/backend-guard.ts in
 * front of them, so the CMS can read and write content/ and public/images/
 * and nothing else, from the site's own page and nowhere else.
 *
 *   PORT          the port (default 8081)
 *   SITE_ORIGIN   where the CMS runs (default http://127.0.0.1:4321)
 *   MODE          fs (default): files as they are; git: drafts as branches
 *   GIT_REPO_DIRECTORY  the project (default: this one)
 *   CMS_BRANCH    git mode: the branch drafts are published into (default main)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTIONS } from '../src/content/model';
import { checkRequestBody, checkRequestHead, mediaListing, type GuardOptions, type GuardVerdict } from '../src/cms/backend-guard';
import { gitModeProblem } from '../src/cms/git-mode';

interface Request {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body?: unknown;
}
interface Response {
  status: (code: number) => Response;
  json: (body: unknown) => void;
  set: (name: string, value: string) => Response;
  end: () => void;
}
type Next = () => void;
interface App {
  disable: (name: string) => void;
  use: (handler: (request: Request, response: Response, next: Next) => void) => void;
  listen: (
    port: number,
    host: string,
    done: () => void,
  ) => { on: (event: 'error', handler: (error: NodeJS.ErrnoException) => void) => void };
}

const require = createRequire(import.meta.url);
const express = require('express') as (() => App) & {
  json: (options: { limit: string }) => (request: Request, response: Response, next: Next) => void;
};
const decap = require('decap-server/dist/middlewares') as Record<
  'registerLocalFs' | 'registerLocalGit',
  (app: App, options?: { logLevel?: string }) => Promise<void>
>;

const root = resolve(process.env.GIT_REPO_DIRECTORY ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const port = Number(process.env.PORT ?? 8081);
const mode = process.env.MODE === 'git' ? 'git' : 'fs';
const options: GuardOptions = {
  root,
  port,
  siteOrigin: process.env.SITE_ORIGIN ?? 'http://127.0.0.1:4321',
  branch: process.env.CMS_BRANCH ?? 'main',
  collections: COLLECTIONS.map((collection) => collection.name),
};

// Git mode commits the whole working tree with each draft: only where that is safe (src/cms/git-mode.ts).
if (mode === 'git') {
  const problem = gitModeProblem(
    (args) => {
      const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
      return { status: result.status, stdout: result.stdout ?? '' };
    },
    root,
    options.branch ?? 'main',
  );
  if (problem) {
    console.error(`The CMS backend did not start: ${problem}`);
    process.exit(2);
  }
}

function refuse(response: Response, verdict: Exclude<GuardVerdict, { allowed: true }>, request: Request): void {
  console.error(
    `CMS backend refused ${request.method} ${request.path} (Host ${request.headers.host ?? '-'}, Origin ${request.headers.origin ?? '-'}): ${verdict.reason}`,
  );
  response.status(verdict.status).json({ error: verdict.reason });
}

const app = express();
app.disable('x-powered-by');
// Before anything else reads the request: who is asking, and for what.
app.use((request, response, next) => {
  const verdict = checkRequestHead(
    { method: request.method, path: request.path, host: request.headers.host, origin: request.headers.origin },
    options,
  );
  if (!verdict.allowed) return refuse(response, verdict, request);
  response.set('Vary', 'Origin');
  if (request.method === 'OPTIONS') {
    // The browser's question before the CMS's first request: only the site's own page may ask.
    response
      .set('Access-Control-Allow-Origin', options.siteOrigin)
      .set('Access-Control-Allow-Methods', 'POST')
      .set('Access-Control-Allow-Headers', 'Content-Type')
      .status(204)
      .end();
    return;
  }
  next();
});
app.use(express.json({ limit: '50mb' }));
// What it asks for: only files in content/ and public/images/. The request comes from the site's own
// page (checked above), so the refusal carries the CORS header that lets the CMS read and show its reason
// ("... is used by Adult B ...") instead of "Failed to fetch".
app.use((request, response, next) => {
  const verdict = checkRequestBody(request.body, options);
  if (!verdict.allowed) {
    response.set('Access-Control-Allow-Origin', options.siteOrigin);
    return refuse(response, verdict, request);
  }
  next();
});
// The media library's listing of a folder (an entry's documents, or a new entry's collection folder): documents only.
app.use((request, response, next) => {
  if ((request.body as { action?: unknown } | undefined)?.action === 'getMedia') {
    const json = response.json.bind(response);
    response.json = (body: unknown) => json(Array.isArray(body) ? mediaListing(body as { name?: unknown }[]) : body);
  }
  next();
});

// decap-server's handlers, configured by environment variables it reads itself.
process.env.GIT_REPO_DIRECTORY = root;
process.env.ORIGIN = options.siteOrigin;
await decap[mode === 'git' ? 'registerLocalGit' : 'registerLocalFs'](app, { logLevel: process.env.LOG_LEVEL ?? 'info' });

const server = app.listen(port, '127.0.0.1', () => {
  console.log(
    `CMS backend (decap-server, ${mode} mode, guarded) listening on 127.0.0.1:${port}, for the CMS at ${options.siteOrigin}/admin/`,
  );
});
server.on('error', (error) => {
  console.error(
    `The CMS backend could not listen on 127.0.0.1:${port}: ${error.code === 'EADDRINUSE' ? 'something else is using that port' : error.message}`,
  );
  process.exit(1);
});
