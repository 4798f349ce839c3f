/**
 * The CMS end to end, in Chromium, on its local backend: /admin/ loads with
 * no console error (under its own Content Security Policy) and lists every
 * collection; a bulletin created through the CMS's forms is a valid file in
 * content/bulletins/, its body's MDX (a warning, a table with a caption and
 * aligned columns, a component written in a way the editor has no form for) intact after the rich
 * text editor; a build makes it a page; deleting it through the CMS removes
 * the file.
 *
 * It works on a copy of the project (tools/project-copy.ts), with
 * the CMS backend as npm start runs it (decap-server behind its guard) on
 * 127.0.0.1 and a free port editing the copy's content/, so
 * the real content/ is never touched (checked), whatever happens; and the
 * copy's content/ is left as it was found (checked).
 *
 * The tests are one editor's session, in this order: the bulletin that
 * "creates a bulletin" writes is the one the later tests build, refuse to
 * change and delete (each says so, rather than fail obscurely, when it is
 * not there). Every wait is on real state: the page's text, the editor's own
 * model (tests/support/slate.ts), the backend's answer, the file on disk;
 * never a pause.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../src/content/model';
import { checkAllContent, readRawEntry } from '../../src/content/files';
import { buildCopy } from '../support/build-copy';
import { useCmsSession } from '../support/cms-session';
import { BODY_EDITOR, bodyMode, caretToEnd, slateState } from '../support/slate';
import { waitFor } from '../support/wait-for';
import { fillDate } from '../support/cms-forms';
import { folderFingerprint } from '../support/folder-fingerprint';

const SLUG = 'cms-test-bulletin-9001';
const TITLE = 'CMS test bulletin 9001';
const WARNING = '<Warning>If someone is in immediate danger, call 999.</Warning>';
const TABLE =
  '<Table caption="Calls to social care" firstCellIsHeader="true">\n| Service | Calls |\n| :-- | --: |\n| Children\'s social care | 1,350 |\n</Table>';
const NO_BUTTON = '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> takes referrals.';
const TYPED = 'Typed in the rich text editor.';

// The site as an editor's computer builds it (its /admin/ points at the CMS backend), and the
// backend as npm start runs it: decap-server behind its guard, answering only to this site.
const cms = useCmsSession({ copyPrefix: 'sg-cms-', viewport: { width: 1400, height: 1000 }, console: 'errors and warnings' });
let page: Page;
const offSite: string[] = [];

beforeAll(() => {
  page = cms.page;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1') offSite.push(request.url());
  });
});

function entryFile(): string {
  return join(cms.root, 'content/bulletins', `${SLUG}.mdx`);
}

/** For the tests after "creates a bulletin": the bulletin it wrote. */
function requireBulletin(): void {
  if (!existsSync(entryFile()))
    throw new Error(
      `content/bulletins/${SLUG}.mdx is not there: this test needs the bulletin that "creates a bulletin through the forms" writes (see that test).`,
    );
}

