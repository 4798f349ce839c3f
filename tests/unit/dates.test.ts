import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, displayDate, isRealIsoDate, londonDate, siteToday } from '../../src/rules/dates';

describe('isRealIsoDate', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(isRealIsoDate('2026-11-25')).toBe(true);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2000-02-29')).toBe(true);
  });
  it('rejects impossible and badly written dates', () => {
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '26-11-25',
      '2026-1-5',
      '25/11/2026',
      '',
    ]) {
      expect(isRealIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('addYears', () => {
  it('keeps the month and day', () => expect(addYears('2025-03-10', 1)).toBe('2026-03-10'));
  it('turns 29 February into 28 February in a common year', () => expect(addYears('2024-02-29', 1)).toBe('2025-02-28'));
  it('keeps 29 February four years on', () => expect(addYears('2024-02-29', 4)).toBe('2028-02-29'));
});

describe('day arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('counts days between dates, ignoring clock changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
  });
});

describe('London dates and SITE_NOW', () => {
  it('takes the date in Europe/London, not UTC', () => {
    // 23:30 UTC on 31 July is 00:30 on 1 August in British Summer Time.
    expect(londonDate(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-01');
    // In winter London is on UTC.
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
  it('handles the night the clocks go forward and back', () => {
    expect(londonDate(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
    expect(londonDate(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });
  it('uses SITE_NOW when it is set, and the London date otherwise', () => {
    expect(siteToday({ SITE_NOW: '2027-01-20' })).toBe('2027-01-20');
    expect(siteToday({}, new Date('2026-06-30T23:15:00Z'))).toBe('2026-07-01');
  });
  it('refuses a SITE_NOW that is not a real date, saying what it expects', () => {
    expect(() => siteToday({ SITE_NOW: '2027-02-30' })).toThrow(/SITE_NOW is "2027-02-30"; expected a real date in the form YYYY-MM-DD/);
  });
});

describe('displayDate', () => {
  it('writes dates as GOV.UK does', () => expect(displayDate('2026-01-05')).toBe('5 January 2026'));
});
