/**
 * The first-search measurement (tools/search-weight-browser.ts) is
 * proved here: it counts what the server sends after gzip, as the host
 * compresses, and the budget check (tools/search-weight.ts) fails a search
 * page that downloads too much. The real measurements: tests/site/scale.test.ts
 * (a first search on the 5,000-entry site loads only what its first results
 * need) and `npm run bench:search` (the bytes at 1,000 entries against the
 * 100 KB goal).
 */
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { fixtureFolder } from '../support/fixture-folder';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import { measureFirstSearch } from '../../tools/search-weight-browser';
import { FIRST_SEARCH_BUDGET_BYTES, firstSearchProblems, totalBytes } from '../../tools/search-weight';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the first-search measurement', () => {
  let fixtureServer: RunningServer | undefined;
  afterAll(async () => {
    await fixtureServer?.close();
  });

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
      '404.html':
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1></body></html>',
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
    expect(problems[0]).toMatch(
      /^The first search transferred 1\d\d\.\d KB, over the 100\.0 KB budget; the heaviest: other 1\d\d\.\d KB in 2 files/,
    );
  });
});
