/**
 * Procedures' changes and printed pages, in Chromium on the built site.
 *
 * A change in content/ (read from the file, not written here) is on its
 * procedure's page under "What changed", on /procedures/changes/ linking
 * back to it, and in /procedures/changes.xml, which the page's head links.
 *
 * Printed (print media): a procedure, a bulletin and a case review show no
 * navigation, Exit this page button, search or breadcrumbs; links in the
 * content have their addresses written out on the site's address; the page's
 * address and the date are printed (the day printed with JavaScript, the day
 * built without it), and on a procedure the out-of-date warning. A procedure
 * prints to an A4 PDF with its text, and its print-media screenshots at A4
 * width are saved under test-results/print/ to be looked at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { readRawEntry } from '../../src/content/files';
import { displayDate } from '../../src/rules/dates';
import { SITE_URL } from '../../src/site/site-address';
import { PRINTED_COPY_WARNING, localIsoDate, printedOnText } from '../../src/site/print';

const dist = siteDist();
const pages = builtPages(dist);
const PROCEDURE = '/procedures/rapid-review/';
const BULLETIN = pages.find((path) => /^\/bulletins\/[^/]+\/$/.test(path) && !path.startsWith('/bulletins/page/'))!;
/** A public review: one whose page is indexed. */
const REVIEW = pages.find(
  (path) => /^\/reviews\/[^/]+\/$/.test(path) && !readFileSync(join(dist, path, 'index.html'), 'utf8').includes('content="noindex"'),
)!;
const change = (
  readRawEntry(join(process.cwd(), 'content/procedures/rapid-review.mdx'), process.cwd()).data.changes as {
    date: string;
    summary: string;
  }[]
)[0]!;
// A4 is 210 mm wide: 794 CSS pixels.
const A4 = { viewport: { width: 794, height: 1123 } } satisfies BrowserContextOptions;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: BrowserContextOptions = A4): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
  return page;
}

async function printed(path: string, options: BrowserContextOptions = A4): Promise<Page> {
  const page = await open(path, options);
  await page.emulateMedia({ media: 'print' });
  // The stylesheet's site address (link addresses use it) is there: compiled into the page's one stylesheet.
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--sg-site-address').trim() !== '');
  return page;
}

describe("a procedure's changes", () => {
  it('are on its page under "What changed", newest first, with a link to every change', async () => {
    const page = await open(PROCEDURE);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'What changed', level: 2 }) });
    await expect(section.locator('.govuk-summary-list__key').first().textContent()).resolves.toBe(displayDate(change.date));
    await expect(section.locator('.govuk-summary-list__value').first().textContent()).resolves.toBe(change.summary);
    await section.getByRole('link', { name: 'Changes to all procedures, and how to follow them' }).click();
    await page.waitForURL((url) => url.pathname === '/procedures/changes/');
    await page.context().close();
  });

  it("are on /procedures/changes/, each linking to its procedure's What changed, with how to follow them", async () => {
    const page = await open('/procedures/changes/');
    await expect(page.locator('h1').textContent()).resolves.toContain('Changes to procedures');
    const item = page.locator('.sg-list__item', { has: page.getByRole('link', { name: 'Rapid review', exact: true }) });
    await expect(item.locator('.sg-list__summary').textContent()).resolves.toBe(change.summary);
    await expect(item.locator('.sg-meta').textContent()).resolves.toContain(`Changed on ${displayDate(change.date)}`);
    const body = await page.locator('main').innerText();
    expect(body).toContain(`${SITE_URL}/procedures/changes.xml`);
    expect(body).toContain('send new items to you by email');
    expect(body).toMatch(/email the partnership at \S+@\S+/);
    // Discoverable: the head links the feed.
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href')).resolves.toBe(
      `${SITE_URL}/procedures/changes.xml`,
    );
    await item.getByRole('link', { name: 'Rapid review', exact: true }).click();
    await page.waitForURL((url) => url.pathname === PROCEDURE && url.hash === '#what-changed');
    await page.getByRole('heading', { name: 'What changed' }).waitFor();
    // The procedures index links here too.
    await page.goto(`${inject('siteUrl')}/procedures/`);
    await page.getByRole('link', { name: 'Changes to procedures, newest first, and how to follow them' }).waitFor();
    await page.context().close();
  });

  it('are in the feed, one item each, linking to the procedure, with the date and the sentence', async () => {
    const response = await fetch(`${inject('siteUrl')}/procedures/changes.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1]!);
    const item = items.find((text) => text.includes(`<link>${SITE_URL}${PROCEDURE}#what-changed</link>`))!;
    expect(item).toContain(`<description>${change.summary}</description>`);
    expect(item).toContain(`<pubDate>${new Date(`${change.date}T00:00:00Z`).toUTCString()}</pubDate>`);
    expect(item).toMatch(/<guid isPermaLink="false">[^<]+<\/guid>/);
    const guids = items.map((text) => /<guid[^>]*>([^<]+)<\/guid>/.exec(text)![1]);
    expect(new Set(guids).size).toBe(items.length);
  });
});

