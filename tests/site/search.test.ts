/**
 * Site search on the built site, in Chromium: what the Pagefind index holds
 * (page bodies only; never the 404 page or a withdrawn review), that words
 * find the right pages, that filters narrow, that the address keeps the
 * search through reload and back, that the count is announced, that keyboard
 * alone can do it all, that axe-core passes in every state, what the Content
 * Security Policy must allow, and what the page offers without JavaScript.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { describeViolations, runAxe } from '../../tools/axe';
import { accessibilityTree, axNodesFor } from '../support/landmark-checks';
import { MAIN_NAVIGATION } from '../../src/site/navigation';
import { CONTENT_TYPES, SEARCH_AUDIENCES, SEARCH_BROKEN_TEXT } from '../../src/search/search';

const dist = siteDist();
/** A word only this procedure's body holds (the test checks that it is so). */
const PROCEDURE = { path: '/procedures/child-safeguarding-practice-reviews/', word: 'inquest' };
/** Withdrawn on 2026-03-10, a year after publication: only its short "available on request" page is built. */
const WITHDRAWN = { file: 'content/reviews/family-c-learning-review.mdx', path: '/reviews/family-c-learning-review/', word: 'unwashed' };
/** Only the 404 page says this. */
const NOT_FOUND_WORD = 'pasted';

function builtHtml(path: string): string {
  const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
  return readFileSync(file, 'utf8');
}

/** The text of every page body the index holds, by path. */
function indexedBodies(): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const path of builtPages(dist)) {
    const match = /<main\b[^>]*\bdata-pagefind-body\b[^>]*>([\s\S]*?)<\/main>/.exec(builtHtml(path));
    if (match)
      bodies.set(
        path,
        match[1]!
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .toLowerCase(),
      );
  }
  return bodies;
}

interface Shown {
  title: string;
  href: string;
  meta: string;
  excerpt: string;
  marked: string[];
}

async function shownResults(page: Page): Promise<Shown[]> {
  return page.locator('#search-results > li').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector('h2 a') as HTMLAnchorElement | null;
      return {
        title: link?.textContent ?? '',
        href: link?.getAttribute('href') ?? '',
        meta: item.querySelector('.sg-search-result__meta')?.textContent ?? '',
        excerpt: item.querySelector('.sg-search-result__excerpt')?.textContent ?? '',
        marked: [...item.querySelectorAll('.sg-search-result__excerpt mark')].map((mark) => mark.textContent ?? ''),
      };
    }),
  );
}

const statusText = (page: Page) =>
  page
    .locator('#search-status')
    .textContent()
    .then((text) => text?.trim() ?? '');

/** Waits until the live region says something other than `before`, and returns it. */
async function nextStatus(page: Page, before = ''): Promise<string> {
  await page.waitForFunction(
    (previous) => {
      const text = document.getElementById('search-status')?.textContent?.trim() ?? '';
      return text !== '' && text !== previous;
    },
    before,
    { timeout: 20_000 },
  );
  return statusText(page);
}

/**
 * Waits until the live region speaks of the whole of `words` and returns what it says. Typing
 * searches as it goes, so on a slow machine the region may first speak of the letters typed so
 * far ("29 results for ‘n’"): those messages are right for their moment, and not the one wanted.
 */
async function statusFor(page: Page, words: string): Promise<string> {
  await page.waitForFunction((quoted) => (document.getElementById('search-status')?.textContent ?? '').includes(quoted), `‘${words}’`, {
    timeout: 20_000,
  });
  return statusText(page);
}

async function openSearch(page: Page, query: string): Promise<string> {
  await page.goto(`${inject('siteUrl')}/search/?${query}`, { waitUntil: 'load' });
  return nextStatus(page);
}

