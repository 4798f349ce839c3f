/**
 * What pages say, on every built page in Chromium: titles that say what the
 * page is (a review's kind, a withdrawn review as gone, the site name once,
 * 70 characters at most); the "Sample content" tag after the <h1> of every
 * sample page, and beside every link that lists a sample entry (home page,
 * listings, the A to Z, search results); every known abbreviation written
 * out where the page first uses it; each withdrawn review pointing to the
 * national library for its kind; and no heading that repeats another.
 *
 * What is a sample, a review's state and a review's kind come from content/,
 * read here as the build reads it, so nothing below names a particular entry.
 */
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { readAllEntries, type RawEntry } from '../../src/content/files';
import { siteToday } from '../../src/rules/dates';
import { retentionYearsFrom, reviewStatus } from '../../src/rules/retention';
import { MAX_TITLE_LENGTH, documentTitle, reviewTitle, withdrawnReviewTitle } from '../../src/site/page-titles';
import { NSPCC_LIBRARY, nationalLibraries, nationalLibraryFor } from '../../src/site/national-libraries';
import { unexplainedAbbreviations } from '../../src/content/abbreviations';
import { readGlossary } from '../../src/content/files';
import type { ReviewType } from '../../src/content/data-types';

const pages = builtPages(siteDist()).filter((path) => !path.startsWith('/admin/'));
const entries = readAllEntries(process.cwd());
const settings = entries.find((entry) => entry.collection === 'settings')!.data as { siteName: string; organisation: string };
const years = retentionYearsFrom(entries.find((entry) => entry.collection === 'settings')!.data);
const today = siteToday();
const slug = (entry: RawEntry) => basename(entry.file, '.mdx');
const isSample = (entry: RawEntry) => entry.data.sample === true;

interface Review {
  path: string;
  title: string;
  type: ReviewType;
  state: string;
  sample: boolean;
}
const reviews: Review[] = entries
  .filter((entry) => entry.collection === 'reviews')
  .map((entry) => ({
    path: `/reviews/${slug(entry)}/`,
    title: String(entry.data.title),
    type: entry.data.type as ReviewType,
    state: reviewStatus(String(entry.data.published), today, years).state,
    sample: isSample(entry),
  }))
  .filter((review) => review.state !== 'scheduled');

/** Each entry with a page of its own, by address, with the words a list links to it by. */
const entryPages = new Map<string, { title: string; sample: boolean }>();
for (const entry of entries) {
  const folder = { pages: '', procedures: 'procedures/', bulletins: 'bulletins/', reports: 'reports/', briefings: 'learning/' }[
    entry.collection as string
  ];
  if (folder !== undefined) entryPages.set(`/${folder}${slug(entry)}/`, { title: String(entry.data.title), sample: isSample(entry) });
}
for (const review of reviews) {
  entryPages.set(review.path, {
    title: review.state === 'withdrawn' ? withdrawnReviewTitle(review.title, review.type) : reviewTitle(review.title, review.type),
    sample: review.sample,
  });
}
const strategy = entries.filter((entry) => entry.collection === 'strategy').find((entry) => entry.data.current === true);
if (strategy) entryPages.set('/strategy/', { title: String(strategy.data.title), sample: isSample(strategy) });

/** Pages that are sample content: their own page carries the tag. The threshold page is, when any level is. */
const samplePages = new Set([...entryPages].filter(([, page]) => page.sample).map(([path]) => path));
if (entries.some((entry) => entry.collection === 'threshold' && isSample(entry))) samplePages.add('/threshold/');

interface Seen {
  title: string;
  h1: string;
  ogTitle: string | null;
  imageAlt: string | null;
  /** Where the page's sample tag is, against its <h1>, and whether one is before it. */
  tag: 'none' | 'after-h1' | 'before-h1';
  tagBeforeH2: boolean;
  text: string;
  headings: { level: number; text: string }[];
  /** Links in <main> outside an entry's body, with whether a "Sample content" tag is with them. */
  links: { path: string; hash: string; text: string; tagged: boolean }[];
  /** "Sample content" labels in lists, with the address of the link each is with. */
  labels: (string | null)[];
}

