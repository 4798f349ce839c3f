/**
 * What a person at risk relies on, in Chromium, on the built site:
 * - Exit this page leaves by Space and by Enter (the button is a link with
 *   role="button"), without JavaScript too, and sits inside the main landmark
 *   on every page, the first thing after "Skip to main content", without its
 *   words going into the site search;
 * - after leaving by Shift pressed three times, Back shows the page again,
 *   which is what /staying-safe-online/ says it does;
 * - "Worried about a child or an adult?" shows every route from the settings:
 *   999, children, adults (the council's page while their number is empty),
 *   out of hours, 101, their Relay UK numbers, and the ways to get help
 *   without speaking on the phone; on /report-a-concern/ it does not link to
 *   itself;
 * - every telephone link, on every page, keeps its number on one line: its
 *   text uses non-breaking characters only (html-validate's tel-non-breaking
 *   rule) and it is drawn on one line at 320 and 1280 CSS px.
 * The exit address is answered by the test: nothing leaves 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { EXIT_URL, openSiteWindow, type SiteWindow } from '../support/site-window';
import { builtPages, siteDist } from '../../tools/built-pages';
import { parseYaml } from '../../src/content/files';
import { NATIONAL_TEXT_ROUTES } from '../../src/site/help-numbers';
import { relayUkCall } from '../../src/site/phone';
import { SEARCH_API_PATH } from '../../src/search/bundle';

const settings = parseYaml(readFileSync('content/settings/site.yaml', 'utf8'), 'content/settings/site.yaml') as Record<
  string,
  string | undefined
>;
const pages = builtPages(siteDist()).filter((path) => !path.startsWith('/admin/'));
const filled = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';
/**
 * Characters a line may break at in a telephone link's text: html-validate's
 * tel-non-breaking rule names the space and the hyphen; other breaking white
 * space counts too. (Not \s: it matches the non-breaking space as well.)
 */
