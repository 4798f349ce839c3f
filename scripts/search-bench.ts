/**
 * npm run bench:search: how big the search index is, how many bytes a first
 * query downloads, and how long Chromium takes to show the first results on
 * localhost, for the site as it is and with 1,000 generated pages. Each build
 * is in a temporary copy of the project (never dist/, never committed).
 *
 *   npm run bench:search                 the site, and the site + 1,000 pages
 *   npm run bench:search -- 0 5000       only the sizes given (0 = the site as it is)
 *   npm run bench:search -- --runs 9     repeat each browser measurement 9 times (median)
 *
 * Generated pages (tools/generate-content.ts) are a third each general pages,
 * procedures and bulletins, written from the site's own words (so words are as
 * common or rare as they are on the site) plus invented names and places (so
 * the vocabulary grows as a real site's does): its `siteVocabulary`. The same
 * size always gives the same text.
 *
 * Browser figures come from a fresh Chromium context each run (empty cache),
 * served by the tests' static server compressing as the host does (gzip for
 * HTML, CSS, JavaScript and JSON; Pagefind's own files, gzipped already, as
 * they are), which counts the bytes it sends. For each query, the first search
 * (opening /search/, typing the query, the results shown) is listed file by
 * file against the 100 KB budget (tools/search-weight.ts). Figures go to
 * stdout and test-results/search-bench/results.json.
 *
 * Each size keeps its Astro cache (with the share images) in
 * .cache/search-bench-<size>/, so a second run does not draw them all again.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveDirectory, type RunningServer } from '../tools/static-server.ts';
import { measureFirstSearch } from '../tools/search-weight-browser.ts';
import {
  FIRST_SEARCH_BUDGET_BYTES,
  totalBytes,
  totalsByKind,
  transferTable,
  type KindTotal,
  type Transfer,
} from '../tools/search-weight.ts';
import { copyProject } from '../tools/project-copy.ts';
import { siteVocabulary, siteWords, writeGeneratedEntries } from '../tools/generate-content.ts';
import { buildSite } from '../tools/build-site.ts';
import { median } from '../tools/build-bench.ts';
import { launchChromium } from '../tools/browser.ts';
import { siteToday } from '../src/rules/dates.ts';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const sizes = args.filter((arg, index) => /^\d+$/.test(arg) && args[index - 1] !== '--runs').map(Number);
const SIZES = sizes.length > 0 ? sizes : [0, 1000];
/** A word on nearly every page (the worst case), a common one, a rare one, and two words. */
const QUERIES = ['safeguarding', 'neglect', 'inquest', 'domestic abuse'];
const TODAY = siteToday();

// ---- Counting ---------------------------------------------------------------

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

/** Bytes the server has sent (gzipped as the host sends them) for the paths that pass `test`. */
function bytesBy(server: RunningServer, test: (path: string) => boolean): number {
  return sum([...server.sent].filter(([path]) => test(path)).map(([, size]) => size));
}

// ---- Measurements -----------------------------------------------------------

interface IndexSize {
  files: number;
  totalBytes: number;
  parts: Record<string, { files: number; bytes: number }>;
}

function indexSize(dist: string): IndexSize {
  const folder = join(dist, 'pagefind');
  const parts: Record<string, { files: number; bytes: number }> = {};
  let files = 0;
  let totalBytes = 0;
  const walk = (path: string) => {
    for (const item of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, item.name);
      if (item.isDirectory()) {
        walk(full);
        continue;
      }
      const name = relative(folder, full);
      const part = name.startsWith('index/')
        ? 'word index chunks (index/)'
        : name.startsWith('fragment/')
          ? 'page fragments (fragment/)'
          : name.startsWith('filter/')
            ? 'filter chunks (filter/)'
            : name.endsWith('.pf_meta')
              ? 'metadata (.pf_meta)'
              : name.startsWith('wasm.')
                ? 'WebAssembly (wasm.*.pagefind)'
                : name;
      const size = statSync(full).size;
      parts[part] ??= { files: 0, bytes: 0 };
      parts[part].files += 1;
      parts[part].bytes += size;
      files += 1;
      totalBytes += size;
    }
  };
  walk(folder);
  return { files, totalBytes, parts };
}

/** Records, inside the page, when the form was submitted and when the first result appeared. */
const TIMING_SCRIPT = `
  window.__bench = { submit: 0, first: 0 };
  document.addEventListener('submit', () => { window.__bench.submit = performance.now(); }, true);
  new MutationObserver(() => {
    if (!window.__bench.first && document.querySelector('#search-results > li')) window.__bench.first = performance.now();
  }).observe(document, { subtree: true, childList: true });
`;

