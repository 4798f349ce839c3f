import { describe, expect, it } from 'vitest';
import { retentionPeriod, retentionYearsFrom, reviewStatus } from '../../src/rules/retention';
import { londonDate, siteToday } from '../../src/rules/dates';

describe('the one-year rule', () => {
  const published = '2026-01-20';

  it('a review is not on the site before its publication date', () => {
    expect(reviewStatus(published, '2026-01-19')).toMatchObject({ state: 'scheduled', daysToChange: 1 });
  });
  it('is public from its publication date (its first public day)', () => {
    expect(reviewStatus(published, '2026-01-20')).toEqual({ state: 'public', published, withdrawn: '2027-01-20', daysToChange: 365 });
  });
  it('is still public on its last day', () => {
    expect(reviewStatus(published, '2027-01-19')).toMatchObject({ state: 'public', daysToChange: 1 });
  });
  it('is withdrawn on the same month and day a year later', () => {
    expect(reviewStatus(published, '2027-01-20')).toMatchObject({ state: 'withdrawn', withdrawn: '2027-01-20', daysToChange: 0 });
    expect(reviewStatus(published, '2030-06-01').state).toBe('withdrawn');
  });
  it('a review published on 29 February leaves on 28 February', () => {
    expect(reviewStatus('2024-02-29', '2025-02-27').state).toBe('public');
    expect(reviewStatus('2024-02-29', '2025-02-28')).toMatchObject({ state: 'withdrawn', withdrawn: '2025-02-28' });
  });
  it('takes the retention period from the settings', () => {
    expect(reviewStatus(published, '2027-06-01', 2)).toMatchObject({ state: 'public', withdrawn: '2028-01-20' });
    expect(() => reviewStatus(published, '2027-06-01', 0)).toThrow(/whole number of years/);
  });
  it('uses the London date near midnight across a clock change', () => {
    // 2027-03-28 is the day the clocks go forward. A review published on
    // 2026-03-28 leaves on 2027-03-28: at 00:30 London time it is gone,
    // although it is still 27 March in UTC terms a moment earlier.
    const justAfterMidnight = londonDate(new Date('2027-03-28T00:30:00Z'));
    expect(reviewStatus('2026-03-28', justAfterMidnight).state).toBe('withdrawn');
    // 23:30 UTC on 31 October 2026 is after the clocks went back: still 31 October in London.
    expect(reviewStatus('2025-11-01', londonDate(new Date('2026-10-31T23:30:00Z'))).state).toBe('public');
    // 23:30 UTC on 31 August is 00:30 on 1 September in London: a review
    // published on 2025-09-01 has left the site.
    expect(reviewStatus('2025-09-01', londonDate(new Date('2026-08-31T23:30:00Z'))).state).toBe('withdrawn');
  });
  it('obeys SITE_NOW', () => {
    expect(reviewStatus(published, siteToday({ SITE_NOW: '2027-01-19' })).state).toBe('public');
    expect(reviewStatus(published, siteToday({ SITE_NOW: '2027-01-20' })).state).toBe('withdrawn');
  });
  it('refuses dates that are not real', () => {
    expect(() => reviewStatus('2026-02-30', '2026-11-25')).toThrow(/published is "2026-02-30"/);
  });
});

describe('the retention period from the settings', () => {
  it('reads the years as written, and falls back to one year', () => {
    expect(retentionYearsFrom({ reviewRetentionYears: 2 })).toBe(2);
    expect(retentionYearsFrom({ reviewRetentionYears: '2' })).toBe(1);
    expect(retentionYearsFrom(undefined)).toBe(1);
  });
  it('says the period in words', () => {
    expect(retentionPeriod(1)).toBe('one year');
    expect(retentionPeriod(3)).toBe('3 years');
  });
});
