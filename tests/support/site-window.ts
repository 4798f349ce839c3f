/**
 * A fresh browser window on the built site for the Exit this page journeys.
 * Nothing leaves the machine: the exit address (from the site settings) is
 * answered here with a stand-in page and recorded; any other address off the
 * site is refused and recorded.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { parseYaml } from '../../src/content/files';

export const EXIT_URL = String(
  (parseYaml(readFileSync('content/settings/site.yaml', 'utf8'), 'content/settings/site.yaml') as { exitUrl?: unknown }).exitUrl,
);

export interface SiteWindow {
  context: BrowserContext;
  page: Page;
  /** Requests for the exit address, in order. */
  exits: string[];
  /** Requests for anything else off the site (refused). */
  elsewhere: string[];
}

export async function openSiteWindow(
  browser: Browser,
  siteUrl: string,
  path: string,
  options: BrowserContextOptions = {},
): Promise<SiteWindow> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const exits: string[] = [];
  const elsewhere: string[] = [];
  const site = new URL(siteUrl).origin;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(site)) return route.continue();
    if (url.startsWith(EXIT_URL)) {
      exits.push(url);
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Weather</title><h1>Weather</h1></html>',
      });
    }
    elsewhere.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(siteUrl + path, { waitUntil: 'load' });
  return { context, page, exits, elsewhere };
}
