/**
 * `npm start` (scripts/start.mjs) runs the site and the CMS's local backend
 * together, both listening on 127.0.0.1 only, with the CMS pointed at that
 * backend; Ctrl+C (SIGINT to the terminal's process group) stops both.
 * Nothing is written: the test only reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports';
import { spawnNpmStart, type GroupProcess } from '../support/dev-server';
import { waitFor } from '../support/wait-for';

/** Whether something accepts connections at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

/** This machine's first address that is not loopback, if it has one. */
function otherAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

let npmStart: GroupProcess | undefined;
const cache = mkdtempSync(join(tmpdir(), 'sg-start-cache-'));
afterAll(() => {
  npmStart?.stop();
  rmSync(cache, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs the site and decap-server on 127.0.0.1 only, and Ctrl+C stops both', async () => {
    const sitePort = await freePort();
    const cmsPort = await freePort();
    // Its own process group, as a terminal gives it, so Ctrl+C can be sent to the whole group.
    npmStart = spawnNpmStart(resolve('.'), sitePort, cmsPort, cache);
    const { child, log } = npmStart;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

    const site = `http://127.0.0.1:${sitePort}`;
    try {
      await waitFor('the site', async () => (await fetch(`${site}/admin/config.yml`).catch(() => undefined))?.ok === true, 90);
      await waitFor('decap-server', () => accepts('127.0.0.1', cmsPort), 90);
    } catch (error) {
      throw new Error(`${(error as Error).message}; npm start said:\n${log().slice(-3000)}`);
    }

    // The CMS points at this decap-server, and its page's policy lets it connect there.
    const backend = `http://127.0.0.1:${cmsPort}/api/v1`;
    const config = await (await fetch(`${site}/admin/config.yml`)).text();
    expect(config).toContain(`url: ${backend}`);
    expect(await (await fetch(`${site}/admin/`)).text()).toMatch(new RegExp(`connect-src [^;"]*http://127\\.0\\.0\\.1:${cmsPort}`));
    const info = (await (
      await fetch(backend, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) })
    ).json()) as { type: string };
    expect(info.type).toBe('local_fs');
    const bundle = await fetch(`${site}/admin/cms.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    await bundle.arrayBuffer();

    // Only this computer can reach them.
    expect(log()).toContain(`listening on 127.0.0.1:${cmsPort}`);
    expect(log()).not.toMatch(/Network\s+http/);
    const other = otherAddress();
    if (other) {
      expect(await accepts(other, sitePort), `site on ${other}`).toBe(false);
      expect(await accepts(other, cmsPort), `decap-server on ${other}`).toBe(false);
    }

    // Ctrl+C: the terminal sends SIGINT to the whole group.
    process.kill(-child.pid!, 'SIGINT');
    const code = await Promise.race([exited, new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 20_000))]);
    expect(code, log().slice(-2000)).toBe(0);
    expect(await accepts('127.0.0.1', sitePort)).toBe(false);
    expect(await accepts('127.0.0.1', cmsPort)).toBe(false);
  });

  it('stops the site too when decap-server cannot start, and says why', async () => {
    const sitePort = await freePort();
    // Something else already listens on the backend's port.
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((done) => blocker.once('listening', done));
    const cmsPort = (blocker.address() as { port: number }).port;
    const started = spawnNpmStart(resolve('.'), sitePort, cmsPort, cache);
    try {
      const code = await new Promise<number | null>((done) => started.child.once('exit', done));
      expect(code).not.toBe(0);
      expect(started.log()).toContain(`Is something else using port ${cmsPort}?`);
      expect(await accepts('127.0.0.1', sitePort)).toBe(false);
    } finally {
      blocker.close();
      started.stop();
    }
  });
});
