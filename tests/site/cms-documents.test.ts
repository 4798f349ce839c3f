/**
 * Documents in the CMS end to end, in Chromium, on the local backend as
 * `npm start` runs it (decap-server behind its guard), on a copy of the
 * project: a new review with an uploaded PDF is published, its PDF in the
 * review's own folder (content/reviews/<entry>/), and the built site links
 * and serves it; an existing review with a document is edited and
 * published, its document kept; an annual report gets a document the same
 * way; a review's media library lists only that review's documents (the
 * guard's refusal to delete a document an entry names is tested in
 * tests/unit/cms-backend-guard.test.ts); deleting the review keeps its documents, which `lint:content` lists as
 * unused. The copy's content/ is left as found (checked), the real content/
 * is never touched (checked).
 *
 * One editor's session, in order: later tests use what earlier ones made
 * (each says so when it is not there). Every wait is on real state: the
 * page's text, the backend's answer, the file on disk; never a pause.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAllContent, readRawEntry } from '../../src/content/files';
import { lintContent } from '../../src/content/lint';
import { describeDocument } from '../../src/content/documents';
import { makePdf } from '../../tools/sample-pdf';
import { buildCopy } from '../support/build-copy';
import { serveDirectory } from '../../tools/static-server';
import { useCmsSession } from '../support/cms-session';
import { chooseOption, fillDate, mediaLibrary, uploadAndChoose } from '../support/cms-forms';
import { waitFor } from '../support/wait-for';
import { folderFingerprint } from '../support/folder-fingerprint';

const REVIEW = { slug: 'adult-e', title: 'Adult E', file: 'adult-e-review-report.pdf' };
const REPORT = { slug: 'annual-report-2025-to-2026', title: 'Annual report 2025 to 2026', file: 'annual-report-2025-26.pdf' };
const ADULT_B = 'adult-b-safeguarding-adults-review';
// Adult E is published on this day; the build that checks its page runs on a day it is public.
const PUBLISHED = '2026-03-02';
const BUILD_DAY = '2026-06-01';

// Decap asks with window.confirm (delete an entry, delete a file): the editor says yes (the session's default).
const cms = useCmsSession({ copyPrefix: 'sg-cms-documents-', locale: 'en-GB', logInUntil: 'Reviews' });
let page: Page;

beforeAll(() => {
  page = cms.page;
});

const pdf = (title: string) => makePdf({ title, lines: [title, 'A document uploaded by the end-to-end test of the CMS.'] });
const reviewPdf = pdf('Adult E: review report (test)');
const reportPdf = pdf('Annual report 2025 to 2026 (test)');
const inCopy = (path: string) => cms.inCopy(path);

function requireFile(path: string, madeBy: string): void {
  if (!existsSync(inCopy(path))) throw new Error(`${path} is not there: this test needs what "${madeBy}" makes (see that test).`);
}

/**
 * Opens an entry's editor with a fresh page load. (Changing only the address's #, from one entry
 * to another, keeps the first entry's form in this Decap: a separate issue, not what this tests.)
 */
async function openEntry(collection: string, slug: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${cms.siteUrl}/admin/#/collections/${collection}/entries/${slug}`);
  await page.getByLabel('Title', { exact: true }).waitFor({ timeout: 60_000 });
}

/** Adds a document item to the entry on screen and uploads `file` into it. */
async function addDocument(title: string, file: { name: string; buffer: Buffer }): Promise<void> {
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.getByLabel('Document title', { exact: true }).last().fill(title);
  await page
    .getByLabel(/^Accessible alternative/)
    .last()
    .fill('The summary on this page gives the findings.');
  await uploadAndChoose(page, page.getByRole('button', { name: 'Choose a file' }).last(), { ...file, mimeType: 'application/pdf' });
}

