/**
 * What a procedure's page says about it (src/pages/procedures/[slug].astro),
 * and its preview in the CMS (cms/previews.ts) with it: who it is for, when it
 * was last reviewed and is next due, and the warning once that date has passed
 * by the site's today.
 */
import { displayDate, isRealIsoDate, type IsoDate } from './dates';
import { AUDIENCE_HEADINGS } from './listing';
import type { SummaryRow } from '../html/blocks';
import type { Audience } from '../content/data-types';

export interface ProcedureFacts {
  audience: string;
  lastReviewed: IsoDate;
  reviewDue: IsoDate;
}

/** Overdue from the day after its review date, by the site's today (siteToday; in the CMS, cmsToday). */
export function reviewOverdue(reviewDue: IsoDate, today: IsoDate): boolean {
  return isRealIsoDate(reviewDue) && reviewDue < today;
}

/** The rows under the summary; `date` shows a date (the preview's shows what the editor has typed so far). */
export function procedureFacts(data: ProcedureFacts, date: (value: IsoDate) => string = displayDate): SummaryRow[] {
  return [
    ['For', AUDIENCE_HEADINGS[data.audience as Audience] ?? data.audience],
    ['Last reviewed', date(data.lastReviewed)],
    ['Next review due', date(data.reviewDue)],
  ];
}

export function overdueWarningText(reviewDue: IsoDate): string {
  return `This procedure was due for review on ${displayDate(reviewDue)} and may be out of date. Check with your organisation's safeguarding lead before relying on it.`;
}
