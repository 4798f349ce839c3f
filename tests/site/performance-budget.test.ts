/**
 * Performance budgets on the normal build: every page (the CMS at /admin/
 * aside: an editors' tool, not a page the public loads) transfers under 60 KB
 * in total; a content page at most 16 KB besides what is inside <main>; every
 * page but search at most 5 KB of JavaScript (search under 15 KB); and nothing
 * blocks rendering but one CSS file (tools/page-weight.ts). The figures per template go to test-results/performance/. The
 * budgets are proven to fail on crafted pages that break each of them.
 * (`npm run bench` measures the same on 1,000 and 5,000 generated pages.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { measurePage, type MeasuredPage } from '../../tools/page-weight-browser';
import { serveDirectory } from '../../tools/static-server';
import { BUDGET, CONTENT_TEMPLATES, KB, budgetProblems, formatWeightTable, heaviestByTemplate } from '../../tools/page-weight';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function measureAll(siteUrl: string, distDir: string, paths: readonly string[]): Promise<MeasuredPage[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const measured: MeasuredPage[] = [];
  for (const path of paths) measured.push(await measurePage(page, siteUrl, distDir, path));
  await context.close();
  return measured;
}

const problemsOf = (measured: readonly MeasuredPage[]) =>
  measured.flatMap((one) => [
    ...budgetProblems(one.weight, one.blocking),
    ...one.thirdParty.map((url) => `${one.weight.path} loads ${url} from another site`),
  ]);

describe('performance budgets', () => {
  it(`every page transfers under ${BUDGET.totalBytes / KB} KB, a content page at most ${BUDGET.contentPageBytes / KB} KB besides its words, at most ${BUDGET.pageScriptBytes / KB} KB of JavaScript (search under ${BUDGET.scriptBytes / KB} KB), and only one CSS file blocks rendering`, async () => {
    const pages = builtPages(siteDist()).filter((path) => !path.startsWith('/admin/'));
    const measured = await measureAll(inject('siteUrl'), siteDist(), pages);
    const heaviest = heaviestByTemplate(measured.map((one) => one.weight));
    const table = formatWeightTable(heaviest);
    console.log(`Page weight, heaviest page of each template:\n${table}`);
    mkdirSync('test-results/performance', { recursive: true });
    writeFileSync('test-results/performance/page-weight.json', `${JSON.stringify({ budget: BUDGET, pages: measured }, null, 2)}\n`);
    writeFileSync('test-results/performance/page-weight.txt', `${table}\n`);
    expect(measured.length).toBe(pages.length);
    expect(heaviest.has('page')).toBe(true);
    // Every content template was measured, each page with its frame.
    expect(CONTENT_TEMPLATES.filter((template) => !heaviest.has(template))).toEqual([]);
    expect(measured.filter((one) => one.weight.frameTransfer === undefined)).toEqual([]);
    const problems = problemsOf(measured);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the budgets fail pages that break them', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sg-budget-'));
  const page = (head: string, body = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title><link rel="stylesheet" href="/site.css">${head}</head><body><h1>Fixture</h1><p>${'Words on a page. '.repeat(40)}</p>${body}</body></html>`;
  const files: Record<string, string | Buffer> = {
    'site.css': 'body{font-family:sans-serif}',
    'extra.css': 'p{margin:0}',
    'imports.css': '@import "/extra.css"; body{color:#0b0c0c}',
    'classic.js': 'document.documentElement.className += " js";',
    // Random bytes do not compress: the sizes are what is transferred.
    'photo.png': randomBytes(70 * KB),
    'app.js': `window.x = "${randomBytes(15 * KB).toString('base64')}";`,
    'six.js': `window.y = "${randomBytes(6 * KB).toString('base64')}";`,
    'frame.png': randomBytes(17 * KB),
    '404.html': page(''),
    'light/index.html': page('<script type="module" src="/classic.js"></script>'),
    'heavy/index.html': page('', '<img src="/photo.png" alt="A photo of the partnership\'s team">'),
    'scripty/index.html': page('<script type="module" src="/app.js"></script>'),
    // Search keeps its own limit; a bulletin is a content page.
    'search/index.html': page('<script type="module" src="/app.js"></script>'),
    'bulletins/six/index.html': page('<script type="module" src="/six.js"></script>'),
    'reports/frame/index.html': page('', '<img src="/frame.png" alt="The partnership\'s logo">'),
    // A long report: its words (random, so gzip cannot shrink them) are inside <main>.
    'reports/long/index.html': page('', `<main><p>${randomBytes(24 * KB).toString('base64')}</p></main>`),
    'blocking/index.html': page('<link rel="stylesheet" href="/extra.css"><script src="/classic.js"></script>'),
    'importing/index.html': page('<link rel="stylesheet" href="/imports.css" media="print" onload="this.media=\'all\'">'),
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('fails a page over 60 KB, a content page over 16 KB besides its words, over 5 KB of JavaScript (15 KB on search), and extra render-blocking files, and passes a light page', async () => {
    const server = await serveDirectory(folder);
    const [light, heavy, scripty, search, six, frame, long, blocking, importing] = await measureAll(server.url, folder, [
      '/light/',
      '/heavy/',
      '/scripty/',
      '/search/',
      '/bulletins/six/',
      '/reports/frame/',
      '/reports/long/',
      '/blocking/',
      '/importing/',
    ]);
    await server.close();
    expect(problemsOf([light!])).toEqual([]);
    expect(problemsOf([heavy!])).toEqual([
      expect.stringMatching(/^\/heavy\/ transfers 7\d\.\d KB; the budget is under 60\.0 KB \(largest: \/photo\.png 70\.0 KB/),
      expect.stringMatching(
        /^\/heavy\/ is a content page \(page\) that transfers 7\d\.\d KB besides what is inside <main>; the budget is at most 16\.0 KB \(HTML frame 0\.\d KB, css 0\.\d KB, image 70\.\d KB\)$/,
      ),
    ]);
    expect(problemsOf([scripty!])).toEqual([
      expect.stringMatching(
        /^\/scripty\/ transfers 1\d\.\d KB of JavaScript; the budget is at most 5\.0 KB \(only search may have more\)$/,
      ),
    ]);
    expect(problemsOf([search!])).toEqual([
      expect.stringMatching(/^\/search\/ transfers 1\d\.\d KB of JavaScript; the budget is under 15\.0 KB$/),
    ]);
    expect(problemsOf([six!])).toEqual([
      expect.stringMatching(
        /^\/bulletins\/six\/ transfers 6\.\d KB of JavaScript; the budget is at most 5\.0 KB \(only search may have more\)$/,
      ),
    ]);
    expect(problemsOf([frame!])).toEqual([
      expect.stringMatching(
        /^\/reports\/frame\/ is a content page \(report\) that transfers 1[78]\.\d KB besides what is inside <main>; the budget is at most 16\.0 KB/,
      ),
    ]);
    // Over 16 KB in all, but all of it words: within budget.
    expect(long!.weight.totalTransfer).toBeGreaterThan(BUDGET.contentPageBytes);
    expect(problemsOf([long!])).toEqual([]);
    expect(problemsOf([blocking!])).toEqual([
      '/blocking/ has 2 render-blocking stylesheets (/site.css, /extra.css); only one CSS file may block rendering',
      '/blocking/ has render-blocking scripts (/classic.js); load scripts as modules, or with defer or async',
    ]);
    expect(problemsOf([importing!])).toEqual([
      "/importing/'s CSS uses @import (/extra.css), which blocks rendering until a second file arrives",
    ]);
  });
});
