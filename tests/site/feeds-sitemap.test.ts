/**
 * The built site's feeds, sitemap, robots.txt and canonical links: only
 * public pages are listed, every address uses the one configured site
 * address, and the head of each section links its feed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, siteDist } from '../../tools/built-pages';
import { readBuilt, sitemapUrls } from '../support/built-site';
import { SITE_URL } from '../../src/site/site-address';

const dist = siteDist();
const pages = builtPages(dist);
const html = (path: string) => readBuilt(dist, path)!;
const noindex = (path: string) => html(path).includes('<meta name="robots" content="noindex">');

/** Pages anyone may find: not the CMS, the 404 page or a noindex page (a withdrawn review). */
const publicPages = pages.filter((path) => !path.startsWith('/admin/') && path !== '/404.html' && !noindex(path));
const reviewPages = pages.filter((path) => /^\/reviews\/[^/]+\/$/.test(path));
const publicReviews = reviewPages.filter((path) => !noindex(path));
const withdrawnReviews = reviewPages.filter(noindex);

const feedLinks = (xml: string) => [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]!);

describe('the sitemap', () => {
  it('lists exactly the public pages, at the site address', () => {
    const urls = sitemapUrls(dist);
    expect(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${SITE_URL}/sitemap-0.xml</loc>`);
    expect(urls.map((url) => url.replace(SITE_URL, '')).sort()).toEqual([...publicPages].sort());
  });
  it('leaves out the CMS, the 404 page and withdrawn reviews', () => {
    const urls = sitemapUrls(dist);
    expect(withdrawnReviews.length).toBeGreaterThan(0);
    for (const path of [...withdrawnReviews, '/404.html', '/404/', '/admin/']) expect(urls, path).not.toContain(`${SITE_URL}${path}`);
    expect(urls.some((url) => url.includes('/admin'))).toBe(false);
  });
});

describe('robots.txt', () => {
  it('keeps robots out of the CMS and points at the sitemap', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
  });
});

describe('the feeds', () => {
  it('list every bulletin, newest first', () => {
    const xml = readFileSync(join(dist, 'bulletins/rss.xml'), 'utf8');
    const bulletins = pages.filter((path) => /^\/bulletins\/[^/]+\/$/.test(path));
    const links = feedLinks(xml);
    expect(links.map((url) => url.replace(SITE_URL, '')).sort()).toEqual([...bulletins].sort());
    const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((match) => Date.parse(match[1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
  it('list only the reviews that are public today', () => {
    const links = feedLinks(readFileSync(join(dist, 'reviews/rss.xml'), 'utf8'));
    expect(publicReviews.length).toBeGreaterThan(0);
    expect(links.map((url) => url.replace(SITE_URL, '')).sort()).toEqual([...publicReviews].sort());
    for (const path of withdrawnReviews) expect(links, path).not.toContain(`${SITE_URL}${path}`);
  });
  it('are linked from the head of their sections and the home page', () => {
    const bulletinsFeed = `<link rel="alternate" type="application/rss+xml" title="Bulletins (RSS)" href="${SITE_URL}/bulletins/rss.xml">`;
    const reviewsFeed = `<link rel="alternate" type="application/rss+xml" title="Published case reviews (RSS)" href="${SITE_URL}/reviews/rss.xml">`;
    for (const path of ['/', '/bulletins/', pages.find((path) => path.startsWith('/bulletins/covid'))!])
      expect(html(path), path).toContain(bulletinsFeed);
    for (const path of ['/', '/reviews/', ...publicReviews]) expect(html(path), path).toContain(reviewsFeed);
    // Procedures' changes: from the home page, /procedures/ and /procedures/changes/, not from each procedure.
    const changesFeed = `<link rel="alternate" type="application/rss+xml" title="Procedure changes (RSS)" href="${SITE_URL}/procedures/changes.xml">`;
    for (const path of ['/', '/procedures/', '/procedures/changes/']) expect(html(path), path).toContain(changesFeed);
    expect(html('/procedures/rapid-review/')).not.toContain('application/rss+xml');
    expect(html('/about/')).not.toContain('application/rss+xml');
  });
});

describe('canonical links', () => {
  it('use the one configured site address on every page', () => {
    for (const path of pages.filter((candidate) => !candidate.startsWith('/admin/') && candidate !== '/404.html')) {
      expect(html(path), path).toContain(`<link rel="canonical" href="${SITE_URL}${path}">`);
    }
  });
});
