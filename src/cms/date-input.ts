/**
 * A date typed as GOV.UK's date input asks for it (Day, Month and Year, each
 * in numbers), and the one value the CMS stores: `YYYY-MM-DD` when the three
 * make a real date (what the build reads, src/rules/dates.ts), nothing when all
 * three are empty, and otherwise the parts as typed ("2026-2-31"), which the
 * CMS and the build both refuse, so nothing half typed is ever saved.
 *
 * Plain functions, no Node: the CMS's date widget (cms/widgets/date-widget.ts)
 * and the unit tests use them.
 */
import { formatIsoDate, isRealIsoDate } from '../rules/dates';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** GOV.UK's hint for a date input, and the example in every message. */
export const DATE_EXAMPLE = '31 3 2026';

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** The parts a stored value shows as: 2026-03-05 as 5, 3, 2026; a value that is not a date in its year box, to be corrected. */
export function datePartsFromValue(value: unknown): DateParts {
  if (value === null || value === undefined || value === '') return EMPTY_DATE;
  const text = String(value);
  if (isRealIsoDate(text)) {
    const [year, month, day] = text.split('-') as [string, string, string];
    return { day: String(Number(day)), month: String(Number(month)), year };
  }
  const parts = text.split('-');
  if (parts.length === 3) return { year: parts[0]!, month: parts[1]!, day: parts[2]! };
  return { day: '', month: '', year: text };
}

const allEmpty = (parts: DateParts) => DATE_PARTS.every((part) => parts[part].trim() === '');

/** The three parts as a real date, `YYYY-MM-DD`, or undefined. */
export function isoFromParts(parts: DateParts): string | undefined {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const iso = formatIsoDate(Number(year), Number(month), Number(day));
  return isRealIsoDate(iso) ? iso : undefined;
}

/** What the CMS stores for what was typed (see the top of this file). */
export function dateValueFromParts(parts: DateParts): string {
  if (allEmpty(parts)) return '';
  return isoFromParts(parts) ?? `${parts.year.trim()}-${parts.month.trim()}-${parts.day.trim()}`;
}

export interface DateProblem {
  message: string;
  /** The boxes to mark, as GOV.UK does: only those that are wrong, or all three. */
  parts: DatePart[];
}

const NAMES: Record<DatePart, string> = { day: 'day', month: 'month', year: 'year' };

function listed(parts: readonly DatePart[]): string {
  const names = parts.map((part) => NAMES[part]);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * What is wrong with a typed date, in the build's words, naming the field:
 * "Date published: enter a real date, for example 31 3 2026". An empty
 * optional date is fine; an empty required one is "enter a date".
 */
export function dateProblem(label: string, parts: DateParts, required: boolean): DateProblem | undefined {
  const example = `for example ${DATE_EXAMPLE}`;
  if (allEmpty(parts)) return required ? { message: `${label}: enter a date, ${example}`, parts: [...DATE_PARTS] } : undefined;
  const missing = DATE_PARTS.filter((part) => parts[part].trim() === '');
  if (missing.length > 0) return { message: `${label}: enter the ${listed(missing)} as well, ${example}`, parts: missing };
  const notNumbers = DATE_PARTS.filter((part) => !/^\d+$/.test(parts[part].trim()));
  if (notNumbers.length > 0) return { message: `${label}: enter a real date in numbers, ${example}`, parts: notNumbers };
  if (!/^\d{4}$/.test(parts.year.trim())) return { message: `${label}: enter the year in full, as 4 numbers, ${example}`, parts: ['year'] };
  if (isoFromParts(parts)) return undefined;
  const day = Number(parts.day);
  const month = Number(parts.month);
  const wrong: DatePart[] =
    month < 1 || month > 12 || parts.month.trim().length > 2
      ? ['month']
      : day < 1 || parts.day.trim().length > 2
        ? ['day']
        : [...DATE_PARTS];
  return { message: `${label}: enter a real date, ${example}`, parts: wrong };
}

/** The same for a stored value, as the CMS checks it before saving: what it refuses, the build refuses. */
export function dateValueProblem(label: string, value: unknown, required: boolean): string | undefined {
  if (typeof value === 'string' && isRealIsoDate(value)) return undefined;
  if (value !== undefined && value !== null && typeof value !== 'string') return `${label}: enter a real date, for example ${DATE_EXAMPLE}`;
  const problem = dateProblem(label, datePartsFromValue(value), required)?.message;
  // Parts that make a real date are stored as YYYY-MM-DD: any other text ("2026-3-1" from a file) is refused too.
  return problem ?? (value ? `${label}: enter a real date, for example ${DATE_EXAMPLE}` : undefined);
}
