/**
 * Learning briefings follow their review's dates (src/rules/retention.ts):
 * a briefing is on the site from its review's publication date, like the
 * review, and stays after the review is withdrawn, because the learning
 * should outlive the report. Before the review's date it is nowhere: no
 * page, list, feed, search entry or sitemap entry, exactly like the review.
 */
import type { ReviewStatus } from './retention';

/**
 * - `scheduled`: its review is not published yet, so neither is the briefing;
 * - `live-review`: on the site, beside its review;
 * - `withdrawn-review`: on the site, its review withdrawn (available on request).
 */
export type BriefingState = 'scheduled' | 'live-review' | 'withdrawn-review';

/** A briefing's state, from its review's state on the same day. */
export function briefingState(review: Pick<ReviewStatus, 'state'>): BriefingState {
  switch (review.state) {
    case 'scheduled':
      return 'scheduled';
    case 'public':
      return 'live-review';
    case 'withdrawn':
      return 'withdrawn-review';
  }
}

/** Whether a briefing in this state has a page, and is in the lists, the feed, the search and the sitemap. */
export function briefingIsPublic(state: BriefingState): boolean {
  return state !== 'scheduled';
}

/** What a list of briefings sorts by: its review's publication date and its own title. */
export interface BriefingSortKey {
  published: string;
  title: string;
}

/** Briefings newest review first; briefings of reviews published on the same day by title. */
export function sortBriefings<T>(items: readonly T[], key: (item: T) => BriefingSortKey): T[] {
  return [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return kb.published.localeCompare(ka.published) || ka.title.localeCompare(kb.title);
  });
}