const BREAKING = /[\t\n\f\r \u1680\u2000-\u200a\u2028\u2029\u205f\u3000-]/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh window on the site (tests/support/site-window.ts). */
function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<SiteWindow> {
  return openSiteWindow(browser, inject('siteUrl'), path, {
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

/** Tab until the exit button has focus, and return how many presses it took. */
async function tabToExitButton(page: Page): Promise<number> {
  for (let presses = 1; presses <= 40; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('govuk-exit-this-page__button') === true)) return presses;
  }
  throw new Error('Tab did not reach the Exit this page button in 40 presses');
}

describe('Exit this page', () => {
  for (const key of ['Space', 'Enter'] as const) {
    it(`leaves when ${key} is pressed on the button`, async () => {
      const { context, page, exits, elsewhere } = await open('/report-a-concern/');
      // The page's script has run: Exit this page has drawn its Shift-key indicator.
      await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });
      await tabToExitButton(page);
      await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press(key)]);
      expect(exits).toEqual([EXIT_URL]);
      expect(elsewhere).toEqual([]);
      await context.close();
    });
  }

  it('leaves without JavaScript: the button is a plain link to the exit address', async () => {
    const { context, page, exits } = await open('/report-a-concern/', { javaScriptEnabled: false });
    const button = page.getByRole('button', { name: 'Emergency Exit this page' });
    expect(await button.getAttribute('href')).toBe(EXIT_URL);
    await Promise.all([page.waitForURL(EXIT_URL), button.click()]);
    expect(exits).toEqual([EXIT_URL]);
    await context.close();
  });

  it('after Shift pressed three times on /report-a-concern/, Back shows that page again, as /staying-safe-online/ says', async () => {
    const { context, page, exits } = await open('/staying-safe-online/');
    const advice = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(advice).toContain(
      'If someone presses the back button after you have left, it will take them back to the page of this website you were on.',
    );
    expect(advice).toContain('close the tab or window');
    expect(advice).toContain('delete your history');
    expect(advice).toContain('Browse privately');
    expect(advice).not.toMatch(/back button will not take you back/i);

    await page.goto(inject('siteUrl') + '/report-a-concern/', { waitUntil: 'load' });
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Shift')]);
    expect(exits).toEqual([EXIT_URL]);

    await page.goBack({ waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/report-a-concern/');
    // Shown again, not hidden behind the exit's "Loading." overlay.
    await page.waitForFunction(
      () =>
        !document.body.classList.contains('govuk-exit-this-page-hide-content') && !document.querySelector('.govuk-exit-this-page-overlay'),
    );
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Report a concern' }).isVisible()).toBe(true);
    await context.close();
  });

  it("is left out of the site search: its words are in no page's indexed text", async () => {
    const { context, page } = await open('/search/');
    // As a string: vitest would rewrite an import() written in this file.
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(SEARCH_API_PATH)});
      await pagefind.init();
      const { results } = await pagefind.search('exit');
      return Promise.all(results.map(async (result) => {
        const data = await result.data();
        return { url: data.url, exitButton: /emergency exit this page/i.test(data.content) };
      }));
    })()`)) as { url: string; exitButton: boolean }[];
    // Pages that talk about the exit button (staying safe online, say) are found; none for the button itself.
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(pages.length / 2);
    expect(found.filter((result) => result.exitButton).map((result) => result.url)).toEqual([]);
    await context.close();
  });

  it('is on every page once, inside the main landmark, and is the first stop after "Skip to main content"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        const exits = [...document.querySelectorAll('.govuk-exit-this-page')];
        const button = exits[0]?.querySelector('.govuk-exit-this-page__button');
        return { count: exits.length, inMain: !!button && button.closest('main#main-content') !== null };
      });
      if (found.count !== 1) problems.push(`${path}: ${found.count} Exit this page components`);
      if (!found.inMain) problems.push(`${path}: the Exit this page button is not inside <main>`);
    }
    expect(problems, problems.join('\n')).toEqual([]);

    await page.goto(inject('siteUrl') + '/threshold/', { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-exit-this-page__button'))).toBe(true);
    await context.close();
  });
});

describe('"Worried about a child or an adult?"', () => {
  for (const path of ['/', '/report-a-concern/']) {
    it(`on ${path} shows every route: numbers from the settings, Relay UK, text 999, 999 BSL, and adults are never left without one`, async () => {
      const { context, page } = await open(path);
      const panel = page.locator('section.sg-help');
      expect(await panel.count()).toBe(1);
      const calls = (await panel.locator('a[href^="tel:"]').allTextContents()).map((number) => number.replace(/\u00a0/g, ' '));
      expect(calls).toEqual(
        ['999', settings.childrenInHours, settings.adultsInHours, settings.outOfHours, '101'].filter(filled).map((number) => number.trim()),
      );

      const text = (await panel.innerText()).replace(/\u00a0/g, ' ');
      for (const number of ['999', settings.childrenInHours, settings.adultsInHours, settings.outOfHours, '101'].filter(filled)) {
        const relay = relayUkCall(number);
        expect(text).toContain(`Relay UK: ${relay.prefix ? `${relay.prefix} ` : ''}${relay.number}`);
      }

      const adults = panel.locator('li', { has: page.getByRole('heading', { name: 'Worried about an adult, office hours' }) });
      expect(await adults.count()).toBe(1);
      if (filled(settings.adultsInHours)) {
        expect(await adults.locator('a[href^="tel:"]').count()).toBe(1);
      } else {
        const link = adults.getByRole('link', { name: 'Contact Southend adult social care' });
        expect(await link.getAttribute('href')).toBe(settings.adultsContactPage);
        expect(await adults.innerText()).toContain('At other times, call the emergency duty service.');
      }

      expect(await panel.getByRole('heading', { name: 'If you cannot hear or speak on the phone' }).count()).toBe(1);
      for (const route of NATIONAL_TEXT_ROUTES) {
        expect(await panel.getByRole('link', { name: route.link.text }).getAttribute('href')).toBe(route.link.href);
      }
      expect(text).toContain('text "register" to 999');
      for (const [setting, name] of [
        ['childrenOnlineForm', 'Report a concern about a child online'],
        ['adultsOnlineForm', 'Report a concern about an adult online'],
      ] as const) {
        expect(await panel.getByRole('link', { name }).count(), `${setting} is ${filled(settings[setting]) ? 'set' : 'empty'}`).toBe(
          filled(settings[setting]) ? 1 : 0,
        );
      }

      const selfLinks = await panel.locator('a[href="/report-a-concern/"]').count();
      expect(selfLinks, path === '/report-a-concern/' ? 'no link to the page itself' : 'a link to report a concern').toBe(
        path === '/report-a-concern/' ? 0 : 1,
      );
      await context.close();
    });
  }
});

describe('telephone numbers', () => {
  it("every telephone link's text, on every page, uses non-breaking spaces and hyphens only, and is drawn on one line at 320 and 1280 px", async () => {
    const problems: string[] = [];
    let links = 0;
    for (const width of [320, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
        const found = await page.locator('a[href^="tel:"]').evaluateAll((elements) =>
          elements.map((element) => ({
            text: element.textContent ?? '',
            lines: new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size,
          })),
        );
        links += found.length;
        for (const { text, lines } of found) {
          if (BREAKING.test(text)) problems.push(`${path}: "${text}" has a breaking space or hyphen`);
          // 0: not drawn at all at this width (nothing to break).
          if (lines > 1) problems.push(`${path} at ${width} px: "${text}" is drawn on ${lines} lines`);
        }
      }
      await context.close();
    }
    console.log(`Telephone links checked: ${links} (on ${pages.length} pages, at 320 and 1280 px)`);
    expect(links).toBeGreaterThan(pages.length * 2);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
