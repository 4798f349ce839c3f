import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, documentTitle, paginatedTitle, reviewTitle, withdrawnReviewTitle } from '../../src/site/page-titles';
import { REVIEW_TYPES } from '../../src/content/model';

const site = { siteName: 'Safeguarding Southend', organisation: 'Southend Safeguarding Partnership' };

describe('the title in the browser tab', () => {
  it('is the page title, then the site name', () => {
    expect(documentTitle({ ...site, title: 'Report a concern' })).toBe('Report a concern - Safeguarding Southend');
  });
  it('names the site and the partnership on the home page', () => {
    expect(documentTitle({ ...site, title: 'Safeguarding Southend', home: true })).toBe(
      'Safeguarding Southend: Southend Safeguarding Partnership',
    );
  });
  it('never says the site name twice', () => {
    expect(documentTitle({ ...site, title: 'Accessibility statement for Safeguarding Southend' })).toBe(
      'Accessibility statement for Safeguarding Southend',
    );
    expect(documentTitle({ ...site, title: 'About safeguarding southend' })).toBe('About safeguarding southend');
  });
  it(`leaves the site name off rather than go over ${MAX_TITLE_LENGTH} characters`, () => {
    const title = 'Southend Local Safeguarding Children Board annual report 2015 to 2016';
    expect(`${title} - Safeguarding Southend`.length).toBeGreaterThan(MAX_TITLE_LENGTH);
    expect(documentTitle({ ...site, title })).toBe(title);
    const fits = 'a'.repeat(MAX_TITLE_LENGTH - ' - Safeguarding Southend'.length);
    expect(documentTitle({ ...site, title: fits })).toBe(`${fits} - Safeguarding Southend`);
    expect(documentTitle({ ...site, title: fits })).toHaveLength(MAX_TITLE_LENGTH);
    expect(documentTitle({ ...site, title: `${fits}b` })).toBe(`${fits}b`);
  });
  it('tidies spaces an editor left in', () => {
    expect(documentTitle({ ...site, title: '  Contact   us ' })).toBe('Contact us - Safeguarding Southend');
  });
});

describe("a review's title", () => {
  it('says what kind of review it is', () => {
    expect(reviewTitle('D', 'Domestic Homicide Review')).toBe('Domestic Homicide Review D');
    expect(reviewTitle('Child A', 'Child Safeguarding Practice Review')).toBe('Child Safeguarding Practice Review Child A');
    expect(reviewTitle('Adult B', 'Safeguarding Adults Review')).toBe('Safeguarding Adults Review Adult B');
  });
  it('is not doubled when the editor has already named the type', () => {
    expect(reviewTitle('Domestic Homicide Review into the death of E', 'Domestic Homicide Review')).toBe(
      'Domestic Homicide Review into the death of E',
    );
    expect(reviewTitle('Learning review: Family F', 'Learning Review')).toBe('Learning review: Family F');
  });
  it("on a withdrawn review's page, says the review is no longer on the website", () => {
    expect(withdrawnReviewTitle('D', 'Domestic Homicide Review')).toBe('Domestic Homicide Review D (no longer on this website)');
  });
  it('fits a tab for every type of review with a short name', () => {
    for (const type of REVIEW_TYPES) {
      expect(documentTitle({ ...site, title: withdrawnReviewTitle('Child A', type) }).length, type).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    }
  });
});

describe('a page of a long index', () => {
  it('says which page of how many it is, and keeps the plain title when there is one page', () => {
    expect(paginatedTitle('Bulletins', 2, 5)).toBe('Bulletins, page 2 of 5');
    expect(paginatedTitle('Bulletins', 1, 5)).toBe('Bulletins, page 1 of 5');
    expect(paginatedTitle('Bulletins', 1, 1)).toBe('Bulletins');
  });
  it('keeps the site name in the tab while it fits, the page number always', () => {
    expect(documentTitle({ ...site, title: paginatedTitle('Procedures', 12, 56) })).toBe(
      'Procedures, page 12 of 56 - Safeguarding Southend',
    );
    const long = paginatedTitle('A to Z: pages starting with another character', 12, 30);
    expect(documentTitle({ ...site, title: long })).toBe(long);
    expect(long.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });
});
