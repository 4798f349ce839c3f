/**
 * The CMS's own fields catch a mistake as the editor makes it, in Chromium
 * (en-GB, 1280 px), on the local backend, in a copy of the project:
 * a date typed with the keyboard is the date typed; a 31 February is
 * refused with a message naming the field; a review's publication date
 * says, live, what the one-year rule does with it; a bulletin number already
 * used is caught before Publish, and Publish saves nothing; letters in a
 * phone number are caught on leaving the box, the preview makes no tel: link
 * of them, and Publish saves nothing.
 *
 * Every wait is on real state (the page's text and attributes, the
 * backend's answer, the file on disk, Decap's refused save ending), never a
 * pause. The copy's content/ is left as found (checked), the real content/
 * is never touched (checked).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readRawEntry } from '../../src/content/files';
import { addDays, addYears, displayDate, londonDate } from '../../src/rules/dates';
import { useCmsSession } from '../support/cms-session';
import { folderFingerprint } from '../support/folder-fingerprint';
import { waitFor } from '../support/wait-for';
import { dateGroup, fillDate, fillDateParts, publishNow } from '../support/cms-forms';

const cms = useCmsSession({
  copyPrefix: 'sg-cms-fields-',
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

/** /admin/ at `hash`, logging in when the CMS asks (the first time), until `ready` shows. */
async function openAdmin(hash: string, ready: () => ReturnType<Page['locator']>): Promise<void> {
  await page.goto(`${cms.siteUrl}/admin/${hash}`);
  const login = page.getByRole('button', { name: 'Login' });
  await login.or(ready()).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await ready().waitFor({ timeout: 60_000 });
}

const bulletinFile = (slug: string) => join(cms.root, 'content/bulletins', `${slug}.mdx`);

const publish = () => publishNow(page);

/** Publish, refused by a field: Decap ends its refused save with an "undefined" page error, and sends nothing. */
async function publishRefused(): Promise<void> {
  const asked = cms.backendRequests.length;
  cms.problems.length = 0;
  await publish();
  await waitFor('Decap to end the refused save', () => cms.problems.includes('page error: undefined'));
  expect(cms.problems.filter((problem) => problem !== 'page error: undefined')).toEqual([]);
  cms.problems.length = 0;
  expect(cms.backendRequests.slice(asked).filter(({ action }) => action === 'persistEntry')).toEqual([]);
}

/** An entry's editor, loaded afresh (as from a bookmark). */
async function openEntryAfresh(collection: string, slug: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${cms.siteUrl}/admin/#/collections/${collection}/entries/${slug}`);
}

async function deleteEntry(collection: string, slug: string): Promise<void> {
  await openEntryAfresh(collection, slug);
  await page.getByLabel('Title', { exact: true }).waitFor();
  const deleted = cms.backendAnswer('deleteFiles');
  await page.getByRole('button', { name: 'Delete entry' }).click();
  expect((await deleted).status()).toBe(200);
}

