/**
 * Landmarks and ids on every built page, in Chromium: every id is unique and
 * every reference to one finds it; landmarks of one role each have their own
 * name, read from the browser's accessibility tree (what a screen reader's
 * list of landmarks shows); the main navigation is one named navigation
 * landmark, not wrapped in a region; the Exit this page button is inside a
 * landmark. The same checks run on crafted pages first, to prove each can fail.
 *
 * /admin/ is checked as it is built (ids and landmark names), with JavaScript
 * off: with it on, the page is Decap CMS's own application for editors, which
 * has neither the site's navigation nor its Exit this page button.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import {
  accessibilityTree,
  axNodesFor,
  exitButtonProblems,
  idProblems,
  landmarkNameProblems,
  landmarksOf,
  mainNavigationProblems,
} from '../support/landmark-checks';

const MAIN_NAVIGATION = '.govuk-service-navigation nav';
const EXIT_BUTTON = '.govuk-exit-this-page__button';

interface Found {
  ids: string[];
  names: string[];
  navigation: string[];
  exit: string[];
}

async function checkPage(context: BrowserContext, page: Page, url: string, { site = true } = {}): Promise<Found> {
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(page);
  try {
    const tree = await accessibilityTree(cdp);
    return {
      ids: await idProblems(page),
      names: landmarkNameProblems(landmarksOf(tree)),
      navigation: site ? mainNavigationProblems(tree, await axNodesFor(cdp, tree, MAIN_NAVIGATION)) : [],
      exit: site ? exitButtonProblems(tree, await axNodesFor(cdp, tree, EXIT_BUTTON)) : [],
    };
  } finally {
    await cdp.detach();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the checks fail when they should (crafted pages)', () => {
  const html = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title></head><body>${body}</body></html>`;
  const nav = '<div class="govuk-service-navigation"><nav aria-label="Main"><a href="/a/">A</a></nav></div>';
  const exit = '<a href="https://www.bbc.co.uk/weather" role="button" class="govuk-exit-this-page__button">Exit this page</a>';
  const FIXTURES: Record<string, string> = {
    '404.html': html('<h1>Not found</h1>'),
    'good.html': html(
      `<header>${nav}</header><main><div>${exit}</div><h1 id="top">Good</h1><nav aria-label="A to Z"><a href="#top">Top</a></nav><label for="q">Q</label><input id="q"></main><footer>F</footer>`,
    ),
    'duplicate-ids.html': html(
      `<header></header>${nav}<main>${exit}<h2 id="more">More</h2><h2 id="more">More</h2><p aria-describedby="gone">Text</p></main>`,
    ),
    'unnamed-navs.html': html(
      `<header></header>${nav}<main>${exit}<nav><a href="/b/">B</a></nav><nav><a href="/c/">C</a></nav><section aria-label="A">1</section><section aria-label="a">2</section></main>`,
    ),
    'wrapped-nav.html': html(
      `<header></header><section aria-label="Site sections" class="govuk-service-navigation"><nav aria-label="Main"><a href="/a/">A</a></nav></section><main>${exit}</main>`,
    ),
    'exit-outside.html': html(`<header></header>${nav}<div>${exit}</div><main><h1>Main</h1></main>`),
  };
  let folder: string;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'sg-landmarks-'));
    for (const [name, text] of Object.entries(FIXTURES)) writeFileSync(join(folder, name), text);
    server = await serveDirectory(folder);
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const check = (name: string) => checkPage(context, page, `${server.url}/${name}`);

  it('passes a page with unique ids, named landmarks, a navigation of its own and the button in main', async () => {
    expect(await check('good.html')).toEqual({ ids: [], names: [], navigation: [], exit: [] });
  });

  it('finds an id used twice, and a reference to an id that is not there', async () => {
    expect((await check('duplicate-ids.html')).ids).toEqual([
      'id="more" is used 2 times',
      '<p> has aria-describedby="gone", and no element has that id',
    ]);
  });

  it('finds two navigation landmarks without names, and two regions with the same name', async () => {
    expect((await check('unnamed-navs.html')).names).toEqual([
      '3 navigation landmarks, 2 of them with no name: give each its own aria-label',
      '2 region landmarks are all named "a"',
    ]);
  });

  it('finds the main navigation inside a region', async () => {
    expect((await check('wrapped-nav.html')).navigation).toEqual([
      'the main navigation sits inside region "Site sections": one landmark is enough',
    ]);
  });

  it('finds the Exit this page button outside every landmark', async () => {
    expect((await check('exit-outside.html')).exit).toEqual(['the Exit this page button is outside every landmark']);
  });
});

describe('pages that had problems', () => {
  it('/search/ lists each of its landmarks once, with no region for each letter of the A to Z', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${inject('siteUrl')}/search/`, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(tab);
    const landmarks = landmarksOf(await accessibilityTree(cdp));
    const letters = await tab.locator('#a-to-z ~ * h4').allTextContents();
    await context.close();
    expect(letters.length).toBeGreaterThan(5);
    expect(landmarks.filter((landmark) => letters.includes(landmark.name))).toEqual([]);
    expect(landmarks).toEqual(
      expect.arrayContaining([
        { role: 'banner', name: '' },
        { role: 'navigation', name: 'Main' },
        { role: 'main', name: '' },
        { role: 'search', name: 'This website' },
        { role: 'navigation', name: 'A to Z of pages' },
        { role: 'contentinfo', name: '' },
      ]),
    );
  });

  it('/threshold/ gives each level\'s "More about this level" its own id, which a link can go to', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${inject('siteUrl')}/threshold/#level-3-more-about-this-level`, { waitUntil: 'load' });
    const headings = await tab
      .locator('h3', { hasText: /^More about this level$/ })
      .evaluateAll((found) => found.map((heading) => heading.id));
    expect(headings).toEqual([1, 2, 3, 4].map((level) => `level-${level}-more-about-this-level`));
    expect(await tab.evaluate(() => document.querySelector(':target')?.closest('section')?.getAttribute('aria-labelledby'))).toBe(
      'level-3',
    );
    await context.close();
  });
});

describe('on every built page', () => {
  const pages = builtPages(siteDist());

  it(`has unique ids, one name for each landmark of a role, the main navigation on its own and the Exit this page button in a landmark (${pages.length} pages)`, async () => {
    const site = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const editor = await browser.newContext({ javaScriptEnabled: false });
    const problems: string[] = [];
    for (const path of pages) {
      const admin = path.startsWith('/admin/');
      const context = admin ? editor : site;
      const tab = context.pages()[0] ?? (await context.newPage());
      const found = await checkPage(context, tab, inject('siteUrl') + path, { site: !admin });
      problems.push(
        ...Object.values(found)
          .flat()
          .map((problem) => `${path}: ${problem}`),
      );
    }
    await site.close();
    await editor.close();
    expect(pages.length).toBeGreaterThan(30);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
