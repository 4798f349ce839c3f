import { describe, expect, it } from 'vitest';
import { formatRetentionReport, retentionReport } from '../../src/rules/retention-report';
import { missingSettings } from '../../src/site/settings-report';
import { excludedFromSitemap } from '../../src/site/sitemap-filter';

const reviews = [
  { file: 'content/reviews/a.mdx', title: 'A', type: 'Learning Review', published: '2025-12-10' },
  { file: 'content/reviews/b.mdx', title: 'B', type: 'Safeguarding Adults Review', published: '2026-06-01' },
  { file: 'content/reviews/c.mdx', title: 'C', type: 'Learning Review', published: '2024-01-01' },
  { file: 'content/reviews/d.mdx', title: 'D', type: 'Domestic Homicide Review', published: '2027-01-05' },
];

describe('the retention report for the comms team', () => {
  const report = retentionReport(reviews, '2026-11-25', 1);

  it('gives every review its state, ordered by the day it leaves', () => {
    expect(report.reviews.map((review) => [review.title, review.status.state])).toEqual([
      ['C', 'withdrawn'],
      ['A', 'public'],
      ['B', 'public'],
      ['D', 'scheduled'],
    ]);
  });
  it('lists what leaves the site in the next 30 days, and what is scheduled', () => {
    expect(report.leavingSoon.map((review) => review.title)).toEqual(['A']);
    expect(report.scheduled.map((review) => review.title)).toEqual(['D']);
  });
  it('says it in words, with files and missing settings', () => {
    const text = formatRetentionReport(report, ['Adult social care, office hours (adultsInHours)']);
    expect(text).toContain('Published reviews on 25 November 2026 (each stays one year from publication)');
    expect(text).toContain('A: on 10 December 2026 (in 15 days)  [content/reviews/a.mdx]');
    expect(text).toContain('D: appears 5 January 2027');
    expect(text).toContain('C (Learning Review): published 1 January 2024, left 1 January 2025; available on request');
    expect(text).toContain('Adult social care, office hours (adultsInHours)');
  });
});

describe('settings still to fill in', () => {
  it('lists optional settings that are empty', () => {
    expect(
      missingSettings({
        adultsInHours: '',
        childrenInHours: '01702 215007',
        outOfHours: '0345 606 1212',
        childrenInHoursTimes: 'x',
        adultsContactPage: 'https://www.southend.gov.uk/',
      }),
    ).toEqual([
      'Adult social care, office hours (adultsInHours)',
      "Children's social care, online form (childrenOnlineForm)",
      'Adult social care, online form (adultsOnlineForm)',
    ]);
  });
});

describe('the sitemap', () => {
  const hidden = new Set(['c', 'd']);
  it('leaves out the CMS, the 404 page and reviews that are not public', () => {
    expect(excludedFromSitemap('https://example.org/admin/', hidden)).toBe(true);
    expect(excludedFromSitemap('https://example.org/404/', hidden)).toBe(true);
    expect(excludedFromSitemap('https://example.org/reviews/c/', hidden)).toBe(true);
    expect(excludedFromSitemap('https://example.org/reviews/a/', hidden)).toBe(false);
    expect(excludedFromSitemap('https://example.org/reviews/', hidden)).toBe(false);
  });
});
