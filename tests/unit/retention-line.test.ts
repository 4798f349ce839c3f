import { describe, expect, it } from 'vitest';
import { retentionLine } from '../../src/rules/retention-line';

describe('what the one-year rule does with a publication date, for the CMS', () => {
  const today = '2026-11-29';
  it('says when a scheduled review appears and how long it stays', () => {
    expect(retentionLine('2027-01-01', today, 1)).toBe('Scheduled: appears on the site on 1 January 2027 and stays until 1 January 2028');
  });
  it('says until when a public review is on the site, from its first day to its last', () => {
    expect(retentionLine(today, today, 1)).toBe('On the site until 29 November 2027, then available on request');
    expect(retentionLine('2026-01-20', today, 1)).toBe('On the site until 20 January 2027, then available on request');
    expect(retentionLine('2025-11-30', today, 1)).toBe('On the site until 30 November 2026, then available on request');
  });
  it('says since when a review has been withdrawn (a year and a day ago, or a year to the day)', () => {
    expect(retentionLine('2025-11-28', today, 1)).toBe('Withdrawn since 28 November 2026: not on the site; available on request');
    expect(retentionLine('2025-11-29', today, 1)).toBe('Withdrawn since 29 November 2026: not on the site; available on request');
  });
  it('follows the retention period in the settings, and says nothing about a date that is not real', () => {
    expect(retentionLine('2025-11-28', today, 2)).toBe('On the site until 28 November 2027, then available on request');
    expect(retentionLine('2026-2-31', today, 1)).toBeUndefined();
    expect(retentionLine('2026-01-01', today, 0)).toBeUndefined();
  });
});
