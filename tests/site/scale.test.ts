/**
 * Every page within budget at 5,000 entries. One copy of the project gets
 * 5,000 generated entries (tools/generate-content.ts, as
 * `npm run bench`) and a full index page each of the longest entries the
 * content model allows (tests/support/worst-case-content.ts), and is built
 * once. Then, in Chromium, with the budgets of performance-budget.test.ts:
 * every index page (bulletins, procedures, reviews, reports, the search page
 * and its A to Z pages, every page of each) and the page with the largest
 * HTML of every other template. From the built HTML, as a browser without
 * JavaScript has it: every entry is linked from an index page, and every
 * page from the A to Z. The paginated pages are checked as every page of
 * the normal build is: html-validate on all of them, the link check on the
 * whole site, and axe-core, one <h1>, a title of their own, unique ids and
 * named landmarks on the first, second and last of each series.
 *
 * The build takes minutes, so the share-image and Astro caches are kept in
 * .cache/scale-test/ between runs (as a deploy keeps them).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { buildSite } from '../../tools/build-site';
import { builtPages } from '../../tools/built-pages';
import { copyProject, type ProjectCopy } from '../../tools/project-copy';
import { writeGeneratedEntries } from '../../tools/generate-content';
import { writeWorstCaseEntries, type WorstCaseEntries } from '../support/worst-case-content';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import { measurePage, type MeasuredPage } from '../../tools/page-weight-browser';
import { runAxe, describeViolations } from '../../tools/axe';
import { headingProblems, titleAndHeadings, duplicateTitles } from '../support/page-checks';
import { formatFindings, validateBuiltFile, type HtmlFinding } from '../support/html-validity';
import { accessibilityTree, idProblems, landmarkNameProblems, landmarksOf } from '../support/landmark-checks';
import { BUDGET, KB, budgetProblems, templateOf, transferBytes } from '../../tools/page-weight';
import { measureFirstSearch, type FirstSearch } from '../../tools/search-weight-browser';
import { firstSearchProblems, totalBytes, transferKind, transferTable } from '../../tools/search-weight';
import { checkLinks, formatBrokenLinks } from '../../tools/link-check';
import { SITE_URL } from '../../src/site/site-address';
import { siteToday } from '../../src/rules/dates';
import { entryOfPath, sectionOfPath } from '../../src/site/sections';

const GENERATED = 5000;
const BUILD_MINUTES = 25;

let project: ProjectCopy;
let dist: string;
let server: RunningServer;
let browser: Browser;
let pages: string[];
let worst: WorstCaseEntries;
const timings: Record<string, number> = {};

/** Index pages: the section lists, every page of them, the search page and its A to Z. */
const isIndex = (path: string) => {
  const section = sectionOfPath(path);
  return section?.name === 'search' || (section?.entryPages === true && entryOfPath(path) === undefined);
};
const fileOf = (path: string) => join(dist, ...path.split('/').filter(Boolean), path.endsWith('/') ? 'index.html' : '');
const htmlOf = (path: string) => readFileSync(fileOf(path), 'utf8');
const linksIn = (html: string) => new Set([...html.matchAll(/<a\b[^>]*\bhref="([^"#?]+)/g)].map((match) => match[1]!));

beforeAll(async () => {
  let started = performance.now();
  project = copyProject('sg-scale-');
  writeGeneratedEntries(project.root, GENERATED, siteToday());
  worst = writeWorstCaseEntries(project.root, siteToday());
  dist = join(project.root, 'dist');
  const build = buildSite({ root: project.root, outDir: dist, env: { ASTRO_CACHE_DIR: resolve('.cache/scale-test') } });
  if (build.status !== 0) throw new Error(`The ${GENERATED}-entry copy did not build:\n${build.output.slice(-6000)}`);
  timings.buildSeconds = build.seconds;
  started = performance.now();
  pages = builtPages(dist).filter((path) => !path.startsWith('/admin/'));
  server = await serveDirectory(dist);
  browser = await launchChromium();
  timings.serveSeconds = (performance.now() - started) / 1000;
}, BUILD_MINUTES * 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.remove();
  mkdirSync('test-results/scale', { recursive: true });
  writeFileSync('test-results/scale/timings.json', `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`Scale test timings (s): ${JSON.stringify(timings)}`);
});

describe(`the site with ${GENERATED.toLocaleString('en-GB')} generated entries and a page of the longest entries`, () => {
  it('has every index page, and the heaviest page of every template, within the budgets', async () => {
    const started = performance.now();
    const indexes = pages.filter(isIndex);
    // Beyond the indexes, the page with the largest HTML of each template (the CSS and scripts are shared).
    const largest = new Map<string, { path: string; bytes: number }>();
    for (const path of pages.filter((one) => !isIndex(one))) {
      const bytes = transferBytes(fileOf(path));
      const template = templateOf(path);
      if ((largest.get(template)?.bytes ?? -1) < bytes) largest.set(template, { path, bytes });
    }
    const measuredPaths = [...indexes, ...[...largest.values()].map((one) => one.path)];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const measured: MeasuredPage[] = [];
    for (const path of measuredPaths) measured.push(await measurePage(page, server.url, dist, path));
    await context.close();

    const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
    const heaviest = new Map<string, MeasuredPage>();
    for (const one of measured) {
      const template = templateOf(one.weight.path);
      if ((heaviest.get(template)?.weight.totalTransfer ?? -1) < one.weight.totalTransfer) heaviest.set(template, one);
    }
    const table = [...heaviest]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([template, one]) =>
          `${template.padEnd(16)} ${kb(one.weight.totalTransfer).padStart(9)} (HTML ${kb(one.weight.transfer.html)})  ${one.weight.path}`,
      );
    const named = [
      '/bulletins/',
      '/bulletins/page/2/',
      '/procedures/',
      '/procedures/page/2/',
      '/search/',
      '/search/a-to-z/g/',
      '/search/a-to-z/z/',
    ]
      .map((path) => measured.find((one) => one.weight.path === path))
      .filter((one) => one !== undefined)
      .map((one) => `${one.weight.path.padEnd(24)} ${kb(one.weight.totalTransfer).padStart(9)} (HTML ${kb(one.weight.transfer.html)})`);
    console.log(
      `${indexes.length} index pages and ${largest.size} other pages measured of ${pages.length}.\nHeaviest page of each template:\n${table.join('\n')}\nIndex pages:\n${named.join('\n')}`,
    );
    mkdirSync('test-results/scale', { recursive: true });
    writeFileSync(
      'test-results/scale/page-weight.json',
      `${JSON.stringify({ budget: BUDGET, pages: measured.map((one) => ({ path: one.weight.path, transfer: one.weight.transfer, totalTransfer: one.weight.totalTransfer })) }, null, 2)}\n`,
    );
    timings.measureSeconds = (performance.now() - started) / 1000;

    expect(indexes).toEqual(expect.arrayContaining(['/bulletins/page/2/', '/procedures/page/2/', '/search/a-to-z/g/page/2/']));
    const problems = measured.flatMap((one) => [
      ...budgetProblems(one.weight, one.blocking),
      ...one.thirdParty.map((url) => `${one.weight.path} loads ${url} from another site`),
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('puts the longest entries the content model allows together on a first page, which is within budget too', () => {
    const first = (path: string) => linksIn(htmlOf(path));
    expect(worst.bulletins.every((slug) => first('/bulletins/').has(`/bulletins/${slug}/`))).toBe(true);
    expect(worst.procedures.every((slug) => first('/procedures/').has(`/procedures/${slug}/`))).toBe(true);
    const onZ = [
      ...worst.bulletins.map((slug) => `/bulletins/${slug}/`),
      ...worst.procedures.map((slug) => `/procedures/${slug}/`),
      ...worst.pages.map((slug) => `/${slug}/`),
    ];
    expect(onZ.filter((href) => !first('/search/a-to-z/z/').has(href))).toEqual([]);
  });

  it('links every entry from an index page, and every page from the A to Z, without JavaScript', () => {
    const started = performance.now();
    const fromIndex = new Set<string>();
    const fromAToZ = new Set<string>();
    for (const path of pages.filter(isIndex)) {
      for (const href of linksIn(htmlOf(path))) (path.startsWith('/search/a-to-z/') ? fromAToZ : fromIndex).add(href);
    }
    // A withdrawn review keeps a short page, out of every list and the search by the one-year rule (noindex).
    const entryPages = pages.filter((path) => entryOfPath(path) !== undefined);
    const unlisted = entryPages.filter((path) => htmlOf(path).includes('<meta name="robots" content="noindex">'));
    expect(unlisted.filter((path) => !path.startsWith('/reviews/'))).toEqual([]);
    const entries = entryPages.filter((path) => !unlisted.includes(path));
    const generatedCount = entries.filter((path) => path.includes('/generated-')).length;
    expect(generatedCount).toBe(Math.round((GENERATED * 2) / 3));
    expect(entries.filter((path) => !fromIndex.has(path))).toEqual([]);
    // The A to Z holds every page the search index holds; the generated pages are among them.
    const generatedPages = pages.filter((path) => /^\/generated-page-\d+\/$/.test(path));
    expect(generatedPages.length).toBe(Math.ceil(GENERATED / 3));
    expect([...entries, ...generatedPages].filter((path) => !fromAToZ.has(path))).toEqual([]);
    // Each letter on /search/ links to its own page, and each letter page to the pages after it.
    const letters = [...linksIn(htmlOf('/search/'))].filter((href) => href.startsWith('/search/a-to-z/'));
    expect(letters.length).toBeGreaterThan(1);
    expect(letters.filter((href) => !pages.includes(href))).toEqual([]);
    // And no link on any page (the contents' /procedures/page/N/#adults included), nor in the sitemap, is broken.
    const report = checkLinks(dist, SITE_URL);
    expect(report.broken, formatBrokenLinks(report.broken)).toEqual([]);
    timings.linkSeconds = (performance.now() - started) / 1000;
  });

  it('has valid HTML on every paginated page, and axe, one <h1>, a title of its own, unique ids and named landmarks on the first, second and last of each', async () => {
    const started = performance.now();
    const paginated = pages.filter((path) => /\/page\/\d+\/$/.test(path) || path.startsWith('/search/a-to-z/'));
    const findings: HtmlFinding[] = [];
    for (const path of paginated) findings.push(...(await validateBuiltFile(fileOf(path), path)));
    expect(findings, formatFindings(findings)).toEqual([]);

    const series = new Map<string, string[]>();
    for (const path of [...pages.filter(isIndex)]) {
      const base = path.replace(/page\/\d+\/$/, '');
      series.set(base, [...(series.get(base) ?? []), path]);
    }
    const pageNumber = (path: string) => Number(/page\/(\d+)\/$/.exec(path)?.[1] ?? 1);
    const sample = [...series.values()].flatMap((paths) => {
      const sorted = [...paths].sort((a, b) => pageNumber(a) - pageNumber(b));
      return [...new Set([sorted[0]!, sorted[1], sorted[sorted.length - 1]!].filter((path) => path !== undefined))];
    });
    // The A to Z letters are many series alike: the two largest and one other are enough.
    const letterSeries = [...series.keys()].filter((base) => base.startsWith('/search/a-to-z/'));
    const keep = new Set(
      [...letterSeries]
        .sort((a, b) => series.get(b)!.length - series.get(a)!.length)
        .slice(0, 2)
        .concat(letterSeries.slice(0, 1)),
    );
    const checked = sample.filter((path) => !path.startsWith('/search/a-to-z/') || keep.has(path.replace(/page\/\d+\/$/, '')));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const titles = new Map<string, string>();
    for (const path of checked) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      const found = await titleAndHeadings(page);
      titles.set(path, found.title);
      problems.push(...headingProblems(path, found));
      const violations = await runAxe(page);
      if (violations.length > 0) problems.push(describeViolations(path, 1280, violations));
      problems.push(...(await idProblems(page)).map((problem) => `${path}: ${problem}`));
      const cdp = await context.newCDPSession(page);
      problems.push(...landmarkNameProblems(landmarksOf(await accessibilityTree(cdp))).map((problem) => `${path}: ${problem}`));
      await cdp.detach();
    }
    await context.close();
    problems.push(...duplicateTitles(titles));
    console.log(
      `html-validate on ${paginated.length} paginated pages; axe, headings and titles on ${checked.length}: ${checked.join(', ')}`,
    );
    timings.checkSeconds = (performance.now() - started) / 1000;
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe(`a first search on the site with ${GENERATED.toLocaleString('en-GB')} generated entries`, () => {
  // A word on nearly every generated page, a common one, and two words: the heaviest first searches.
  const QUERIES = ['safeguarding', 'neglect', 'domestic abuse'];

  it('loads only what its first page of results needs: no worker, no filter file, one fragment per result shown, the index chunks of its words', async () => {
    const compressing = await serveDirectory(dist, undefined, { gzip: true });
    const measured: FirstSearch[] = [];
    try {
      for (const query of QUERIES) measured.push(await measureFirstSearch(browser, compressing, query));
    } finally {
      await compressing.close();
    }
    const report = measured
      .map(
        (one) =>
          `## "${one.query}": ${one.status}; ${(totalBytes(one.transfers) / KB).toFixed(1)} KB, Enter to count said in ${Math.round(one.resultsMs)} ms\n\n${transferTable(one.transfers)}\n`,
      )
      .join('\n');
    mkdirSync('test-results/search-weight', { recursive: true });
    writeFileSync(
      'test-results/search-weight/first-search-5000.md',
      `# First search at ${GENERATED} generated entries (text gzipped as the host sends it)\n\n${report}`,
    );
    console.log(report);
    for (const one of measured) {
      const count = (kind: string) => one.transfers.filter((transfer) => transferKind(transfer.path) === kind).length;
      expect(one.status, one.query).toMatch(new RegExp(`^\\d+ results for ‘${one.query}’$`));
      expect(one.results, one.query).toBe(10);
      expect(one.workers, one.query).toEqual([]);
      expect(count('Pagefind worker'), one.query).toBe(0);
      expect(count('Pagefind filters'), one.query).toBe(0);
      expect(count('Pagefind fragments'), one.query).toBe(one.results);
      // A word's entries (Pagefind matches the last word as a prefix) can straddle two chunks of a large index.
      expect(count('Pagefind index chunks'), one.query).toBeLessThanOrEqual(2 * one.query.split(' ').length);
      expect(count('Pagefind WebAssembly'), one.query).toBe(1);
      // The server saw the files (an empty measurement is a problem at any budget). The bytes are recorded, not judged
      // here: the 100 KB goal is at 1,000 entries (npm run bench:search), and Pagefind alone needs more (docs/performance.md).
      expect(firstSearchProblems(one.transfers, Number.POSITIVE_INFINITY)).toEqual([]);
    }
  });
});
