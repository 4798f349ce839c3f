import { describe, expect, it } from 'vitest';
import { checkLinks, cssReferences, formatBrokenLinks, parseHtml } from '../../tools/link-check';
import { fixtureFolder } from '../support/fixture-folder';

const SITE = 'https://www.example.org';

const site = (files: Record<string, string>) => fixtureFolder(files, 'sg-links-');

const html = (body: string, head = '') =>
  `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css">${head}</head><body>${body}</body></html>`;

describe('reading a page', () => {
  it('finds href, src, srcset, poster, link rel, share images and CSS in style, in the order of the page', () => {
    const page = parseHtml(
      html(
        '<a href="/a/">A</a><img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x" alt=""><video poster="/p.jpg"></video><div style="background:url(\'/bg.png\')"></div><p id="here">x</p>',
        '<meta property="og:image" content="https://www.example.org/share.png"><style>body{background:url(/s.png)}</style>',
      ),
    );
    expect(page.references.map((reference) => `${reference.where} ${reference.url}`)).toEqual([
      'link[rel=stylesheet][href] /_astro/site.css',
      'meta[og:image] https://www.example.org/share.png',
      '<style> url() /s.png',
      'a[href] /a/',
      'img[src] /i.png',
      'img[srcset] /i-1x.png',
      'img[srcset] /i-2x.png',
      'video[poster] /p.jpg',
      'div[style] url() /bg.png',
    ]);
    expect(page.ids.has('here')).toBe(true);
  });
  it('ignores addresses inside scripts and comments, and decodes entities', () => {
    const page = parseHtml('<script>const a = "<a href=\'/x/\'>";</script><!-- <a href="/old/"> --><a href="/search/?q=a&amp;b=c">S</a>');
    expect(page.references.map((reference) => reference.url)).toEqual(['/search/?q=a&b=c']);
  });
  it('reads url() and @import in CSS, without comments', () => {
    expect(
      cssReferences('@import "/a.css"; /* url(/old.png) */ .x{src:url("/f.woff2") format("woff2")}').map((reference) => reference.url),
    ).toEqual(['/f.woff2', '/a.css']);
  });
});

describe('checking a built site', () => {
  const root = site({
    'index.html': html(
      '<a href="/about/">About</a> <a href="/no-such-page/">Gone</a> <a href="/about">No slash</a> <a href="#main">Skip</a> <a href="#nowhere">Bad</a>' +
        ' <a href="/about/#team">Team</a> <a href="/about/#missing">Missing</a> <a href="https://www.gov.uk/guidance">GOV.UK</a> <a href="mailto:a@b.org">Email</a>' +
        ' <a href="#">Nothing</a> <img src="/images/missing.png" alt="A map"> <a href="https://www.example.org/about/">Absolute</a><main id="main"></main>',
      '<link rel="icon" href="/favicon.svg"><meta property="og:image" content="https://www.example.org/share/missing.png">',
    ),
    'about/index.html': html('<h2 id="team">Team</h2><a href="../">Home</a> <a href="https://www.gov.uk/guidance">GOV.UK again</a>'),
    '404.html': html('<a href="/">Home</a>'),
    'favicon.svg': '<svg/>',
    '_astro/site.css': '@font-face{src:url(/fonts/missing.woff2)} .a{background:url(../images/ok.png)}',
    'images/ok.png': 'png',
    'sitemap-0.xml':
      '<urlset><url><loc>https://www.example.org/about/</loc></url><url><loc>https://www.example.org/old/</loc></url></urlset>',
  });
  const report = checkLinks(root, SITE);
  const broken = report.broken.map((link) => `${link.from} ${link.url}`);

  it('fails a link to a page that does not exist, and says why', () => {
    expect(broken).toContain('/ /no-such-page/');
    expect(formatBrokenLinks(report.broken)).toContain('/: a[href] "/no-such-page/": there is no page at /no-such-page/');
  });
  it('fails missing images, fonts and share images, in HTML and CSS', () => {
    expect(broken).toEqual(
      expect.arrayContaining([
        '/ /images/missing.png',
        '/_astro/site.css /fonts/missing.woff2',
        '/ https://www.example.org/share/missing.png',
      ]),
    );
  });
  it('fails a link without its trailing slash, a fragment with no target and a link to "#"', () => {
    expect(report.broken.find((link) => link.url === '/about')?.reason).toBe(
      'the page is at /about/ (with a slash at the end); link to that',
    );
    expect(broken).toEqual(expect.arrayContaining(['/ #nowhere', '/ /about/#missing', '/ #']));
  });
  it('fails a sitemap entry for a page that is not built', () => {
    expect(broken).toContain('/sitemap-0.xml https://www.example.org/old/');
  });
  it('passes everything that is there, relative and absolute', () => {
    for (const good of [
      '/ /about/',
      '/ #main',
      '/ /about/#team',
      '/ /favicon.svg',
      '/about/ ../',
      '/_astro/site.css ../images/ok.png',
      '/ https://www.example.org/about/',
      '/sitemap-0.xml https://www.example.org/about/',
    ]) {
      expect(broken).not.toContain(good);
    }
    expect(report.broken).toHaveLength(9);
  });
  it('lists external links with their pages, without fetching them', () => {
    expect(report.external.get('https://www.gov.uk/guidance')).toEqual(['/', '/about/']);
    expect([...report.other.keys()]).toEqual(['mailto:a@b.org']);
  });
});
