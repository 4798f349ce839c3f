import { describe, expect, it } from 'vitest';
import { integerFromText, integerProblem, isPhoneNumber, phoneProblem } from '../../src/cms/field-input';
import { findDuplicate, duplicateMessage, needsItsOwn, sameValue, uniqueFields } from '../../src/content/unique-values';
import { getCollection } from '../../src/content/model';
import { checkAcrossEntries, type RawEntry } from '../../src/content/files';

describe('a phone number, checked as the build checks it', () => {
  const required = { label: 'Partnership phone', required: true };
  const optional = { label: 'Out of hours emergency duty service', required: false };
  it('accepts a UK number and, when optional, nothing', () => {
    for (const ok of ['01702 534706', '0345 606 1212', '+44 1702 534706', ' 01702 534706 '])
      expect(phoneProblem(required, ok), ok).toBeUndefined();
    expect(phoneProblem(optional, '')).toBeUndefined();
    expect(isPhoneNumber('01702 534706')).toBe(true);
  });
  it('names the field and says what it expects; letters are pointed out', () => {
    expect(phoneProblem(required, '01702 53470O')).toBe(
      'Partnership phone: expected a UK phone number, for example 01702 534706; use only numbers and spaces (and + at the start)',
    );
    expect(phoneProblem(required, '01702')).toBe('Partnership phone: expected a UK phone number, for example 01702 534706');
    expect(phoneProblem(optional, 'call us')).toBe(
      'Out of hours emergency duty service: expected a UK phone number, for example 01702 534706, or nothing; use only numbers and spaces (and + at the start)',
    );
    expect(phoneProblem(required, '')).toBe('Partnership phone: enter a UK phone number, for example 01702 534706');
    expect(isPhoneNumber('0800 CHILDLINE')).toBe(false);
  });
});

describe('a whole number typed in a box', () => {
  const field = { label: 'Bulletin number', required: true, min: 1 };
  it('is stored as a number, nothing as nothing, anything else as typed', () => {
    expect([integerFromText('17'), integerFromText(' 17 '), integerFromText(''), integerFromText('1.5'), integerFromText('five')]).toEqual([
      17,
      17,
      '',
      '1.5',
      'five',
    ]);
  });
  it("is checked against the limits, in the build's words", () => {
    expect(integerProblem(field, 17)).toBeUndefined();
    expect(integerProblem(field, 0)).toBe('Bulletin number: expected a whole number from 1');
    expect(integerProblem(field, 'five')).toBe('Bulletin number: expected a whole number from 1');
    expect(integerProblem({ label: 'Level', required: true, min: 1, max: 6 }, 7)).toBe('Level: expected a whole number from 1 to 6');
  });
});

describe('fields marked unique', () => {
  const others = [
    { slug: 'bulletin-1', data: { number: 1, title: 'Partner bulletin 1' } },
    { slug: 'bulletin-2', data: { number: 2 } },
  ];
  it('are the bulletin number and the threshold level', () => {
    expect(uniqueFields(getCollection('bulletins')).map((field) => field.name)).toEqual(['number']);
    expect(uniqueFields(getCollection('threshold')).map((field) => field.name)).toEqual(['level']);
    expect(uniqueFields(getCollection('reviews'))).toEqual([]);
  });
  it('find another entry with the same value, but never the entry being edited', () => {
    expect(findDuplicate('number', 1, others)?.slug).toBe('bulletin-1');
    expect(findDuplicate('number', '1', others)?.slug).toBe('bulletin-1');
    expect(findDuplicate('number', 1, others, 'bulletin-1')).toBeUndefined();
    expect(findDuplicate('number', 3, others)).toBeUndefined();
    expect(sameValue('', '')).toBe(false);
  });
  it('say which entry has the value, and why it matters', () => {
    expect(duplicateMessage({ label: 'Bulletin number' }, 'Bulletin', 1, others[0]!)).toBe(
      'Bulletin number: 1 is already used by \u201cPartner bulletin 1\u201d; each bulletin needs its own bulletin number',
    );
    expect(duplicateMessage({ label: 'Bulletin number' }, 'Bulletin', 2, others[1]!)).toContain('already used by \u201cbulletin-2\u201d');
    expect(needsItsOwn({ label: 'Level' }, 'Threshold level')).toBe('each threshold level needs its own level');
  });
  it('are what the build checks across entries, from the same flag', () => {
    const entry = (collection: 'bulletins' | 'threshold', file: string, data: Record<string, unknown>) =>
      ({ collection, file, data }) as unknown as RawEntry;
    expect(
      checkAcrossEntries([
        entry('bulletins', 'content/bulletins/a.mdx', { number: 4 }),
        entry('bulletins', 'content/bulletins/b.mdx', { number: 4 }),
        entry('threshold', 'content/threshold/x.mdx', { level: 4 }),
      ]),
    ).toEqual([
      {
        file: 'content/bulletins/b.mdx',
        field: 'number',
        message: 'is 4, the same as content/bulletins/a.mdx; each bulletin needs its own bulletin number',
      },
    ]);
    expect(
      checkAcrossEntries([
        entry('threshold', 'content/threshold/x.mdx', { level: 2 }),
        entry('threshold', 'content/threshold/y.mdx', { level: 2 }),
      ])[0]?.message,
    ).toBe('is 2, the same as content/threshold/x.mdx; each threshold level needs its own level');
  });
});
