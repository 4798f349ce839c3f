/**
 * The comms team's report on the one-year rule: every review with its state
 * and dates, what leaves the site in the next 30 days, what is scheduled, and
 * the settings that are still empty.
 */
import { addDays, displayDate, type IsoDate } from './dates';
import { retentionPeriod, reviewStatus, type ReviewStatus } from './retention';

export interface ReviewRecord {
  file: string;
  title: string;
  type: string;
  published: IsoDate;
}
export interface ReportedReview extends ReviewRecord {
  status: ReviewStatus;
}

export interface RetentionReport {
  today: IsoDate;
  years: number;
  reviews: ReportedReview[];
  leavingSoon: ReportedReview[];
  scheduled: ReportedReview[];
}

export const WARNING_DAYS = 30;

/** True when a review is on the site today and leaves it within the next WARNING_DAYS days. */
export function leavesSoon(status: ReviewStatus, today: IsoDate): boolean {
  return status.state === 'public' && status.withdrawn <= addDays(today, WARNING_DAYS);
}

export function retentionReport(reviews: readonly ReviewRecord[], today: IsoDate, years: number): RetentionReport {
  const reported = reviews
    .map((review) => ({ ...review, status: reviewStatus(review.published, today, years) }))
    .sort((a, b) => a.status.withdrawn.localeCompare(b.status.withdrawn) || a.title.localeCompare(b.title));
  return {
    today,
    years,
    reviews: reported,
    leavingSoon: reported.filter((review) => leavesSoon(review.status, today)),
    scheduled: reported.filter((review) => review.status.state === 'scheduled'),
  };
}

const STATE_WORDS = { scheduled: 'scheduled', public: 'on the site', withdrawn: 'withdrawn' } as const;

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

export function formatRetentionReport(report: RetentionReport, missingSettings: readonly string[] = []): string {
  const lines: string[] = [];
  lines.push(`Published reviews on ${displayDate(report.today)} (each stays ${retentionPeriod(report.years)} from publication)`);
  lines.push('');
  if (report.reviews.length === 0) lines.push('  There are no reviews in content/reviews/.');
  for (const review of report.reviews) {
    const { state, published, withdrawn, daysToChange } = review.status;
    const when =
      state === 'scheduled'
        ? `appears ${displayDate(published)} (in ${days(daysToChange)}), leaves ${displayDate(withdrawn)}`
        : state === 'public'
          ? `published ${displayDate(published)}, leaves ${displayDate(withdrawn)} (in ${days(daysToChange)})`
          : `published ${displayDate(published)}, left ${displayDate(withdrawn)}; available on request`;
    lines.push(`  ${STATE_WORDS[state].padEnd(11)}  ${review.title} (${review.type}): ${when}  [${review.file}]`);
  }
  lines.push('');
  lines.push(`Leaving the site in the next ${WARNING_DAYS} days:`);
  if (report.leavingSoon.length === 0) lines.push('  none');
  for (const review of report.leavingSoon)
    lines.push(`  ${review.title}: on ${displayDate(review.status.withdrawn)} (in ${days(review.status.daysToChange)})  [${review.file}]`);
  lines.push('');
  lines.push('Scheduled, not yet on the site:');
  if (report.scheduled.length === 0) lines.push('  none');
  for (const review of report.scheduled) lines.push(`  ${review.title}: appears ${displayDate(review.status.published)}  [${review.file}]`);
  if (missingSettings.length > 0) {
    lines.push('');
    lines.push('Settings still empty (not shown on the site until filled in, in Site settings):');
    for (const setting of missingSettings) lines.push(`  ${setting}`);
  }
  return lines.join('\n');
}
