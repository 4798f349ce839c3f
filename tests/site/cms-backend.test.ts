/**
 * The CMS's local backend over HTTP, as `npm start` runs it
 * (scripts/cms-backend.ts: decap-server behind its guard), on a project
 * copy: the CMS can read and write content/ and the media library, and
 * nothing else, from the site's own page only. Traversal, the Git folder,
 * the site's code, a foreign Host (DNS rebinding) and a foreign Origin are
 * refused, and nothing is written where it was refused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../../tools/project-copy';
import { startCmsBackend, type RunningBackend } from '../support/cms-backend';

const SITE = 'http://127.0.0.1:4999';
let project: ProjectCopy;
let backend: RunningBackend;

beforeAll(async () => {
  project = copyProject('sg-backend-');
  mkdirSync(join(project.root, '.git'), { recursive: true });
  writeFileSync(join(project.root, '.git/config'), '[remote "origin"]\n\turl = https://token@example.org/secret.git\n');
  backend = await startCmsBackend({ root: project.root, siteOrigin: SITE });
}, 120_000);

afterAll(() => {
  backend?.stop();
  project?.remove();
});

/** A raw request, so the Host header can be anything (fetch will not send a foreign one). */
function post(
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((done, fail) => {
    const data = typeof body === 'string' ? body : JSON.stringify(body);
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: backend.port,
        path: '/api/v1',
        method,
        headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${backend.port}`, ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    outgoing.on('error', fail);
    outgoing.end(method === 'POST' ? data : undefined);
  });
}

describe('the CMS backend', () => {
  it('reads and lists content, and writes and reads an image in the media library', async () => {
    const entry = await post({ action: 'getEntry', params: { branch: 'main', path: 'content/pages/about.mdx' } }, { Origin: SITE });
    expect(entry.status).toBe(200);
    expect(entry.headers['access-control-allow-origin']).toBe(SITE);
    expect(JSON.parse(entry.text).data).toContain('title:');
    const listed = await post({
      action: 'entriesByFolder',
      params: { branch: 'main', folder: 'content/bulletins', extension: 'mdx', depth: 1 },
    });
    expect(JSON.parse(listed.text).length).toBeGreaterThan(3);
    const saved = await post({
      action: 'persistMedia',
      params: {
        branch: 'main',
        asset: { path: 'public/images/backend-test.png', content: Buffer.from('png').toString('base64'), encoding: 'base64' },
        options: { commitMessage: 'test' },
      },
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(project.root, 'public/images/backend-test.png'), 'utf8')).toBe('png');
  });

  it("refuses the Git folder, traversal and the site's code, and writes nothing there", async () => {
    const cases = [
      { action: 'getEntry', params: { branch: 'main', path: '.git/config' } },
      { action: 'getEntry', params: { branch: 'main', path: 'content/../.git/config' } },
      { action: 'getMediaFile', params: { branch: 'main', path: '../../../etc/passwd' } },
      { action: 'entriesByFolder', params: { branch: 'main', folder: '.', extension: '', depth: 5 } },
      {
        action: 'persistMedia',
        params: {
          branch: 'main',
          asset: { path: 'src/pages/x.ts', content: Buffer.from('export {}').toString('base64'), encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      },
      {
        action: 'persistMedia',
        params: {
          branch: 'main',
          asset: { path: '.git/hooks/pre-commit', content: Buffer.from('#!/bin/sh').toString('base64'), encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      },
      {
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [{ slug: 'x', path: 'content/pages/x.mdx', raw: 'x', newPath: 'src/pages/x.mdx' }],
          assets: [],
          options: { commitMessage: 'x', collectionName: 'pages', useWorkflow: false, status: '' },
        },
      },
      { action: 'deleteFile', params: { branch: 'main', path: 'package.json', options: { commitMessage: 'x' } } },
    ];
    for (const body of cases) {
      const response = await post(body, { Origin: SITE });
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(response.text).not.toContain('token@example.org');
    }
    expect(existsSync(join(project.root, 'src/pages/x.ts'))).toBe(false);
    expect(existsSync(join(project.root, 'src/pages/x.mdx'))).toBe(false);
    expect(existsSync(join(project.root, '.git/hooks/pre-commit'))).toBe(false);
    expect(existsSync(join(project.root, 'package.json'))).toBe(true);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, preflight included', async () => {
    const read = { action: 'getEntry', params: { branch: 'main', path: 'content/pages/about.mdx' } };
    expect((await post(read, { Host: `evil.example:${backend.port}` })).status).toBe(403);
    expect((await post(read, { Host: `localhost.evil.example:${backend.port}` })).status).toBe(403);
    const foreign = await post(read, { Origin: 'http://localhost:3000' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await post('', { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }, 'OPTIONS');
    expect(preflight.status).toBe(403);
    const own = await post('', { Origin: SITE, 'Access-Control-Request-Method': 'POST' }, 'OPTIONS');
    expect(own.status).toBe(204);
    expect(own.headers['access-control-allow-origin']).toBe(SITE);
    expect(backend.log()).toContain('refused');
  });

  it('has nothing else to offer', async () => {
    const response = await post({ action: 'info' }, {}, 'GET');
    expect(response.status).toBe(404);
  });
});
