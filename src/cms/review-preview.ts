/**
 * What the CMS's preview of a review says about the one-year rule: what the
 * site shows today for the review on screen, by the site's own rule
 * (reviewStatus in src/rules/retention.ts) and the site's today (siteToday,
 * in the browser: SITE_NOW when the site was started with one, otherwise the
 * date in London); and, for a withdrawn review, its short page as the site
 * shows it. Plain strings of HTML, every piece of text escaped.
 */
import { addDays, displayDate, isRealIsoDate, type IsoDate } from '../rules/dates';
import { escapeText, renderHtml } from '../html/markup';
import { withdrawnReviewBlock, type WithdrawnReview } from '../html/blocks';
import { reviewStatus, retentionPeriod, type ReviewState, type ReviewStatus } from '../rules/retention';

export interface ReviewPreviewNote {
  /** The review's state today, or 'no-date' while the publication date is not a real date. */
  state: ReviewState | 'no-date';
  /** "What the site shows on 29 November 2026" */
  title: string;
  heading: string;
  text: string;
  /** The rule's answer for a real publication date (its dates too); none while there is no date. */
  status?: ReviewStatus;
}

/** What the site shows today for a review published (or to be published) on `published`. */
export function reviewPreviewNote(published: string, today: IsoDate, years: number): ReviewPreviewNote {
  const title = `What the site shows on ${displayDate(today)}`;
  if (!isRealIsoDate(published)) {
    return {
      state: 'no-date',
      title,
      heading: 'No publication date yet',
      text: `Set the publication date: the review appears on the site that day and leaves it ${retentionPeriod(years)} later, then is available on request.`,
    };
  }
  const status = reviewStatus(published, today, years);
  const [from, leaves] = [displayDate(status.published), displayDate(status.withdrawn)];
  switch (status.state) {
    case 'scheduled':
      return {
        state: 'scheduled',
        status,
        title,
        heading: 'Not on the site yet',
        text: `Until ${from} the site has no page, link, search result or feed item for this review. It appears on ${from} and leaves the site on ${leaves}. Below is its page as it will be from ${from}.`,
      };
    case 'public':
      return {
        state: 'public',
        status,
        title,
        heading: 'On the site',
        text: `The site shows this review in full, as below, from ${from} until ${displayDate(addDays(status.withdrawn, -1))}. On ${leaves} it leaves the site and is available on request.`,
      };
    case 'withdrawn':
      return {
        state: 'withdrawn',
        status,
        title,
        heading: `Withdrawn since ${leaves}: available on request`,
        text: `Since ${leaves} the site shows only the short page below, which says the review is no longer on the website and how to ask for it. Its summary, learning themes, documents and learning briefing are not on the site; they are shown under it here for editing.`,
      };
  }
}

/** The note as a GOV.UK notification banner, above the preview of the page. */
export function reviewPreviewNoteHtml(note: ReviewPreviewNote): string {
  return (
    `<div class="govuk-notification-banner sg-preview-status" role="region" aria-labelledby="review-status-title" data-state="${note.state}">` +
    `<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="review-status-title">${escapeText(note.title)}</h2></div>` +
    `<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${escapeText(note.heading)}</p><p class="govuk-body">${escapeText(note.text)}</p></div></div>`
  );
}

export type WithdrawnPage = WithdrawnReview;

/** The short page of a withdrawn review, as src/pages/reviews/[slug].astro makes it: the same block (src/html/blocks.ts). */
export function withdrawnReviewHtml(page: WithdrawnPage): string {
  return renderHtml(withdrawnReviewBlock(page));
}
