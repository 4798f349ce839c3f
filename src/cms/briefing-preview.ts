/**
 * What the CMS's preview of a learning briefing says about its review: the
 * block the briefing's page shows (src/html/blocks.ts briefingSourceBlock),
 * and a note above the preview saying whether the briefing is on the site
 * today, by the review's dates (src/rules/briefings.ts). Plain data, no
 * React: cms/previews.ts draws it, and tests check it.
 */
import { displayDate, isRealIsoDate, type IsoDate } from '../rules/dates';
import { reviewStatus } from '../rules/retention';
import { briefingState, type BriefingState } from '../rules/briefings';
import { reviewTitle } from '../site/page-titles';
import { entryPath } from '../site/sections';
import { REVIEW_TYPES } from '../content/model';
import type { BriefingSource } from '../html/blocks';
import type { ReviewType } from '../content/data-types';

export interface ChosenReview {
  /** The review's file name without .mdx, as the briefing's `review` field holds it. */
  slug: string;
  /** Its data, once the CMS has loaded it; undefined while it loads or when there is no such review. */
  data?: { title?: unknown; type?: unknown; published?: unknown; sample?: unknown };
}

export interface BriefingPreview {
  note: string;
  state?: BriefingState;
  /** What the briefing's page says about its review; undefined until a review with a real publication date is chosen. */
  source?: BriefingSource;
}

const isReviewType = (value: unknown): value is ReviewType => (REVIEW_TYPES as readonly unknown[]).includes(value);

export function briefingPreview(
  review: ChosenReview | undefined,
  today: IsoDate,
  years: number,
  contact: { email: string; phone: string },
): BriefingPreview {
  if (!review?.slug) return { note: 'Choose the review this briefing comes from: the briefing cannot be saved without one.' };
  const data = review.data;
  const published = typeof data?.published === 'string' ? data.published : '';
  if (!data || !isReviewType(data.type) || !isRealIsoDate(published))
    return { note: `Reading the review "${review.slug}"... If this stays, choose the review again.` };
  const status = reviewStatus(published, today, years);
  const state = briefingState(status);
  const reviewName = reviewTitle(String(data.title ?? ''), data.type);
  const source: BriefingSource = {
    reviewName,
    reviewHref: entryPath('reviews', review.slug),
    reviewSample: data.sample === true,
    type: data.type,
    published,
    ...(state === 'withdrawn-review' ? { withdrawn: { withdrawn: status.withdrawn, ...contact } } : {}),
  };
  const note = {
    scheduled: `Not on the site yet: this briefing appears with its review on ${displayDate(published)}.`,
    'live-review': `On the site beside its review. It stays when the review leaves the site on ${displayDate(status.withdrawn)}.`,
    'withdrawn-review': `On the site. Its review left the site on ${displayDate(status.withdrawn)}, so the briefing says the full report is available on request.`,
  }[state];
  return { note, state, source };
}
