/**
 * The weight of a first search at 1,000 entries, in Chromium: a copy of the
 * project with 1,000 generated entries (tests/support/generate-content.ts) is
 * built once, served by the test server gzipping text as the host does, and
 * for common words (the worst case: their index chunks are the largest) the
 * whole first search is counted: opening /search/ with an empty cache, typing
 * the query, the results shown. The budget: at most 100 KB
 * (src/lib/search-weight.ts). The table for each query goes to
 * test-results/search-weight/.
 *
 * The build keeps Astro's cache (and the share images in it) in .cache/ so a
 * second run does not draw 1,000 share images again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { buildSite } from '../support/build-site';
import { copyProject, type ProjectCopy } from '../support/project-copy';
import { writeGeneratedEntries } from '../support/generate-content';
import { fixtureFolder } from '../support/fixture-folder';
import { serveDirectory, type RunningServer } from '../support/static-server';
import { measureFirstSearch, type FirstSearch } from '../support/search-weight-browser';
import { FIRST_SEARCH_BUDGET_BYTES, firstSearchProblems, totalBytes, transferKind, transferTable } from '../../src/lib/search-weight';
import { siteToday } from '../../src/lib/dates';

const ENTRIES = 1000;
/** On every generated page, on most, and two words: the heaviest first searches there are. */
const QUERIES = ['safeguarding', 'neglect', 'domestic abuse'];
/** A cold build draws 1,031 share images: about a minute on a quiet machine, several on a busy one. */
const BUILD_TIMEOUT_MS = 900_000;

let browser: Browser;
let copy: ProjectCopy | undefined;
let server: RunningServer | undefined;
let buildSeconds = 0;
const measured: FirstSearch[] = [];

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

describe(`a first search at ${ENTRIES} entries`, () => {
  beforeAll(async () => {
    copy = copyProject('sg-search-weight-');
    writeGeneratedEntries(copy.root, ENTRIES, siteToday());
    const outDir = join(copy.root, 'dist');
    const build = buildSite({ root: copy.root, outDir, env: { ASTRO_CACHE_DIR: resolve('.cache/search-weight') } });
    if (build.status !== 0) throw new Error(`The site with ${ENTRIES} generated entries did not build:\n${build.output.slice(-4000)}`);
    buildSeconds = build.seconds;
    server = await serveDirectory(outDir, undefined, { gzip: true });
    for (const query of QUERIES) measured.push(await measureFirstSearch(browser, server, query));
    mkdirSync('test-results/search-weight', { recursive: true });
    const report = measured.map((one) => `## "${one.query}": ${one.status}; Enter → count said in ${Math.round(one.resultsMs)} ms\n\n${transferTable(one.transfers)}\n`).join('\n');
    writeFileSync('test-results/search-weight/first-search.md', `# First search at ${ENTRIES} generated entries (built in ${buildSeconds.toFixed(1)} s)\n\n${report}`);
    console.log(`First search at ${ENTRIES} entries (site built in ${buildSeconds.toFixed(1)} s):\n${report}`);
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    copy?.remove();
  });

  it('finds the generated pages, shows the first 10 results and says how many there are', () => {
    for (const one of measured) {
      expect(one.status, one.query).toMatch(new RegExp(`^\\d+ results for ‘${one.query}’$`));
      expect(Number(/^(\d+)/.exec(one.status)?.[1]), one.query).toBeGreaterThan(ENTRIES / 2);
      expect(one.results, one.query).toBe(10);
    }
  });

  it('loads only what the first page of results needs: no worker, no filter file, one fragment per result shown, one index chunk per word at most', () => {
    for (const one of measured) {
      const count = (kind: string) => one.transfers.filter((transfer) => transferKind(transfer.path) === kind).length;
      expect(one.workers, one.query).toEqual([]);
      expect(count('Pagefind worker'), one.query).toBe(0);
      expect(count('Pagefind filters'), one.query).toBe(0);
      expect(count('Pagefind fragments'), one.query).toBe(one.results);
      expect(count('Pagefind index chunks'), one.query).toBeLessThanOrEqual(one.query.split(' ').length);
      expect(count('Pagefind WebAssembly'), one.query).toBe(1);
    }
  });

  it(`transfers at most ${FIRST_SEARCH_BUDGET_BYTES / 1024} KB from opening /search/ to the results, text gzipped as the host sends it`, () => {
    const problems = measured.flatMap((one) => firstSearchProblems(one.transfers).map((problem) => `"${one.query}": ${problem}\n${transferTable(one.transfers)}`));
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
});

describe('the first-search measurement', () => {
  let fixtureServer: RunningServer | undefined;
  afterAll(async () => { await fixtureServer?.close(); });

  it('counts what the server sends after gzip, and fails a search page that downloads too much', async () => {
    // A search page whose "search" fetches 120 KB that does not compress, and 300 KB of text that does.
    const folder = fixtureFolder({
      'search/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><main>
        <form id="f"><label for="search-query">Search</label><input id="search-query" type="search"><button>Search</button></form>
        <p id="search-status" role="status"></p><ol id="search-results"></ol>
        <script>document.getElementById('f').addEventListener('submit', async (event) => {
          event.preventDefault();
          await Promise.all([fetch('/heavy.bin').then((r) => r.arrayBuffer()), fetch('/words.txt').then((r) => r.text())]);
          document.getElementById('search-status').textContent = '1 result for ‘heavy’';
        });</script></main></body></html>`,
      'words.txt': 'safeguarding children and adults '.repeat(10_000),
      '404.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1></body></html>',
    });
    writeFileSync(join(folder, 'heavy.bin'), randomBytes(120 * 1024));
    fixtureServer = await serveDirectory(folder, undefined, { gzip: true });
    const heavy = await measureFirstSearch(browser, fixtureServer, 'heavy');
    expect(heavy.status).toBe('1 result for ‘heavy’');
    const bytesOf = (path: string) => heavy.transfers.find((transfer) => transfer.path === path)?.bytes ?? 0;
    expect(bytesOf('/heavy.bin')).toBe(120 * 1024);
    // 330,000 characters of text, sent gzipped: the measurement counts what crossed the network.
    expect(bytesOf('/words.txt')).toBeGreaterThan(100);
    expect(bytesOf('/words.txt')).toBeLessThan(5 * 1024);
    expect(totalBytes(heavy.transfers)).toBeGreaterThan(FIRST_SEARCH_BUDGET_BYTES);
    const problems = firstSearchProblems(heavy.transfers);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The first search transferred 1\d\d\.\d KB, over the 100\.0 KB budget; the heaviest: other 1\d\d\.\d KB in 2 files/);
  });
});
