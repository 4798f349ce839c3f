/**
 * The glossary and the abbreviations the build explains, on the built site
 * in Chromium: the first use of MASH+ on a page that uses it is an <abbr>
 * with what it stands for written before it and a link to its glossary
 * entry, and later uses are plain; /glossary/ is an A to Z whose letter
 * links work without JavaScript (letters with no terms shown, not linked),
 * lists every term of content/glossary/ with what it stands for, passes
 * axe, and is found by the site search as a "Glossary" result.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { describeViolations, runAxe } from '../../tools/axe';
import { readAllEntries } from '../../src/content/files';
import { ALPHABET, termLetter } from '../../src/rules/glossary-order';
import { copyProject, type ProjectCopy } from '../../tools/project-copy';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import { buildCopy } from '../support/build-copy';

/** A page that uses MASH+ more than once (the test checks that it does). */
const USES_MASH = '/reports/interim-annual-report-2019-20/';

const terms = readAllEntries(process.cwd(), 'glossary').map((entry) => ({
  id: entry.file.replace(/^.*\//, '').replace(/\.mdx$/, ''),
  term: String(entry.data.term),
  expansion: String(entry.data.expansion),
}));

let browser: Browser;
let withoutScript: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  withoutScript = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  page = await withoutScript.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('abbreviations on a page', () => {
  it('the first use of MASH+ is an <abbr>, with the words before it and a link to its glossary entry', async () => {
    await page.goto(`${inject('siteUrl')}${USES_MASH}`, { waitUntil: 'load' });
    const main = page.locator('main');

    const abbrs = main.locator('abbr', { hasText: /^MASH\+?$/ });
    expect(await abbrs.count()).toBe(1);
    const abbr = abbrs.first();
    // The link around it goes to the glossary's entry.
    const link = abbr.locator('xpath=ancestor::a[1]');
    expect(await link.getAttribute('href')).toBe('/glossary/#mash');
    // The words it stands for come just before it, then the abbreviation in brackets.
    const before = await abbr.evaluate((element) => {
      const range = document.createRange();
      range.setStart(element.closest('p, li, td, h2, h3, h4') ?? element.parentElement!, 0);
      range.setEndBefore(element.closest('a') ?? element);
      return range.toString();
    });
    expect(before).toMatch(/Multi-Agency Safeguarding Hub \($/);
    // It is the first use on the page: no MASH before it in the main text.
    const position = await abbr.evaluate((element) => {
      const range = document.createRange();
      range.setStart(document.querySelector('main')!, 0);
      range.setEndBefore(element);
      return range.toString();
    });
    expect(position).not.toMatch(/\bMASH\b/);

    // Following the link, without JavaScript, shows the term's entry.
    await link.click();
    await page.waitForURL(/\/glossary\/#mash$/);
    const entry = page.locator('#mash');
    await expect.poll(() => entry.isVisible()).toBe(true);
    expect(await entry.locator('h3').textContent()).toBe('MASH+');
    expect(await entry.textContent()).toContain('Multi-Agency Safeguarding Hub');
    expect((await entry.innerText()).replace(/\s+/g, ' ')).toContain('Also written MASH.');
  });
});

/**
 * Bodies that use abbreviations without writing them out, which only the
 * build explains: in a copy of the project, the threshold page's levels 3
 * and 4 (one page, several bodies) and a page with a heading, a link and
 * code that use them.
 */
describe('abbreviations the build writes out', () => {
  let copy: ProjectCopy;
  let server: RunningServer;
  beforeAll(async () => {
    copy = copyProject('sg-glossary-');
    appendFileSync(
      join(copy.root, 'content/threshold/level-3-targeted.mdx'),
      '\nIf you are unsure, ask the MASH+. The MASH+ will tell you what to do.\n',
    );
    appendFileSync(join(copy.root, 'content/threshold/level-4-specialist.mdx'), '\nThe MASH+ decides within one working day.\n');
    writeFileSync(
      join(copy.root, 'content/pages/abbreviation-check.mdx'),
      [
        '---',
        'title: Abbreviation check',
        'description: A page that uses abbreviations without writing them out.',
        '---',
        '',
        '## Asking the LADO',
        '',
        'The LADO will call you back. [Read about the MARAC](https://www.example.org/marac/) before you go.',
        '',
        'Type `MARAT` in the form, then tell the MARAT.',
        '',
      ].join('\n'),
    );
    const build = buildCopy(copy.root, 'dist');
    if (build.status !== 0) throw new Error(`The copy did not build:\n${build.output.slice(-4000)}`);
    server = await serveDirectory(build.outDir);
  });
  afterAll(async () => {
    await server?.close();
    copy?.remove();
  });

  it('writes out the first use on the threshold page, across its bodies, and leaves later uses plain', async () => {
    await page.goto(`${server.url}/threshold/`, { waitUntil: 'load' });
    const uses = await page.locator('main').evaluate((main) => {
      const text = main.textContent ?? '';
      return {
        count: text.match(/MASH\+/g)?.length ?? 0,
        abbrs: [...main.querySelectorAll('abbr')].filter((abbr) => abbr.textContent === 'MASH+').length,
      };
    });
    expect(uses).toEqual({ count: 3, abbrs: 1 });
    const level3 = page.locator('section[aria-labelledby="level-3"]');
    const level4 = page.locator('section[aria-labelledby="level-4"]');
    expect(await level3.textContent()).toContain(
      'If you are unsure, ask the Multi-Agency Safeguarding Hub (MASH+). The MASH+ will tell you what to do.',
    );
    expect(await level3.locator('a[href="/glossary/#mash"] abbr').textContent()).toBe('MASH+');
    expect(await level4.textContent()).toContain('The MASH+ decides within one working day.');
    expect(await level4.locator('abbr', { hasText: 'MASH' }).count()).toBe(0);
  });

  it('in a heading writes it out with no link; in a link, no second link; code stays as written', async () => {
    await page.goto(`${server.url}/abbreviation-check/`, { waitUntil: 'load' });
    const heading = page.locator('main h2', { hasText: 'Asking' });
    expect(await heading.textContent()).toBe('Asking the Local Authority Designated Officer (LADO)');
    expect(await heading.locator('abbr').count()).toBe(1);
    expect(await heading.locator('a').count()).toBe(0);
    // The heading was the first use: the paragraph after it is plain.
    expect(await page.locator('main p', { hasText: 'will call you back' }).locator('abbr', { hasText: 'LADO' }).count()).toBe(0);
    const link = page.locator('main a[href="https://www.example.org/marac/"]');
    expect(await link.textContent()).toBe('Read about the Multi-Agency Risk Assessment Conference (MARAC)');
    expect(await link.locator('a').count()).toBe(0);
    expect(await page.locator('main code').textContent()).toBe('MARAT');
    const marat = page.locator('main a[href="/glossary/#marat"]');
    expect(await marat.textContent()).toBe('MARAT');
    expect(await page.locator('main p', { hasText: 'in the form' }).textContent()).toBe(
      'Type MARAT in the form, then tell the Multi-Agency Risk Assessment Team (MARAT).',
    );
  });
});

describe('/glossary/', () => {
  it('lists every term of content/glossary/, with what it stands for, under its letter', async () => {
    expect(terms.length).toBeGreaterThan(10);
    await page.goto(`${inject('siteUrl')}/glossary/`, { waitUntil: 'load' });
    for (const term of terms) {
      const entry = page.locator(`[id="${term.id}"]`);
      expect(await entry.locator('h3').textContent(), term.id).toBe(term.term);
      expect(await entry.locator('.sg-glossary__expansion').textContent(), term.id).toBe(term.expansion);
      // Under its letter's heading.
      const letter = await entry.evaluate((element) => element.closest('.sg-glossary__group')?.querySelector('h2')?.textContent);
      expect(letter, term.id).toBe(termLetter(term.term));
    }
  });

  it('has a letter list that works without JavaScript: letters with terms link to their group, the others are shown but are not links', async () => {
    await page.goto(`${inject('siteUrl')}/glossary/`, { waitUntil: 'load' });
    const nav = page.getByRole('navigation', { name: 'Glossary, A to Z' });
    const items = await nav
      .locator('li')
      .evaluateAll((lis) =>
        lis.map((li) => ({ text: li.textContent?.trim() ?? '', href: li.querySelector('a')?.getAttribute('href') ?? null })),
      );
    expect(items.map((item) => item.text.slice(-1))).toEqual(ALPHABET);
    const used = new Set(terms.map((term) => termLetter(term.term)));
    for (const item of items) {
      const letter = item.text.slice(-1);
      expect(item.href, letter).toBe(used.has(letter) ? `#letter-${letter.toLowerCase()}` : null);
    }
    expect(
      items.some((item) => item.href === null),
      'a letter with no terms to check',
    ).toBe(true);

    // Choosing a letter goes to its group, scrolled into view.
    const last = [...used].sort().at(-1)!;
    await nav.getByRole('link', { name: `Terms starting with ${last}` }).click();
    await page.waitForURL(new RegExp(`#letter-${last.toLowerCase()}$`));
    const heading = page.locator(`#letter-${last.toLowerCase()}`);
    await expect.poll(() => heading.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(900);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('passes axe, at 320 and 1280 pixels wide', async () => {
    const context = await browser.newContext();
    const checked = await context.newPage();
    try {
      for (const width of [320, 1280]) {
        await checked.setViewportSize({ width, height: 900 });
        await checked.goto(`${inject('siteUrl')}/glossary/`, { waitUntil: 'load' });
        const violations = await runAxe(checked);
        expect(violations, describeViolations('/glossary/', width, violations)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('is linked from the footer of every page, and found by the site search as a Glossary result', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const searching = await context.newPage();
    try {
      await searching.goto(`${inject('siteUrl')}/`, { waitUntil: 'load' });
      expect(await searching.locator('footer a[href="/glossary/"]').count()).toBe(1);
      await searching.goto(`${inject('siteUrl')}/search/?q=${encodeURIComponent('Local Authority Designated Officer')}`, {
        waitUntil: 'load',
      });
      const result = searching.locator('#search-results > li', { has: searching.locator('a[href="/glossary/"]') });
      await result.first().waitFor({ state: 'visible', timeout: 20_000 });
      expect(await result.first().textContent()).toContain('Glossary');
    } finally {
      await context.close();
    }
  });
});
