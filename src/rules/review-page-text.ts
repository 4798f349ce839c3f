/**
 * The words a review's page uses about the one-year rule, written once for
 * the site (src/pages/reviews/[slug].astro) and the CMS's preview of a
 * review (src/cms/review-preview.ts), so that the preview says what the
 * page says.
 */
import { displayDate, type IsoDate } from './dates';
import { retentionPeriod } from './retention';

/** The "Leaves this website" row of a public review: "20 January 2027, then available on request". */
export function leavesWebsiteText(withdrawn: IsoDate): string {
  return `${displayDate(withdrawn)}, then available on request`;
}

/** What a withdrawn review's short page says about it. */
export function withdrawnNotice(years: number): string {
  return `The partnership keeps each published review on this website for ${retentionPeriod(years)}. This review is no longer on the website, but it is available on request.`;
}

/** The subject of the email that asks for a withdrawn review. */
export function requestSubject(name: string): string {
  return `Request for review: ${name}`;
}
