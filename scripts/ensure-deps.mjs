// Installs the project's packages when they are missing or out of date, so
// that `npm start` and `npm test` work straight after a fresh clone. Runs on
// any Node (a fresh machine may have Node 20); the project's own Node 24
// comes from the `node` package it installs, which npm scripts then use.
//
// --with-chromium (npm test only: `npm start` needs no browser): first makes
// sure Debian's Chromium is there for the browser tests, installing it with
// apt-get as root, or stopping with the command to run (chromium-setup.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureChromium } from '../tools/chromium-setup.mjs';

if (process.argv.includes('--with-chromium')) {
  const status = ensureChromium();
  if (status !== 0) process.exit(status);
}

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const marker = 'node_modules/.installed-lock-hash';

const installed = existsSync('node_modules/.bin/astro') && existsSync('node_modules/.bin/node');
if (installed && existsSync(marker) && readFileSync(marker, 'utf8') === hash) process.exit(0);
// Installed by `npm ci` or `npm install` directly (as a CI workflow does): npm's
// own record of the tree is newer than the lock file, so trust it.
const hidden = 'node_modules/.package-lock.json';
if (installed && !existsSync(marker) && existsSync(hidden) && statSync(hidden).mtimeMs >= statSync('package-lock.json').mtimeMs) {
  writeFileSync(marker, hash);
  process.exit(0);
}

console.log('Installing packages (npm ci): this happens once, and again only when package-lock.json changes.');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('npm ci failed: see the messages above.');
  process.exit(result.status ?? 1);
}
writeFileSync(marker, hash);
