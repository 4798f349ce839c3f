/**
 * The journeys people make with a keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3),
 * pressing only the keys they would press:
 * - from the home page, the first Tab reaches "Skip to main content", and
 *   Enter moves focus to the main content;
 * - Exit this page works by its button, by the skip link in the header and by
 *   pressing Shift three times. The exit address (the settings' exitUrl, the
 *   BBC weather page) is answered by the test itself: no network is used, and
 *   any request that is not to the site fails the test;
 * - "Report a concern" is reached and followed, and its phone numbers reached;
 * - the search box in the header, found by its accessible name, takes a query
 *   and its results are reached and followed.
 * Each journey also runs with prefers-reduced-motion: reduce.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { EXIT_URL, openSiteWindow, type SiteWindow } from '../support/site-window';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh window on the site (tests/support/site-window.ts). */
function start(path: string, reducedMotion: 'reduce' | 'no-preference'): Promise<SiteWindow> {
  return openSiteWindow(browser, inject('siteUrl'), path, { reducedMotion });
}

/** What has focus: its tag, text (or accessible label) and address. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: element?.getAttribute('href') ?? '',
      role: element?.getAttribute('role') ?? '',
      inMain: element?.closest('main') !== null,
    };
  });
}

/** Presses Tab until `wanted` has focus; returns how many presses it took. */
async function tabTo(page: Page, wanted: (state: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return presses;
  }
  throw new Error(`Tab did not reach it in ${limit} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

for (const motion of ['no-preference', 'reduce'] as const) {
  describe(`keyboard journeys (prefers-reduced-motion: ${motion})`, () => {
    it('the first Tab on the home page reaches "Skip to main content", and Enter moves focus to the main content', async () => {
      const { context, page } = await start('/', motion);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to main content', href: '#main-content' });
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).getPropertyValue('clip'))).toBe('auto'); // it shows when focused
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main-content' });
      await page.keyboard.press('Tab');
      expect((await focused(page)).inMain).toBe(true);
      await context.close();
    });

    it('Exit this page: Tab to the button and press Enter, and the browser goes to the exit address', async () => {
      const { context, page, exits, elsewhere } = await start('/report-a-concern/', motion);
      await tabTo(page, (state) => state.text.includes('Exit this page') && state.role === 'button');
      await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(EXIT_URL);
      expect(exits).toEqual([EXIT_URL]);
      expect(elsewhere).toEqual([]);
      await context.close();
    });

    it('Exit this page: the second Tab reaches the header\'s "Exit this page" skip link, and Enter leaves', async () => {
      const { context, page, exits } = await start('/', motion);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Exit this page', href: EXIT_URL });
      await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Enter')]);
      expect(exits).toEqual([EXIT_URL]);
      await context.close();
    });

    it('Exit this page: pressing Shift three times leaves, and twice does not', async () => {
      const { context, page, exits, elsewhere } = await start('/threshold/', motion);
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      // Each press lights one indicator as it is handled: two lit means both were handled, and nothing left.
      await page.locator('.govuk-exit-this-page__indicator-light--on').nth(1).waitFor();
      expect(await page.locator('.govuk-exit-this-page__indicator-light--on').count()).toBe(2);
      expect(exits).toEqual([]);
      expect(page.url()).toBe(`${inject('siteUrl')}/threshold/`);
      await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Shift')]);
      expect(exits).toEqual([EXIT_URL]);
      expect(elsewhere).toEqual([]);
      await context.close();
    });

    it('"Report a concern" is reached from the home page and followed, and its phone numbers are reached', async () => {
      const { context, page } = await start('/', motion);
      const presses = await tabTo(page, (state) => state.text === 'Report a concern' && state.href === '/report-a-concern/');
      expect(presses).toBeLessThanOrEqual(6);
      await Promise.all([page.waitForURL('**/report-a-concern/'), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').innerText()).toBe('Report a concern');
      await tabTo(page, (state) => state.href.startsWith('tel:') && state.inMain);
      const numbers: string[] = [(await focused(page)).text];
      for (let press = 0; press < 40; press += 1) {
        await page.keyboard.press('Tab');
        const state = await focused(page);
        if (state.href.startsWith('tel:')) numbers.push(state.text);
      }
      expect(numbers).toEqual(expect.arrayContaining(['999', '0808 800 5000', '0800 1111']));
      await context.close();
    });

    it("search: the header's search box is reached by Tab, takes a query, and a result is followed", async () => {
      const { context, page, elsewhere } = await start('/', motion);
      const box = page.getByRole('searchbox', { name: /search/i });
      expect(await box.count(), 'the header has a search box whose name says "search"').toBe(1);
      let presses = 0;
      while (!(await box.evaluate((element) => element === document.activeElement))) {
        await page.keyboard.press('Tab');
        presses += 1;
        expect(presses, 'Tab reaches the search box').toBeLessThanOrEqual(20);
      }
      await page.keyboard.type('rapid review');
      await Promise.all([page.waitForURL(/\/search\/\?q=rapid(\+|%20)review/), page.keyboard.press('Enter')]);
      const result = page.locator('main a[href="/procedures/rapid-review/"]').first();
      await result.waitFor({ state: 'visible', timeout: 15_000 });
      await tabTo(page, (state) => state.href === '/procedures/rapid-review/' && state.inMain, 80);
      await Promise.all([page.waitForURL('**/procedures/rapid-review/'), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').innerText()).toBe('Rapid review');
      expect(elsewhere).toEqual([]);
      await context.close();
    });
  });
}
