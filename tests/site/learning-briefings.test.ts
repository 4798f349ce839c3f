/**
 * Learning briefings on the built site. On the site as built today, in
 * Chromium: a briefing's page, the list at /learning/, the site search (type
 * "Learning briefing"), the feed, and that each briefing prints on one or two
 * A4 pages. On copies of the project with a review and its briefing added as
 * an editor adds them, built with SITE_NOW before the review's publication,
 * on its first day and on its withdrawal day: the briefing waits for the
 * review, then stays when the review goes, with nothing of the review's own
 * text or documents; and a briefing whose review does not exist stops the
 * build.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { copyProject } from '../../tools/project-copy';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import { builtPages, siteDist } from '../../tools/built-pages';
import { buildCopy } from '../support/build-copy';
import { readBuilt, searchFragments, sitemapUrls } from '../support/built-site';
import { makePdf } from '../../tools/sample-pdf';
import { readAllEntries } from '../../src/content/files';

const dist = siteDist();
const BRIEFINGS = readAllEntries(process.cwd(), 'briefings').map((entry) => entry.file.replace(/^.*\//, '').replace(/\.mdx$/, ''));
const D = {
  path: '/learning/d-learning-briefing/',
  title: 'Learning from D',
  review: '/reviews/d-domestic-homicide-review/',
  word: 'bruises',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, base = inject('siteUrl')): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('the briefings on the site as built today', () => {
  it('has a page for every sample briefing, each marked as sample content', () => {
    expect(BRIEFINGS.length).toBe(4);
    const pages = builtPages(dist);
    for (const slug of BRIEFINGS) {
      expect(pages, slug).toContain(`/learning/${slug}/`);
      expect(readBuilt(dist, `/learning/${slug}/`), slug).toContain('Sample content');
    }
  });

  it("a briefing's page names its review, links to it, and gives the themes, the actions and the questions", async () => {
    const page = await open(D.path);
    try {
      await expect(page.locator('h1').textContent()).resolves.toBe(D.title);
      await expect(page.locator('.govuk-caption-l').first().textContent()).resolves.toBe('Learning briefing');
      const review = page.locator('.govuk-summary-list__row', { hasText: 'From the review' }).locator('a');
      await expect(review.textContent()).resolves.toBe('Domestic Homicide Review D');
      await expect(review.getAttribute('href')).resolves.toBe(D.review);
      await expect(page.locator('.govuk-summary-list__row', { hasText: 'Review published' }).textContent()).resolves.toContain(
        '1 September 2025',
      );
      const headings = await page.locator('main h2').allTextContents();
      expect(headings).toEqual(expect.arrayContaining(['Learning themes', 'What practitioners should do', 'Questions for your team']));
      await expect(page.locator('.sg-sample-tag').count()).resolves.toBe(1);
      // The review's link leads to a page that answers: the review, or its short page once withdrawn.
      await review.click();
      await page.waitForURL(`**${D.review}`);
      await expect(page.locator('a', { hasText: D.title }).count()).resolves.toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('/learning/ lists every briefing, newest review first, with its review, summary, themes and sample tag', async () => {
    const page = await open('/learning/');
    try {
      const items = page.locator('.sg-list__item');
      await expect(items.count()).resolves.toBe(BRIEFINGS.length);
      const titles = await items.locator('.sg-list__title a').allTextContents();
      expect(titles).toEqual(['Learning from Child A', 'Learning from Adult B', 'Learning from D', 'Learning from Family C']);
      const d = items.filter({ hasText: D.title });
      await expect(d.locator('a').getAttribute('href')).resolves.toBe(D.path);
      const line = (await d.innerText()).replace(/\s+/g, ' ');
      expect(line).toContain('From the Domestic Homicide Review D, published 1 September 2025');
      expect(line).toContain('Themes: Domestic abuse, Coercive control');
      await expect(d.locator('.sg-sample-label').count()).resolves.toBe(1);
      await expect(page.locator(`link[rel="alternate"][href$="/learning/rss.xml"]`).count()).resolves.toBe(1);
    } finally {
      await page.close();
    }
  });

  it('the reviews page links to the briefings', () => {
    expect(readBuilt(dist, '/reviews/')).toContain('href="/learning/"');
  });

  it('the site search finds a briefing by its words, as a "Learning briefing"', async () => {
    const page = await open(`/search/?q=${D.word}`);
    try {
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0, null, { timeout: 20_000 });
      const result = page.locator('#search-results > li').filter({ has: page.locator(`a[href="${D.path}"]`) });
      await expect(result.count()).resolves.toBe(1);
      await expect(result.locator('.sg-search-result__meta').textContent()).resolves.toContain('Learning briefing');
    } finally {
      await page.close();
    }
  });

  it('the feed has every briefing, linked to its page', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.request.get(`${inject('siteUrl')}/learning/rss.xml`);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => new URL(match[1]!).pathname);
      expect(links.sort()).toEqual(BRIEFINGS.map((slug) => `/learning/${slug}/`).sort());
      expect(xml).toContain(`<title>${D.title}</title>`);
      expect(xml).not.toContain('/reviews/');
    } finally {
      await page.close();
    }
  });

  it('each briefing prints on one or two A4 pages', async () => {
    for (const slug of BRIEFINGS) {
      const page = await open(`/learning/${slug}/`);
      try {
        const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
        const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
        expect(pages, slug).toBeGreaterThanOrEqual(1);
        expect(pages, slug).toBeLessThanOrEqual(2);
      } finally {
        await page.close();
      }
    }
  });
});

/* A review and its briefing, added to a copy of the project, built on days around the review's year. */

