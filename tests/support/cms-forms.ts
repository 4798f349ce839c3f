/**
 * Filling the CMS's forms in end-to-end tests, one function per kind of
 * field, so that when a widget changes, one function changes.
 */
import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A date field (cms/widgets/date-widget.ts): its group, named by the field's label ("(optional)" or not). */
export function dateGroup(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: new RegExp(`^${escape(label)}( \\(optional\\))?$`) });
}

/** Types a date, YYYY-MM-DD, into a date field's Day, Month and Year boxes, as an editor would: 2026-03-05 as 5, 3, 2026. */
export async function fillDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`fillDate: "${iso}" is not YYYY-MM-DD`);
  await fillDateParts(scope, label, { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! });
}

/** Types each part as given ("31", "2", "26"), key by key, replacing what was there. */
export async function fillDateParts(scope: Page | Locator, label: string, parts: { day: string; month: string; year: string }): Promise<void> {
  const group = dateGroup(scope, label);
  for (const [name, text] of [['Day', parts.day], ['Month', parts.month], ['Year', parts.year]] as const) {
    const box = group.getByRole('textbox', { name, exact: true });
    await box.fill('');
    await box.pressSequentially(text);
  }
}
