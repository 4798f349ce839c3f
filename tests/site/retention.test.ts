/**
 * The one-year rule on the built site: a review added to content/reviews/ as
 * an editor adds one (its .mdx file, and its report in a folder of the same
 * name), built with SITE_NOW on days before, during and after its year. No
 * assertion depends on the real date.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../tools/build-site';
import { copyProject } from '../../tools/project-copy';
import { readBuilt, searchFragments, sitemapUrls } from '../support/built-site';
import { makePdf } from '../../tools/sample-pdf';
import { NSPCC_LIBRARY, SAR_LIBRARY } from '../../src/site/national-libraries';

const SLUG = 'rule-test-review';
const DOCUMENT = `/documents/reviews/${SLUG}/${SLUG}-report.pdf`;
const DAYS = {
  before: '2026-03-14',
  first: '2026-03-15',
  last: '2027-03-14',
  withdrawal: '2027-03-15',
} as const;

const project = copyProject('sg-retention-');
const dists: Record<string, string> = {};

function contentHash(folder: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(relative(folder, full)).update(readFileSync(full));
    }
  };
  walk(folder);
  return hash.digest('hex');
}

let hashBefore = '';

beforeAll(() => {
  const reviews = join(project.root, 'content/reviews');
  mkdirSync(join(reviews, SLUG), { recursive: true });
  writeFileSync(
    join(reviews, SLUG, `${SLUG}-report.pdf`),
    makePdf({ title: 'Rule test review', lines: ['Rule test review', 'A document for the retention test.'] }),
  );
  writeFileSync(
    join(reviews, `${SLUG}.mdx`),
    [
      '---',
      'title: Rule Test Review',
      'type: Safeguarding Adults Review',
      'published: 2026-03-15',
      'summary: A review written for the retention test, with the word zanzibarquill in it.',
      'documents:',
      '  - title: Review report',
      `    file: ${SLUG}-report.pdf`,
      '    accessibleAlternative: This page gives what the review found.',
      'themes:',
      '  - Testing the rule',
      'sample: true',
      '---',
      '',
      '## What we learned',
      '',
      'The learning briefing mentions zanzibarquill as well.',
      '',
    ].join('\n'),
  );
  hashBefore = contentHash(join(project.root, 'content'));
  // One cache kept from day to day, as the deploy keeps it between its daily
  // runs: what a build caches (content, images) must never carry one day's
  // decision into the next. The first build is cold, the others warm.
  for (const [day, date] of Object.entries(DAYS)) {
    const outDir = join(project.root, `dist-${day}`);
    const build = buildSite({ root: project.root, outDir, env: { SITE_NOW: date, ASTRO_CACHE_DIR: join(project.root, '.cache') } });
    if (build.status !== 0) throw new Error(`Build on ${date} failed:\n${build.output.slice(-4000)}`);
    dists[day] = outDir;
  }
}, 600_000);

afterAll(() => project.remove());

const page = (day: keyof typeof DAYS, path: string) => readBuilt(dists[day]!, path);
const inSitemap = (day: keyof typeof DAYS) => sitemapUrls(dists[day]!).some((url) => url.endsWith(`/reviews/${SLUG}/`));
const inFeed = (day: keyof typeof DAYS) => (page(day, '/reviews/rss.xml') ?? '').includes(`/reviews/${SLUG}/`);
const searchHits = (day: keyof typeof DAYS) =>
  searchFragments(dists[day]!).filter((fragment) => fragment.url.includes(SLUG) || fragment.content.includes('zanzibarquill'));

describe('before its publication date', () => {
  it('is not on the site at all', () => {
    expect(page('before', `/reviews/${SLUG}/`)).toBeUndefined();
    expect(page('before', '/reviews/')).not.toContain('Rule Test Review');
    expect(inSitemap('before')).toBe(false);
    expect(page('before', '/reviews/rss.xml')).toBeDefined();
    expect(inFeed('before')).toBe(false);
    expect(searchHits('before')).toEqual([]);
    expect(existsSync(join(dists.before!, DOCUMENT))).toBe(false);
  });
});

describe.each(['first', 'last'] as const)('on its %s public day', (day) => {
  it('has a full page, listed in the index, the sitemap, the feed and the search index, with its document', () => {
    const html = page(day, `/reviews/${SLUG}/`)!;
    expect(html).toContain('The learning briefing mentions zanzibarquill');
    expect(html).toContain('Leaves this website');
    expect(html).toContain('15 March 2027');
    expect(html).not.toContain('name="robots"');
    expect(html).toContain(`href="${DOCUMENT}"`);
    expect(html).toMatch(/PDF, \d+ (bytes|KB)/);
    expect(page(day, '/reviews/')).toContain(`href="/reviews/${SLUG}/"`);
    expect(inSitemap(day)).toBe(true);
    expect(inFeed(day)).toBe(true);
    expect(searchHits(day).map((fragment) => fragment.url)).toEqual([`/reviews/${SLUG}/`]);
    expect(existsSync(join(dists[day]!, DOCUMENT))).toBe(true);
  });
});

describe('from the withdrawal day', () => {
  it('answers with a short noindex page saying it is available on request', () => {
    const html = page('withdrawal', `/reviews/${SLUG}/`)!;
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<h1 class="govuk-heading-xl">Safeguarding Adults Review Rule Test Review (no longer on this website)</h1>');
    expect(html).toContain('15 March 2026');
    expect(html).toContain('15 March 2027');
    expect(html).toContain('available on request');
    expect(html).toContain('SSPA@southend.gov.uk');
    // A safeguarding adults review's national library, never the NSPCC's, which holds reviews about children.
    expect(html).toContain(`href="${SAR_LIBRARY.href}"`);
    expect(html).not.toContain(NSPCC_LIBRARY.href);
    expect(html).not.toContain('zanzibarquill');
    expect(html).not.toContain(DOCUMENT);
  });
  it('is gone from the index, the home page, the sitemap, the feed and the search index, and its document is not built', () => {
    expect(page('withdrawal', '/reviews/')).not.toContain(`/reviews/${SLUG}/`);
    expect(page('withdrawal', '/')).not.toContain(`/reviews/${SLUG}/`);
    expect(inSitemap('withdrawal')).toBe(false);
    expect(inFeed('withdrawal')).toBe(false);
    expect(searchHits('withdrawal')).toEqual([]);
    expect(searchFragments(dists.withdrawal!).length).toBeGreaterThan(10);
    expect(existsSync(join(dists.withdrawal!, 'documents/reviews', SLUG))).toBe(false);
  });
});

describe('nothing is lost', () => {
  it('no build changed or deleted anything in content/', () => {
    expect(contentHash(join(project.root, 'content'))).toBe(hashBefore);
    expect(existsSync(join(project.root, 'content/reviews', `${SLUG}.mdx`))).toBe(true);
  });
});
