// RSS feed of every procedure's changes, newest first: one item a change.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getProcedures, getSettings } from '../../content/site-content';
import { allProcedureChanges } from '../../rules/procedure-changes';
import { procedureChangeFeedItems } from '../../site/feeds';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  return rss({
    title: `${settings.siteName}: changes to procedures`,
    description: `Each change to the ${settings.organisation}'s procedures, newest first: the day it took effect and what changed.`,
    site: site!,
    items: procedureChangeFeedItems(allProcedureChanges(await getProcedures()), site!),
    customData: '<language>en-gb</language>',
    trailingSlash: true,
  });
};
