/**
 * Measures a first search in Chromium: a fresh context (empty cache) opens
 * /search/, waits until the page has settled, types the query and presses
 * Enter, and waits for the live region to give the count. Every response
 * Chromium received on the way (the page's and its Pagefind worker's) is
 * listed with the bytes that crossed the network for it (Chromium's encoded
 * body size, the CDP encodedDataLength less headers), so a site served by a
 * compressing server (static-server.ts with gzip) is measured as the host
 * sends it.
 */
import type { Browser, Request } from 'playwright-core';
import type { Transfer } from '../../src/lib/search-weight';

export interface FirstSearch {
  query: string;
  transfers: Transfer[];
  /** What the live region said. */
  status: string;
  /** Results on screen. */
  results: number;
  /** Enter pressed → the count said (ms). */
  resultsMs: number;
}

export async function measureFirstSearch(browser: Browser, siteUrl: string, query: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const finished: Promise<Transfer | undefined>[] = [];
    const origin = new URL(siteUrl).origin;
    const record = (request: Request) => {
      finished.push(request.sizes().then(
        (sizes) => ({ path: request.url().startsWith(origin) ? request.url().slice(origin.length) : request.url(), bytes: sizes.responseBodySize }),
        () => undefined,
      ));
    };
    context.on('requestfinished', record);
    await page.goto(`${siteUrl}/search/`, { waitUntil: 'networkidle' });
    const box = page.locator('#search-query');
    await box.fill(query);
    const started = Date.now();
    await box.press('Enter');
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').trim() !== '', undefined, { timeout: 60_000 });
    const resultsMs = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
    const results = await page.locator('#search-results > li').count();
    context.off('requestfinished', record);
    const transfers = (await Promise.all(finished)).filter((transfer): transfer is Transfer => transfer !== undefined);
    return { query, transfers, status, results, resultsMs };
  } finally {
    await context.close();
  }
}
