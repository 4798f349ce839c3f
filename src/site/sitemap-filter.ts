/**
 * Pages that must not be in the sitemap: the 404 page, the CMS, and every
 * review that is not public today.
 */
import { entrySlug, readAllEntries } from '../content/files';
import { siteToday } from '../rules/dates';
import { retentionYearsFrom, reviewStatus } from '../rules/retention';
import { entryOfPath, sectionOfPath } from './sections';

export function hiddenReviewSlugs(root: string = process.cwd(), today: string = siteToday()): Set<string> {
  const entries = readAllEntries(root);
  const years = retentionYearsFrom(entries.find((entry) => entry.collection === 'settings')?.data);
  const hidden = new Set<string>();
  for (const entry of entries) {
    if (entry.collection !== 'reviews' || typeof entry.data.published !== 'string') continue;
    try {
      if (reviewStatus(entry.data.published, today, years).state !== 'public') hidden.add(entrySlug(entry));
    } catch {
      // A bad date fails the build in the content loader, with a message.
    }
  }
  return hidden;
}

export function excludedFromSitemap(page: string, hidden: ReadonlySet<string>): boolean {
  const path = new URL(page).pathname;
  if (sectionOfPath(path)?.notInSitemap) return true;
  const entry = entryOfPath(path);
  return entry?.section.collection === 'reviews' && hidden.has(entry.slug);
}