describe('printed pages', () => {
  for (const [kind, path] of [
    ['a procedure', PROCEDURE],
    ['a bulletin', BULLETIN],
    ['a case review', REVIEW],
  ] as const) {
    it(`${kind} prints without navigation, Exit button, search or breadcrumbs, with link addresses, its address and the date`, async () => {
      const page = await printed(path);
      for (const selector of [
        '.govuk-service-navigation',
        '.govuk-exit-this-page',
        '.sg-header__search',
        '.govuk-breadcrumbs',
        '.govuk-skip-link',
        // The footer's list of the website's own pages; who to call and the partnership's email and phone stay.
        '.sg-footer__columns > div:last-child',
      ]) {
        const shown = await page
          .locator(selector)
          .evaluateAll((elements) => elements.filter((element) => getComputedStyle(element).display !== 'none').length);
        expect(shown, `${path}: ${selector}`).toBe(0);
      }
      const details = page.locator('.sg-print-details');
      await expect(details.isVisible()).resolves.toBe(true);
      const text = await details.innerText();
      expect(text).toContain(`${SITE_URL}${path}`);
      expect(text).toContain(printedOnText(localIsoDate(new Date())));
      expect(text.includes(PRINTED_COPY_WARNING), path).toBe(path === PROCEDURE);
      // Every site-relative link in the content is followed by its full address; in-page links are not.
      const links = await page.locator('main a[href]').evaluateAll((anchors) =>
        anchors.map((anchor) => ({
          href: anchor.getAttribute('href')!,
          after: getComputedStyle(anchor, '::after').content,
          shown: anchor.classList.contains('sg-link--address-shown'),
          glossary: anchor.classList.contains('sg-glossary-link'),
        })),
      );
      const relative = links.filter((link) => link.href.startsWith('/') && !link.shown && !link.glossary);
      expect(relative.length, path).toBeGreaterThan(0);
      // What is printed after the link: its full address on the site's address.
      for (const link of relative) expect(link.after, link.href).toBe(`" (${SITE_URL}${link.href})"`);
      for (const link of links.filter((candidate) => candidate.href.startsWith('#'))) expect(link.after, link.href).toBe('none');
      // A glossary link's abbreviation is written out beside it on the page: no address after it.
      for (const link of links.filter((candidate) => candidate.glossary)) expect(link.after, link.href).toBe('none');
      await page.context().close();
    });
  }

  it('a procedure without JavaScript prints the day the page was built', async () => {
    const page = await printed(PROCEDURE, { ...A4, javaScriptEnabled: false });
    const text = await page.locator('.sg-print-details').innerText();
    expect(text).toMatch(/^Printed from this page as it was built on \d{1,2} [A-Z][a-z]+ \d{4}\.$/m);
    expect(text).toContain(PRINTED_COPY_WARNING);
    await page.context().close();
  });

  it('a procedure: print-media screenshots at A4 width, and an A4 PDF with its text', async () => {
    const page = await printed(PROCEDURE);
    const folder = join('test-results', 'print');
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, 'procedure-a4.png'), fullPage: true, animations: 'disabled' });
    await page.screenshot({ path: join(folder, 'procedure-a4-first-page.png'), animations: 'disabled' });
    const pdf = await page.pdf({ format: 'A4', outline: true, tagged: true, printBackground: true });
    writeFileSync(join(folder, 'procedure.pdf'), pdf);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    // Its headings are in the PDF's outline (its streams inflated), in UTF-16 or plain text.
    const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].flatMap((match) => {
      try {
        return [inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1')];
      } catch {
        return [];
      }
    });
    const everything = [raw, ...streams].join('\n');
    const utf16 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex').toUpperCase();
    const has = (text: string) => everything.includes(`(${text})`) || everything.toUpperCase().includes(utf16(text));
    expect(has('What changed'), 'the "What changed" heading in the PDF').toBe(true);
    expect(has('When a rapid review is held'), 'a heading of the body in the PDF').toBe(true);
    await page.context().close();
  });
});
