/**
 * A procedure's changes, edited in the CMS, end to end, in Chromium (en-GB,
 * 1280 px), on the local backend, in a copy of the project:
 * - an editor opens a procedure, adds a change (a date and a sentence), and
 *   the preview shows it under "What changed", newest first, with the link
 *   to every procedure's changes that the page has; Publish saves it, and
 *   the file has the new {date, summary} item after the ones it had, with
 *   everything else in it as it was;
 * - a change without a date, or without its sentence, is refused with a
 *   message that says what is needed, and nothing is saved.
 *
 * Every wait is on real state (the page's text, the backend's answer, the
 * file on disk, Decap's refused save ending), never a pause. The copy's
 * content/ is left as found (checked), the real content/ is never touched
 * (checked).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readRawEntry } from '../../src/content/files';
import { displayDate } from '../../src/rules/dates';
import { ALL_CHANGES_LINK_TEXT, changesNewestFirst, type ProcedureChange } from '../../src/rules/procedure-changes';
import { useCmsSession } from '../support/cms-session';
import { dateGroup, fillDate, publishNow } from '../support/cms-forms';
import { folderFingerprint } from '../support/folder-fingerprint';
import { waitFor } from '../support/wait-for';

const SLUG = 'rapid-review';
const CHANGE: ProcedureChange = { date: '2026-03-05', summary: 'Added the out-of-hours number for the LADO.' };

const cms = useCmsSession({
  copyPrefix: 'sg-cms-procedure-changes-',
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  console: 'errors and warnings',
  openPage: false,
  leavesContentAsFound: true,
});
let page: Page;

// Each test is a fresh tab (the CMS remembers the login), so that nothing one test leaves on screen reaches the next.
beforeEach(async () => {
  page = await cms.newPage();
  cms.problems.length = 0;
});

afterEach(async () => {
  await page.close();
});

const file = () => join(cms.root, 'content/procedures', `${SLUG}.mdx`);

/** The procedure's editor, logging in when the CMS asks (the first time), until its form shows. */
async function openProcedure(): Promise<void> {
  await page.goto(`${cms.siteUrl}/admin/#/collections/procedures/entries/${SLUG}`);
  const login = page.getByRole('button', { name: 'Login' });
  const ready = page.getByLabel('Title', { exact: true });
  await login.or(ready).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await ready.waitFor({ timeout: 60_000 });
}

/** "Add change" under "What changed": the new item, last in the list, with its fields open. */
async function addChange(): Promise<Locator> {
  const items = page.locator('[class*="listControlItem"]');
  const before = await items.count();
  await page.getByRole('button', { name: 'Add change', exact: true }).click();
  const item = items.nth(before);
  await dateGroup(item, 'Date').waitFor();
  return item;
}

/** A change's sentence box, in its item. */
const summaryBox = (item: Locator) => item.getByLabel('What changed', { exact: true });

/** The preview's "What changed" section. */
function previewChanges(): Locator {
  const preview = page.locator('iframe').first().contentFrame();
  return preview.locator('section', { has: preview.getByRole('heading', { name: 'What changed', level: 2 }) });
}

/** The rows of a summary list: [date, sentence] as the preview shows them. */
async function rows(section: Locator): Promise<string[][]> {
  return section
    .locator('.govuk-summary-list__row')
    .evaluateAll((found) =>
      found.map((row) => [...row.querySelectorAll('dt, dd')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
}

/** Publish, refused by a field: Decap ends its refused save with an "undefined" page error, and asks the backend nothing. */
async function publishRefused(): Promise<void> {
  const asked = cms.backendRequests.length;
  cms.problems.length = 0;
  await publishNow(page);
  await waitFor('Decap to end the refused save', () => cms.problems.includes('page error: undefined'));
  expect(cms.problems.filter((problem) => problem !== 'page error: undefined')).toEqual([]);
  cms.problems.length = 0;
  expect(cms.backendRequests.slice(asked).filter(({ action }) => action === 'persistEntry')).toEqual([]);
}

describe("a procedure's changes in the CMS", () => {
  it('adds a change: the preview shows it under "What changed", newest first; Publish saves it and keeps the rest of the file', async () => {
    const text = readFileSync(file(), 'utf8');
    const before = readRawEntry(file(), cms.root);
    const had = before.data.changes as ProcedureChange[];
    expect(had.length).toBeGreaterThan(0);
    // The new change is newer than every one the procedure has, and goes last in the form: the preview puts it first.
    expect(had.every((change) => change.date < CHANGE.date)).toBe(true);
    await openProcedure();
    const item = await addChange();
    await fillDate(item, 'Date', CHANGE.date);
    await summaryBox(item).fill(CHANGE.summary);

    const section = previewChanges();
    await section.getByText(CHANGE.summary, { exact: true }).waitFor();
    const expected = changesNewestFirst([...had, CHANGE]).map((change) => [displayDate(change.date), change.summary]);
    expect(expected[0]).toEqual([displayDate(CHANGE.date), CHANGE.summary]);
    await expect(rows(section)).resolves.toEqual(expected);
    await section.getByRole('link', { name: ALL_CHANGES_LINK_TEXT, exact: true }).waitFor();

    const saved = cms.backendAnswer('persistEntry');
    await publishNow(page);
    expect((await saved).status()).toBe(200);
    await page.getByText('Changes saved', { exact: false }).first().waitFor();
    const after = readRawEntry(file(), cms.root);
    // The new item after the ones the file had, as {date, summary}; every other field and the body as they were.
    expect(after.data).toEqual({ ...before.data, changes: [...had, CHANGE] });
    expect(after.body.trim()).toBe(before.body.trim());
    expect(cms.problems).toEqual([]);
    // The file's own text back (Decap writes the same data in its own YAML style), so content/ is as found.
    writeFileSync(file(), text);
  });

  it('refuses a change without a date, or without its sentence, saying what is needed, and saves nothing', async () => {
    const text = readFileSync(file(), 'utf8');
    const content = folderFingerprint(join(cms.root, 'content'));
    await openProcedure();
    const item = await addChange();

    // A sentence, no date: the date's message, in the change, says what is needed.
    await summaryBox(item).fill(CHANGE.summary);
    await publishRefused();
    await item.getByText('Date is required: fill it in.', { exact: true }).waitFor();
    expect(readFileSync(file(), 'utf8')).toBe(text);

    // A date, no sentence: now the sentence's message, and the date's has gone.
    await fillDate(item, 'Date', CHANGE.date);
    await summaryBox(item).fill('');
    await publishRefused();
    await item.getByText('What changed is required: fill it in.', { exact: true }).waitFor();
    await expect(item.getByText('Date is required: fill it in.').count()).resolves.toBe(0);
    expect(readFileSync(file(), 'utf8')).toBe(text);
    expect(folderFingerprint(join(cms.root, 'content'))).toEqual(content);
    expect(cms.problems).toEqual([]);
  });
});
