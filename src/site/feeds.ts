/**
 * RSS feeds (bulletins, and public case reviews) and robots.txt. The feed
 * items are made here from entries; the endpoints in src/pages/ only hand
 * them to @astrojs/rss.
 */
import { displayDate } from '../rules/dates';
import { reviewTitle } from './page-titles';
import { entryPath, feedSections, sectionOfPath, siteSection, type SectionName } from './sections';
import type { BriefingData, BulletinData, Entry, ReviewData } from '../content/data-types';

export interface FeedLink {
  title: string;
  href: string;
}

const FEEDS = feedSections();

function feedOf(name: SectionName): FeedLink {
  const feed = FEEDS.find(({ section }) => section.name === name);
  if (!feed) throw new Error(`The section "${name}" has no feed in src/site/sections.ts`);
  return { title: feed.title, href: feed.href };
}

export const BULLETINS_FEED: FeedLink = feedOf('bulletins');
export const REVIEWS_FEED: FeedLink = feedOf('reviews');
export const BRIEFINGS_FEED: FeedLink = feedOf('learning');

/** The feeds a page links to in its <head>: its section's, and every one from the home page. */
export function feedsFor(pathname: string): FeedLink[] {
  const section = sectionOfPath(pathname);
  const home = section === siteSection('home');
  return FEEDS.filter((feed) => home || feed.section === section).map(({ title, href }) => ({ title, href }));
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories?: string[];
}

/** A date as the start of that day in UTC, for a feed's pubDate. */
export function feedDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

const SAMPLE_NOTE = 'Sample content. ';

/** Bulletins, newest first, as they come from getBulletins(). */
export function bulletinFeedItems(bulletins: readonly Entry<BulletinData>[]): FeedItem[] {
  return bulletins.map((bulletin) => ({
    title: bulletin.data.title,
    link: entryPath('bulletins', bulletin.id),
    pubDate: feedDate(bulletin.data.date),
    description: `${bulletin.data.sample ? SAMPLE_NOTE : ''}${bulletin.data.summary}`,
    ...(bulletin.data.topics?.length ? { categories: [...bulletin.data.topics] } : {}),
  }));
}

/**
 * Reviews for the feed: pass only public ones (getPublicReviews()). Newest
 * first; each says when it leaves the site.
 */
export function reviewFeedItems(reviews: readonly (Entry<ReviewData> & { status: { state: string; withdrawn: string } })[]): FeedItem[] {
  const publicReviews = reviews.filter((review) => review.status.state === 'public');
  return [...publicReviews]
    .sort((a, b) => b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title))
    .map((review) => ({
      title: reviewTitle(review.data.title, review.data.type),
      link: entryPath('reviews', review.id),
      pubDate: feedDate(review.data.published),
      description: `${review.data.sample ? SAMPLE_NOTE : ''}${review.data.summary} It leaves this website on ${displayDate(review.status.withdrawn)}, then is available on request.`,
      categories: [review.data.type, ...(review.data.themes ?? [])],
    }));
}

/**
 * Learning briefings for the feed: pass only those on the site
 * (getPublicBriefings(), newest review first). Dated by their review's
 * publication, the day each appeared. An item names its review's type,
 * never the review's address: once the review is withdrawn, no feed may
 * hold it (src/rules/withdrawn-check.ts).
 */
export function briefingFeedItems(
  briefings: readonly (Entry<BriefingData> & { state: string; review: { data: Pick<ReviewData, 'published' | 'type'> } })[],
): FeedItem[] {
  return briefings
    .filter((briefing) => briefing.state !== 'scheduled')
    .map((briefing) => ({
      title: briefing.data.title,
      link: entryPath('learning', briefing.id),
      pubDate: feedDate(briefing.review.data.published),
      description: `${briefing.data.sample ? SAMPLE_NOTE : ''}${briefing.data.summary}`,
      categories: [briefing.review.data.type, ...(briefing.data.themes ?? [])],
    }));
}

/** robots.txt: everything but the CMS, and where the sitemap is. */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    `Disallow: ${siteSection('admin').path}`,
    '',
    `Sitemap: ${new URL('/sitemap-index.xml', siteUrl).href}`,
    '',
  ].join('\n');
}
