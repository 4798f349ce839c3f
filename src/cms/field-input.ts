/**
 * What the CMS's own widgets (cms/widgets/) check as an editor types, in the
 * build's words and naming the field ("Partnership phone: expected a UK
 * phone number, for example 01702 534706"): the same patterns and limits as
 * the build's schemas (src/content/schemas.ts), so that what a widget
 * lets an editor save, the build accepts (tests/unit/cms-config.test.ts).
 *
 * Plain functions, no Node.
 */
import type { Field } from '../content/model';
import { PHONE_PATTERN, describeExpected } from '../content/schemas';

type PhoneField = Pick<Extract<Field, { kind: 'phone' }>, 'label' | 'required'>;
type IntegerField = Pick<Extract<Field, { kind: 'integer' }>, 'label' | 'required' | 'min' | 'max'>;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** True for a number the build accepts as a phone number (and so a preview may link to). */
export function isPhoneNumber(value: string): boolean {
  return PHONE_PATTERN.test(value.trim());
}

export function phoneProblem(field: PhoneField, value: unknown): string | undefined {
  const expected = describeExpected({ ...field, name: 'phone', kind: 'phone' });
  if (isBlank(value)) return field.required ? `${field.label}: enter ${expected}` : undefined;
  if (typeof value === 'string' && isPhoneNumber(value)) return undefined;
  const letters = typeof value === 'string' && /[^0-9+\s]/.test(value.trim());
  return `${field.label}: expected ${expected}${letters ? '; use only numbers and spaces (and + at the start)' : ''}`;
}

/** What a number box holds: a whole number as a number, nothing as '', anything else as the text typed (to be corrected). */
export function integerFromText(text: string): number | string {
  const value = text.trim();
  if (value === '') return '';
  return /^-?\d{1,15}$/.test(value) ? Number(value) : text;
}

export function integerProblem(field: IntegerField, value: unknown): string | undefined {
  const expected = describeExpected({ ...field, name: 'integer', kind: 'integer' });
  if (isBlank(value)) return field.required ? `${field.label}: enter ${expected}` : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${field.label}: expected ${expected}`;
  if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
    return `${field.label}: expected ${expected}`;
  return undefined;
}
