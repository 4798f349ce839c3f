/**
 * A learning briefing made in the CMS, end to end, in Chromium on the CMS's
 * local backend: an editor who leaves the review empty is refused, with the
 * message in the build's words; an editor who chooses an existing review
 * (from the reviews, by title) sees the preview say where the briefing comes
 * from and whether it is on the site, publishes, and the file on disk names
 * the review by its file name, as the build expects. Every wait is on real
 * state (the form, the preview, the backend's answer, the file), never a
 * pause. The copy of the project is thrown away; the real content/ is never
 * touched.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readRawEntry, checkRelations, readAllEntries } from '../../src/content/files';
import { checkEntry } from '../../src/content/schemas';
import { useCmsSession } from '../support/cms-session';
import { publishNow } from '../support/cms-forms';
import { waitFor } from '../support/wait-for';

/** The session's today: Child A (published 15 June 2026) is on the site. */
const TODAY = '2026-11-30';
const BRIEFING = {
  title: 'Learning from Child A for school nurses',
  slug: 'learning-from-child-a-for-school-nurses',
  summary: 'What school nurses can take from the review about Child A, in ten minutes.',
  body: 'Ask every child who misses appointments what is happening at home.',
};

const cms = useCmsSession({
  copyPrefix: 'sg-cms-briefings-',
  env: { SITE_NOW: TODAY },
  locale: 'en-GB',
  logInUntil: 'Learning briefings',
});
let page: Page;
beforeAll(() => {
  page = cms.page;
});

const briefingsFolder = () => join(cms.root, 'content/briefings');

async function newBriefing(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${cms.siteUrl}/admin/#/collections/briefings/new`);
  await page.getByLabel('Title', { exact: true }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(BRIEFING.title);
  await page.getByLabel('Summary', { exact: true }).fill(BRIEFING.summary);
  const editor = page.locator('.cms-editor-visual [data-slate-editor="true"]');
  await editor.click();
  await page.keyboard.insertText(BRIEFING.body);
  await editor.getByText(BRIEFING.body, { exact: true }).waitFor();
}

describe('a learning briefing in the CMS', () => {
  it('is refused without a review, saying which field and what to do', async () => {
    const before = readdirSync(briefingsFolder()).sort();
    await newBriefing();
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('.sg-preview-status').getByText('Choose the review this briefing comes from').waitFor();
    await publishNow(page);
    await page.getByText('Review is required: fill it in.', { exact: true }).waitFor();
    // Decap ends a refused save by rejecting with nothing, which the page reports as an error: that one only.
    await waitFor('Decap to end the refused save', () => cms.problems.includes('page error: undefined'));
    expect(cms.problems.filter((problem) => problem !== 'page error: undefined')).toEqual([]);
    cms.problems.length = 0;
    expect(readdirSync(briefingsFolder()).sort()).toEqual(before);
    expect(existsSync(join(briefingsFolder(), `${BRIEFING.slug}.mdx`))).toBe(false);
  });

  it("is made for an existing review chosen by its title: the preview names it, and the file names the review's file", async () => {
    await newBriefing();
    await page.getByLabel('Review', { exact: true }).click();
    await page.getByRole('option', { name: 'Child A', exact: true }).click();
    const preview = page.locator('iframe').first().contentFrame();
    const from = preview.locator('.govuk-summary-list__row', { hasText: 'From the review' });
    await from.getByText('Child Safeguarding Practice Review Child A').waitFor();
    await expect(from.locator('a').getAttribute('href')).resolves.toBe('/reviews/child-a-practice-review/');
    await expect(preview.locator('.sg-preview-status').innerText()).resolves.toContain(
      'On the site beside its review. It stays when the review leaves the site on 15 June 2027.',
    );
    await expect(preview.locator('h1').first().innerText()).resolves.toBe(BRIEFING.title);

    const saved = cms.backendAnswer('persistEntry');
    await publishNow(page);
    expect((await saved).status()).toBe(200);
    const file = join(briefingsFolder(), `${BRIEFING.slug}.mdx`);
    const entry = readRawEntry(file, cms.root);
    expect(entry.data).toEqual({ title: BRIEFING.title, review: 'child-a-practice-review', summary: BRIEFING.summary });
    expect(entry.body.trim()).toBe(BRIEFING.body);
    // What the build checks at its start: the fields, and that the review exists.
    expect(checkEntry('briefings', entry.file, entry.data)).toEqual([]);
    expect(checkRelations(readAllEntries(cms.root))).toEqual([]);
    expect(cms.problems).toEqual([]);
  });
});