interface QueryFigures {
  query: string;
  results: number;
  /** Opening /search/ and running this query first, everything sent (gzip as the host), by kind. */
  firstSearch: { bytes: number; byKind: KindTotal[]; transfers: Transfer[]; resultsMs: number };
  /** Typed and submitted on a loaded /search/ page: Pagefind files the first query downloads. */
  firstQueryBytes: number;
  firstQueryRequests: number;
  /** …and everything else that query fetched (none expected). */
  firstQueryOtherBytes: number;
  /** Enter pressed → first result on screen, Pagefind not yet loaded (ms, median). */
  typedMs: number;
  /** A second, different query once Pagefind is loaded (ms, median). */
  warmMs: number;
  /** /search/?q=… opened from a link: navigation start → first result (ms, median), and all bytes. */
  fromAddressMs: number;
  fromAddressBytes: number;
}

async function measureQuery(browser: Browser, server: RunningServer, query: string, second: string): Promise<QueryFigures> {
  const typed: number[] = [];
  const warm: number[] = [];
  const fromAddress: number[] = [];
  let firstQueryBytes = 0;
  let firstQueryRequests = 0;
  let firstQueryOtherBytes = 0;
  let fromAddressBytes = 0;
  let results = 0;
  let firstSearch: QueryFigures['firstSearch'] | undefined;
  const firstSearchMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // The whole first search, page and all, as the budget counts it.
    const measured = await measureFirstSearch(browser, server, query);
    firstSearchMs.push(measured.resultsMs);
    firstSearch = {
      bytes: totalBytes(measured.transfers),
      byKind: totalsByKind(measured.transfers),
      transfers: measured.transfers,
      resultsMs: 0,
    };

    // Typed on the search page: the page is loaded, then the query is typed and Enter pressed.
    let context = await browser.newContext();
    let page = await context.newPage();
    await page.addInitScript(TIMING_SCRIPT);
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    server.sent.clear();
    await page.locator('#search-query').fill(query);
    await page.locator('#search-query').press('Enter');
    await page.waitForFunction(
      () =>
        (window as unknown as { __bench: { first: number } }).__bench.first > 0 ||
        /^No results/.test(document.getElementById('search-status')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => (window as unknown as { __bench: { submit: number; first: number } }).__bench);
    typed.push(timing.first - timing.submit);
    firstQueryBytes = bytesBy(server, (path) => path.startsWith('/pagefind/'));
    firstQueryRequests = [...server.sent.keys()].filter((path) => path.startsWith('/pagefind/')).length;
    firstQueryOtherBytes = bytesBy(server, (path) => !path.startsWith('/pagefind/'));
    results = await page.locator('#search-results > li').count();
    // A second query, Pagefind warm.
    await page.evaluate(() => {
      (window as unknown as { __bench: { first: number } }).__bench.first = 0;
      document.getElementById('search-results')!.replaceChildren();
    });
    await page.locator('#search-query').fill(second);
    await page.locator('#search-query').press('Enter');
    await page.waitForFunction(() => (window as unknown as { __bench: { first: number } }).__bench.first > 0, undefined, {
      timeout: 60_000,
    });
    const again = await page.evaluate(() => (window as unknown as { __bench: { submit: number; first: number } }).__bench);
    warm.push(again.first - again.submit);
    await context.close();

    // From the address (a link, or the header's form): everything from navigation start.
    context = await browser.newContext();
    page = await context.newPage();
    await page.addInitScript(TIMING_SCRIPT);
    server.sent.clear();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __bench: { first: number } }).__bench.first > 0, undefined, {
      timeout: 60_000,
    });
    await page.waitForLoadState('networkidle');
    fromAddress.push(await page.evaluate(() => (window as unknown as { __bench: { first: number } }).__bench.first));
    fromAddressBytes = sum(server.sent.values());
    await context.close();
  }
  firstSearch!.resultsMs = median(firstSearchMs);
  return {
    query,
    results,
    firstSearch: firstSearch!,
    firstQueryBytes,
    firstQueryRequests,
    firstQueryOtherBytes,
    typedMs: median(typed),
    warmMs: median(warm),
    fromAddressMs: median(fromAddress),
    fromAddressBytes,
  };
}

interface BenchResult {
  generated: number;
  htmlPages: number;
  indexedPages: number;
  buildSeconds: number;
  index: IndexSize;
  searchPageBytes: number;
  queries: QueryFigures[];
}