const countIn = (status: string) => (/^No results/.test(status) ? 0 : Number(/^(\d+) results?/.exec(status)?.[1] ?? NaN));

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${backwards ? 'Shift+Tab' : 'Tab'} never reached ${selector}`);
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the search index', () => {
  it('holds page bodies only: the <main> of pages that opt in', () => {
    const pages = builtPages(dist).filter((path) => !path.startsWith('/admin/'));
    const indexed = indexedBodies();
    expect(indexed.size).toBeGreaterThan(20);
    for (const path of pages) {
      const html = builtHtml(path);
      const marked = html.match(/data-pagefind-body/g) ?? [];
      expect(marked.length, `${path} marks more than one body`).toBeLessThanOrEqual(1);
      if (marked.length === 1) {
        // Header, navigation and footer are outside <main>; the exit button, at its top, is left out of the index.
        expect(html, path).toMatch(/<main\b[^>]*data-pagefind-body/);
        const main = /<main\b[\s\S]*<\/main>/.exec(html)![0];
        expect(main, path).not.toMatch(/<header\b|<footer\b|<nav aria-label="Main"|class="govuk-skip-link/);
        expect(main.match(/<div class="govuk-exit-this-page"[^>]*>/g) ?? [], path).toEqual([
          '<div class="govuk-exit-this-page" data-module="govuk-exit-this-page" data-pagefind-ignore>',
        ]);
        expect(main, path).toMatch(/data-search-type="[a-z]+"/);
      }
    }
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0)).toBe(indexed.size);
  });

  it('never holds the 404 page, the search page or a withdrawn review', () => {
    const indexed = indexedBodies();
    for (const path of ['/404.html', '/search/', WITHDRAWN.path]) expect(indexed.has(path), path).toBe(false);
    expect(builtHtml(WITHDRAWN.path)).toContain('<meta name="robots" content="noindex">');
    for (const path of builtPages(dist)) {
      if (/<meta name="robots" content="noindex">/.test(builtHtml(path)))
        expect(indexed.has(path), `${path} is noindex but searchable`).toBe(false);
    }
  });

  it('gives every indexed page a type the filters know, and an audience where known', () => {
    const types = new Set<string>();
    for (const path of indexedBodies().keys()) {
      const main = /<main\b[^>]*>/.exec(builtHtml(path))![0];
      const type = /data-search-type="([a-z]+)"/.exec(main)?.[1] ?? '';
      expect(CONTENT_TYPES as readonly string[], path).toContain(type);
      types.add(type);
      if (type === 'procedure') expect(main, path).toMatch(/data-search-audience="(children|adults|all)"/);
    }
    expect([...types].sort()).toEqual([...CONTENT_TYPES].sort());
  });

  it("ships the search API only, not Pagefind's ready-made interfaces", () => {
    const files = readdirSync(join(dist, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-worker.js');
    expect(files.filter((file) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
  });
});

describe('searching', () => {
  it('finds a procedure first by a word only that procedure holds', async () => {
    const holders = [...indexedBodies()].filter(([, text]) => text.includes(PROCEDURE.word)).map(([path]) => path);
    expect(holders).toEqual([PROCEDURE.path]);
    const status = await openSearch(page, `q=${PROCEDURE.word}`);
    expect(countIn(status)).toBeGreaterThan(0);
    const [first] = await shownResults(page);
    expect(first?.href).toBe(PROCEDURE.path);
    expect(first?.meta).toMatch(/^Procedure · Last reviewed \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(first?.marked.map((word) => word.toLowerCase())).toContain(PROCEDURE.word);
  });

  it('finds nothing by the words of a withdrawn review, or of the 404 page', async () => {
    expect(readFileSync(WITHDRAWN.file, 'utf8')).toContain(WITHDRAWN.word);
    expect(builtHtml(WITHDRAWN.path)).not.toContain(WITHDRAWN.word);
    expect(await openSearch(page, `q=${WITHDRAWN.word}`)).toBe(`No results for ‘${WITHDRAWN.word}’`);
    expect(await shownResults(page)).toEqual([]);
    expect(await page.locator('#search-advice').isVisible()).toBe(true);
    await openSearch(page, 'q=family+c+learning+review+chronologies');
    expect((await shownResults(page)).map((result) => result.href)).not.toContain(WITHDRAWN.path);
    await expect(page.locator('#search-advice').textContent()).resolves.toMatch(/checking your spelling/);

    // Pagefind offers near matches when nothing matches exactly, so the test is that the 404 page is never one of them.
    expect(builtHtml('/404.html')).toContain(NOT_FOUND_WORD);
    expect([...indexedBodies().values()].some((text) => text.includes(NOT_FOUND_WORD))).toBe(false);
    await openSearch(page, `q=${NOT_FOUND_WORD}`);
    for (const result of await shownResults(page)) {
      expect(result.href).not.toMatch(/^\/404/);
      expect(result.marked.map((word) => word.toLowerCase())).not.toContain(NOT_FOUND_WORD);
    }
  });

  it('has its live region in the accessibility tree from page load, hidden from sight until it has something to say', async () => {
    await page.goto(`${inject('siteUrl')}/search/`, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    const regionNode = async () => {
      const [node, ...more] = await axNodesFor(cdp, await accessibilityTree(cdp), '#search-status');
      expect(more).toEqual([]);
      return node;
    };
    const before = await regionNode();
    expect(before?.role?.value).toBe('status');
    expect(before?.properties?.find((property) => property.name === 'live')?.value.value).toBe('polite');
    const empty = await page.locator('#search-status').evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return { text: element.textContent, display: style.display, visibility: style.visibility, width: box.width, height: box.height };
    });
    expect(empty).toEqual({ text: '', display: 'block', visibility: 'visible', width: 1, height: 1 });

    await page.locator('#search-query').focus();
    await page.keyboard.type('neglect', { delay: 40 });
    const said = await statusFor(page, 'neglect');
    const after = await regionNode();
    // The message went into the region that was already there, which now shows it.
    expect(after?.backendDOMNodeId).toBe(before?.backendDOMNodeId);
    expect(said).toMatch(/^\d+ results for ‘neglect’$/);
    const box = (await page.locator('#search-status').boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(15);
    await cdp.detach();
  });

  it('lists pages about "neglect" with excerpts as you type, and announces the count', async () => {
    await page.goto(`${inject('siteUrl')}/search/`, { waitUntil: 'load' });
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('label[for="search-query"]').isVisible()).toBe(true);
    await page.locator('#search-query').focus();
    await page.keyboard.type('neglect', { delay: 40 });
    const said = await statusFor(page, 'neglect');
    const count = countIn(said);
    expect(said).toBe(`${count} results for ‘neglect’`);
    expect(count).toBeGreaterThanOrEqual(5);
    expect(new URL(page.url()).search).toBe('?q=neglect');
    const results = await shownResults(page);
    expect(results.length).toBe(Math.min(count, 10));
    for (const result of results) {
      expect(result.title, JSON.stringify(result)).not.toBe('');
      expect(result.excerpt.length, result.href).toBeGreaterThan(40);
      expect(
        result.marked.some((word) => /neglect/i.test(word)),
        `${result.href}: ${result.excerpt}`,
      ).toBe(true);
    }
    const hrefs = results.map((result) => result.href);
    expect(hrefs).toContain('/procedures/set-child-protection-procedures/');
    expect(await page.title()).toBe(`${said} - Search - Safeguarding Southend`);
  });

  it('narrows results with a filter, and keeps the search through reload and back', async () => {
    const all = await openSearch(page, 'q=neglect');
    const everything = countIn(all);
    await page.locator('#search-type-procedure').check();
    const narrowed = await nextStatus(page, all);
    expect(narrowed).toMatch(/^\d+ results? for ‘neglect’ in procedures$/);
    expect(countIn(narrowed)).toBeLessThan(everything);
    expect(countIn(narrowed)).toBeGreaterThan(0);
    for (const result of await shownResults(page)) expect(result.meta, result.href).toMatch(/^Procedure/);
    expect(new URL(page.url()).search).toBe('?q=neglect&type%5B%5D=procedure');

    await page.reload({ waitUntil: 'load' });
    expect(await nextStatus(page)).toBe(narrowed);
    expect(await page.locator('#search-type-procedure').isChecked()).toBe(true);
    expect(await page.locator('#search-query').inputValue()).toBe('neglect');

    await page.locator('#search-audience-adults').check();
    const adults = await nextStatus(page, narrowed);
    expect(adults).toMatch(/in procedures, for adults$/);
    for (const result of await shownResults(page)) expect(builtHtml(result.href), result.href).toMatch(/data-search-audience="adults"/);

    await page.goBack({ waitUntil: 'load' });
    await page.waitForFunction(() => !(document.getElementById('search-audience-adults') as HTMLInputElement).checked);
    expect(await nextStatus(page, adults)).toBe(narrowed);
    await page.goBack({ waitUntil: 'load' });
    expect(await nextStatus(page, narrowed)).toBe(all);
    expect(await page.locator('#search-type-procedure').isChecked()).toBe(false);
  });

  it('lists a whole type with a filter and no words', async () => {
    const status = await openSearch(page, 'type=bulletin');
    expect(status).toMatch(/^\d+ results in bulletins$/);
    for (const result of await shownResults(page)) expect(result.href).toMatch(/^\/bulletins\/[^/]+\/$/);
  });
});

describe('with the keyboard alone', () => {
  it('searches from the header, filters, shows more and opens a result', async () => {
    await page.goto(`${inject('siteUrl')}/about/`, { waitUntil: 'load' });
    await tabTo(page, '#header-search');
    await page.keyboard.type('neglect');
    await Promise.all([page.waitForURL(/\/search\/\?q=neglect$/), page.keyboard.press('Enter')]);
    const all = await nextStatus(page);
    expect(countIn(all)).toBeGreaterThan(10);

    // More results: focus moves to the first new one.
    await tabTo(page, '#search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('#search-results > li:nth-child(11)') !== null);
    expect(await page.locator('#search-results > li').count()).toBe(countIn(all));

    // A filter, ticked with the space bar.
    await tabTo(page, '#search-type-procedure', { backwards: true });
    await page.keyboard.press('Space');
    const narrowed = await nextStatus(page, all);
    expect(narrowed).toMatch(/in procedures$/);

    // Back into the box: change the words, submit with Enter.
    await tabTo(page, '#search-query', { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PROCEDURE.word);
    await page.keyboard.press('Enter');
    expect(await statusFor(page, PROCEDURE.word)).toMatch(new RegExp(`results? for ‘${PROCEDURE.word}’ in procedures$`));

    // Open the first result.
    await tabTo(page, '#search-results > li:first-child a');
    await Promise.all([page.waitForURL((url) => url.pathname === PROCEDURE.path), page.keyboard.press('Enter')]);
    await page.goBack({ waitUntil: 'load' });
    await page.waitForFunction(() => (document.getElementById('search-results')?.children.length ?? 0) > 0);
    expect(await page.locator('#search-query').inputValue()).toBe(PROCEDURE.word);
    expect(await page.locator('#search-type-procedure').isChecked()).toBe(true);
  });

  it('opens and closes the filters, and clears them', async () => {
    const status = await openSearch(page, 'q=neglect&type[]=procedure&audience[]=children');
    await tabTo(page, '#search-clear');
    await page.keyboard.press('Enter');
    expect(await nextStatus(page, status)).toMatch(/^\d+ results for ‘neglect’$/);
    expect(new URL(page.url()).search).toBe('?q=neglect');
    await tabTo(page, '#search-filters > summary', { backwards: true });
    await page.keyboard.press('Enter');
    expect(await page.locator('#search-filters').getAttribute('open')).toBeNull();
    await page.keyboard.press('Enter');
    expect(await page.locator('#search-filters').getAttribute('open')).toBe('');
  });
});

describe('accessibility of the search page (axe-core)', () => {
  const states = [
    { name: 'with results showing', query: 'q=neglect' },
    { name: 'with no results', query: `q=${WITHDRAWN.word}` },
    { name: 'with filters applied', query: 'q=neglect&type[]=procedure&type[]=review&audience[]=adults' },
  ];
  for (const width of [1280, 320]) {
    it(`has no violations at ${width}px ${states.map((state) => state.name).join(', ')}`, async () => {
      const narrow = await browser.newContext({ viewport: { width, height: 800 } });
      const tab = await narrow.newPage();
      const failures: string[] = [];
      for (const state of states) {
        await tab.goto(`${inject('siteUrl')}/search/?${state.query}`, { waitUntil: 'load' });
        await nextStatus(tab);
        if (width === 320)
          await tab.locator('#search-filters').evaluate((details) => {
            (details as HTMLDetailsElement).open = true;
          });
        const violations = await runAxe(tab);
        if (violations.length > 0) failures.push(describeViolations(`/search/?${state.query}`, width, violations));
        expect(
          await tab.evaluate(() => document.documentElement.scrollWidth),
          `${state.name} at ${width}px scrolls sideways`,
        ).toBeLessThanOrEqual(width);
      }
      await narrow.close();
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});

describe('the header search', () => {
  it('is on every page but the search page, as a labelled GET form', () => {
    for (const path of builtPages(dist).filter((item) => !item.startsWith('/admin/'))) {
      const html = builtHtml(path);
      if (path === '/search/') {
        expect(html).not.toContain('id="header-search"');
        continue;
      }
      expect(html, path).toMatch(/<form class="sg-header__search" action="\/search\/" method="get" role="search"/);
      expect(html, path).toContain('<label class="govuk-visually-hidden" for="header-search">Search this website</label>');
      expect(html, path).toMatch(/<input[^>]*id="header-search" name="q"/);
    }
  });

  it('leaves "Report a concern" clear at 320px, with nothing scrolling sideways', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const tab = await narrow.newPage();
    await tab.goto(`${inject('siteUrl')}/`, { waitUntil: 'load' });
    const concern = (await tab.locator('.sg-header__concern').boundingBox())!;
    const form = (await tab.locator('.sg-header__search').boundingBox())!;
    expect(form.y).toBeGreaterThanOrEqual(concern.y + concern.height);
    expect(form.x + form.width).toBeLessThanOrEqual(320);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.close();
  });
});

describe('under a strict Content Security Policy', () => {
  /** Exactly what Pagefind needs beyond 'self': 'wasm-unsafe-eval' to compile its WebAssembly (on the page: the site runs Pagefind without its worker). */
  const SEARCH_POLICY =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

  async function underPolicy(policy: string, query: string) {
    const strict = await browser.newContext();
    const problems: string[] = [];
    // The policy on every response (the page, pagefind.js, its worker and its files) as a header.
    await strict.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });
    const tab = await strict.newPage();
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const workers: string[] = [];
    tab.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await tab.goto(`${inject('siteUrl')}/search/?${query}`, { waitUntil: 'load' });
    const said = await nextStatus(tab);
    const results = await shownResults(tab);
    const fallback = await tab.locator('#search-fallback').isVisible();
    const text = await tab.locator('body').innerText();
    const statusVisible = await tab.locator('#search-status').isVisible();
    await strict.close();
    return { said, results, problems, workers, fallback, text, statusVisible };
  }

  it("works with only 'self' and 'wasm-unsafe-eval', on the page without a worker, with no violation", async () => {
    const run = await underPolicy(SEARCH_POLICY, 'q=neglect');
    expect(run.problems).toEqual([]);
    expect(run.said).toMatch(/^\d+ results for ‘neglect’$/);
    expect(run.results.length).toBeGreaterThan(0);
    expect(run.workers).toEqual([]);
  });

  it('says plainly that search is not working when WebAssembly is not allowed', async () => {
    const run = await underPolicy(SEARCH_POLICY.replace(" 'wasm-unsafe-eval'", ''), 'q=neglect');
    expect(run.said).toBe(SEARCH_BROKEN_TEXT);
    expect(run.said).toMatch(/^Search is not working at the moment\. You can find any page by its section or in the A to Z below\.$/);
    expect(run.statusVisible).toBe(true);
    // Said once, in the live region: not again in the message for browsers without JavaScript.
    expect(run.text.match(/Search is not working/g)).toHaveLength(1);
    expect(run.fallback).toBe(false);
    expect(run.results).toEqual([]);
    expect(run.problems.join('\n')).toMatch(/WebAssembly/);
  });
});

describe('without JavaScript', () => {
  it('says how to find things: every section and an A to Z of every page in the index', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const tab = await noScript.newPage();
    await tab.goto(`${inject('siteUrl')}/search/?q=neglect`, { waitUntil: 'load' });
    expect(await tab.locator('#search-fallback').isVisible()).toBe(true);
    await expect(tab.locator('#search-fallback').textContent()).resolves.toMatch(/needs JavaScript.*section.*A to Z/s);
    const hrefs = await tab.locator('#browse ~ * a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const item of MAIN_NAVIGATION) expect(hrefs, item.href).toContain(item.href);
    for (const path of indexedBodies().keys()) expect(hrefs, `${path} is searchable but not in the A to Z or sections`).toContain(path);
    expect(hrefs).not.toContain(WITHDRAWN.path);
    // The form still sends the query and filters as a plain GET: each name once, or a set of checkboxes named as a list.
    expect(await tab.locator('#search-form').getAttribute('method')).toBe('get');
    const controls = await tab
      .locator('#search-form')
      .evaluate((form) =>
        [...(form as HTMLFormElement).elements]
          .filter((control): control is HTMLInputElement => control instanceof HTMLInputElement)
          .map((control) => ({ name: control.name, type: control.type })),
      );
    const names = controls.map((control) => control.name);
    for (const name of new Set(names)) {
      const sharing = controls.filter((control) => control.name === name);
      if (sharing.length > 1) expect(sharing.every((control) => control.type === 'checkbox') && name.endsWith('[]'), name).toBe(true);
    }
    expect(names.filter((name) => name === 'type[]')).toHaveLength(CONTENT_TYPES.length);
    expect(names.filter((name) => name === 'audience[]')).toHaveLength(SEARCH_AUDIENCES.length);
    expect(await tab.locator('#search-apply').isVisible()).toBe(true);
    await noScript.close();
  });
});
