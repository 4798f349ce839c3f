import { describe, expect, it } from 'vitest';
import { dateProblem, datePartsFromValue, dateValueFromParts, dateValueProblem, isoFromParts } from '../../src/cms/date-input';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('a date typed as Day, Month and Year', () => {
  it('stores exactly YYYY-MM-DD for a real date, however the numbers are typed', () => {
    expect(dateValueFromParts(parts('15', '12', '2026'))).toBe('2026-12-15');
    expect(dateValueFromParts(parts('5', '3', '2026'))).toBe('2026-03-05');
    expect(dateValueFromParts(parts(' 05 ', '03', '2026 '))).toBe('2026-03-05');
    expect(dateValueFromParts(parts('29', '2', '2024'))).toBe('2024-02-29');
  });

  it('stores nothing when all three are empty, and what was typed (never a real date) otherwise', () => {
    expect(dateValueFromParts(parts('', ' ', ''))).toBe('');
    expect(dateValueFromParts(parts('31', '2', '2026'))).toBe('2026-2-31');
    expect(dateValueFromParts(parts('15', '12', '26'))).toBe('26-12-15');
    expect(isoFromParts(parts('31', '2', '2026'))).toBeUndefined();
    expect(isoFromParts(parts('15', '12', '26'))).toBeUndefined();
  });

  it('shows a stored value in its boxes, and what it stored back again', () => {
    expect(datePartsFromValue('2026-03-05')).toEqual(parts('5', '3', '2026'));
    expect(datePartsFromValue('')).toEqual(parts('', '', ''));
    expect(datePartsFromValue(undefined)).toEqual(parts('', '', ''));
    expect(datePartsFromValue('2026-2-31')).toEqual(parts('31', '2', '2026'));
    expect(datePartsFromValue('today')).toEqual(parts('', '', 'today'));
    for (const typed of [parts('31', '2', '2026'), parts('1', '', '2026'), parts('a', 'b', 'c')])
      expect(datePartsFromValue(dateValueFromParts(typed))).toEqual(typed);
  });

  it("says what is wrong in the build's words, naming the field, and marks the boxes that are wrong", () => {
    expect(dateProblem('Date published', parts('31', '2', '2026'), true)).toEqual({
      message: 'Date published: enter a real date, for example 31 3 2026',
      parts: ['day', 'month', 'year'],
    });
    expect(dateProblem('Date', parts('15', '13', '2026'), true)).toEqual({
      message: 'Date: enter a real date, for example 31 3 2026',
      parts: ['month'],
    });
    expect(dateProblem('Date', parts('15', '12', '26'), true)).toEqual({
      message: 'Date: enter the year in full, as 4 numbers, for example 31 3 2026',
      parts: ['year'],
    });
    expect(dateProblem('Date', parts('15', 'Dec', '2026'), true)).toEqual({
      message: 'Date: enter a real date in numbers, for example 31 3 2026',
      parts: ['month'],
    });
    expect(dateProblem('Date', parts('15', '', '2026'), true)).toEqual({
      message: 'Date: enter the month as well, for example 31 3 2026',
      parts: ['month'],
    });
    expect(dateProblem('Date', parts('', '', '2026'), true)?.message).toBe('Date: enter the day and month as well, for example 31 3 2026');
    expect(dateProblem('Date', parts('', '', ''), true)?.message).toBe('Date: enter a date, for example 31 3 2026');
    expect(dateProblem('Fixed by', parts('', '', ''), false)).toBeUndefined();
    expect(dateProblem('Date', parts('15', '12', '2026'), true)).toBeUndefined();
  });

  it('refuses before saving what the build refuses (isRealIsoDate), and accepts what it accepts', () => {
    for (const ok of ['2026-03-31', '2024-02-29', '0999-01-01']) expect(dateValueProblem('Date', ok, true), ok).toBeUndefined();
    expect(dateValueProblem('Fixed by', '', false)).toBeUndefined();
    for (const bad of ['2026-02-30', '2025-02-29', '2026-3-1', '31/03/2026', 'today', '26-12-15', '2026-2-31', ''])
      expect(dateValueProblem('Date', bad, true), bad).toMatch(/^Date: enter /);
    expect(dateValueProblem('Date', 20260331, true)).toBe('Date: enter a real date, for example 31 3 2026');
  });
});
