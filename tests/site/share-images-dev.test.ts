/**
 * The dev server draws a page's share image when it is asked for (after the
 * page, which registers it), with the same design as the build: a 1200 x 630
 * PNG at the address the page's og:image names. An image no page asked for
 * is not found.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalEnv } from '../support/dev-server';
import { freePort } from '../support/ports';
import { copyProject } from '../support/project-copy';

const project = copyProject('sg-dev-share-');
let child: ChildProcess | undefined;
let log = '';
let site = '';

beforeAll(async () => {
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [join(project.root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project.root,
    env: terminalEnv({ ASTRO_CACHE_DIR: join(project.root, '.cache-dev') }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  // Ready when the procedures page answers.
  const until = Date.now() + 90_000;
  for (;;) {
    const response = await fetch(`${site}/procedures/`).catch(() => undefined);
    if (response?.status === 200) break;
    if (Date.now() > until) throw new Error(`The dev server did not serve /procedures/ within 90 s:\n${log.slice(-3000)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}, 120_000);

afterAll(() => {
  if (child?.pid && child.exitCode === null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  project.remove();
});

describe('share images on the dev server', () => {
  it('draws the image a page names when it is asked for', async () => {
    const page = await (await fetch(`${site}/procedures/`)).text();
    const image = /<meta property="og:image" content="https:\/\/www\.safeguardingsouthend\.co\.uk(\/share-images\/[0-9a-f]{20}\.png)"/.exec(page)?.[1];
    expect(image).toBeDefined();
    const response = await fetch(`${site}${image}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
  });

  it('does not serve an image no page asked for', async () => {
    expect((await fetch(`${site}/share-images/0123456789abcdef0123.png`)).status).toBe(404);
  });
});
