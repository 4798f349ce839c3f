/**
 * The pattern for a range of dates matches exactly the real YYYY-MM-DD dates
 * in the range: tried on every string shaped like a date (months 00 to 13,
 * days 00 to 32) over several years, at every kind of boundary.
 */
import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, isRealIsoDate } from '../../src/rules/dates';
import { REAL_DATE, dateRangePattern, type DateRange } from '../../src/cms/date-range-pattern';

/** Every YYYY-MM-DD-shaped string in the years given, real or not. */
function shapedStrings(firstYear: number, lastYear: number): string[] {
  const strings: string[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (let month = 0; month <= 13; month += 1) {
      for (let day = 0; day <= 32; day += 1) strings.push(formatIsoDate(year, month, day));
    }
  }
  return strings;
}

const STRINGS = shapedStrings(2023, 2029);
const NOT_DATES = [
  '',
  '2026-1-05',
  '2026-01-5',
  '26-01-05',
  ' 2026-01-05',
  '2026-01-05 ',
  '2026-01-05T00:00:00Z',
  '2026-01-055',
  '12026-01-05',
  '2026/01/05',
  '05/01/2026',
  'x2026-01-05',
  '2026-01-05\n',
];

function expectExactly(range: DateRange, strings: readonly string[] = STRINGS): void {
  const pattern = new RegExp(dateRangePattern(range));
  const inRange = (text: string) =>
    isRealIsoDate(text) && (range.from === undefined || text >= range.from) && (range.to === undefined || text <= range.to);
  const wrong = strings.filter((text) => pattern.test(text) !== inRange(text));
  expect(wrong, `${range.from ?? '(open)'} to ${range.to ?? '(open)'}: ${wrong.slice(0, 5).join(', ')}`).toEqual([]);
  for (const text of NOT_DATES) expect(pattern.test(text), JSON.stringify(text)).toBe(false);
}

/** A day before, the day and a day after each boundary worth trying. */
const BOUNDARIES = [
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2025-02-28',
  '2025-03-01',
  '2025-12-31',
  '2026-01-01',
  '2026-04-30',
  '2026-05-01',
  '2026-11-29',
  '2027-09-30',
  '2028-02-29',
  '2028-12-31',
].flatMap((day) => [addDays(day, -1), day, addDays(day, 1)]);

describe('a pattern for a range of dates', () => {
  it('matches any real date and nothing else, across leap and common years and century years', () => {
    const real = new RegExp(`^${REAL_DATE}$`);
    const strings = [
      ...shapedStrings(1896, 1904),
      ...shapedStrings(1996, 2004),
      ...shapedStrings(2096, 2104),
      ...shapedStrings(0, 1),
      ...shapedStrings(9998, 9999),
    ];
    expect(strings.filter((text) => real.test(text) !== isRealIsoDate(text))).toEqual([]);
  });

  it('matches exactly the dates from a boundary onwards, and up to it', () => {
    for (const day of BOUNDARIES) {
      expectExactly({ from: day });
      expectExactly({ to: day });
    }
  });

  it('matches exactly the dates between two boundaries, both included', () => {
    for (const from of BOUNDARIES) {
      for (const to of BOUNDARIES.filter((day) => day >= from).filter((_day, index) => index % 4 === 0)) expectExactly({ from, to });
    }
  });

  it('matches exactly one day, a day and the next, a year, and years', () => {
    for (const [from, to] of [
      ['2026-11-29', '2026-11-29'],
      ['2025-12-31', '2026-01-01'],
      ['2024-02-29', '2024-02-29'],
      ['2025-11-30', '2026-11-29'],
      ['2023-01-01', '2029-12-31'],
      ['2019-06-01', '2031-06-01'],
    ] as const) {
      expectExactly({ from, to });
    }
  });

  it('matches exactly the dates of many ranges picked at random (the same each run)', () => {
    let seed = 20261129;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const days = STRINGS.filter(isRealIsoDate);
    for (let index = 0; index < 60; index += 1) {
      const [a, b] = [days[Math.floor(next() * days.length)]!, days[Math.floor(next() * days.length)]!];
      expectExactly(a <= b ? { from: a, to: b } : { from: b, to: a });
    }
  });

  it('matches every date when both ends are open, and nothing when the range is empty', () => {
    expectExactly({});
    expect(STRINGS.filter((text) => new RegExp(dateRangePattern({ from: '2026-01-02', to: '2026-01-01' })).test(text))).toEqual([]);
  });

  it('refuses an end that is not a real date, saying which', () => {
    expect(() => dateRangePattern({ from: '2026-02-30' })).toThrow('"2026-02-30" is not a real date in the form YYYY-MM-DD');
    expect(() => dateRangePattern({ to: '1 March 2026' })).toThrow('"1 March 2026" is not a real date');
  });
});