async function look(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const pageTag = document.querySelector('.sg-sample-tag');
    const firstH2 = document.querySelector('main h2');
    const before = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    const holder = (element: Element) => element.closest('li, tr') ?? element.parentElement!;
    const isLabel = (element: Element) =>
      element.classList.contains('govuk-tag') && element.textContent?.trim() === 'Sample content' && !element.closest('.sg-sample-tag');
    const main = document.querySelector('main')!;
    const links = [...main.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((link) => !link.closest('.sg-prose'))
      .map((link) => {
        const url = new URL(link.href);
        return {
          path: url.origin === location.origin ? url.pathname : url.href,
          hash: url.hash,
          text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
          tagged: [...holder(link).querySelectorAll('.govuk-tag')].some(isLabel),
        };
      });
    const labels = [...main.querySelectorAll('.govuk-tag')].filter(isLabel).map((label) => {
      const link = holder(label).querySelector<HTMLAnchorElement>('a[href]');
      return link ? new URL(link.href).pathname : null;
    });
    return {
      title: document.title,
      h1: (h1?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null,
      imageAlt: document.querySelector('meta[property="og:image:alt"]')?.getAttribute('content') ?? null,
      tag: !pageTag || !h1 ? 'none' : before(h1, pageTag) ? 'after-h1' : 'before-h1',
      tagBeforeH2: Boolean(pageTag && (!firstH2 || before(pageTag, firstH2))),
      text: document.body.innerText,
      headings: [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => ({
        level: Number(heading.tagName[1]),
        text: (heading.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
      links,
      labels,
    } satisfies Seen;
  });
}

let browser: Browser;
let context: BrowserContext;
const seen = new Map<string, Seen>();
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
    seen.set(path, await look(page));
  }
});
afterAll(async () => {
  await browser?.close();
});

const site = { siteName: settings.siteName, organisation: settings.organisation };

describe('titles', () => {
  it('every page has a title of at most 70 characters that names the site at most once', () => {
    expect(seen.size).toBe(pages.length);
    const problems: string[] = [];
    for (const [path, page] of seen) {
      if (page.title.length > MAX_TITLE_LENGTH) problems.push(`${path}: "${page.title}" is ${page.title.length} characters`);
      if (page.title.split(settings.siteName).length > 2) problems.push(`${path}: "${page.title}" names the site twice`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the title of every page with a layout <h1> is that heading, then the site name where it fits', () => {
    const problems: string[] = [];
    for (const [path, page] of seen) {
      if (path === '/' || path === '/search/') continue; // their <h1> is a headline and a search box label
      const expected = documentTitle({ ...site, title: page.h1 });
      if (page.title !== expected) problems.push(`${path}: the title is "${page.title}"; expected "${expected}" from its <h1>`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(seen.get('/accessibility/')!.title).not.toMatch(/Safeguarding Southend - Safeguarding Southend/);
  });

  it("a review's heading and title say what kind of review it is, and a withdrawn review's that it is gone", () => {
    expect(reviews.some((review) => review.state === 'public')).toBe(true);
    expect(reviews.some((review) => review.state === 'withdrawn')).toBe(true);
    for (const review of reviews) {
      const page = seen.get(review.path)!;
      const expected =
        review.state === 'withdrawn' ? withdrawnReviewTitle(review.title, review.type) : reviewTitle(review.title, review.type);
      expect(page.h1, review.path).toBe(expected);
      expect(page.h1, review.path).toContain(review.type);
      expect(page.title.startsWith(expected), review.path).toBe(true);
      if (review.state === 'withdrawn') {
        expect(page.h1, review.path).toMatch(/\(no longer on this website\)$/);
      } else {
        // The share image and its description use the same name.
        expect(page.ogTitle, review.path).toBe(expected);
        expect(page.imageAlt, review.path).toContain(expected);
      }
    }
  });

  it('lists link to a review by its full name', () => {
    const problems: string[] = [];
    for (const review of reviews.filter((each) => each.state === 'public')) {
      for (const [path, page] of seen) {
        for (const link of page.links.filter((each) => each.path === review.path && path !== review.path)) {
          if (link.text !== reviewTitle(review.title, review.type)) problems.push(`${path} links to ${review.path} as "${link.text}"`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(seen.get('/')!.links.filter((link) => reviews.some((review) => review.path === link.path)).length).toBeGreaterThan(0);
  });
});

describe('sample content', () => {
  it('every sample page says so just after its <h1>, and no other page does', () => {
    expect(samplePages.size).toBeGreaterThan(0);
    expect(
      [...samplePages].filter(
        (path) => path.startsWith('/reviews/') && reviews.find((review) => review.path === path)?.state === 'withdrawn',
      ).length,
    ).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [path, page] of seen) {
      const sample = samplePages.has(path);
      if (sample && page.tag !== 'after-h1')
        problems.push(`${path}: is sample content, but its tag is ${page.tag === 'none' ? 'missing' : 'before the <h1>'}`);
      if (sample && !page.tagBeforeH2) problems.push(`${path}: the sample tag comes after the first level 2 heading`);
      if (!sample && page.tag !== 'none') problems.push(`${path}: is not sample content, but shows the sample tag`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every link that lists a sample entry has the tag with it, and no other listed link has one', () => {
    const problems: string[] = [];
    let tagged = 0;
    for (const [path, page] of seen) {
      for (const link of page.links) {
        const target = entryPages.get(link.path);
        // A listing links to an entry by its title; links to the page itself (contents, skip links) are not listings.
        if (!target || link.path === path || link.text !== target.title) continue;
        if (target.sample && !link.tagged) problems.push(`${path}: the link to "${link.text}" (${link.path}) has no "Sample content" tag`);
        if (!target.sample && link.tagged)
          problems.push(`${path}: the link to "${link.text}" (${link.path}) is tagged, but it is not sample content`);
        if (target.sample && link.tagged) tagged += 1;
      }
      for (const label of page.labels) {
        // A tag with no link marks part of a sample page (a threshold level); one with a link marks what it links to.
        const right = label === null ? samplePages.has(path) : samplePages.has(label) || entryPages.get(label)?.sample;
        if (!right) problems.push(`${path}: a "Sample content" tag is with ${label ?? 'part of the page'}, which is not sample content`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The home page, the listings and the A to Z all list sample entries today.
    for (const listing of ['/', '/reviews/', '/bulletins/', '/procedures/', '/search/']) {
      expect(
        seen.get(listing)!.links.some((link) => entryPages.get(link.path)?.sample && link.tagged),
        listing,
      ).toBe(true);
    }
    expect(tagged).toBeGreaterThan(10);
  });

  it('search results tag sample content too', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('siteUrl')}/search/?q=safeguarding`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0, undefined, { timeout: 20_000 });
    const results = await page.locator('#search-results > li').evaluateAll((items) =>
      items.map((item) => ({
        path: new URL(item.querySelector<HTMLAnchorElement>('h2 a')!.href).pathname,
        tagged: [...item.querySelectorAll('.govuk-tag')].some((tag) => tag.textContent?.trim() === 'Sample content'),
      })),
    );
    await page.close();
    expect(results.some((result) => samplePages.has(result.path))).toBe(true);
    expect(results.some((result) => !samplePages.has(result.path))).toBe(true);
    for (const result of results) expect(result.tagged, result.path).toBe(samplePages.has(result.path));
  });
});

describe('abbreviations', () => {
  it('every known abbreviation is written out where each page first uses it, title and page furniture included', () => {
    const problems: string[] = [];
    const glossary = readGlossary(process.cwd());
    for (const [path, page] of seen) {
      // The glossary is where each term is explained: there the term comes first, then what it stands for (checked in glossary.test.ts).
      if (path === '/glossary/') continue;
      const pieces = [
        { text: page.title, where: 'title' },
        { text: page.text, where: 'page' },
      ];
      for (const use of unexplainedAbbreviations(pieces, glossary)) {
        const text = pieces[use.piece]!.text;
        problems.push(
          `${path}: "${use.written}" before "${use.abbreviation.expansion}": …${text.slice(Math.max(0, use.index - 60), use.index + 20).replace(/\s+/g, ' ')}…`,
        );
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // Not vacuous: the pages the review named use them, written out.
    expect(seen.get('/reports/interim-annual-report-2019-20/')!.text).toContain('Multi-Agency Safeguarding Hub (MASH+)');
    expect(seen.get('/reviews/')!.text).toContain('National Society for the Prevention of Cruelty to Children (NSPCC)');
  });
});

describe('accuracy', () => {
  it('a withdrawn review points to the national library for its kind of review, and only that', () => {
    for (const review of reviews.filter((each) => each.state === 'withdrawn')) {
      const links = seen.get(review.path)!.links.map((link) => link.path);
      const library = nationalLibraryFor(review.type);
      for (const other of nationalLibraries()) {
        expect(links.includes(other.href), `${review.path} (${review.type}) and ${other.href}`).toBe(other === library);
      }
    }
    const domestic = reviews.find((review) => review.type === 'Domestic Homicide Review' && review.state === 'withdrawn');
    expect(domestic, 'a withdrawn domestic homicide review to check').toBeDefined();
    expect(seen.get(domestic!.path)!.links.map((link) => link.path)).not.toContain(NSPCC_LIBRARY.href);
    expect(seen.get(domestic!.path)!.text).toContain(
      'The Home Office publishes domestic homicide reviews from England and Wales in its Domestic Homicide Review library on GOV.UK.',
    );
  });

  it('the reviews page names each national library', () => {
    const links = seen.get('/reviews/')!.links.map((link) => link.path);
    for (const library of nationalLibraries()) expect(links, library.href).toContain(library.href);
  });

  it('no heading says again what the heading just before it said, and /procedures/ names each category once', () => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9 ]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const problems: string[] = [];
    for (const [path, page] of seen) {
      page.headings.forEach((heading, index) => {
        const before = page.headings[index - 1];
        if (!before || before.level !== heading.level) return;
        if (words(before.text).includes(words(heading.text)) || words(heading.text).includes(words(before.text))) {
          problems.push(`${path}: h${heading.level} "${heading.text}" follows h${before.level} "${before.text}", which says the same`);
        }
      });
    }
    expect(problems, problems.join('\n')).toEqual([]);
    const procedureHeadings = seen.get('/procedures/')!.headings.map((heading) => heading.text);
    expect(new Set(procedureHeadings).size, procedureHeadings.join(' | ')).toBe(procedureHeadings.length);
  });
});
