/**
 * Removing earlier Netlify deploys (src/build/netlify-deploys.ts): which are
 * deleted (never the published one), reading every page first, and
 * scripts/prune-deploys.ts run with Node alone, as the deploy job runs it,
 * against a local stand-in for Netlify's API (no network).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NetlifySite,
  deployIdFromCliOutput,
  formatPruneResult,
  nextPageUrl,
  planPrune,
  pruneDeploys,
  type NetlifyDeploy,
} from '../../src/build/netlify-deploys';
import { fixtureFolder } from '../support/fixture-folder';

const id = (n: number) => n.toString(16).padStart(24, '0');
const deploy = (n: number, day: number, extra: Partial<NetlifyDeploy> = {}): NetlifyDeploy => ({
  id: id(n),
  state: 'ready',
  context: 'production',
  created_at: `2027-01-${String(day).padStart(2, '0')}T00:15:00.000Z`,
  ...extra,
});

describe('which deploys are deleted', () => {
  const published = deploy(5, 20);
  it('all made before the published one, whatever their state or context; never the published one', () => {
    const plan = planPrune(
      [
        published,
        deploy(4, 19),
        deploy(3, 18, { state: 'error' }),
        deploy(2, 10, { context: 'deploy-preview' }),
        deploy(1, 1, { state: 'building' }),
      ],
      published.id,
    );
    expect(plan.remove.map((item) => item.id)).toEqual([id(4), id(3), id(2), id(1)]);
    expect(plan.newer).toEqual([]);
  });
  it('leaves a deploy made after the published one (another run) and lists it', () => {
    const plan = planPrune([deploy(6, 21), published, deploy(4, 19)], published.id);
    expect(plan.remove.map((item) => item.id)).toEqual([id(4)]);
    expect(plan.newer.map((item) => item.id)).toEqual([id(6)]);
  });
  it('counts a deploy listed twice (pages that shifted) once', () => {
    expect(planPrune([published, deploy(4, 19), deploy(4, 19)], published.id).remove).toHaveLength(1);
  });
  it('deletes nothing when the published deploy is not in the list', () => {
    expect(() => planPrune([deploy(4, 19)], published.id)).toThrow(
      /is not among the site's 1 deploys: is NETLIFY_SITE_ID the site it was deployed to\? Nothing was deleted/,
    );
  });
});

describe('reading what Netlify says', () => {
  it('finds the deploy id in the output of netlify deploy --json', () => {
    const output = `{\n  "site_id": "s",\n  "site_name": "safeguarding-southend",\n  "deploy_id": "${id(7)}",\n  "deploy_url": "https://${id(7)}--safeguarding-southend.netlify.app"\n}\n`;
    expect(deployIdFromCliOutput(`Some notice first\n${output}`)).toBe(id(7));
    expect(() => deployIdFromCliOutput('Error: Unauthorized')).toThrow(/has no deploy_id: did the deploy finish\?/);
    expect(() => deployIdFromCliOutput('{"deploy_id": "../../sites"}')).toThrow(/is not a Netlify deploy id/);
  });
  it('follows a Link header to the next page', () => {
    expect(
      nextPageUrl(
        '<https://api.netlify.com/api/v1/sites/s/deploys?page=2&per_page=100>; rel="next", <https://api.netlify.com/api/v1/sites/s/deploys?page=9&per_page=100>; rel="last"',
      ),
    ).toBe('https://api.netlify.com/api/v1/sites/s/deploys?page=2&per_page=100');
    expect(nextPageUrl('<https://x/?page=1>; rel="prev", <https://x/?page=1>; rel="first"')).toBeNull();
    expect(nextPageUrl(null)).toBeNull();
  });
});

/** A stand-in for Netlify's API: one site, its deploys, paged like Netlify (Link headers, per_page). */
function fakeNetlify(options: {
  deploys: NetlifyDeploy[];
  published: string;
  link?: boolean;
  refuse?: string[];
  throttleFirstDelete?: boolean;
}) {
  const deploys = [...options.deploys];
  const requests: string[] = [];
  let throttled = false;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.headers.authorization !== 'Bearer test-token') return send(401, { code: 401, message: 'Access Denied' });
    if (request.method === 'GET' && url.pathname === '/api/v1/sites/site-1')
      return send(200, { id: 'site-1', published_deploy: { id: options.published } });
    if (request.method === 'GET' && url.pathname === '/api/v1/sites/site-1/deploys') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 100);
      const items = deploys.slice((page - 1) * perPage, page * perPage);
      const more = page * perPage < deploys.length;
      const link: Record<string, string> =
        options.link && more
          ? { link: `<http://${request.headers.host}/api/v1/sites/site-1/deploys?page=${page + 1}&per_page=${perPage}>; rel="next"` }
          : {};
      return send(200, items, link);
    }
    const match = /^\/api\/v1\/deploys\/([0-9a-f]{24})$/.exec(url.pathname);
    if (request.method === 'DELETE' && match) {
      if (options.throttleFirstDelete && !throttled) {
        throttled = true;
        return send(429, { message: 'Too many requests' }, { 'retry-after': '0' });
      }
      if (match[1] === options.published) return send(422, { message: 'Cannot delete the published deploy' });
      if (options.refuse?.includes(match[1]!)) return send(500, { message: 'Internal error' });
      const index = deploys.findIndex((item) => item.id === match[1]);
      if (index < 0) return send(404, { message: 'Not found' });
      deploys.splice(index, 1);
      return send(204);
    }
    return send(404, { message: 'Not found' });
  });
  return {
    requests,
    deploys,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// 250 deploys, newest first as Netlify lists them: the published one and 249 before it.
const history = Array.from({ length: 250 }, (_, index) =>
  deploy(1000 - index, 28, { created_at: new Date(Date.UTC(2027, 0, 28) - index * 3_600_000).toISOString() }),
);
const publishedId = history[0]!.id;

let stopServer: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stopServer?.();
  stopServer = null;
});

