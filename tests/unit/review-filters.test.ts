/**
 * The CMS's review filters say what the rule says: for every day over
 * several years (leap days and year ends among them), the publication dates
 * in each range are exactly those the rule (reviewStatus) puts in that state,
 * and "Leaving in the next 30 days" is exactly what `npm run retention`
 * lists; and each filter's pattern matches exactly its range.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../src/rules/dates';
import { type DateRange } from '../../src/cms/date-range-pattern';
import { reviewStatus } from '../../src/rules/retention';
import { retentionReport } from '../../src/rules/retention-report';
import { firstDayWhere, publishedRanges, reviewViewFilters } from '../../src/cms/review-filters';

const inRange = (range: DateRange, day: string) =>
  (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);

function days(from: string, to: string): string[] {
  const list: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) list.push(day);
  return list;
}

/** Publication dates worth trying on `today`: around both changes of state and the 30-day horizon, and far away. */
function candidates(today: string, years: number): string[] {
  const withdrawnOn = addYears(today, -years);
  return [
    ...days(addDays(withdrawnOn, -3), addDays(withdrawnOn, 34)),
    ...days(addDays(today, -2), addDays(today, 2)),
    addYears(today, -years - 3),
    addYears(today, 5),
    '2000-02-29',
  ];
}

describe("the reviews list's filters in the CMS", () => {
  it('put every publication date in the state the rule gives it, on every day from 2023 to 2029, for one and two years', () => {
    const wrong: string[] = [];
    for (const years of [1, 2]) {
      for (const today of days('2023-01-01', '2029-12-31')) {
        const ranges = publishedRanges(today, years);
        for (const published of candidates(today, years)) {
          const { state } = reviewStatus(published, today, years);
          const found = (['scheduled', 'public', 'withdrawn'] as const).filter((name) => inRange(ranges[name], published));
          if (found.length !== 1 || found[0] !== state)
            wrong.push(`${today} (${years}): ${published} is ${state}, ranges say ${found.join(' and ') || 'none'}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 30_000);

  it('list as leaving in the next 30 days exactly what npm run retention lists, on every day from 2023 to 2029', () => {
    const wrong: string[] = [];
    for (const years of [1, 2]) {
      for (const today of days('2023-01-01', '2029-12-31')) {
        const reviews = candidates(today, years).map((published) => ({
          file: published,
          title: published,
          type: 'Learning Review',
          published,
        }));
        const listed = retentionReport(reviews, today, years)
          .leavingSoon.map((review) => review.published)
          .sort();
        const { leavingSoon } = publishedRanges(today, years);
        const filtered = reviews
          .map((review) => review.published)
          .filter((published) => inRange(leavingSoon, published))
          .sort();
        if (listed.join() !== filtered.join())
          wrong.push(`${today} (${years}): npm run retention lists ${listed.join(', ')}; the filter ${filtered.join(', ')}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  }, 30_000);

  it('gives the ranges a person would expect around a leap day and a year end', () => {
    // On 28 February 2025, a review published on 29 February 2024 has left (on 28 February 2025).
    expect(publishedRanges('2025-02-28', 1)).toEqual({
      scheduled: { from: '2025-03-01' },
      public: { from: '2024-03-01', to: '2025-02-28' },
      leavingSoon: { from: '2024-03-01', to: '2024-03-30' },
      withdrawn: { to: '2024-02-29' },
    });
    expect(publishedRanges('2026-12-31', 1)).toEqual({
      scheduled: { from: '2027-01-01' },
      public: { from: '2026-01-01', to: '2026-12-31' },
      leavingSoon: { from: '2026-01-01', to: '2026-01-30' },
      withdrawn: { to: '2025-12-31' },
    });
  });

  it('are four filters on the publication date, whose patterns match exactly their ranges', () => {
    const today = '2026-11-29';
    const filters = reviewViewFilters(today, 1);
    expect(filters.map((filter) => [filter.label, filter.field])).toEqual([
      ['Scheduled', 'published'],
      ['On the site', 'published'],
      ['Leaving in the next 30 days', 'published'],
      ['Withdrawn (available on request)', 'published'],
    ]);
    const ranges = publishedRanges(today, 1);
    const names = ['scheduled', 'public', 'leavingSoon', 'withdrawn'] as const;
    for (const published of days('2024-01-01', '2028-12-31')) {
      names.forEach((name, index) =>
        expect(new RegExp(filters[index]!.pattern).test(published), `${filters[index]!.label}: ${published}`).toBe(
          inRange(ranges[name], published),
        ),
      );
    }
  });

  it('finds the first day a test holds from either side of it, and says when a test never changes', () => {
    expect(firstDayWhere((day) => day >= '2026-03-01', '2026-02-01')).toBe('2026-03-01');
    expect(firstDayWhere((day) => day >= '2026-03-01', '2026-04-01')).toBe('2026-03-01');
    expect(() => firstDayWhere(() => false, '2026-01-01')).toThrow('No first day found within 400 days of 2026-01-01');
  });
});
