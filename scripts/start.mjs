// `npm start`: the site (astro dev) and the CMS's local backend (decap-server),
// together, both on 127.0.0.1 only, so nobody else on the network can reach
// them. The CMS at http://127.0.0.1:4321/admin/ then edits the files in
// content/ on this computer, through decap-server behind a guard that lets it
// touch content/ and public/images/ only (scripts/cms-backend.ts). Ctrl+C
// stops both; if either stops, so does the
// other.
//
//   DECAP_SERVER_PORT  the CMS backend's port (default 8081)
//   CMS_MODE=git       drafts as Git branches: the editorial workflow, tried locally
//   anything after --  passed to astro dev, for example: npm start -- --port 4322
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const cmsPort = process.env.DECAP_SERVER_PORT || '8081';
const localBackend = `http://${HOST}:${cmsPort}/api/v1`;
// The site's address: the CMS backend answers only to pages from there.
const args = process.argv.slice(2);
const portArgument = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
const sitePort = portArgument < 0 ? '4321' : args[portArgument].includes('=') ? args[portArgument].split('=')[1] : args[portArgument + 1];
const siteOrigin = `http://${HOST}:${sitePort}`;

const children = new Map();
let stopping = false;
let exitCode = 0;

function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`\n${name} stopped${code ? ` (exit code ${code})` : signal ? ` (${signal})` : ''}, so everything stops.`);
      // (Exit code 2: it could not start in Git mode, and has said why.)
      if (name === 'decap-server' && code && code !== 2)
        console.error(`Is something else using port ${cmsPort}? Stop it, or choose another port: DECAP_SERVER_PORT=8082 npm start`);
      if (name === 'astro dev' && code)
        console.error(`Is something else using port ${sitePort}? Stop it, or choose another port: npm start -- --port 4322`);
      exitCode = code || (signal ? 1 : 0);
      stop('SIGTERM');
    }
    if (children.size === 0) process.exit(exitCode);
  });
  return child;
}

function stop(signal) {
  stopping = true;
  for (const child of children.values()) child.kill(signal);
  // Whatever does not stop politely within 5 seconds is stopped.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 5000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    console.log('\nStopping the site and the CMS backend...');
    stop(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}

// decap-server's handlers behind a guard (scripts/cms-backend.ts): content/ and public/images/ only,
// from the site's own page only. CMS_MODE=git keeps drafts as Git branches (the editorial workflow).
const cmsMode = (process.env.CMS_MODE ?? '').toLowerCase() === 'git' ? 'git' : 'fs';
// The branch the CMS works on, the same for decap-server's guard and the CMS's configuration.
const cmsBranch = process.env.CMS_BRANCH || process.env.CMS_GITHUB_BRANCH || 'main';
start('decap-server', [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'scripts/cms-backend.ts')], {
  PORT: cmsPort,
  MODE: cmsMode,
  CMS_BRANCH: cmsBranch,
  GIT_REPO_DIRECTORY: root,
  SITE_ORIGIN: siteOrigin,
});
start(
  'astro dev',
  [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', HOST, ...(portArgument < 0 ? ['--port', sitePort] : []), ...args],
  {
    // The CMS's configuration (/admin/config.yml) points at this decap-server.
    CMS_LOCAL_BACKEND_URL: localBackend,
    // ...and says how it keeps what is saved: git mode has drafts, so the editorial workflow (src/cms/config.ts).
    CMS_MODE: cmsMode,
    CMS_GITHUB_BRANCH: cmsBranch,
    // The site keeps the port the CMS backend trusts, or stops and says so.
    SG_STRICT_PORT: '1',
  },
);

console.log(`\nThe site and the CMS are starting. The CMS is at /admin/ on the site's address (shown below), for example
http://${HOST}:4321/admin/ ; it edits the files in content/ through decap-server on ${HOST}:${cmsPort}. Ctrl+C stops both.\n`);
if (cmsMode === 'git') {
  console.log(`CMS_MODE=git: the editorial workflow. Save keeps a draft as a Git branch (cms/<collection>/<entry>); the Workflow tab
moves it to In review and Ready; Publish merges it into ${cmsBranch}. Commit your own changes before you save a draft.\n`);
}