async function serve(options: Parameters<typeof fakeNetlify>[0]) {
  const fake = fakeNetlify(options);
  const apiUrl = await fake.start();
  stopServer = fake.stop;
  return { ...fake, apiUrl };
}

describe("deleting earlier deploys through Netlify's API", () => {
  it('reads every page before deleting, then deletes all but the published deploy', async () => {
    for (const link of [true, false]) {
      const fake = await serve({ deploys: history, published: publishedId, link });
      const result = await pruneDeploys(new NetlifySite({ token: 'test-token', siteId: 'site-1', apiUrl: fake.apiUrl }), publishedId);
      expect(result.deleted).toHaveLength(249);
      expect(result.failed).toEqual([]);
      expect(fake.deploys.map((item) => item.id)).toEqual([publishedId]);
      const firstDelete = fake.requests.findIndex((request) => request.startsWith('DELETE'));
      expect(fake.requests.slice(0, firstDelete)).toEqual([
        'GET /api/v1/sites/site-1',
        'GET /api/v1/sites/site-1/deploys?page=1&per_page=100',
        'GET /api/v1/sites/site-1/deploys?page=2&per_page=100',
        'GET /api/v1/sites/site-1/deploys?page=3&per_page=100',
      ]);
      expect(fake.requests).not.toContain(`DELETE /api/v1/deploys/${publishedId}`);
      await fake.stop();
      stopServer = null;
    }
  });

  it('deletes nothing when the site serves another deploy (publishing locked, or the wrong site)', async () => {
    const fake = await serve({ deploys: history, published: history[1]!.id });
    await expect(
      pruneDeploys(new NetlifySite({ token: 'test-token', siteId: 'site-1', apiUrl: fake.apiUrl }), publishedId),
    ).rejects.toThrow(`The site serves the deploy ${history[1]!.id}, not ${publishedId}, the one just made`);
    expect(fake.requests.filter((request) => request.startsWith('DELETE'))).toEqual([]);
  });

  it('waits and retries when Netlify says Too Many Requests', async () => {
    const fake = await serve({ deploys: history.slice(0, 3), published: publishedId, throttleFirstDelete: true });
    const waits: number[] = [];
    const result = await pruneDeploys(
      new NetlifySite({
        token: 'test-token',
        siteId: 'site-1',
        apiUrl: fake.apiUrl,
        wait: async (ms) => {
          waits.push(ms);
        },
      }),
      publishedId,
    );
    expect(waits).toEqual([0]);
    expect(result.deleted).toHaveLength(2);
  });
});

const node = process.execPath;
function runScript(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(node, [join('scripts', 'prune-deploys.ts'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('node scripts/prune-deploys.ts (as the deploy job runs it: Node alone, no npm install)', () => {
  it('deletes the earlier deploys named by the output of netlify deploy --json, and says so', async () => {
    const fake = await serve({ deploys: history.slice(0, 4), published: publishedId, link: true });
    const output = join(fixtureFolder({}, 'sg-prune-'), 'netlify-deploy.json');
    writeFileSync(
      output,
      JSON.stringify({ site_id: 'site-1', deploy_id: publishedId, deploy_url: `https://${publishedId}--site.netlify.app` }),
    );
    const result = await runScript(['--cli-output', output], {
      NETLIFY_AUTH_TOKEN: 'test-token',
      NETLIFY_SITE_ID: 'site-1',
      NETLIFY_API_URL: fake.apiUrl,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${formatPruneResult({ deleted: history.slice(1, 4), newer: [], failed: [] }, publishedId)}\n`);
    expect(result.stdout).toContain(`Kept the published deploy ${publishedId}.\nDeleted 3 earlier deploys`);
    expect(fake.deploys.map((item) => item.id)).toEqual([publishedId]);
  });

  it('exits 1, naming the deploy, when one cannot be deleted, after deleting the rest', async () => {
    const fake = await serve({ deploys: history.slice(0, 4), published: publishedId, refuse: [history[2]!.id] });
    const result = await runScript([publishedId], {
      NETLIFY_AUTH_TOKEN: 'test-token',
      NETLIFY_SITE_ID: 'site-1',
      NETLIFY_API_URL: fake.apiUrl,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`Could not delete ${history[2]!.id}: Deleting the deploy ${history[2]!.id}: Netlify answered 500`);
    expect(fake.deploys.map((item) => item.id)).toEqual([publishedId, history[2]!.id]);
  });

  it('exits 1 with a plain message without its secrets, with a wrong token, or with no deploy id', async () => {
    const fake = await serve({ deploys: history.slice(0, 2), published: publishedId });
    const missing = await runScript([publishedId], {});
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringContaining('Set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID') });
    const wrongToken = await runScript([publishedId], {
      NETLIFY_AUTH_TOKEN: 'wrong',
      NETLIFY_SITE_ID: 'site-1',
      NETLIFY_API_URL: fake.apiUrl,
    });
    expect(wrongToken).toMatchObject({ status: 1, stderr: expect.stringContaining('Reading the site site-1: Netlify answered 401') });
    const noId = await runScript(['latest'], { NETLIFY_AUTH_TOKEN: 'test-token', NETLIFY_SITE_ID: 'site-1', NETLIFY_API_URL: fake.apiUrl });
    expect(noId).toMatchObject({ status: 1, stderr: expect.stringContaining('Usage: node scripts/prune-deploys.ts') });
    expect(fake.deploys).toHaveLength(2);
  });
});
