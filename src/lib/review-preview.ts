/**
 * What the CMS's preview of a review says about the one-year rule: what the
 * site shows today for the review on screen, by the site's own rule
 * (reviewStatus in src/lib/retention.ts) and the site's today (siteToday,
 * in the browser: SITE_NOW when the site was started with one, otherwise the
 * date in London); and, for a withdrawn review, its short page as the site
 * shows it. Plain strings of HTML, every piece of text escaped.
 */
import { escapeHtml } from './cms-preview-html';
import { addDays, displayDate, isRealIsoDate, type IsoDate } from './dates';
import { nationalLibraryFor } from './national-libraries';
import { phoneText, telHref } from './phone';
import { reviewStatus, retentionPeriod, type ReviewState } from './retention';
import { requestSubject, withdrawnNotice } from './review-page-text';
import type { ReviewType } from './types';

export interface ReviewPreviewNote {
  /** The review's state today, or 'no-date' while the publication date is not a real date. */
  state: ReviewState | 'no-date';
  /** "What the site shows on 29 November 2026" */
  title: string;
  heading: string;
  text: string;
}

/** What the site shows today for a review published (or to be published) on `published`. */
export function reviewPreviewNote(published: string, today: IsoDate, years: number): ReviewPreviewNote {
  const title = `What the site shows on ${displayDate(today)}`;
  if (!isRealIsoDate(published)) {
    return { state: 'no-date', title, heading: 'No publication date yet', text: `Set the publication date: the review appears on the site that day and leaves it ${retentionPeriod(years)} later, then is available on request.` };
  }
  const status = reviewStatus(published, today, years);
  const [from, leaves] = [displayDate(status.published), displayDate(status.withdrawn)];
  switch (status.state) {
    case 'scheduled':
      return { state: 'scheduled', title, heading: 'Not on the site yet', text: `Until ${from} the site has no page, link, search result or feed item for this review. It appears on ${from} and leaves the site on ${leaves}. Below is its page as it will be from ${from}.` };
    case 'public':
      return { state: 'public', title, heading: 'On the site', text: `The site shows this review in full, as below, from ${from} until ${displayDate(addDays(status.withdrawn, -1))}. On ${leaves} it leaves the site and is available on request.` };
    case 'withdrawn':
      return { state: 'withdrawn', title, heading: `Withdrawn since ${leaves}: available on request`, text: `Since ${leaves} the site shows only the short page below, which says the review is no longer on the website and how to ask for it. Its summary, learning themes, documents and learning briefing are not on the site; they are shown under it here for editing.` };
  }
}

/** The note as a GOV.UK notification banner, above the preview of the page. */
export function reviewPreviewNoteHtml(note: ReviewPreviewNote): string {
  return `<div class="govuk-notification-banner sg-preview-status" role="region" aria-labelledby="review-status-title" data-state="${note.state}">`
    + `<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="review-status-title">${escapeHtml(note.title)}</h2></div>`
    + `<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${escapeHtml(note.heading)}</p><p class="govuk-body">${escapeHtml(note.text)}</p></div></div>`;
}

export interface WithdrawnPage {
  /** "Domestic Homicide Review D" */
  name: string;
  type: string;
  published: IsoDate;
  withdrawn: IsoDate;
  years: number;
  email: string;
  phone: string;
}

/** The short page of a withdrawn review, as src/pages/reviews/[slug].astro makes it. */
export function withdrawnReviewHtml(page: WithdrawnPage): string {
  const rows = [['Type of review', page.type], ['Published', displayDate(page.published)], ['Removed from this website', displayDate(page.withdrawn)]]
    .map(([key, value]) => `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${escapeHtml(key!)}</dt><dd class="govuk-summary-list__value">${escapeHtml(value!)}</dd></div>`).join('');
  const library = nationalLibraryFor(page.type as ReviewType);
  const mail = `mailto:${page.email}?subject=${encodeURIComponent(requestSubject(page.name))}`;
  return `<dl class="govuk-summary-list">${rows}</dl>`
    + `<p class="govuk-body">${escapeHtml(withdrawnNotice(page.years))}</p>`
    + '<h2 class="govuk-heading-m">How to ask for this review</h2>'
    + `<p class="govuk-body">Email <a class="govuk-link" href="${escapeHtml(mail)}">${escapeHtml(page.email)}</a> or phone <a class="govuk-link" href="${escapeHtml(telHref(page.phone))}">${escapeHtml(phoneText(page.phone))}</a>. Tell us the name of the review, "${escapeHtml(page.name)}", and how you would like to receive it.</p>`
    + (library ? `<p class="govuk-body">${escapeHtml(library.before)}<a class="govuk-link" href="${escapeHtml(library.href)}">${escapeHtml(library.name)}</a>${escapeHtml(library.after)}</p>` : '');
}
