/**
 * Filling the CMS's forms in end-to-end tests, one function per kind of
 * field, so that when a widget changes, one function changes. Each waits on
 * what the page shows, never on a pause.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait-for';
import { slateState } from './slate';

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
export async function fillDateParts(
  scope: Page | Locator,
  label: string,
  parts: { day: string; month: string; year: string },
): Promise<void> {
  const group = dateGroup(scope, label);
  for (const [name, text] of [
    ['Day', parts.day],
    ['Month', parts.month],
    ['Year', parts.year],
  ] as const) {
    const box = group.getByRole('textbox', { name, exact: true });
    await box.fill('');
    await box.pressSequentially(text);
  }
}

/** Chooses `option` in the select field labelled `label` (Decap's select: a combobox with a list of options). */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.locator('[class*="singleValue"]', { hasText: option }).first().waitFor();
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
export async function uploadAndChoose(
  page: Page,
  chooseButton: Locator,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
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

/**
 * Selects `text` in the body's rich text editor, and waits until the editor's
 * own model (Slate's selection, which its buttons act on) covers exactly it.
 */
export async function selectInRichText(page: Page, text: string, scope = '.cms-editor-visual'): Promise<void> {
  await waitFor(`"${text}" selected in the rich text editor`, async () => {
    const state = await slateState(page, scope);
    if (!state) return false;
    if (state.selected === text) return true;
    // Not yet: select it in the page, which the editor follows.
    await page.evaluate(
      ({ selector, wanted }) => {
        const root = document.querySelector(`${selector} [data-slate-editor="true"]`);
        if (!(root instanceof HTMLElement)) return;
        root.focus();
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(wanted) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const domSelection = getSelection();
          domSelection?.removeAllRanges();
          domSelection?.addRange(range);
          return;
        }
      },
      { selector: scope, wanted: text },
    );
    return false;
  });
}
