/**
 * Measures a first search in Chromium: a fresh context (empty cache) opens
 * /search/, waits until the page has settled, types the query, presses Enter
 * and waits for the live region to give the count. The bytes are the server's own count of what it sent for each path
 * (static-server.ts: after its gzip, as the host compresses), from the
 * moment the page is requested: Chromium does not report the body of a
 * worker's script, and the server sees every file whoever asked for it.
 */
import type { Browser } from 'playwright-core';
import type { Transfer } from './search-weight';
import type { RunningServer } from './static-server';

export interface FirstSearch {
  query: string;
  transfers: Transfer[];
  /** What the live region said. */
  status: string;
  /** Results on screen. */
  results: number;
  /** Enter pressed → the count said (ms). */
  resultsMs: number;
  /** Workers the page started. */
  workers: string[];
}

export async function measureFirstSearch(browser: Browser, server: RunningServer, query: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    server.sent.clear();
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    const box = page.locator('#search-query');
    await box.fill(query);
    const started = performance.now();
    await box.press('Enter');
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').trim() !== '', undefined, {
      timeout: 60_000,
    });
    // The script says the count only once the shown results' fragments are in (src/scripts/search.ts), so by now
    // every file this search needed has been sent.
    const resultsMs = performance.now() - started;
    const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
    const results = await page.locator('#search-results > li').count();
    const transfers = [...server.sent].map(([path, bytes]) => ({ path, bytes }));
    return { query, transfers, status, results, resultsMs, workers };
  } finally {
    await context.close();
  }
}
