/** How indexes group and order entries, the way a reader needs them. */
import { AUDIENCES, AUDIENCE_LABELS, REVIEW_TYPES } from '../content/model';
import { paginate } from './pagination';
import type { Audience, BulletinData, Entry, ProcedureData, ReportData, ReviewData, ReviewType } from '../content/data-types';

/** Newest first: by number, then by date. */
export function sortBulletins<T extends Entry<BulletinData>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.data.number - a.data.number || b.data.date.localeCompare(a.data.date));
}

export const AUDIENCE_HEADINGS: Record<Audience, string> = Object.fromEntries(
  AUDIENCES.map((audience) => [audience, AUDIENCE_LABELS[audience].heading]),
) as Record<Audience, string>;

export interface Group<T> {
  heading: string;
  id: string;
  items: T[];
}

/** A category under an audience says whom it is for, so that no two headings on the page read the same. */
export function categoryHeading(category: string, audience: Audience): string {
  return `${category} for ${AUDIENCE_HEADINGS[audience].toLowerCase()}`;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Procedures by audience (children, adults, all), then category, then title. */
export function groupProcedures<T extends Entry<ProcedureData>>(entries: readonly T[]): Group<Group<T>>[] {
  return AUDIENCES.map((audience) => {
    const ofAudience = entries.filter((entry) => entry.data.audience === audience);
    const categories = [...new Set(ofAudience.map((entry) => entry.data.category))].sort((a, b) => a.localeCompare(b, 'en-GB'));
    return {
      heading: AUDIENCE_HEADINGS[audience],
      id: audience,
      items: categories.map((category) => ({
        heading: categoryHeading(category, audience),
        id: `${audience}-${slugify(category)}`,
        items: ofAudience
          .filter((entry) => entry.data.category === category)
          .sort((a, b) => a.data.title.localeCompare(b.data.title, 'en-GB')),
      })),
    };
  }).filter((group) => group.items.length > 0);
}

/** Reviews by type (in the order of the content model), newest first within each. */
export function groupReviews<T extends Entry<ReviewData>>(entries: readonly T[]): Group<T>[] {
  return REVIEW_TYPES.map((type: ReviewType) => ({
    heading: `${type}s`,
    id: slugify(type),
    items: entries
      .filter((entry) => entry.data.type === type)
      .sort((a, b) => b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title)),
  })).filter((group) => group.items.length > 0);
}

/** Newest reports first. */
export function sortReports<T extends Entry<ReportData>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.data.published.localeCompare(a.data.published));
}

/** A group as one page of a paginated index shows it: `continued` when it began on an earlier page. */
export interface PagedGroup<T> extends Group<T> {
  continued: boolean;
}

export interface GroupedPage<T> {
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
  groups: PagedGroup<PagedGroup<T>>[];
}

/**
 * Procedures (audience, then category) split into pages of `size`, in the
 * same order as the single page. A page repeats the headings of the audience
 * and category it continues, marked as continued; `startsOn` says on which
 * page each audience (and each category) begins, for the contents list.
 */
export function paginateGroups<T>(
  groups: readonly Group<Group<T>>[],
  size: number,
): { pages: GroupedPage<T>[]; startsOn: Map<string, number> } {
  const flat = groups.flatMap((group) =>
    group.items.flatMap((category) =>
      category.items.map((item, index) => ({
        group,
        category,
        item,
        firstInCategory: index === 0,
        firstInGroup: index === 0 && category === group.items[0],
      })),
    ),
  );
  const startsOn = new Map<string, number>();
  const pages = paginate(flat, size).map((one) => {
    const grouped: PagedGroup<PagedGroup<T>>[] = [];
    for (const { group, category, item, firstInCategory, firstInGroup } of one.items) {
      let audience = grouped[grouped.length - 1];
      if (!audience || audience.id !== group.id) {
        audience = { heading: group.heading, id: group.id, continued: !firstInGroup, items: [] };
        grouped.push(audience);
        if (firstInGroup) startsOn.set(group.id, one.page);
      }
      let inCategory = audience.items[audience.items.length - 1];
      if (!inCategory || inCategory.id !== category.id) {
        inCategory = { heading: category.heading, id: category.id, continued: !firstInCategory, items: [] };
        audience.items.push(inCategory);
        if (firstInCategory) startsOn.set(category.id, one.page);
      }
      inCategory.items.push(item);
    }
    return { page: one.page, pages: one.pages, from: one.from, to: one.to, total: one.total, groups: grouped };
  });
  return { pages, startsOn };
}
