import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGET,
  KB,
  budgetProblems,
  cssImports,
  formatWeightTable,
  frameHtmlBytes,
  heaviestByTemplate,
  renderBlockingInHtml,
  resourceKind,
  summariseWeight,
  templateOf,
  transferBytes,
} from '../../tools/page-weight';

describe('templates and kinds', () => {
  it('names the template of each address', () => {
    expect(
      [
        '/',
        '/about/',
        '/procedures/',
        '/procedures/rapid-review/',
        '/bulletins/covid-19-bulletin-1/',
        '/reviews/',
        '/404.html',
        '/search/',
        '/admin/',
        '/strategy/',
      ].map(templateOf),
    ).toEqual(['home', 'page', 'procedure list', 'procedure', 'bulletin', 'review list', 'not found', 'search', 'CMS', 'strategy']);
  });
  it("files a long index's later pages under its list, and the A to Z's letter pages under their own name", () => {
    expect(['/bulletins/page/2/', '/procedures/page/57/', '/search/a-to-z/g/', '/search/a-to-z/g/2/'].map(templateOf)).toEqual([
      'bulletin list',
      'procedure list',
      'A to Z',
      'A to Z',
    ]);
  });
  it('sorts files into HTML, CSS, JS, fonts, images and other', () => {
    expect(['/a/', '/x.css', '/x.js', '/f.woff2', '/i.svg', '/p.png', '/i.pf_meta'].map(resourceKind)).toEqual([
      'html',
      'css',
      'js',
      'font',
      'image',
      'image',
      'other',
    ]);
  });
});

describe('bytes transferred', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sg-weight-'));
  it('counts text as gzip sends it and binary files as they are', () => {
    const css = join(folder, 'a.css');
    writeFileSync(css, 'body{margin:0}\n'.repeat(500));
    expect(transferBytes(css)).toBeLessThan(200);
    const png = join(folder, 'a.png');
    writeFileSync(png, randomBytes(4000));
    expect(transferBytes(png)).toBe(4000);
  });
});

describe('render-blocking files', () => {
  it('counts stylesheets and classic scripts, not modules, deferred or print styles', () => {
    const html =
      '<head><link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/p.css" media="print"><link rel="alternate stylesheet" href="/alt.css">' +
      '<script type="module" src="/m.js"></script><script defer src="/d.js"></script><script src="/blocking.js"></script><script>inline()</script></head>';
    expect(renderBlockingInHtml(html)).toEqual({ stylesheets: ['/a.css'], scripts: ['/blocking.js'] });
  });
  it('finds @import in CSS', () => {
    expect(cssImports('@import url("/b.css"); @import \'/c.css\'; /* @import "/old.css"; */ a{}')).toEqual(['/b.css', '/c.css']);
  });
});

