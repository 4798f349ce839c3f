// RSS feed of the learning briefings on the website today, newest review
// first: a briefing of a withdrawn review stays; one whose review is not
// published yet is not in it.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPublicBriefings, getSettings } from '../../content/site-content';
import { briefingFeedItems } from '../../site/feeds';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  return rss({
    title: `${settings.siteName}: learning briefings`,
    description: `Short learning briefings from the case reviews of the ${settings.organisation}: learning themes, what practitioners should do differently and questions for team discussion. They stay on the website after a review is withdrawn.`,
    site: site!,
    items: briefingFeedItems(await getPublicBriefings()),
    customData: '<language>en-gb</language>',
    trailingSlash: true,
  });
};
