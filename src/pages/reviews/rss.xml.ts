// RSS feed of the case reviews on the website today: public ones only, never
// a scheduled or withdrawn review.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPublicReviews, getSettings } from '../../content/site-content';
import { reviewFeedItems } from '../../site/feeds';
import { retentionPeriod } from '../../rules/retention';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  return rss({
    title: `${settings.siteName}: published case reviews`,
    description: `Case reviews published by the ${settings.organisation}. Each stays on the website for ${retentionPeriod(settings.reviewRetentionYears)}, then is available on request.`,
    site: site!,
    items: reviewFeedItems(await getPublicReviews()),
    customData: '<language>en-gb</language>',
    trailingSlash: true,
  });
};
