// RSS feed of the bulletins, newest first.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getBulletins, getSettings } from '../../content/site-content';
import { bulletinFeedItems } from '../../site/feeds';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  return rss({
    title: `${settings.siteName}: bulletins`,
    description: `Bulletins from the ${settings.organisation} to everyone who works with children and adults in Southend. Guidance may have changed since a bulletin was sent.`,
    site: site!,
    items: bulletinFeedItems(await getBulletins()),
    customData: '<language>en-gb</language>',
    trailingSlash: true,
  });
};
