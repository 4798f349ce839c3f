/**
 * RSS feeds (bulletins, public case reviews, procedures' changes) and robots.txt. The feed
 * items are made here from entries; the endpoints in src/pages/ only hand
 * them to @astrojs/rss.
 */
import { displayDate } from '../rules/dates';
import { reviewTitle } from './page-titles';
import { entryOfPath, entryPath, feedSections, sectionOfPath, siteSection, type SectionName } from './sections';
import { WHAT_CHANGED_ID, type ListedChange } from '../rules/procedure-changes';
import { briefingIsPublic, type BriefingState } from '../rules/briefings';
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
export const PROCEDURE_CHANGES_FEED: FeedLink = feedOf('procedures');
export const BRIEFINGS_FEED: FeedLink = feedOf('learning');

/**
 * The feeds a page links to in its <head>: its section's (one marked
 * notOnEntryPages only from the section's own pages, such as /procedures/ and
 * /procedures/changes/), and every one from the home page.
 */
export function feedsFor(pathname: string): FeedLink[] {
  const section = sectionOfPath(pathname);
  const home = section === siteSection('home');
  const entry = entryOfPath(pathname);
  const entryPage = entry !== undefined && entry.section.template?.below?.[entry.slug] === undefined;
  return FEEDS.filter((feed) => home || (feed.section === section && !(entryPage && feed.section.feed?.notOnEntryPages))).map(
    ({ title, href }) => ({ title, href }),
  );
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories?: string[];
  /** Extra XML for the item: here, a guid of its own when the link is not unique to it. */
  customData?: string;
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
 * Every procedure's changes, newest first, as allProcedureChanges() lists
 * them: one item each, linking to its procedure's "What changed" section on
 * `site` (an absolute address, so the #part is kept), with the change's own
 * guid, since one procedure's changes share that link.
 */
export function procedureChangeFeedItems(changes: readonly ListedChange[], site: string | URL): FeedItem[] {
  return changes.map((change) => ({
    title: `${change.title}: changed on ${displayDate(change.date)}`,
    link: new URL(`${entryPath('procedures', change.slug)}#${WHAT_CHANGED_ID}`, site).href,
    pubDate: feedDate(change.date),
    description: `${change.sample ? SAMPLE_NOTE : ''}${change.summary}`,
    // A tag URI (RFC 4151), not an address: nothing to fetch, and the same while the change is.
    customData: `<guid isPermaLink="false">tag:${new URL(site).hostname},${change.date.slice(0, 4)}:procedure-change/${change.id}</guid>`,
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
  briefings: readonly (Entry<BriefingData> & { state: BriefingState; review: { data: Pick<ReviewData, 'published' | 'type'> } })[],
): FeedItem[] {
  return briefings
    .filter((briefing) => briefingIsPublic(briefing.state))
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