const REVIEW = 'briefing-test-review';
const BRIEFING = 'briefing-test-briefing';
const REVIEW_WORD = 'quillomandrake';
const BRIEFING_WORD = 'larkspurvane';
const DOCUMENT = `/documents/reviews/${REVIEW}/${REVIEW}-report.pdf`;
const DAYS = { before: '2026-04-09', first: '2026-04-10', withdrawal: '2027-04-10' } as const;
type Day = keyof typeof DAYS;

const project = copyProject('sg-briefings-');
const dists: Partial<Record<Day, string>> = {};
let failedBuild: { status: number | null; output: string } | undefined;

describe('a briefing follows its review through the one-year rule', () => {
  let server: RunningServer | undefined;

  beforeAll(() => {
    const reviews = join(project.root, 'content/reviews');
    mkdirSync(join(reviews, REVIEW), { recursive: true });
    writeFileSync(
      join(reviews, REVIEW, `${REVIEW}-report.pdf`),
      makePdf({ title: 'Briefing test review', lines: ['Briefing test review'] }),
    );
    writeFileSync(
      join(reviews, `${REVIEW}.mdx`),
      [
        '---',
        'title: Adult T',
        'type: Safeguarding Adults Review',
        'published: 2026-04-10',
        `summary: A review written for the briefing test, which says ${REVIEW_WORD} in its summary.`,
        'documents:',
        '  - title: Review report',
        `    file: ${REVIEW}-report.pdf`,
        '    accessibleAlternative: This page gives what the review found.',
        '---',
        '',
        '## What happened',
        '',
        `Adult T's neighbours noticed the ${REVIEW_WORD} long before any service did.`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project.root, 'content/briefings', `${BRIEFING}.mdx`),
      [
        '---',
        'title: Learning from Adult T',
        `review: ${REVIEW}`,
        `summary: A briefing written for the test, which says ${BRIEFING_WORD} in its summary.`,
        'themes:',
        '  - Listening to neighbours',
        '---',
        '',
        '## What practitioners should do',
        '',
        `- Ask the people next door what they see, and write down the ${BRIEFING_WORD}.`,
        '',
      ].join('\n'),
    );
    for (const [day, date] of Object.entries(DAYS) as [Day, string][]) {
      const build = buildCopy(project.root, `dist-${day}`, { SITE_NOW: date });
      if (build.status !== 0) throw new Error(`Build on ${date} failed:\n${build.output.slice(-4000)}`);
      dists[day] = build.outDir;
    }
    // Then an editor names a review that does not exist: the build stops at its content check.
    writeFileSync(
      join(project.root, 'content/briefings', 'orphan-briefing.mdx'),
      [
        '---',
        'title: Learning from nobody',
        'review: no-such-review',
        'summary: A briefing of a review that is not there.',
        '---',
        '',
        'Text.',
        '',
      ].join('\n'),
    );
    const failed = buildCopy(project.root, 'dist-orphan', { SITE_NOW: DAYS.first });
    failedBuild = { status: failed.status, output: failed.output };
  }, 900_000);

  afterAll(async () => {
    await server?.close();
    project.remove();
  });

  const page = (day: Day, path: string) => readBuilt(dists[day]!, path);
  const everywhere = (day: Day, word: string) => {
    const found: string[] = [];
    const walk = (folder: string) => {
      for (const item of readdirSync(folder, { withFileTypes: true })) {
        const full = join(folder, item.name);
        if (item.isDirectory()) walk(full);
        else if (/\.(html|xml|json|txt|js)$/.test(item.name) && readFileSync(full, 'utf8').includes(word))
          found.push(full.slice(dists[day]!.length));
      }
    };
    walk(dists[day]!);
    return found;
  };

  it('before the review is published, the briefing is nowhere: no page, list, feed, search or sitemap', () => {
    expect(page('before', `/learning/${BRIEFING}/`)).toBeUndefined();
    expect(page('before', '/learning/')).not.toContain('Learning from Adult T');
    expect(page('before', '/learning/rss.xml')).not.toContain(BRIEFING);
    expect(sitemapUrls(dists.before!).some((url) => url.includes(BRIEFING))).toBe(false);
    expect(searchFragments(dists.before!).filter((fragment) => fragment.content.includes(BRIEFING_WORD))).toEqual([]);
    expect(everywhere('before', BRIEFING_WORD)).toEqual([]);
  });

  it("from the review's first day, the briefing is listed, in the feed, search and sitemap, and the review links to it", () => {
    const html = page('first', `/learning/${BRIEFING}/`)!;
    expect(html).toContain(`href="/reviews/${REVIEW}/"`);
    expect(html).not.toContain('The full report is available on request');
    expect(page('first', '/learning/')).toContain(`href="/learning/${BRIEFING}/"`);
    expect(page('first', '/learning/rss.xml')).toContain(`/learning/${BRIEFING}/`);
    expect(sitemapUrls(dists.first!).some((url) => url.endsWith(`/learning/${BRIEFING}/`))).toBe(true);
    expect(searchFragments(dists.first!).some((fragment) => fragment.url === `/learning/${BRIEFING}/`)).toBe(true);
    expect(page('first', `/reviews/${REVIEW}/`)).toContain(`href="/learning/${BRIEFING}/"`);
  });

  it('after the review is withdrawn, the briefing stays, says the report is available on request, and the short page links to it', async () => {
    const html = page('withdrawal', `/learning/${BRIEFING}/`)!;
    expect(html).toContain(BRIEFING_WORD);
    expect(html).toContain('The full report is available on request');
    expect(html).toContain('Request%20for%20review%3A%20Safeguarding%20Adults%20Review%20Adult%20T');
    expect(html).not.toContain('name="robots"');
    expect(page('withdrawal', '/learning/')).toContain(`href="/learning/${BRIEFING}/"`);
    expect(page('withdrawal', '/learning/rss.xml')).toContain(`/learning/${BRIEFING}/`);
    expect(sitemapUrls(dists.withdrawal!).some((url) => url.endsWith(`/learning/${BRIEFING}/`))).toBe(true);
    // In Chromium: from the review's short page to the briefing, and back.
    server = await serveDirectory(dists.withdrawal!);
    const stub = await open(`/reviews/${REVIEW}/`, server.url);
    try {
      await expect(stub.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
      const link = stub.locator('main a', { hasText: 'Learning from Adult T' });
      await link.click();
      await stub.waitForURL(`**/learning/${BRIEFING}/`);
      await expect(stub.locator('h1').textContent()).resolves.toBe('Learning from Adult T');
      await expect(stub.locator('h2', { hasText: 'The full report is available on request' }).count()).resolves.toBe(1);
    } finally {
      await stub.close();
    }
  });

  it('after the review is withdrawn, none of its own text or documents is anywhere in the site', () => {
    expect(everywhere('withdrawal', REVIEW_WORD)).toEqual([]);
    expect(existsSync(join(dists.withdrawal!, DOCUMENT))).toBe(false);
    expect(existsSync(join(dists.withdrawal!, 'documents/reviews', REVIEW))).toBe(false);
    expect(page('withdrawal', `/reviews/${REVIEW}/`)).not.toContain('neighbours noticed');
  });

  it('a briefing whose review does not exist stops the build, naming the file, the field and the reviews there are', () => {
    expect(failedBuild?.status).not.toBe(0);
    expect(failedBuild?.output).toContain(
      'content/briefings/orphan-briefing.mdx: field "review" is "no-such-review", but there is no content/reviews/no-such-review.mdx',
    );
    expect(failedBuild?.output).toMatch(/the reviews are: [a-z0-9-, ]*child-a-practice-review/);
  });
});
