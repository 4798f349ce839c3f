/**
 * The one-year rule as lists in the CMS: for a given today, the publication
 * dates of the reviews that are scheduled, on the site, leaving in the next
 * 30 days and withdrawn, each a range of dates, and Decap's list filters
 * (`view_filters`) that show them.
 *
 * The ranges are not a second copy of the rule: each end is found by asking
 * the rule itself (reviewStatus in src/rules/retention.ts, and leavesSoon in
 * src/rules/retention-report.ts, which `npm run retention` uses) about the
 * days around it. The rule puts older reviews before newer ones (withdrawn,
 * then on the site, then scheduled), so each state is one run of days.
 *
 * config.yml is public: the filters hold date ranges only, never a review.
 */
import { addDays, addYears, type IsoDate } from '../rules/dates';
import { dateRangePattern, type DateRange } from './date-range-pattern';
import { reviewStatus } from '../rules/retention';
import { WARNING_DAYS, leavesSoon } from '../rules/retention-report';

/** How far the search for an end may go from where it starts: more would be a mistake in the rule. */
const MAX_STEPS = 400;

/**
 * The first day on which `isAfter` holds, for a test that is false for every
 * day before some day and true from it on; the search starts at `guess`.
 */
export function firstDayWhere(isAfter: (day: IsoDate) => boolean, guess: IsoDate): IsoDate {
  let day = guess;
  for (let step = 0; step <= MAX_STEPS; step += 1) {
    if (!isAfter(day)) day = addDays(day, 1);
    else if (isAfter(addDays(day, -1))) day = addDays(day, -1);
    else return day;
  }
  throw new Error(`No first day found within ${MAX_STEPS} days of ${guess}: the test does not change once, from false to true.`);
}

export interface PublishedRanges {
  scheduled: DateRange;
  public: DateRange;
  leavingSoon: DateRange;
  withdrawn: DateRange;
}

/** The publication dates of the reviews in each state on `today`, with a retention period of `years`. */
export function publishedRanges(today: IsoDate, years: number): PublishedRanges {
  const state = (published: IsoDate) => reviewStatus(published, today, years).state;
  // The first publication date still on the site (or later): the day after the last withdrawn one.
  const firstNotWithdrawn = firstDayWhere((published) => state(published) !== 'withdrawn', addYears(today, -years));
  const firstScheduled = firstDayWhere((published) => state(published) === 'scheduled', today);
  // The first date on the site that does not leave in the next 30 days (or is not yet on the site).
  const firstStaying = firstDayWhere(
    (published) => published >= firstNotWithdrawn && !leavesSoon(reviewStatus(published, today, years), today),
    addDays(addYears(today, -years), WARNING_DAYS),
  );
  return {
    scheduled: { from: firstScheduled },
    public: { from: firstNotWithdrawn, to: addDays(firstScheduled, -1) },
    leavingSoon: { from: firstNotWithdrawn, to: addDays(firstStaying, -1) },
    withdrawn: { to: addDays(firstNotWithdrawn, -1) },
  };
}

/** One of Decap's list filters: entries whose `field` matches `pattern`. */
export interface ViewFilter {
  label: string;
  field: string;
  pattern: string;
}

export const REVIEW_FILTER_LABELS = {
  scheduled: 'Scheduled',
  public: 'On the site',
  leavingSoon: `Leaving in the next ${WARNING_DAYS} days`,
  withdrawn: 'Withdrawn (available on request)',
} as const satisfies Record<keyof PublishedRanges, string>;

/** The reviews list's filters on `today`, by their publication date (the `published` field). */
export function reviewViewFilters(today: IsoDate, years: number): ViewFilter[] {
  const ranges = publishedRanges(today, years);
  return (['scheduled', 'public', 'leavingSoon', 'withdrawn'] as const).map((state) => ({
    label: REVIEW_FILTER_LABELS[state],
    field: 'published',
    pattern: dateRangePattern(ranges[state]),
  }));
}