async function bench(generated: number, browser: Browser): Promise<BenchResult> {
  const copy = copyProject('sg-search-bench-');
  try {
    if (generated > 0) writeGeneratedEntries(copy.root, generated, TODAY, siteVocabulary(siteWords(copy.root), generated));
    const dist = join(copy.root, 'dist');
    const build = buildSite({ root: copy.root, outDir: dist, env: { ASTRO_CACHE_DIR: resolve(`.cache/search-bench-${generated}`) } });
    if (build.status !== 0) throw new Error(`The build with ${generated} generated pages failed:\n${build.output.slice(-4000)}`);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    let htmlPages = 0;
    const walk = (folder: string) => {
      for (const item of readdirSync(folder, { withFileTypes: true })) {
        if (item.isDirectory()) walk(join(folder, item.name));
        else if (item.name.endsWith('.html')) htmlPages += 1;
      }
    };
    walk(dist);
    const server = await serveDirectory(dist, () => ({ 'Cache-Control': 'no-cache' }), { gzip: true });
    try {
      // The search page itself, before any query.
      const context = await browser.newContext();
      const page = await context.newPage();
      server.sent.clear();
      await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
      const searchPageBytes = sum(server.sent.values());
      await context.close();
      const queries: QueryFigures[] = [];
      for (const [index, query] of QUERIES.entries())
        queries.push(await measureQuery(browser, server, query, QUERIES[(index + 1) % QUERIES.length]!));
      return {
        generated,
        htmlPages,
        indexedPages: sum(Object.values(entry.languages).map((language) => language.page_count)),
        buildSeconds: build.seconds,
        index: indexSize(dist),
        searchPageBytes,
        queries,
      };
    } finally {
      await server.close();
    }
  } finally {
    copy.remove();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(results: BenchResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(
      `## ${result.generated === 0 ? 'The site as it is' : `The site + ${result.generated.toLocaleString('en-GB')} generated pages`}`,
    );
    lines.push('');
    lines.push(
      `${result.htmlPages} HTML pages, ${result.indexedPages} in the index; built (with the index) in ${result.buildSeconds.toFixed(1)} s.`,
    );
    lines.push('');
    lines.push(`Index (dist/pagefind/): ${kb(result.index.totalBytes)} in ${result.index.files} files`);
    for (const [part, figures] of Object.entries(result.index.parts).sort((a, b) => b[1].bytes - a[1].bytes)) {
      lines.push(`  - ${part}: ${kb(figures.bytes)}${figures.files > 1 ? ` in ${figures.files} files` : ''}`);
    }
    lines.push('');
    lines.push(`The search page before any query: ${kb(result.searchPageBytes)} (HTML, CSS, JS; no Pagefind files yet).`);
    lines.push('');
    for (const query of result.queries) {
      const within = query.firstSearch.bytes <= FIRST_SEARCH_BUDGET_BYTES;
      lines.push(
        `First search for "${query.query}" (open /search/, type, Enter, ${query.results} shown; Enter → count said ${Math.round(query.firstSearch.resultsMs)} ms): ${kb(query.firstSearch.bytes)}, ${within ? 'within' : 'OVER'} the ${kb(FIRST_SEARCH_BUDGET_BYTES)} budget`,
      );
      lines.push('');
      lines.push(transferTable(query.firstSearch.transfers));
      lines.push('');
    }
    lines.push(
      `| query | results | first query downloads | requests | Enter → first result (cold) | second query (warm) | /search/?q= → first result | bytes from the address |`,
    );
    lines.push(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
    for (const query of result.queries) {
      lines.push(
        `| ${query.query} | ${query.results} | ${kb(query.firstQueryBytes)} | ${query.firstQueryRequests} | ${Math.round(query.typedMs)} ms | ${Math.round(query.warmMs)} ms | ${Math.round(query.fromAddressMs)} ms | ${kb(query.fromAddressBytes)} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    `Median of ${RUNS} runs each, fresh Chromium context (empty cache) per run, localhost, text gzipped as the host does (Pagefind's own files as they are). "Results" is how many the page shows (10 at most before "Show more").`,
  );
  return lines.join('\n');
}

const browser = await launchChromium();
const results: BenchResult[] = [];
try {
  for (const size of SIZES) {
    console.error(`Building and measuring with ${size} generated pages…`);
    results.push(await bench(size, browser));
  }
} finally {
  await browser.close();
}
mkdirSync('test-results/search-bench', { recursive: true });
writeFileSync(
  'test-results/search-bench/results.json',
  `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results }, null, 2)}\n`,
);
console.log(report(results));
