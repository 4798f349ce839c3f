/**
 * The scan of built pages (src/security/built-page-scan.ts) and the reviewed list
 * of inline code (src/security/policy.ts): what content could inject
 * into a page is found by the HTML parser and never allowed by hash.
 */
import { describe, expect, it } from 'vitest';
import { scanBuiltPage } from '../../src/security/built-page-scan';
import { PUBLIC_ONLY_HEADERS, SECURITY_HEADERS, TRUSTED_INLINE_CODE, hashSource, untrustedInlineCode } from '../../src/security/policy';
import { headerRules } from '../../src/security/headers-file';
import { headersForPath, nginxSnippet } from '../../tools/host-headers';

const page = (body: string) =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"></head><body>${body}</body></html>`;

describe('the scan of a built page', () => {
  it("finds nothing on a page made only of the site's own markup", () => {
    expect(
      scanBuiltPage(
        page(
          '<main><h1>Title</h1><p><a href="/about/">About</a> <a href="tel:999">999</a> <a href="mailto:a@b.uk">Mail</a></p><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{}</script></main>',
        ),
      ),
    ).toEqual({ scripts: [], styles: [], styleAttributes: [], eventHandlers: [], unsafe: [] });
  });

  it('finds inline code, wherever it is, and not in text or comments', () => {
    const scan = scanBuiltPage(
      page(
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; style="x"</p><!-- <script>alert(2)</script> --><template><script>alert(3)</script></template><svg><style>a{}</style></svg><p onmouseover="x()">y</p>',
      ),
    );
    expect(scan.scripts).toEqual(['alert(3)']);
    expect(scan.styles).toEqual(['a{}']);
    expect(scan.eventHandlers).toEqual(['<p onmouseover="x()">']);
  });

  it('finds elements and addresses no page may have', () => {
    const scan = scanBuiltPage(
      page(
        [
          '<iframe src="https://example.org/"></iframe>',
          '<object data="x.swf"></object>',
          '<embed src="x.swf">',
          '<base href="https://example.org/">',
          '<meta http-equiv="refresh" content="0;url=https://example.org/">',
          '<a href="javascript:alert(1)">a</a>',
          '<a href=" JaVa&#x09;Script:alert(1)">b</a>',
          '<img src="data:image/svg+xml,x" alt="">',
          '<img srcset="/a.png 1x, javascript:x 2x" alt="">',
          '<form action="javascript:x"></form>',
        ].join(''),
      ),
    );
    expect(scan.unsafe).toHaveLength(10);
    expect(scan.unsafe[0]).toContain('<iframe>');
    expect(scan.unsafe.slice(5).every((item) => item.startsWith('an address that could run code'))).toBe(true);
  });
});

describe('the reviewed list of inline code', () => {
  it('trusts no inline code that is not on it, and lists only what the templates write', () => {
    expect(TRUSTED_INLINE_CODE).toEqual([]);
    expect(untrustedInlineCode({ scripts: ['alert(1)'], styles: ['.govuk-exit-this-page{display:none}'] })).toEqual([
      { kind: 'script', text: 'alert(1)', hash: hashSource('alert(1)') },
      { kind: 'style', text: '.govuk-exit-this-page{display:none}', hash: hashSource('.govuk-exit-this-page{display:none}') },
    ]);
  });
});

describe('cross-origin isolation headers', () => {
  const rules = headerRules(['index.html', 'about/', 'admin/', 'search/', '_astro/']);
  it('sends Cross-Origin-Resource-Policy everywhere, and Cross-Origin-Opener-Policy everywhere but the CMS', () => {
    expect(SECURITY_HEADERS['Cross-Origin-Resource-Policy']).toBe('same-origin');
    for (const path of ['/', '/about/', '/search/', '/_astro/a.js']) {
      const headers = headersForPath(rules, path);
      expect(headers['Cross-Origin-Resource-Policy'], path).toBe('same-origin');
      expect(headers['Cross-Origin-Opener-Policy'], path).toBe(PUBLIC_ONLY_HEADERS['Cross-Origin-Opener-Policy']);
    }
    // The CMS's GitHub sign-in window reports back to the page that opened it.
    expect(headersForPath(rules, '/admin/')['Cross-Origin-Opener-Policy']).toBeUndefined();
    expect(headersForPath(rules, '/admin/')['Cross-Origin-Resource-Policy']).toBe('same-origin');
    const nginx = nginxSnippet();
    const adminBlock = nginx.slice(nginx.indexOf('location /admin/'));
    expect(nginx.slice(0, nginx.indexOf('location /admin/'))).toContain('Cross-Origin-Opener-Policy');
    expect(adminBlock).not.toContain('Cross-Origin-Opener-Policy');
  });
});
