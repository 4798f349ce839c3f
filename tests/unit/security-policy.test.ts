import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_DIRECTIVES,
  PUBLIC_DIRECTIVES,
  SECURITY_HEADERS,
  addHashesToPage,
  addSources,
  directivesFor,
  extraSources,
  findInlineCode,
  hashSource,
  inlineHashes,
  pageMetaPolicy,
  parsePolicy,
  readMetaPolicy,
  serializePolicy,
} from '../../src/security/policy';
import { headerRules, parseHeadersFile, renderHeadersFile } from '../../src/security/headers-file';
import { headersForPath, nginxSnippet } from '../../tools/host-headers';

const UNSAFE = /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:|data:|blob:/;

describe("the public pages' policy", () => {
  it('allows scripts and styles only from the site, never inline or eval', () => {
    for (const path of ['/', '/about/', '/bulletins/covid-19-bulletin-1/', '/404.html']) {
      const directives = directivesFor(path);
      for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'connect-src', 'worker-src']) {
        expect(directives[name]?.join(' '), `${path} ${name}`).not.toMatch(UNSAFE);
      }
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['style-src']).toEqual(["'self'"]);
    }
  });

  it('has the directives the partnership asked for', () => {
    expect(PUBLIC_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(PUBLIC_DIRECTIVES['base-uri']).toEqual(["'self'"]);
    expect(PUBLIC_DIRECTIVES['form-action']).toEqual(["'self'"]);
    expect(PUBLIC_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
  });

  it('lets only search compile WebAssembly, for Pagefind and its worker', () => {
    expect(directivesFor('/search/')['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directivesFor('/pagefind/pagefind-worker.js')['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directivesFor('/searching-for-help/')['script-src']).toEqual(["'self'"]);
    expect(directivesFor('/search/')['worker-src']).toEqual(["'self'"]);
    expect(directivesFor('/search/')['connect-src']).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of the <meta> element, where browsers ignore it', () => {
    const meta = pageMetaPolicy('/about/');
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("object-src 'none'");
    expect(serializePolicy(PUBLIC_DIRECTIVES, 'header')).toContain("frame-ancestors 'none'");
  });

  it('reads back what it writes', () => {
    expect(parsePolicy(serializePolicy(PUBLIC_DIRECTIVES, 'header'))).toEqual(PUBLIC_DIRECTIVES);
  });
});

describe("the CMS's policy", () => {
  it('is used only under /admin/', () => {
    expect(directivesFor('/admin/')).toBe(ADMIN_DIRECTIVES);
    expect(directivesFor('/admin/index.html')).toBe(ADMIN_DIRECTIVES);
    expect(directivesFor('/administration/')).toBe(PUBLIC_DIRECTIVES);
    expect(directivesFor('/about/admin/')).toBe(PUBLIC_DIRECTIVES);
  });
  it('still forbids plugins, other bases and being framed', () => {
    expect(ADMIN_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(ADMIN_DIRECTIVES['base-uri']).toEqual(["'self'"]);
    expect(ADMIN_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
    expect(ADMIN_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'");
  });
});

describe('inline code in built pages', () => {
  const page = [
    '<!doctype html><html><head>',
    '<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;">',
    '<script type="module" src="/_astro/a.js"></script>',
    '<script>console.log(1)</script>',
    '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
    '<style>p{color:red}</style>',
    '</head><body><p style="color: red">x</p><a href="#" onclick="go()">y</a><p>style="not an attribute"</p></body></html>',
  ].join('');

  it('finds inline scripts that run, styles, style attributes and event handlers', () => {
    const code = findInlineCode(page);
    expect(code.scripts).toEqual(['console.log(1)']);
    expect(code.styles).toEqual(['p{color:red}']);
    expect(code.styleAttributes).toEqual(['<p style="color: red">']);
    expect(code.eventHandlers).toEqual(['<a href="#" onclick="go()">']);
  });

  it('hashes them as Chromium does', () => {
    // The hash Chromium asked for when it blocked this script.
    expect(hashSource('console.log(1)')).toBe("'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='");
  });

  it("adds the hashes to the page's own policy", () => {
    const updated = addHashesToPage(page, inlineHashes(findInlineCode(page)));
    const policy = parsePolicy(readMetaPolicy(updated)!);
    expect(policy['script-src']).toEqual(["'self'", "'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"]);
    expect(policy['style-src']).toEqual(["'self'", hashSource('p{color:red}')]);
    expect(updated.replace(/<meta http-equiv[^>]*>/, '')).toBe(page.replace(/<meta http-equiv[^>]*>/, ''));
  });

  it('leaves a page with no inline code as it is', () => {
    const plain = '<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'"></head></html>';
    expect(addHashesToPage(plain, inlineHashes(findInlineCode(plain)))).toBe(plain);
  });

  it('adds sources to a directive the policy leaves to default-src', () => {
    expect(addSources({ 'default-src': ["'self'"] }, { 'style-src': ["'sha256-x'"] })['style-src']).toEqual(["'self'", "'sha256-x'"]);
  });
});

describe("the host's headers (dist/_headers)", () => {
  const entries = ['index.html', '404.html', 'about/', 'search/', 'pagefind/', 'admin/', '_astro/', 'favicon.svg', 'share-images/'];
  const rules = headerRules(entries, new Map([['about', { 'script-src': ["'sha256-abc'"] }]]));
  const file = renderHeadersFile(rules);

  it('round-trips through the file format', () => {
    expect(parseHeadersFile(file)).toEqual(rules.map((rule) => ({ path: rule.path, headers: { ...rule.headers } })));
  });

  it('sends the security headers and a baseline policy with everything', () => {
    for (const path of ['/', '/about/', '/admin/', '/nowhere', '/_astro/x.css']) {
      const headers = headersForPath(rules, path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${path} ${name}`).toBe(value);
      expect(headers['Content-Security-Policy'], path).toContain("frame-ancestors 'none'");
    }
    expect(SECURITY_HEADERS['Strict-Transport-Security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('gives each path its own policy, with the hashes its pages need', () => {
    const policies = (path: string) => headersForPath(rules, path)['Content-Security-Policy']!.split(', ').map(parsePolicy);
    expect(policies('/about/').at(-1)!['script-src']).toEqual(["'self'", "'sha256-abc'"]);
    expect(policies('/').at(-1)!['script-src']).toEqual(["'self'"]);
    expect(policies('/search/').at(-1)!['script-src']).toContain("'wasm-unsafe-eval'");
    expect(policies('/pagefind/pagefind-worker.js').at(-1)!['script-src']).toContain("'wasm-unsafe-eval'");
  });

  it('gives /admin/ the CMS policy, and no public policy that would block it', () => {
    const policies = headersForPath(rules, '/admin/')['Content-Security-Policy']!.split(', ').map(parsePolicy);
    expect(policies).toHaveLength(2);
    expect(policies[1]).toEqual(ADMIN_DIRECTIVES);
    // The baseline only restricts what the CMS does not need.
    expect(Object.keys(policies[0]!).sort()).toEqual(['base-uri', 'form-action', 'frame-ancestors', 'object-src']);
    for (const [name, sources] of Object.entries(policies[0]!)) expect(ADMIN_DIRECTIVES[name]).toEqual(sources);
  });

  it('allows what the CMS page adds to its own policy, such as the local backend', () => {
    const page = addSources(ADMIN_DIRECTIVES, { 'connect-src': ['http://127.0.0.1:8081'] });
    const extra = extraSources(page, ADMIN_DIRECTIVES);
    expect(extra).toEqual({ 'connect-src': ['http://127.0.0.1:8081'] });
    const withBackend = headerRules(['admin/'], new Map([['admin', extra]]));
    expect(parsePolicy(headersForPath(withBackend, '/admin/')['Content-Security-Policy']!.split(', ')[1]!)['connect-src']).toContain(
      'http://127.0.0.1:8081',
    );
    expect(ADMIN_DIRECTIVES['connect-src']).not.toContain('http://127.0.0.1:8081');
  });

  it('covers /admin/ even before the CMS is built', () => {
    expect(headerRules(['index.html']).some((rule) => rule.path === '/admin/*')).toBe(true);
  });
});

describe('the nginx equivalent', () => {
  it('is in docs/building-and-deploying.md, word for word', () => {
    expect(readFileSync('docs/building-and-deploying.md', 'utf8')).toContain(nginxSnippet());
  });
  it('sets the same headers and policies', () => {
    const snippet = nginxSnippet();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(snippet).toContain(`add_header ${name} "${value}" always;`);
    expect(snippet).toContain(serializePolicy(directivesFor('/'), 'header'));
    expect(snippet).toContain(serializePolicy(ADMIN_DIRECTIVES, 'header'));
  });
});
