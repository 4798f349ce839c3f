/**
 * Every entry page's share image, known before Astro builds a page: from the
 * content files the build's content check has already read and checked
 * (src/integrations/content-check.ts), so the images can be drawn while
 * Astro is still starting (src/integrations/share-images.ts) instead of only
 * once each page asks for its own.
 *
 * Each entry's data is read by the same schema the collections use, its page
 * is headed by the same function its template uses
 * (src/site/entry-page-headings.ts), and its image content is made by the same
 * function as the layout's (pageShareImageContent), so a prediction is the
 * image the page will ask for. The page's own request stays the truth: an
 * image predicted that no page asks for is never put in the site, and the
 * build counts it.
 *
 * Entry pages only (pages, procedures, bulletins, public reviews, reports);
 * the dozen pages with fixed titles (home, lists, search...) ask for theirs
 * as they are built.
 */
import { entrySlug, type RawEntry } from '../content/files';
import type { CollectionName } from '../content/model';
import { SCHEMAS } from '../content/schemas';
import {
  bulletinHeading,
  pageHeading,
  procedureHeading,
  reportHeading,
  reviewHeading,
  type EntryPageHeading,
} from '../site/entry-page-headings';
import { reviewStatus } from '../rules/retention';
import { pageShareImageContent, shareImageKey, type ShareImageContent } from './share-image';
import { entryPath } from '../site/sections';
import type { BulletinData, PageData, ProcedureData, ReportData, ReviewData, SettingsData } from '../content/data-types';

export interface PredictedShareImage {
  key: string;
  content: ShareImageContent;
  /** The page's address, "/procedures/neglect/". */
  page: string;
}

interface EntryPage {
  pathname: (slug: string) => string;
  heading: (data: never) => EntryPageHeading;
}

/** The collections whose entries have a page of their own, where it is and how it is headed. */
const ENTRY_PAGES: Partial<Record<CollectionName, EntryPage>> = {
  pages: { pathname: (slug) => `/${slug}/`, heading: (data: PageData) => pageHeading(data) },
  procedures: { pathname: (slug) => entryPath('procedures', slug), heading: (data: ProcedureData) => procedureHeading(data) },
  bulletins: { pathname: (slug) => entryPath('bulletins', slug), heading: (data: BulletinData) => bulletinHeading(data) },
  reviews: { pathname: (slug) => entryPath('reviews', slug), heading: (data: ReviewData) => reviewHeading(data) },
  reports: { pathname: (slug) => entryPath('reports', slug), heading: (data: ReportData) => reportHeading(data) },
};

/** The entry's data as its collection's schema gives it to the pages (text trimmed, dates normalised), or undefined if it does not fit. */
function schemaData<T>(entry: RawEntry): T | undefined {
  const parsed = SCHEMAS[entry.collection].safeParse(entry.data);
  return parsed.success ? (parsed.data as T) : undefined;
}

/**
 * The share image of every entry page the build will make: one per page,
 * in the order of `entries`. A review has a page with an image only while it
 * is public on `today` (a withdrawn review's short page is noindex, a
 * scheduled one has none). An entry that does not fit its schema is left
 * out (the build stops on it anyway).
 */
export function predictShareImages(entries: readonly RawEntry[], options: { siteUrl: string; today: string }): PredictedShareImage[] {
  const settingsEntry = entries.find((entry) => entry.collection === 'settings');
  const settings = settingsEntry ? schemaData<SettingsData>(settingsEntry) : undefined;
  if (!settings) return [];
  const predicted: PredictedShareImage[] = [];
  for (const entry of entries) {
    const page = ENTRY_PAGES[entry.collection];
    if (!page) continue;
    const data = schemaData<{ sample?: boolean }>(entry);
    if (!data) continue;
    if (
      entry.collection === 'reviews' &&
      reviewStatus((data as ReviewData).published, options.today, settings.reviewRetentionYears).state !== 'public'
    )
      continue;
    const pathname = page.pathname(entrySlug(entry));
    const content = pageShareImageContent(settings, options.siteUrl, {
      pathname,
      ...page.heading(data as never),
      sample: data.sample === true,
    });
    predicted.push({ key: shareImageKey(content), content, page: pathname });
  }
  return predicted;
}