describe('the budgets', () => {
  const weight = (path: string, sizes: Record<string, number>, frameHtml?: number) =>
    summariseWeight(
      path,
      Object.entries(sizes).map(([file, bytes]) => ({
        path: file,
        kind: resourceKind(file),
        rawBytes: bytes * 3,
        transferBytes: bytes,
        renderBlocking: false,
      })),
      frameHtml,
    );
  const none = { stylesheets: ['/a.css'], scripts: [], imports: [] };
  it('passes a page under both budgets', () => {
    expect(budgetProblems(weight('/about/', { '/about/': 6 * KB, '/a.css': 13 * KB, '/a.js': 4 * KB }), none)).toEqual([]);
  });
  it('fails a page at 60 KB or over, naming the largest files', () => {
    const [problem] = budgetProblems(weight('/about/', { '/about/': 6 * KB, '/a.css': 13 * KB, '/big.png': 41 * KB }), none);
    expect(problem).toBe(
      '/about/ transfers 60.0 KB; the budget is under 60.0 KB (largest: /big.png 41.0 KB, /a.css 13.0 KB, /about/ 6.0 KB)',
    );
  });
  it('fails 15 KB of JavaScript or more on the search page', () => {
    expect(budgetProblems(weight('/search/', { '/search/': 1 * KB, '/a.js': 15 * KB }), none)).toEqual([
      '/search/ transfers 15.0 KB of JavaScript; the budget is under 15.0 KB',
    ]);
    expect(budgetProblems(weight('/search/', { '/search/': 1 * KB, '/a.js': 7 * KB }), none)).toEqual([]);
  });
  it('fails more than 5 KB of JavaScript on any other page, content page or index', () => {
    expect(budgetProblems(weight('/about/', { '/about/': 1 * KB, '/a.js': 5 * KB }), none)).toEqual([]);
    expect(budgetProblems(weight('/about/', { '/about/': 1 * KB, '/a.js': 5 * KB + 103 }), none)).toEqual([
      '/about/ transfers 5.1 KB of JavaScript; the budget is at most 5.0 KB (only search may have more)',
    ]);
    expect(budgetProblems(weight('/bulletins/', { '/bulletins/': 1 * KB, '/a.js': 6 * KB }), none)).toHaveLength(1);
  });
  it('fails a content page over 16 KB besides what is inside <main>, and only a content page', () => {
    const sizes = { '/reports/x/': 30 * KB, '/a.css': 9 * KB, '/a.js': 4 * KB, '/p.png': 1 * KB };
    // A long report: 30 KB of HTML, 2 KB of it the frame: 16 KB in all.
    expect(BUDGET.contentPageBytes).toBe(16 * KB);
    expect(budgetProblems(weight('/reports/x/', sizes, 2 * KB), none)).toEqual([]);
    expect(budgetProblems(weight('/reports/x/', sizes, 2 * KB + 103), none)).toEqual([
      '/reports/x/ is a content page (report) that transfers 16.1 KB besides what is inside <main>; the budget is at most 16.0 KB (HTML frame 2.1 KB, css 9.0 KB, js 4.0 KB, image 1.0 KB)',
    ]);
    // An index or search is not a content page; neither is a page measured without its frame.
    expect(budgetProblems(weight('/reports/', sizes, 4 * KB), none)).toEqual([]);
    expect(budgetProblems(weight('/search/', sizes, 4 * KB), none)).toEqual([]);
    expect(budgetProblems(weight('/reports/x/', sizes), none)).toEqual([]);
  });
  it("counts a page's frame without what is inside <main>, whatever its words", () => {
    const page = (words: string) =>
      `<!doctype html><html><head><title>A</title></head><body><header>Safeguarding Southend</header><main class="m" id="main-content"><h1>A</h1>${words}</main><footer>Contact</footer></body></html>`;
    const short = frameHtmlBytes(page('<p>Short.</p>'));
    expect(frameHtmlBytes(page(`<p>${'Many different words. '.repeat(2000)}</p>`))).toBe(short);
    expect(short).toBe(frameHtmlBytes(page('')));
    expect(frameHtmlBytes('<p>No main here.</p>')).toBeGreaterThan(0);
  });
  it('fails a second blocking stylesheet, any blocking script and @import', () => {
    expect(
      budgetProblems(weight('/a/', { '/a/': KB }), { stylesheets: ['/a.css', '/b.css'], scripts: ['/s.js'], imports: ['/c.css'] }),
    ).toHaveLength(3);
  });
  it('tabulates the heaviest page of each template', () => {
    const heaviest = heaviestByTemplate([
      weight('/about/', { '/about/': 6 * KB }),
      weight('/contact/', { '/contact/': 8 * KB }),
      weight('/', { '/': 3 * KB }),
    ]);
    expect([...heaviest.values()].map((one) => one.path)).toEqual(['/', '/contact/']);
    expect(formatWeightTable(heaviest)).toMatch(/page\s+8\.0\s+0\.0\s+0\.0\s+0\.0\s+0\.0\s+0\.0\s+8\.0\s+-\s+24\.0 KB raw\s+\/contact\//);
  });
});
