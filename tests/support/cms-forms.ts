/**
 * Filling the CMS's forms as an editor does, for the end-to-end tests: one
 * function for each kind of widget, so that when a widget changes, one
 * function changes. Each waits on what the page shows, never on a pause.
 */
import type { Locator, Page } from 'playwright-core';

/** A date field (Decap's date picker), as YYYY-MM-DD. */
export async function fillDate(page: Page, label: string, isoDate: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(isoDate);
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
