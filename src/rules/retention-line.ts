/**
 * What the one-year rule (src/rules/retention.ts) does with a review's
 * publication date, in one line for the CMS's date widget, live as the date
 * is typed: "Scheduled: appears on the site on 1 January 2027 and stays until
 * 1 January 2028".
 */
import { displayDate, isRealIsoDate, type IsoDate } from './dates';
import { reviewStatus } from './retention';

export function retentionLine(published: string, today: IsoDate, years: number): string | undefined {
  if (!isRealIsoDate(published) || !isRealIsoDate(today) || !Number.isInteger(years) || years < 1) return undefined;
  const status = reviewStatus(published, today, years);
  switch (status.state) {
    case 'scheduled':
      return `Scheduled: appears on the site on ${displayDate(status.published)} and stays until ${displayDate(status.withdrawn)}`;
    case 'public':
      return `On the site until ${displayDate(status.withdrawn)}, then available on request`;
    case 'withdrawn':
      return `Withdrawn since ${displayDate(status.withdrawn)}: not on the site; available on request`;
  }
}
