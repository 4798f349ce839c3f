import { describe, expect, it } from 'vitest';
import { adminPageHtml, isAdminPagePath } from '../../src/cms/admin-page';
import { adminPolicy } from '../../src/cms/env';
import { cmsOptionsFromEnv } from '../../src/cms/config';
import { readMetaPolicy } from '../../src/security/policy';

describe('adminPageHtml', () => {
  const policy = adminPolicy(
    cmsOptionsFromEnv({ CMS_LOCAL_BACKEND_URL: 'http://127.0.0.1:8081/api/v1' }, { dev: true, siteUrl: 'https://www.example.org' }),
  );

  it('is the CMS page under the admin policy, read back exactly as written', () => {
    const html = adminPageHtml(policy);
    expect(html.startsWith('<!DOCTYPE html><html lang="en-GB">')).toBe(true);
    expect(readMetaPolicy(html)).toBe(policy);
    expect(policy).toContain('connect-src');
    expect(policy).toContain('http://127.0.0.1:8081');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<link rel="cms-config-url" type="text/yaml" href="/admin/config.yml">');
  });

  it('runs the CMS bundle and nothing else: no dev server client, nothing inline', () => {
    const html = adminPageHtml(policy);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/admin/cms.js">']);
    expect(html).not.toContain('@vite');
    expect(html).not.toMatch(/<style|style=|\son\w+=/);
  });

  it('escapes what it is given', () => {
    expect(adminPageHtml('default-src "self" <x>')).toContain('content="default-src &quot;self&quot; &lt;x&gt;"');
  });
});

describe('isAdminPagePath', () => {
  it("is the page's two addresses only, not its files", () => {
    expect(isAdminPagePath('/admin/')).toBe(true);
    expect(isAdminPagePath('/admin/index.html')).toBe(true);
    for (const path of ['/admin', '/admin/cms.js', '/admin/config.yml', '/', '/administration/'])
      expect(isAdminPagePath(path), path).toBe(false);
  });
});
