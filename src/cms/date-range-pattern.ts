/**
 * A regular expression that matches exactly the real calendar dates, written
 * YYYY-MM-DD, from one day to another (both included; either end may be
 * open). Decap's list filters (`view_filters` in config.yml) can only test a
 * field's text against a pattern, so a range of dates has to be one.
 *
 * Two parts, both anchored:
 * - a look-ahead that the text is a real date (months of 30 and 31 days,
 *   29 February only in leap years: every fourth year, but of the century
 *   years only every fourth, as 2000);
 * - the range itself: YYYY-MM-DD strings of the same length compare as text
 *   as the dates compare, so the range is the classic one over fixed-length
 *   digit strings, with the hyphens kept in their places.
 */
import { isRealIsoDate, type IsoDate } from '../rules/dates';

const MONTH_DAYS = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:0[048]|[2468][048]|[13579][26])00)';

/** Any real date as YYYY-MM-DD, unanchored. */
export const REAL_DATE = `(?:\\d{4}-${MONTH_DAYS}|${LEAP_YEAR}-02-29)`;

const LOWEST = '0000-00-00';
const HIGHEST = '9999-99-99';

/** A digit class from `low` to `high` (digits, low <= high). */
function digits(low: number, high: number): string {
  if (low === high) return String(low);
  if (low === 0 && high === 9) return '\\d';
  return high === low + 1 ? `[${low}${high}]` : `[${low}-${high}]`;
}

/** Any string shaped like `shape`: each digit any digit, every other character itself. */
function anyLike(shape: string): string {
  return shape.replace(/\d+/g, (run) => (run.length === 1 ? '\\d' : `\\d{${run.length}}`));
}

const group = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`);

/** Strings shaped like `low` that are at least `low`. */
function atLeast(low: string): string {
  if (low === '') return '';
  const [first, rest] = [low[0]!, low.slice(1)];
  if (!/\d/.test(first)) return first + atLeast(rest);
  if (/^[^1-9]*$/.test(low)) return anyLike(low);
  const parts = [first + atLeast(rest)];
  if (Number(first) < 9) parts.push(digits(Number(first) + 1, 9) + anyLike(rest));
  return group(parts);
}

/** Strings shaped like `high` that are at most `high`. */
function atMost(high: string): string {
  if (high === '') return '';
  const [first, rest] = [high[0]!, high.slice(1)];
  if (!/\d/.test(first)) return first + atMost(rest);
  if (/^[^0-8]*$/.test(high)) return anyLike(high);
  const parts = [first + atMost(rest)];
  if (Number(first) > 0) parts.push(digits(0, Number(first) - 1) + anyLike(rest));
  return group(parts);
}

/** Strings of the same shape from `low` to `high` (low <= high as text). */
function between(low: string, high: string): string {
  let common = 0;
  while (common < low.length && low[common] === high[common]) common += 1;
  if (common === low.length) return low;
  const prefix = low.slice(0, common);
  const [a, b] = [Number(low[common]), Number(high[common])];
  const [lowRest, highRest] = [low.slice(common + 1), high.slice(common + 1)];
  const parts = [`${a}${atLeast(lowRest)}`];
  if (b - a > 1) parts.push(digits(a + 1, b - 1) + anyLike(lowRest));
  parts.push(`${b}${atMost(highRest)}`);
  return prefix + group(parts);
}

export interface DateRange {
  /** The first date in the range; open when left out. */
  from?: IsoDate;
  /** The last date in the range; open when left out. */
  to?: IsoDate;
}

/**
 * The pattern for the real dates in `range`. An empty range (from after to)
 * has a pattern that matches nothing.
 */
export function dateRangePattern(range: DateRange): string {
  for (const end of [range.from, range.to]) {
    if (end !== undefined && !isRealIsoDate(end)) throw new Error(`"${end}" is not a real date in the form YYYY-MM-DD`);
  }
  const low = range.from ?? LOWEST;
  const high = range.to ?? HIGHEST;
  if (low > high) return '^(?!)$';
  return `^(?=${REAL_DATE}$)${between(low, high)}$`;
}
