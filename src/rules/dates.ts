/**
 * Calendar dates as the site uses them: plain `YYYY-MM-DD` strings, compared
 * as text, with "today" taken in Europe/London (or from SITE_NOW).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

/** True when `value` is `YYYY-MM-DD` and names a day that exists. */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  if (!isRealIsoDate(value)) throw new Error(`"${value}" is not a real date in the form YYYY-MM-DD`);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date of an instant in Europe/London. */
export function londonDate(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * "Today" for every date rule: SITE_NOW (YYYY-MM-DD) when set, otherwise the
 * date in Europe/London at `now`.
 */
export function siteToday(env: Record<string, string | undefined> = process.env, now: Date = new Date()): IsoDate {
  const override = env.SITE_NOW?.trim();
  if (override) {
    if (!isRealIsoDate(override)) {
      throw new Error(`SITE_NOW is "${override}"; expected a real date in the form YYYY-MM-DD, for example 2026-11-25.`);
    }
    return override;
  }
  return londonDate(now);
}

/** Adds whole years; 29 February becomes 28 February in a year without one. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const target = year + years;
  return formatIsoDate(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Adds days across month and year ends. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return formatIsoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 November 2026", the GOV.UK style for dates. */
export function displayDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
