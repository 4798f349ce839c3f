/**
 * The guard in front of the CMS's local backend (src/cms/backend-guard.ts):
 * only this computer's addresses, only the site's own page, only content/
 * and public/images/, only the site's branch and plain names.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkRequestBody,
  checkRequestHead,
  hostAllowed,
  isEntryFile,
  isMediaDeletion,
  mediaListing,
  originAllowed,
  pathAllowed,
  pathStaysInside,
  pathsOfRequest,
  type GuardOptions,
} from '../../src/cms/backend-guard';

const root = mkdtempSync(join(tmpdir(), 'sg-guard-'));
mkdirSync(join(root, 'content/pages'), { recursive: true });
mkdirSync(join(root, 'public/images'), { recursive: true });
mkdirSync(join(root, 'src'), { recursive: true });
symlinkSync(join(root, 'src'), join(root, 'content/pages/linked'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options: GuardOptions = {
  root,
  port: 8081,
  siteOrigin: 'http://127.0.0.1:4321',
  branch: 'main',
  collections: ['pages', 'bulletins'],
};

describe('who may ask', () => {
  it('answers only to its own address on this computer', () => {
    expect(hostAllowed('127.0.0.1:8081', 8081)).toBe(true);
    expect(hostAllowed('localhost:8081', 8081)).toBe(true);
    for (const host of [undefined, '', 'evil.example:8081', '127.0.0.1', '127.0.0.1:8082', 'localhost.evil.example:8081', '0.0.0.0:8081']) {
      expect(hostAllowed(host, 8081), String(host)).toBe(false);
    }
  });

  it("answers to the site's own page, or to no page", () => {
    expect(originAllowed(undefined, options.siteOrigin)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4321', options.siteOrigin)).toBe(true);
    for (const origin of [
      'http://localhost:3000',
      'http://127.0.0.1:4322',
      'https://evil.example',
      'null',
      'http://127.0.0.1:4321.evil.example',
    ]) {
      expect(originAllowed(origin, options.siteOrigin), origin).toBe(false);
    }
  });

  it("has one address, for POST and the browser's preflight", () => {
    expect(checkRequestHead({ method: 'POST', path: '/api/v1', host: '127.0.0.1:8081' }, options)).toEqual({ allowed: true });
    expect(
      checkRequestHead({ method: 'OPTIONS', path: '/api/v1', host: '127.0.0.1:8081', origin: 'http://127.0.0.1:4321' }, options),
    ).toEqual({ allowed: true });
    expect(checkRequestHead({ method: 'GET', path: '/.git/config', host: '127.0.0.1:8081' }, options)).toMatchObject({
      allowed: false,
      status: 404,
    });
    expect(checkRequestHead({ method: 'POST', path: '/api/v1', host: 'evil.example:8081' }, options)).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(
      checkRequestHead({ method: 'POST', path: '/api/v1', host: '127.0.0.1:8081', origin: 'http://localhost:3000' }, options),
    ).toMatchObject({ allowed: false, status: 403 });
  });
});

describe('what it may touch', () => {
  it('takes plain relative paths inside content/ and public/images/', () => {
    for (const path of ['content', 'content/pages/about.mdx', 'content/reviews/adult-b/a.pdf', 'public/images', 'public/images/a.png'])
      expect(pathAllowed(path), path).toBe(true);
    for (const path of [
      '',
      '.git/config',
      'src/pages/x.ts',
      'package.json',
      'content/../.git/config',
      'content/./x',
      '/etc/passwd',
      'content\\..\\src',
      'public/index.html',
      'public/imagesx/a.png',
      'contentx/a',
      'C:/x',
      'content/a\0b',
      42,
      undefined,
    ]) {
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
    const no = (body: unknown, status: number) =>
      expect(checkRequestBody(body, options), JSON.stringify(body)).toMatchObject({ allowed: false, status });
    ok({ action: 'info' });
    ok({ action: 'getEntry', params: { branch: 'main', path: 'content/pages/about.mdx' } });
    ok({ action: 'persistMedia', params: { branch: 'main', asset: { path: 'public/images/a.png', content: '', encoding: 'base64' } } });
    ok({
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug: 'about', path: 'content/pages/about.mdx', raw: '' }],
        assets: [],
        options: { collectionName: 'pages' },
      },
    });
    no({ action: 'getEntry', params: { branch: 'main', path: '.git/config' } }, 403);
    no({ action: 'persistMedia', params: { branch: 'main', asset: { path: 'src/pages/x.ts' } } }, 403);
    no(
      {
        action: 'persistEntry',
        params: { branch: 'main', dataFiles: [{ slug: 'x', path: 'content/pages/x.mdx', newPath: 'src/pages/x.mdx' }], assets: [] },
      },
      403,
    );
    no({ action: 'deleteFiles', params: { branch: 'main', paths: ['content/pages/a.mdx', 'astro.config.mjs'] } }, 403);
    no({ action: 'getMedia', params: { branch: 'main', mediaFolder: '.' } }, 403);
    no({ action: 'getEntry', params: { branch: '--upload-pack=x', path: 'content/pages/about.mdx' } }, 403);
    no({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'pages', slug: '../x' } }, 403);
    no({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'secrets', slug: 'x' } }, 403);
    // The editorial workflow (Git mode): a draft by its key, a draft's file by its path (which is its id).
    ok({
      action: 'unpublishedEntry',
      params: { branch: 'main', id: 'bulletins/new-bulletin', collection: 'bulletins', slug: 'new-bulletin' },
    });
    ok({
      action: 'unpublishedEntryDataFile',
      params: {
        branch: 'main',
        collection: 'bulletins',
        slug: 'new-bulletin',
        path: 'content/bulletins/new-bulletin.mdx',
        id: 'content/bulletins/new-bulletin.mdx',
      },
    });
    ok({
      action: 'unpublishedEntryMediaFile',
      params: { branch: 'main', collection: 'bulletins', slug: 'new-bulletin', path: 'public/images/a.png', id: 'public/images/a.png' },
    });
    no({ action: 'unpublishedEntry', params: { branch: 'main', id: 'bulletins/new.bulletin' } }, 403);
    no(
      {
        action: 'unpublishedEntryDataFile',
        params: { branch: 'main', collection: 'bulletins', slug: 'x', path: 'content/bulletins/x.mdx', id: '.git/config' },
      },
      403,
    );
    no(
      {
        action: 'unpublishedEntryDataFile',
        params: { branch: 'main', collection: 'bulletins', slug: 'x', path: 'content/bulletins/x.mdx', id: 'content/../package.json' },
      },
      403,
    );
    no({ action: 'runShell', params: {} }, 422);
    no('not json', 422);
  });
});

describe("entries' documents", () => {
  const docs = mkdtempSync(join(tmpdir(), 'sg-guard-docs-'));
  const review = (title: string, file: string) =>
    `---\ntitle: ${title}\ntype: Learning Review\npublished: 2026-01-10\nsummary: s\ndocuments:\n  - title: Report\n    file: ${file}\n---\n`;
  mkdirSync(join(docs, 'content/reviews/adult-e'), { recursive: true });
  mkdirSync(join(docs, 'content/reviews/child-z'), { recursive: true });
  writeFileSync(join(docs, 'content/reviews/adult-e.mdx'), review('Adult E', 'adult-e-report.pdf'));
  writeFileSync(join(docs, 'content/reviews/adult-e/adult-e-report.pdf'), 'used');
  writeFileSync(join(docs, 'content/reviews/adult-e/old-report.pdf'), 'replaced');
  writeFileSync(join(docs, 'content/reviews/child-z/child-z-report.pdf'), 'its entry is gone');
  afterAll(() => rmSync(docs, { recursive: true, force: true }));
  const guard: GuardOptions = { ...options, root: docs, collections: ['reviews'] };
  const deleteMedia = (path: string) => ({
    action: 'deleteFiles',
    params: { branch: 'main', paths: [path], options: { commitMessage: `Delete “${path}”` } },
  });

  it('refuses to delete a document an entry names, saying which entry and what to do', () => {
    expect(checkRequestBody(deleteMedia('content/reviews/adult-e/adult-e-report.pdf'), guard)).toEqual({
      allowed: false,
      status: 422,
      reason: 'adult-e-report.pdf is used by Adult E (content/reviews/adult-e.mdx): remove it from that entry and publish first.',
    });
    expect(
      checkRequestBody({ action: 'deleteFile', params: { branch: 'main', path: 'content/reviews/adult-e/adult-e-report.pdf' } }, guard),
    ).toMatchObject({ allowed: false, status: 422 });
  });

  it('deletes a document no entry names: replaced in its entry, or its entry gone', () => {
    expect(checkRequestBody(deleteMedia('content/reviews/adult-e/old-report.pdf'), guard)).toEqual({ allowed: true });
    expect(checkRequestBody(deleteMedia('content/reviews/child-z/child-z-report.pdf'), guard)).toEqual({ allowed: true });
  });

  it('deletes an entry from its own page, never through the media library, and never writes an entry as a document', () => {
    expect(
      checkRequestBody(
        {
          action: 'deleteFiles',
          params: { branch: 'main', paths: ['content/reviews/adult-e.mdx'], options: { commitMessage: 'Delete reviews “adult-e”' } },
        },
        guard,
      ),
    ).toEqual({ allowed: true });
    expect(checkRequestBody(deleteMedia('content/reviews/adult-e.mdx'), guard)).toMatchObject({
      allowed: false,
      status: 422,
      reason: expect.stringContaining('is an entry, not a document'),
    });
    const asset = { path: 'content/reviews/adult-e.mdx', content: 'eA==', encoding: 'base64' };
    expect(
      checkRequestBody({ action: 'persistMedia', params: { branch: 'main', asset, options: { commitMessage: 'Upload' } } }, guard),
    ).toMatchObject({ allowed: false, status: 422 });
    expect(isMediaDeletion('deleteFiles', { options: { commitMessage: 'Delete reviews “adult-e”' } })).toBe(false);
    expect(isEntryFile('content/reviews/adult-e.mdx')).toBe(true);
    expect(isEntryFile('content/reviews/adult-e/report.pdf')).toBe(false);
  });

  it('lists only documents in a folder: no entry file, no hidden file', () => {
    const listed = mediaListing([
      { name: 'adult-e-report.pdf', path: 'content/reviews/adult-e/adult-e-report.pdf' },
      { name: 'adult-e.mdx', path: 'content/reviews/adult-e.mdx' },
      { name: '.DS_Store', path: 'content/reviews/adult-e/.DS_Store' },
      { name: 'diagram.png', path: 'public/images/diagram.png' },
    ]);
    expect(listed.map((file) => file.name)).toEqual(['adult-e-report.pdf', 'diagram.png']);
  });
});
