/**
 * The CMS preview of a review says what the site shows on the site's today,
 * by the site's rule: not there yet, in full until a day, or only the short
 * page since a day; and the short page says what the site's short page says.
 */
import { describe, expect, it } from 'vitest';
import { readRawEntry } from '../../src/content/files';
import { reviewTitle } from '../../src/site/page-titles';
import { reviewPreviewNote, reviewPreviewNoteHtml, withdrawnReviewHtml } from '../../src/cms/review-preview';
import { leavesWebsiteText, withdrawnNotice } from '../../src/rules/review-page-text';
import type { ReviewType } from '../../src/content/data-types';
import { WITHDRAWN_REVIEW_D } from '../support/withdrawn-review';

describe('what the preview of a review says the site shows', () => {
  it('for D, withdrawn on 1 September 2026, says it is withdrawn since then, never that it leaves then', () => {
    const d = readRawEntry(`${process.cwd()}/content/reviews/d-domestic-homicide-review.mdx`, process.cwd()).data;
    const note = reviewPreviewNote(String(d.published), '2026-11-29', 1);
    expect(note).toEqual({
      state: 'withdrawn',
      title: 'What the site shows on 29 November 2026',
      heading: 'Withdrawn since 1 September 2026: available on request',
      text: 'Since 1 September 2026 the site shows only the short page below, which says the review is no longer on the website and how to ask for it. Its summary, learning themes, documents and learning briefing are not on the site; they are shown under it here for editing.',
      // The rule's own answer, which the preview draws its facts from.
      status: { state: 'withdrawn', published: '2025-09-01', withdrawn: '2026-09-01', daysToChange: -89 },
    });
    expect(JSON.stringify(note)).not.toMatch(/Leaves this website/);
  });

  it('for a review on the site, says until when, and the day it leaves', () => {
    expect(reviewPreviewNote('2026-01-20', '2026-11-29', 1)).toMatchObject({
      state: 'public',
      heading: 'On the site',
      text: 'The site shows this review in full, as below, from 20 January 2026 until 19 January 2027. On 20 January 2027 it leaves the site and is available on request.',
    });
    // The last day, and a two-year period from the settings.
    expect(reviewPreviewNote('2026-01-20', '2027-01-19', 1).state).toBe('public');
    expect(reviewPreviewNote('2026-01-20', '2027-01-20', 1).state).toBe('withdrawn');
    expect(reviewPreviewNote('2026-01-20', '2027-01-20', 2).text).toContain('until 19 January 2028. On 20 January 2028 it leaves');
  });

  it('for a scheduled review, says the site has nothing yet and the day it appears', () => {
    expect(reviewPreviewNote('2026-11-30', '2026-11-29', 1)).toMatchObject({
      state: 'scheduled',
      heading: 'Not on the site yet',
      text: 'Until 30 November 2026 the site has no page, link, search result or feed item for this review. It appears on 30 November 2026 and leaves the site on 30 November 2027. Below is its page as it will be from 30 November 2026.',
    });
    expect(reviewPreviewNote('2026-11-29', '2026-11-29', 1).state).toBe('public');
  });

  it('while the date is not set or not a date, asks for it', () => {
    for (const published of ['', '2026-02-30', '2026-1-5'])
      expect(reviewPreviewNote(published, '2026-11-29', 1)).toMatchObject({ state: 'no-date', heading: 'No publication date yet' });
  });

  it('shows the note as a labelled region, escaping its text', () => {
    const html = reviewPreviewNoteHtml({
      state: 'public',
      title: 'What the site shows on 1 May 2026',
      heading: 'On <the> site',
      text: 'A & B',
    });
    expect(html).toContain('role="region" aria-labelledby="review-status-title" data-state="public"');
    expect(html).toContain('<h2 class="govuk-notification-banner__title" id="review-status-title">What the site shows on 1 May 2026</h2>');
    expect(html).toContain('On &lt;the&gt; site');
    expect(html).toContain('A &amp; B');
  });
});

describe("the preview of a withdrawn review's short page", () => {
  it("says what the site's short page says, with the partnership's email and phone and the national library", () => {
    const { name } = WITHDRAWN_REVIEW_D;
    expect(name).toBe(reviewTitle('D', 'Domestic Homicide Review' as ReviewType));
    const html = withdrawnReviewHtml(WITHDRAWN_REVIEW_D);
    expect(html).toContain(
      '<dt class="govuk-summary-list__key">Removed from this website</dt><dd class="govuk-summary-list__value">1 September 2026</dd>',
    );
    expect(html).toContain(`<p class="govuk-body">${withdrawnNotice(1)}</p>`);
    expect(withdrawnNotice(1)).toBe(
      'The partnership keeps each published review on this website for one year. This review is no longer on the website, but it is available on request.',
    );
    expect(html).toContain(`href="mailto:SSPA@southend.gov.uk?subject=Request%20for%20review%3A%20${encodeURIComponent(name)}"`);
    expect(html).toContain('href="tel:+441702534706">01702\u00a0534706</a>');
    expect(html).toContain('Home Office');
    expect(html).not.toContain('then available on request');
    expect(leavesWebsiteText('2027-01-20')).toBe('20 January 2027, then available on request');
  });
});
