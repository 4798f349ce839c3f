/**
 * RSS feeds (bulletins, and public case reviews) and robots.txt. The feed
 * items are made here from entries; the endpoints in src/pages/ only hand
 * them to @astrojs/rss.
 */
import { displayDate } from './dates';
import { reviewTitle } from './page-titles';
import type { BulletinData, Entry, ReviewData } from './types';

export interface FeedLink { title: string; href: string }

export const BULLETINS_FEED: FeedLink = { title: 'Bulletins (RSS)', href: '/bulletins/rss.xml' };
export const REVIEWS_FEED: FeedLink = { title: 'Published case reviews (RSS)', href: '/reviews/rss.xml' };

/** The feeds a page links to in its <head>: its section's, and both from the home page. */
export function feedsFor(pathname: string): FeedLink[] {
  if (pathname === '/') return [BULLETINS_FEED, REVIEWS_FEED];
  if (pathname.startsWith('/bulletins/')) return [BULLETINS_FEED];
  if (pathname.startsWith('/reviews/')) return [REVIEWS_FEED];
  return [];
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
    link: `/bulletins/${bulletin.id}/`,
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
      link: `/reviews/${review.id}/`,
      pubDate: feedDate(review.data.published),
      description: `${review.data.sample ? SAMPLE_NOTE : ''}${review.data.summary} It leaves this website on ${displayDate(review.status.withdrawn)}, then is available on request.`,
      categories: [review.data.type, ...(review.data.themes ?? [])],
    }));
}

/** robots.txt: everything but the CMS, and where the sitemap is. */
export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin/', '', `Sitemap: ${new URL('/sitemap-index.xml', siteUrl).href}`, ''].join('\n');
}
