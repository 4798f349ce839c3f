/**
 * The partnership's rule for published reviews (arrangements, seed 002):
 * "The reports information will remain on the website for one year period
 * and thereafter will be available on request."
 *
 * A review is public from its publication date (inclusive) until the same
 * month and day `years` later (exclusive). 29 February ends on 28 February.
 */
import { addYears, daysBetween, isRealIsoDate, type IsoDate } from './dates';

export type ReviewState = 'scheduled' | 'public' | 'withdrawn';

export interface ReviewStatus {
  state: ReviewState;
  published: IsoDate;
  /** The first day the review is no longer on the site. */
  withdrawn: IsoDate;
  /** Days until the next change of state (publication or withdrawal); 0 or less once withdrawn. */
  daysToChange: number;
}

export const DEFAULT_RETENTION_YEARS = 1;

/** The retention period from the settings as written, or the default when it is not a number. */
export function retentionYearsFrom(settings: Record<string, unknown> | undefined): number {
  const years = settings?.reviewRetentionYears;
  return typeof years === 'number' ? years : DEFAULT_RETENTION_YEARS;
}

/** A period the rule takes: a whole number of years, at least 1 (the content check refuses any other). */
export function isRetentionPeriod(years: unknown): years is number {
  return typeof years === 'number' && Number.isInteger(years) && years >= 1;
}

/** The period in force: the settings' own, or, while it is not one the rule takes (the content check says so), the default. */
export function retentionYearsInForce(settings: Record<string, unknown> | undefined): number {
  const years = retentionYearsFrom(settings);
  return isRetentionPeriod(years) ? years : DEFAULT_RETENTION_YEARS;
}

/** The period in words: "one year", "2 years". */
export function retentionPeriod(years: number): string {
  return years === 1 ? 'one year' : `${years} years`;
}

export function reviewStatus(published: IsoDate, today: IsoDate, years: number = DEFAULT_RETENTION_YEARS): ReviewStatus {
  if (!isRealIsoDate(published)) throw new Error(`published is "${published}"; expected a real date as YYYY-MM-DD`);
  if (!isRealIsoDate(today)) throw new Error(`today is "${today}"; expected a real date as YYYY-MM-DD`);
  if (!isRetentionPeriod(years)) throw new Error(`the retention period is ${years} years; expected a whole number of years, at least 1`);
  const withdrawn = addYears(published, years);
  if (today < published) return { state: 'scheduled', published, withdrawn, daysToChange: daysBetween(today, published) };
  if (today < withdrawn) return { state: 'public', published, withdrawn, daysToChange: daysBetween(today, withdrawn) };
  return { state: 'withdrawn', published, withdrawn, daysToChange: daysBetween(today, withdrawn) };
}