describe('documents in the CMS', () => {
  it("publishes a new review with an uploaded PDF: the PDF in the review's own folder, the page linking it, the document served", async () => {
    await page.goto(`${cms.siteUrl}/admin/#/collections/reviews/new`);
    await page.getByLabel('Title', { exact: true }).fill(REVIEW.title);
    await chooseOption(page, 'Type of review', 'Safeguarding Adults Review');
    await fillDate(page, 'Publication date', PUBLISHED);
    await page.getByLabel('Summary', { exact: true }).fill("A review made by the end-to-end test of the CMS's documents.");
    await addDocument('Review report', { name: REVIEW.file, buffer: reviewPdf });

    await cms.publish(page);

    const entryPath = `content/reviews/${REVIEW.slug}.mdx`;
    expect(readRawEntry(inCopy(entryPath), cms.root).data).toMatchObject({
      title: REVIEW.title,
      published: PUBLISHED,
      documents: [{ title: 'Review report', file: REVIEW.file }],
    });
    // Decap wrote the upload into the new entry's own folder, though the entry had no file name while it was made.
    expect(readFileSync(inCopy(`content/reviews/${REVIEW.slug}/${REVIEW.file}`)).equals(reviewPdf)).toBe(true);
    expect(existsSync(inCopy(`content/reviews/${REVIEW.file}`))).toBe(false);
    expect(checkAllContent(cms.root)).toEqual([]);

    const build = buildCopy(cms.root, 'dist-review', { SITE_NOW: BUILD_DAY });
    const { outDir } = build;
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const href = `/documents/reviews/${REVIEW.slug}/${REVIEW.file}`;
    const html = readFileSync(join(outDir, 'reviews', REVIEW.slug, 'index.html'), 'utf8');
    const size = describeDocument(REVIEW.file, reviewPdf.length);
    expect(size).toMatch(/^PDF, \d/);
    expect(html).toContain(`<a class="govuk-link" href="${href}">Review report<span class="govuk-visually-hidden">, ${size}</span></a>`);
    const built = await serveDirectory(outDir);
    try {
      const response = await fetch(`${built.url}${href}`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(reviewPdf)).toBe(true);
    } finally {
      await built.close();
    }
    expect(cms.problems).toEqual([]);
  });

  it('publishes an edit to a review that has a document, keeping the document', async () => {
    const entryPath = inCopy(`content/reviews/${ADULT_B}.mdx`);
    const original = readFileSync(entryPath, 'utf8');
    const title = String(readRawEntry(entryPath, cms.root).data.title);
    await openEntry('reviews', ADULT_B);
    const field = page.getByLabel('Title', { exact: true });
    await waitFor('Adult B in the editor', async () => (await field.inputValue()) === title);
    await field.fill(`${title}.`);
    await cms.publish(page);
    const data = readRawEntry(entryPath, cms.root).data as { title: string; documents: { file: string }[] };
    expect(data.title).toBe(`${title}.`);
    expect(data.documents.map((document) => document.file)).toEqual([`${ADULT_B}-report.pdf`]);
    expect(existsSync(inCopy(`content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`))).toBe(true);
    expect(checkAllContent(cms.root)).toEqual([]);
    // As found, for the tests after this one.
    writeFileSync(entryPath, original);
    expect(cms.problems).toEqual([]);
  });

  it("publishes an annual report with an uploaded document, in the report's own folder", async () => {
    await page.goto('about:blank');
    await page.goto(`${cms.siteUrl}/admin/#/collections/reports/new`);
    await page.getByLabel('Title', { exact: true }).fill(REPORT.title);
    await page.getByLabel('Period', { exact: true }).fill('2025/26');
    await fillDate(page, 'Publication date', '2026-07-01');
    await page.getByLabel('Summary', { exact: true }).fill('What the partnership did in 2025 to 2026 (made by the end-to-end test).');
    await addDocument('Full report', { name: REPORT.file, buffer: reportPdf });
    await cms.publish(page);
    expect(readRawEntry(inCopy(`content/reports/${REPORT.slug}.mdx`), cms.root).data).toMatchObject({
      documents: [{ title: 'Full report', file: REPORT.file }],
    });
    expect(readFileSync(inCopy(`content/reports/${REPORT.slug}/${REPORT.file}`)).equals(reportPdf)).toBe(true);
    expect(checkAllContent(cms.root)).toEqual([]);
    expect(cms.problems).toEqual([]);
  });

  it("lists only the review's own documents in its media library", async () => {
    requireFile(`content/reviews/${REVIEW.slug}.mdx`, 'publishes a new review with an uploaded PDF');
    // The review's media are its own folder (asked for when the editor opens), and the backend lists only its documents.
    const listed = cms.backendAnswer('getMedia', (params) => params.mediaFolder === `content/reviews/${REVIEW.slug}`);
    await openEntry('reviews', REVIEW.slug);
    await page.getByRole('button', { name: 'Choose different file' }).click();
    const answer = await listed;
    expect(((await answer.json()) as { name: string }[]).map((file) => file.name)).toEqual([REVIEW.file]);
    const dialog = mediaLibrary(page);
    await dialog.getByText(REVIEW.file, { exact: true }).waitFor();
    // What the editor sees: that one file, no other review's documents.
    expect(await dialog.getByText(/\.pdf$/).allInnerTexts()).toEqual([REVIEW.file]);
    expect(readFileSync(inCopy(`content/reviews/${REVIEW.slug}/${REVIEW.file}`)).equals(reviewPdf)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(cms.problems).toEqual([]);
  });

  it('refuses, in words the editor sees, to delete a document its review still names, and keeps the file', async () => {
    requireFile(`content/reviews/${REVIEW.slug}.mdx`, 'publishes a new review with an uploaded PDF');
    await openEntry('reviews', REVIEW.slug);
    await page.getByRole('button', { name: 'Choose different file' }).click();
    const dialog = mediaLibrary(page);
    await dialog.getByText(REVIEW.file, { exact: true }).click();
    // Decap asks "Are you sure?" (accepted, see beforeAll), then sends the deletion to the backend.
    const refused = cms.backendAnswer('deleteFiles');
    await dialog.getByRole('button', { name: /Delete selected/ }).click();
    expect((await refused).status()).toBe(422);
    const reason = `${REVIEW.file} is used by ${REVIEW.title} (content/reviews/${REVIEW.slug}.mdx): remove it from that entry and publish first.`;
    await page.getByText(`Failed to delete media: ${reason}`).waitFor();
    expect(readFileSync(inCopy(`content/reviews/${REVIEW.slug}/${REVIEW.file}`)).equals(reviewPdf)).toBe(true);
    // Decap logs the refused request and its error; nothing else may be in the console.
    await waitFor('Decap to log the refusal', () => cms.problems.some((line) => line.includes(reason)));
    expect(cms.problems.filter((line) => !line.includes(reason) && !line.includes('status of 422'))).toEqual([]);
    cms.problems.length = 0;
  });

  it('deletes the review and the report, keeping their documents, which lint:content lists as unused; content/ is then as found', async () => {
    requireFile(`content/reviews/${REVIEW.slug}.mdx`, 'publishes a new review with an uploaded PDF');
    for (const [collection, entry] of [
      ['reviews', REVIEW],
      ['reports', REPORT],
    ] as const) {
      await openEntry(collection, entry.slug);
      const deleted = cms.backendAnswer('deleteFiles');
      await page.getByRole('button', { name: 'Delete entry' }).click();
      expect((await deleted).status()).toBe(200);
      expect(existsSync(inCopy(`content/${collection}/${entry.slug}.mdx`))).toBe(false);
      expect(existsSync(inCopy(`content/${collection}/${entry.slug}/${entry.file}`))).toBe(true);
    }
    const unused = lintContent(cms.root, BUILD_DAY).filter((finding) => finding.rule === 'document-unused');
    expect(unused.map((finding) => finding.file)).toEqual([
      `content/reports/${REPORT.slug}/${REPORT.file}`,
      `content/reviews/${REVIEW.slug}/${REVIEW.file}`,
    ]);
    expect(unused[1]!.message).toContain(`there is no entry content/reviews/${REVIEW.slug}.mdx any more`);
    // Someone decides: here, the test removes them, and content/ is as it was found.
    rmSync(inCopy(`content/reviews/${REVIEW.slug}`), { recursive: true });
    rmSync(inCopy(`content/reports/${REPORT.slug}`), { recursive: true });
    expect(folderFingerprint(inCopy('content'))).toEqual(cms.copyBefore);
    expect(cms.problems).toEqual([]);
  });
});