describe('the CMS on its local backend', () => {
  it('loads /admin/ with no console error and lists every collection', async () => {
    await page.goto(`${cms.siteUrl}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click({ timeout: 60_000 });
    for (const collection of COLLECTIONS) {
      // Drawn (waitFor also fails if there are two), then counted.
      await page.getByRole('link', { name: collection.label, exact: true }).waitFor();
      await expect(page.getByRole('link', { name: collection.label, exact: true }).count(), collection.label).resolves.toBe(1);
    }
    await page.getByRole('link', { name: 'Bulletins', exact: true }).click();
    await page.getByText('Bulletin 1: COVID-19 partner bulletin 1').waitFor();
    expect(cms.problems).toEqual([]);
    expect(offSite).toEqual([]);
  });

  it('creates a bulletin through the forms, as a valid file with its MDX intact', async () => {
    await page.goto(`${cms.siteUrl}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Bulletin number', { exact: true }).fill('9001');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await fillDate(page, 'Date', '2026-03-31');
    await page.getByLabel('Summary', { exact: true }).fill('A bulletin made by the end-to-end test of the CMS.');

    // The body: written as Markdown (a warning, an aligned table, a component with no button)...
    await bodyMode(page, 'raw');
    const raw = page.locator(`${BODY_EDITOR.raw} [contenteditable="true"]`);
    await raw.click();
    const markdown = `## What is new\n\n${WARNING}\n\n${TABLE}\n\n${NO_BUTTON}\n\nThe first paragraph.`;
    for (const [index, line] of markdown.split('\n').entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      if (line) await page.keyboard.insertText(line);
    }
    // All of it is in the raw editor's own model before the switch reads it.
    await waitFor(
      'the Markdown typed into the raw editor',
      async () => (await slateState(page, BODY_EDITOR.raw))?.blocks.join('\n') === markdown,
    );
    // ...then edited in the rich text editor, which writes the whole body again.
    await bodyMode(page, 'rich_text');
    const editor = page.locator(`${BODY_EDITOR.rich_text} [data-slate-editor="true"]`);
    const lastParagraph = editor.getByText('The first paragraph.', { exact: true });
    await lastParagraph.waitFor();
    // Every component's form has drawn (the warning's, the table's with "First column is headings",
    // the "MDX code" kept as written), so nothing moves or takes the focus any more.
    await page.getByText('Warning text', { exact: true }).first().waitFor();
    await page
      .getByText(/^First column is headings/)
      .first()
      .waitFor();
    await page.getByText('MDX code', { exact: true }).first().waitFor();
    // Typing goes where the editor's own model (Slate's selection) says, with the keyboard in the
    // editor itself: click at the end of the last paragraph until the editor says both.
    await caretToEnd(page, lastParagraph, 'The first paragraph.');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(TYPED);
    await editor.getByText(TYPED, { exact: true }).waitFor();
    expect((await slateState(page))?.blocks.slice(-2)).toEqual(['The first paragraph.', TYPED]);
    // The warning shows in the preview as the site's warning; the table with its caption.
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('.govuk-warning-text', { hasText: 'This bulletin was sent on 31 March 2026' }).first().waitFor();
    await preview.locator('.sg-prose .govuk-warning-text', { hasText: 'If someone is in immediate danger, call 999.' }).waitFor();
    await expect(preview.locator('.sg-prose caption').innerText()).resolves.toBe('Calls to social care');

    const saved = cms.backendAnswer('persistEntry');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    expect(existsSync(entryFile())).toBe(true);
    await page.getByText('Changes saved', { exact: false }).first().waitFor();

    const text = readFileSync(entryFile(), 'utf8');
    const entry = readRawEntry(entryFile(), cms.root);
    expect(entry.data).toMatchObject({
      number: 9001,
      title: TITLE,
      date: '2026-03-31',
      summary: 'A bulletin made by the end-to-end test of the CMS.',
    });
    for (const mdx of [WARNING, TABLE, NO_BUTTON, '## What is new', `The first paragraph.\n\n${TYPED}`])
      expect(entry.body, mdx).toContain(mdx);
    // Nothing left empty in the file for the build to reject, and every file still passes the build's checks.
    expect(text).not.toMatch(/^(topics|links|sample):/m);
    expect(checkAllContent(cms.root)).toEqual([]);
    expect(cms.problems).toEqual([]);
  });

  it('becomes a page when the site is built', async () => {
    requireBulletin();
    const build = buildCopy(cms.root, 'dist-after');
    const { outDir } = build;
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const html = readFileSync(join(outDir, 'bulletins', SLUG, 'index.html'), 'utf8');
    expect(html).toContain(TITLE);
    expect(html).toMatch(/class="govuk-warning-text"[\s\S]*If someone is in immediate danger, call 999\./);
    // The table, with its caption naming its scroll box, its first column as row headings and its
    // columns' alignment as classes (the policy blocks style attributes).
    expect(html).toContain(
      '<div class="sg-table-wrap" role="group" aria-labelledby="table-calls-to-social-care" tabindex="0"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s" id="table-calls-to-social-care">Calls to social care</caption>',
    );
    expect(html).toMatch(
      /<table[\s\S]*<th class="sg-align-left" scope="col">Service<\/th>\s*<th class="sg-align-right" scope="col">Calls<\/th>[\s\S]*<th class="sg-align-left" scope="row">Children.s social care<\/th>\s*<td class="sg-align-right">1,350<\/td>/,
    );
    expect(html).toContain(TYPED);
    // The element the editor has no form for, kept as "MDX code" and shown as written.
    expect(html).toContain('<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> takes referrals.');
    expect(readFileSync(join(outDir, 'bulletins', 'index.html'), 'utf8')).toContain(`/bulletins/${SLUG}/`);
  });

  it("refuses to save a body with code in it, says why, and keeps the editor's text and the file as they were", async () => {
    requireBulletin();
    const before = readFileSync(entryFile(), 'utf8');
    await page.goto(`${cms.siteUrl}/admin/#/collections/bulletins/entries/${SLUG}`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    await bodyMode(page, 'raw');
    const raw = page.locator(`${BODY_EDITOR.raw} [contenteditable="true"]`);
    await raw.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    await page
      .getByText(/Not saved: the body has something the website cannot show safely\. Line \d+ of the body: <script> is not allowed/)
      .waitFor();
    expect(readFileSync(entryFile(), 'utf8')).toBe(before);
    await expect(raw.innerText()).resolves.toContain('<script>alert(1)</script>');
    // Decap logs a refused save to the console, and leaves its failed action unhandled (an
    // "Object" page error), as it does for any save that fails; nothing else may be there.
    // Both are waited for, so that nothing else can hide behind them.
    const expected = (line: string) => line.includes('Not saved: the body has') || line === 'page error: Object';
    await waitFor('Decap to log the refusal', () => cms.problems.some((line) => line.includes('Not saved: the body has')));
    await waitFor('Decap to end the refused save', () => cms.problems.includes('page error: Object'));
    expect(cms.problems.filter((line) => !expected(line))).toEqual([]);
    cms.problems.length = 0;
  });

  it('deletes the bulletin through the CMS, leaving content/ as it was found', async () => {
    requireBulletin();
    await page.goto(`${cms.siteUrl}/admin/#/collections/bulletins/entries/${SLUG}`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    // Decap asks with window.confirm, which this page accepts (see beforeAll).
    const deleted = cms.backendAnswer('deleteFiles');
    await page.getByRole('button', { name: 'Delete entry' }).click();
    expect((await deleted).status()).toBe(200);
    expect(existsSync(entryFile())).toBe(false);
    expect(folderFingerprint(join(cms.root, 'content'))).toEqual(cms.copyBefore);
    expect(cms.problems).toEqual([]);
    expect(cms.backendLog()).not.toMatch(/error|refused/i);
  });
});
