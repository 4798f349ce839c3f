/**
 * Filling the CMS's forms in end-to-end tests, one function per kind of
 * field, so that when a widget changes, one function changes. Each waits on
 * what the page shows, never on a pause.
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

/** A select field (Decap's react-select): types the option's text and takes the match. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await page.getByText(option, { exact: true }).last().click();
}

/** The media library dialog (opened from a file field), and the file names its cards show. */
export function mediaLibrary(page: Page): Locator {
  return page.getByRole('dialog').filter({ hasText: 'Media assets' });
}

/**
 * Uploads a file through a file field's media library and chooses it: opens
 * the library from `chooseButton`, uploads, then "Choose selected" (Decap
 * selects the file it has just uploaded).
 */
export async function uploadAndChoose(page: Page, chooseButton: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await chooseButton.click();
  const dialog = mediaLibrary(page);
  await dialog.getByRole('button', { name: 'Upload' }).waitFor();
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByText(file.name, { exact: true }).waitFor();
  await dialog.getByRole('button', { name: 'Choose selected' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Publish, then "Publish now", in the simple publish mode of the local backend. */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}
