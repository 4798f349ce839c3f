/**
 * The guard in front of the CMS's local backend (src/lib/cms-backend-guard.ts):
 * only this computer's addresses, only the site's own page, only content/
 * and public/images/, only the site's branch and plain names.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRequestBody, checkRequestHead, hostAllowed, originAllowed, pathAllowed, pathStaysInside, pathsOfRequest, type GuardOptions } from '../../src/lib/cms-backend-guard';

const root = mkdtempSync(join(tmpdir(), 'sg-guard-'));
mkdirSync(join(root, 'content/pages'), { recursive: true });
mkdirSync(join(root, 'public/images'), { recursive: true });
mkdirSync(join(root, 'src'), { recursive: true });
symlinkSync(join(root, 'src'), join(root, 'content/pages/linked'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options: GuardOptions = { root, port: 8081, siteOrigin: 'http://127.0.0.1:4321', branch: 'main', collections: ['pages', 'bulletins'] };

describe('who may ask', () => {
  it('answers only to its own address on this computer', () => {
    expect(hostAllowed('127.0.0.1:8081', 8081)).toBe(true);
    expect(hostAllowed('localhost:8081', 8081)).toBe(true);
    for (const host of [undefined, '', 'evil.example:8081', '127.0.0.1', '127.0.0.1:8082', 'localhost.evil.example:8081', '0.0.0.0:8081']) {
      expect(hostAllowed(host, 8081), String(host)).toBe(false);
    }
  });

  it('answers to the site\'s own page, or to no page', () => {
    expect(originAllowed(undefined, options.siteOrigin)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4321', options.siteOrigin)).toBe(true);
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:4322', 'https://evil.example', 'null', 'http://127.0.0.1:4321.evil.example']) {
      expect(originAllowed(origin, options.siteOrigin), origin).toBe(false);
    }
  });

  it('has one address, for POST and the browser\'s preflight', () => {
    expect(checkRequestHead({ method: 'POST', path: '/api/v1', host: '127.0.0.1:8081' }, options)).toEqual({ allowed: true });
    expect(checkRequestHead({ method: 'OPTIONS', path: '/api/v1', host: '127.0.0.1:8081', origin: 'http://127.0.0.1:4321' }, options)).toEqual({ allowed: true });
    expect(checkRequestHead({ method: 'GET', path: '/.git/config', host: '127.0.0.1:8081' }, options)).toMatchObject({ allowed: false, status: 404 });
    expect(checkRequestHead({ method: 'POST', path: '/api/v1', host: 'evil.example:8081' }, options)).toMatchObject({ allowed: false, status: 403 });
    expect(checkRequestHead({ method: 'POST', path: '/api/v1', host: '127.0.0.1:8081', origin: 'http://localhost:3000' }, options)).toMatchObject({ allowed: false, status: 403 });
  });
});

describe('what it may touch', () => {
  it('takes plain relative paths inside content/ and public/images/', () => {
    for (const path of ['content', 'content/pages/about.mdx', 'content/reviews/adult-b/a.pdf', 'public/images', 'public/images/a.png']) expect(pathAllowed(path), path).toBe(true);
    for (const path of ['', '.git/config', 'src/pages/x.ts', 'package.json', 'content/../.git/config', 'content/./x', '/etc/passwd', 'content\\..\\src', 'public/index.html', 'public/imagesx/a.png', 'contentx/a', 'C:/x', 'content/a\0b', 42, undefined]) {
      expect(pathAllowed(path), String(path)).toBe(false);
    }
  });

  it('refuses a link that leads outside, even inside content/', () => {
    expect(pathStaysInside(root, 'content/pages/about.mdx')).toBe(true);
    expect(pathStaysInside(root, 'content/pages/new-folder/new.mdx')).toBe(true);
    expect(pathStaysInside(root, 'content/pages/linked/x.ts')).toBe(false);
  });

  it('reads every path of every action the CMS has, and nothing else', () => {
    expect(pathsOfRequest('persistEntry', { dataFiles: [{ path: 'a', newPath: 'b' }], assets: [{ path: 'c' }] })).toEqual(['a', 'b', 'c']);
    expect(pathsOfRequest('persistEntry', { entry: { path: 'a' }, assets: [] })).toEqual(['a']);
    expect(pathsOfRequest('deleteFiles', { paths: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(pathsOfRequest('entriesByFiles', { files: [{ path: 'a' }] })).toEqual(['a']);
    expect(pathsOfRequest('getMedia', { mediaFolder: 'public/images' })).toEqual(['public/images']);
    expect(pathsOfRequest('runShell', {})).toBeUndefined();
  });

  it('refuses requests for anything else, and names what it refused', () => {
    const ok = (body: unknown) => expect(checkRequestBody(body, options), JSON.stringify(body)).toEqual({ allowed: true });
    const no = (body: unknown, status: number) => expect(checkRequestBody(body, options), JSON.stringify(body)).toMatchObject({ allowed: false, status });
    ok({ action: 'info' });
    ok({ action: 'getEntry', params: { branch: 'main', path: 'content/pages/about.mdx' } });
    ok({ action: 'persistMedia', params: { branch: 'main', asset: { path: 'public/images/a.png', content: '', encoding: 'base64' } } });
    ok({ action: 'persistEntry', params: { branch: 'main', dataFiles: [{ slug: 'about', path: 'content/pages/about.mdx', raw: '' }], assets: [], options: { collectionName: 'pages' } } });
    no({ action: 'getEntry', params: { branch: 'main', path: '.git/config' } }, 403);
    no({ action: 'persistMedia', params: { branch: 'main', asset: { path: 'src/pages/x.ts' } } }, 403);
    no({ action: 'persistEntry', params: { branch: 'main', dataFiles: [{ slug: 'x', path: 'content/pages/x.mdx', newPath: 'src/pages/x.mdx' }], assets: [] } }, 403);
    no({ action: 'deleteFiles', params: { branch: 'main', paths: ['content/pages/a.mdx', 'astro.config.mjs'] } }, 403);
    no({ action: 'getMedia', params: { branch: 'main', mediaFolder: '.' } }, 403);
    no({ action: 'getEntry', params: { branch: '--upload-pack=x', path: 'content/pages/about.mdx' } }, 403);
    no({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'pages', slug: '../x' } }, 403);
    no({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'secrets', slug: 'x' } }, 403);
    // The editorial workflow (Git mode): a draft by its key, a draft's file by its path (which is its id).
    ok({ action: 'unpublishedEntry', params: { branch: 'main', id: 'bulletins/new-bulletin', collection: 'bulletins', slug: 'new-bulletin' } });
    ok({ action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'bulletins', slug: 'new-bulletin', path: 'content/bulletins/new-bulletin.mdx', id: 'content/bulletins/new-bulletin.mdx' } });
    ok({ action: 'unpublishedEntryMediaFile', params: { branch: 'main', collection: 'bulletins', slug: 'new-bulletin', path: 'public/images/a.png', id: 'public/images/a.png' } });
    no({ action: 'unpublishedEntry', params: { branch: 'main', id: 'bulletins/new.bulletin' } }, 403);
    no({ action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'bulletins', slug: 'x', path: 'content/bulletins/x.mdx', id: '.git/config' } }, 403);
    no({ action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'bulletins', slug: 'x', path: 'content/bulletins/x.mdx', id: 'content/../package.json' } }, 403);
    no({ action: 'runShell', params: {} }, 422);
    no('not json', 422);
  });
});