/** The error message a field shows, tied to its input (or its date group) by aria-describedby. */
async function describedError(target: ReturnType<Page['locator']>): Promise<string> {
  const ids = (await target.getAttribute('aria-describedby')) ?? '';
  const error = ids.split(' ').find((id) => id.endsWith('-error'));
  if (!error) return '';
  // Its text as a screen reader reads it: the visually hidden "Error:" and the message.
  return ((await page.locator(`[id="${error}"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe("the CMS's fields catch mistakes where they are made", () => {
  it('stores a date typed with the keyboard as the date typed, and refuses a 31 February naming the field', async () => {
    const slug = 'cms-fields-bulletin-9101';
    await openAdmin('#/collections/bulletins/new', () => page.getByLabel('Bulletin number', { exact: true }));
    await page.getByLabel('Bulletin number', { exact: true }).fill('9101');
    await page.getByLabel('Title', { exact: true }).fill('CMS fields bulletin 9101');
    await page.getByLabel('Summary', { exact: true }).fill("A bulletin made by the test of the CMS's fields.");
    const date = dateGroup(page, 'Date');
    // Each box has its own name, in a group named by the field's label, with the hint.
    await expect(
      date.getByRole('textbox').evaluateAll((boxes) => boxes.map((box) => [box.getAttribute('inputmode'), box.getAttribute('type')])),
    ).resolves.toEqual([
      ['numeric', 'text'],
      ['numeric', 'text'],
      ['numeric', 'text'],
    ]);
    await expect(date.getByText('For example, 31 3 2026').count()).resolves.toBe(1);

    // 31 February: the message names the field, beside it, tied to the group; the boxes are marked.
    await fillDateParts(page, 'Date', { day: '31', month: '2', year: '2026' });
    await page.getByLabel('Summary', { exact: true }).focus();
    const message = 'Date: enter a real date, for example 31 3 2026';
    await date.getByText(message).waitFor();
    await expect(describedError(date)).resolves.toBe(`Error: ${message}`);
    await expect(date.getByRole('textbox', { name: 'Day', exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await publishRefused();
    expect(existsSync(bulletinFile(slug))).toBe(false);

    // A two-digit year, and letters, are refused the same way.
    await fillDateParts(page, 'Date', { day: '15', month: '12', year: '26' });
    await date.getByText('Date: enter the year in full, as 4 numbers, for example 31 3 2026').waitFor();
    await fillDateParts(page, 'Date', { day: '15', month: 'Dec', year: '2026' });
    await date.getByText('Date: enter a real date in numbers, for example 31 3 2026').waitFor();

    // Typed key by key, "15", "12", "2026" is 15 December 2026, in the preview and in the file.
    await fillDateParts(page, 'Date', { day: '15', month: '12', year: '2026' });
    await expect(date.locator('.sg-field-error').count()).resolves.toBe(0);
    const preview = page.locator('iframe').first().contentFrame();
    await preview.getByText('Published 15 December 2026').waitFor();
    const saved = cms.backendAnswer('persistEntry');
    await publish();
    expect((await saved).status()).toBe(200);
    expect(readRawEntry(bulletinFile(slug), cms.root).data).toMatchObject({ number: 9101, date: '2026-12-15' });
    expect(readFileSync(bulletinFile(slug), 'utf8')).toMatch(/^date: ["']?2026-12-15["']?$/m);
    // Opened again, the date shows in its boxes: once the CMS has given the saved entry its address, a reload.
    await page.waitForURL(`${cms.siteUrl}/admin/#/collections/bulletins/entries/${slug}`);
    await page.reload();
    await expect(dateGroup(page, 'Date').getByRole('textbox', { name: 'Year', exact: true }).inputValue()).resolves.toBe('2026');
    await expect(dateGroup(page, 'Date').getByRole('textbox', { name: 'Day', exact: true }).inputValue()).resolves.toBe('15');
    await deleteEntry('bulletins', slug);
    expect(cms.problems).toEqual([]);
  });

  it("says what the one-year rule does with a review's publication date, live, with today's date in London", async () => {
    const before = readFileSync(join(cms.root, 'content/reviews/child-a-practice-review.mdx'), 'utf8');
    await openAdmin('#/collections/reviews/entries/child-a-practice-review', () => dateGroup(page, 'Publication date'));
    const published = dateGroup(page, 'Publication date');
    const status = published.getByRole('status');
    const today = londonDate(new Date());
    const future = addDays(today, 40);
    await fillDate(page, 'Publication date', future);
    await status
      .getByText(`Scheduled: appears on the site on ${displayDate(future)} and stays until ${displayDate(addYears(future, 1))}`, {
        exact: true,
      })
      .waitFor();
    await fillDate(page, 'Publication date', today);
    await status.getByText(`On the site until ${displayDate(addYears(today, 1))}, then available on request`, { exact: true }).waitFor();
    const yearAndADayAgo = addDays(addYears(today, -1), -1);
    await fillDate(page, 'Publication date', yearAndADayAgo);
    await status
      .getByText(`Withdrawn since ${displayDate(addYears(yearAndADayAgo, 1))}: not on the site; available on request`, { exact: true })
      .waitFor();
    // The line is part of the group's description.
    await expect(published.getAttribute('aria-describedby')).resolves.toContain(await status.getAttribute('id'));
    // Nothing was saved.
    expect(readFileSync(join(cms.root, 'content/reviews/child-a-practice-review.mdx'), 'utf8')).toBe(before);
    expect(cms.problems).toEqual([]);
  });

  it('catches a bulletin number already used before Publish, and Publish saves nothing', async () => {
    await openAdmin('#/collections/bulletins/new', () => page.getByLabel('Bulletin number', { exact: true }));
    const number = page.getByLabel('Bulletin number', { exact: true });
    await number.fill('1');
    await page.getByLabel('Title', { exact: true }).fill('CMS fields bulletin 9102');
    await fillDate(page, 'Date', '2026-04-01');
    await page.getByLabel('Summary', { exact: true }).fill('A bulletin with a number already used.');
    const message =
      'Bulletin number: 1 is already used by \u201cCOVID-19 partner bulletin 1\u201d; each bulletin needs its own bulletin number';
    await page.getByText(message).waitFor();
    await expect(describedError(number)).resolves.toBe(`Error: ${message}`);
    await expect(number.getAttribute('aria-invalid')).resolves.toBe('true');
    const before = folderFingerprint(join(cms.root, 'content'));
    await publishRefused();
    expect(folderFingerprint(join(cms.root, 'content'))).toEqual(before);
    // A number nobody has: once checked, the message goes, and Publish saves it.
    await number.fill('9102');
    await page.locator('input[data-unique-checked="9102"]').waitFor();
    await expect(page.getByText(message).count()).resolves.toBe(0);
    const saved = cms.backendAnswer('persistEntry');
    await publish();
    expect((await saved).status()).toBe(200);
    expect(readRawEntry(bulletinFile('cms-fields-bulletin-9102'), cms.root).data).toMatchObject({ number: 9102 });
    // Opened again, its own number does not count against it.
    await page.waitForURL(`${cms.siteUrl}/admin/#/collections/bulletins/entries/cms-fields-bulletin-9102`);
    await openEntryAfresh('bulletins', 'cms-fields-bulletin-9102');
    await page.locator('input[data-unique-checked="9102"]').waitFor();
    await page.getByLabel('Bulletin number', { exact: true }).focus();
    await page.getByLabel('Title', { exact: true }).focus();
    await expect(page.locator('.sg-field-error').count()).resolves.toBe(0);
    await deleteEntry('bulletins', 'cms-fields-bulletin-9102');
    expect(cms.problems).toEqual([]);
  });

  it('refuses a number already used even when Publish is pressed straight after typing it, saying why', async () => {
    await openAdmin('#/collections/bulletins/new', () => page.getByLabel('Bulletin number', { exact: true }));
    await page.getByLabel('Title', { exact: true }).fill('CMS fields bulletin 9103');
    await fillDate(page, 'Date', '2026-04-02');
    await page.getByLabel('Summary', { exact: true }).fill('A bulletin published before its number was checked.');
    const before = folderFingerprint(join(cms.root, 'content'));
    // Typed and published at once: before the field's own check can answer.
    await page.getByLabel('Bulletin number', { exact: true }).fill('2');
    await publish();
    await page
      .getByText(
        'Not saved: Bulletin number: 2 is already used by \u201cCOVID-19 partner bulletin 2\u201d; each bulletin needs its own bulletin number.',
      )
      .first()
      .waitFor();
    expect(folderFingerprint(join(cms.root, 'content'))).toEqual(before);
    expect(cms.backendRequests.filter(({ action }) => action === 'persistEntry').map(({ body }) => body)).not.toContainEqual(
      expect.stringContaining('9103'),
    );
    // Decap logs the refused save and ends it with a page error, as for any refused save.
    await waitFor('Decap to log the refusal', () => cms.problems.some((line) => line.includes('Not saved: Bulletin number: 2')));
    expect(cms.problems.filter((line) => !line.includes('Not saved: Bulletin number: 2') && !line.startsWith('page error:'))).toEqual([]);
    cms.problems.length = 0;
  });

  it('catches letters in a phone number on leaving the box; the preview makes no tel: link; Publish saves nothing', async () => {
    const file = join(cms.root, 'content/settings/site.yaml');
    const before = readFileSync(file, 'utf8');
    await openAdmin('#/collections/settings/entries/site', () => page.getByLabel('Partnership phone', { exact: true }));
    const phone = page.getByLabel('Partnership phone', { exact: true });
    await phone.fill('01702 53470O');
    const message =
      'Partnership phone: expected a UK phone number, for example 01702 534706; use only numbers and spaces (and + at the start)';
    await expect(page.getByText(message).count()).resolves.toBe(0);
    await page.getByLabel('Organisation', { exact: true }).focus();
    await page.getByText(message).waitFor();
    await expect(describedError(phone)).resolves.toBe(`Error: ${message}`);
    await expect(phone.getAttribute('aria-invalid')).resolves.toBe('true');
    const preview = page.locator('iframe').first().contentFrame();
    await preview.getByText('01702 53470O', { exact: true }).waitFor();
    await preview.getByText('Not a phone number yet').first().waitFor();
    await expect(
      preview.locator('a[href^="tel:"]').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).resolves.not.toContain('tel:+44170253470');
    await expect(preview.locator('a[href^="tel:+441702"]', { hasText: '53470' }).count()).resolves.toBe(0);
    await publishRefused();
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Put right, the message goes when the editor leaves the box.
    await phone.fill('01702 534706');
    await page.getByLabel('Organisation', { exact: true }).focus();
    await waitFor('the message to go', async () => (await page.getByText(message).count()) === 0);
    await preview.locator('a[href="tel:+441702534706"]').waitFor();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(cms.problems).toEqual([]);
  });
});
