/**
 * The CMS end to end, in Chromium, on its local backend: /admin/ loads with
 * no console error (under its own Content Security Policy) and lists every
 * collection; a bulletin created through the CMS's forms is a valid file in
 * content/bulletins/, its body's MDX (a warning, a table with a caption and
 * aligned columns, a component written in a way the editor has no form for) intact after the rich
 * text editor; a build makes it a page; deleting it through the CMS removes
 * the file.
 *
 * It works on a copy of the project (tests/support/project-copy.ts), with
 * the CMS backend as npm start runs it (decap-server behind its guard) on
 * 127.0.0.1 and a free port editing the copy's content/, so
 * the real content/ is never touched (checked), whatever happens; and the
 * copy's content/ is left as it was found (checked).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { COLLECTIONS } from '../../src/lib/content-model';
import { checkAllContent, readRawEntry } from '../../src/lib/content-files';
import { localBackendUrl } from '../../src/lib/cms-config';
import { launchChromium } from '../support/browser';
import { buildSite } from '../support/build-site';
import { copyProject, type ProjectCopy } from '../support/project-copy';
import { serveDirectory, type RunningServer } from '../support/static-server';
import { freePort } from '../support/ports';
import { startCmsBackend, type RunningBackend } from '../support/cms-backend';

const SLUG = 'cms-test-bulletin-9001';
const TITLE = 'CMS test bulletin 9001';
const WARNING = '<Warning>If someone is in immediate danger, call 999.</Warning>';
const TABLE = '<Table caption="Calls to social care" firstCellIsHeader="true">\n| Service | Calls |\n| :-- | --: |\n| Children\'s social care | 1,350 |\n</Table>';
const NO_BUTTON = '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> takes referrals.';
const TYPED = 'Typed in the rich text editor.';

/** Every file under a folder with a hash of its content, to prove a folder unchanged. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const item of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!item.isFile()) continue;
    const path = join(item.parentPath, item.name);
    files[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

async function waitFor<T>(what: string, test: () => T | undefined | false | Promise<T | undefined | false>, seconds = 30): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const result = await test();
    if (result) return result;
    if (Date.now() > until) throw new Error(`Waited ${seconds} s for ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

const realContent = resolve('content');
const realBefore = snapshot(realContent);

let project: ProjectCopy;
let copyBefore: Record<string, string>;
let backend: RunningBackend | undefined;
let site: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const consoleProblems: string[] = [];
const offSite: string[] = [];

beforeAll(async () => {
  project = copyProject('sg-cms-');
  copyBefore = snapshot(join(project.root, 'content'));
  const port = await freePort();

  // The site as an editor's computer builds it: its /admin/ points at the CMS backend.
  const build = buildSite({ root: project.root, outDir: join(project.root, 'dist'), env: { ASTRO_CACHE_DIR: join(project.root, '.cache'), CMS_LOCAL_BACKEND_URL: localBackendUrl(port) } });
  if (build.status !== 0) throw new Error(`The copy did not build:\n${build.output.slice(-4000)}`);
  site = await serveDirectory(join(project.root, 'dist'));
  // The backend as npm start runs it: decap-server behind its guard, answering only to this site.
  backend = await startCmsBackend({ root: project.root, siteOrigin: site.url, port });

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1') offSite.push(request.url());
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  backend?.stop();
  project?.remove();
  // Whatever happened above, the real content/ is as it was.
  expect(snapshot(realContent)).toEqual(realBefore);
});

function entryFile(): string {
  return join(project.root, 'content/bulletins', `${SLUG}.mdx`);
}

describe('the CMS on its local backend', () => {
  it('loads /admin/ with no console error and lists every collection', async () => {
    await page.goto(`${site!.url}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click({ timeout: 60_000 });
    for (const collection of COLLECTIONS) {
      await expect(page.getByRole('link', { name: collection.label, exact: true }).count(), collection.label).resolves.toBe(1);
    }
    await page.getByRole('link', { name: 'Bulletins', exact: true }).click();
    await page.getByText('Bulletin 1: COVID-19 partner bulletin 1').waitFor();
    expect(consoleProblems).toEqual([]);
    expect(offSite).toEqual([]);
  });

  it('creates a bulletin through the forms, as a valid file with its MDX intact', async () => {
    await page.goto(`${site!.url}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Bulletin number', { exact: true }).fill('9001');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Date', { exact: true }).fill('2026-03-31');
    await page.getByLabel('Summary', { exact: true }).fill('A bulletin made by the end-to-end test of the CMS.');

    // The body: written as Markdown (a warning, an aligned table, a component with no button)...
    // (Decap's mode switch has no accessible name: it is the switch in the body's toolbar.)
    const modeSwitch = page.locator('.cms-editor-visual, .cms-editor-raw').locator('[role="switch"]');
    await modeSwitch.click();
    const raw = page.locator('.cms-editor-raw [contenteditable="true"]');
    await raw.click();
    const lines = `## What is new\n\n${WARNING}\n\n${TABLE}\n\n${NO_BUTTON}\n\nThe first paragraph.`.split('\n');
    for (const [index, line] of lines.entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      if (line) await page.keyboard.insertText(line);
    }
    // ...then edited in the rich text editor, which writes the whole body again.
    await modeSwitch.click();
    const editor = page.locator('.cms-editor-visual [contenteditable="true"]').first();
    const lastParagraph = editor.getByText('The first paragraph.', { exact: true });
    await lastParagraph.waitFor();
    // The components' forms have drawn, so nothing moves any more: click at the end of the last paragraph.
    await page.getByText('MDX code', { exact: true }).first().waitFor();
    // The caret must be at the end of that paragraph, in the editor's own model (Slate's
    // selection, which is what typing uses; the browser's selection can be ahead of it), before
    // typing. Click, then ask the editor itself, until it says so: its real state, not a pause.
    const caretAtEnd = () => page.evaluate((text) => {
      interface SlateNode { text?: string; children?: SlateNode[] }
      interface SlateEditor { children: SlateNode[]; selection: { anchor: { path: number[]; offset: number }; focus: { path: number[]; offset: number } } | null }
      const root = document.querySelector('.cms-editor-visual [data-slate-editor="true"]');
      const fiberKey = root ? Object.keys(root).find((key) => key.startsWith('__reactFiber$')) : undefined;
      let fiber = fiberKey ? (root as unknown as Record<string, { return: unknown; memoizedProps?: { editor?: SlateEditor } }>)[fiberKey] : undefined;
      while (fiber && !fiber.memoizedProps?.editor?.children) fiber = fiber.return as typeof fiber;
      const editor = fiber?.memoizedProps?.editor;
      if (!editor?.selection) return false;
      const last = editor.children.length - 1;
      const block = editor.children[last];
      const leaf = block?.children?.at(-1);
      const { anchor, focus } = editor.selection;
      return block?.children?.map((child) => child.text ?? '').join('') === text
        && anchor.path.join() === focus.path.join() && anchor.offset === focus.offset
        && anchor.path.join() === `${last},${block!.children!.length - 1}` && anchor.offset === (leaf?.text ?? '').length;
    }, 'The first paragraph.');
    await waitFor('the caret at the end of the last paragraph', async () => {
      const box = await lastParagraph.boundingBox();
      if (!box) return false;
      await lastParagraph.click({ position: { x: box.width - 1, y: box.height / 2 } });
      await page.keyboard.press('End');
      return caretAtEnd();
    });
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(TYPED);
    await editor.getByText(TYPED, { exact: true }).waitFor();
    // The warning shows as its form, and in the preview as the site's warning.
    await expect(page.getByText('Warning text', { exact: true }).count()).resolves.toBeGreaterThan(0);
    const preview = page.locator('iframe').first().contentFrame();
    await expect(preview.locator('.govuk-warning-text').first().innerText()).resolves.toContain('This bulletin was sent on 31 March 2026');
    await expect(preview.locator('.sg-prose .govuk-warning-text').innerText()).resolves.toContain('If someone is in immediate danger, call 999.');
    // The table shows as its form (caption, "First column is headings"), and in the preview with its caption.
    await expect(page.getByText(/^First column is headings/).count()).resolves.toBeGreaterThan(0);
    await expect(preview.locator('.sg-prose caption').innerText()).resolves.toBe('Calls to social care');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    await waitFor('the bulletin to be written', () => existsSync(entryFile()));
    await page.getByText('Changes saved', { exact: false }).first().waitFor();

    const text = readFileSync(entryFile(), 'utf8');
    const entry = readRawEntry(entryFile(), project.root);
    expect(entry.data).toMatchObject({ number: 9001, title: TITLE, date: '2026-03-31', summary: 'A bulletin made by the end-to-end test of the CMS.' });
    for (const mdx of [WARNING, TABLE, NO_BUTTON, '## What is new', `The first paragraph.\n\n${TYPED}`]) expect(entry.body, mdx).toContain(mdx);
    // Nothing left empty in the file for the build to reject, and every file still passes the build's checks.
    expect(text).not.toMatch(/^(topics|links|sample):/m);
    expect(checkAllContent(project.root)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  it('becomes a page when the site is built', async () => {
    const outDir = join(project.root, 'dist-after');
    const build = buildSite({ root: project.root, outDir, env: { ASTRO_CACHE_DIR: join(project.root, '.cache') } });
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const html = readFileSync(join(outDir, 'bulletins', SLUG, 'index.html'), 'utf8');
    expect(html).toContain(TITLE);
    expect(html).toMatch(/class="govuk-warning-text"[\s\S]*If someone is in immediate danger, call 999\./);
    // The table, with its caption naming its scroll box, its first column as row headings and its
    // columns' alignment as classes (the policy blocks style attributes).
    expect(html).toContain('<div class="sg-table-wrap" role="group" aria-labelledby="table-calls-to-social-care" tabindex="0"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s" id="table-calls-to-social-care">Calls to social care</caption>');
    expect(html).toMatch(/<table[\s\S]*<th class="sg-align-left" scope="col">Service<\/th>\s*<th class="sg-align-right" scope="col">Calls<\/th>[\s\S]*<th class="sg-align-left" scope="row">Children.s social care<\/th>\s*<td class="sg-align-right">1,350<\/td>/);
    expect(html).toContain(TYPED);
    // The element the editor has no form for, kept as "MDX code" and shown as written.
    expect(html).toContain('<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> takes referrals.');
    expect(readFileSync(join(outDir, 'bulletins', 'index.html'), 'utf8')).toContain(`/bulletins/${SLUG}/`);
  });

  it('refuses to save a body with code in it, says why, and keeps the editor\'s text and the file as they were', async () => {
    const before = readFileSync(entryFile(), 'utf8');
    await page.goto(`${site!.url}/admin/#/collections/bulletins/entries/${SLUG}`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    const raw = page.locator('.cms-editor-raw [contenteditable="true"]');
    // The mode switch, not the Table form's "First column is headings" switch inside the body.
    if (await raw.count() === 0) await page.locator('.cms-editor-visual [role="switch"]:not([data-slate-editor] [role="switch"])').click();
    await raw.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    await page.getByText(/Not saved: the body has something the website cannot show safely\. Line \d+ of the body: <script> is not allowed/).waitFor();
    expect(readFileSync(entryFile(), 'utf8')).toBe(before);
    await expect(raw.innerText()).resolves.toContain('<script>alert(1)</script>');
    // Decap logs a refused save to the console, and leaves its failed action unhandled (an
    // "Object" page error), as it does for any save that fails; nothing else may be there.
    const expected = (line: string) => line.includes('Not saved: the body has') || line === 'page error: Object';
    await waitFor('Decap to log the refusal', () => consoleProblems.some((line) => line.includes('Not saved: the body has')));
    await new Promise((done) => setTimeout(done, 500));
    expect(consoleProblems.filter((line) => !expected(line))).toEqual([]);
    consoleProblems.length = 0;
  });

  it('deletes the bulletin through the CMS, leaving content/ as it was found', async () => {
    await page.goto(`${site!.url}/admin/#/collections/bulletins/entries/${SLUG}`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    // Decap asks with window.confirm, which this page accepts (see beforeAll).
    await page.getByRole('button', { name: 'Delete entry' }).click();
    await waitFor('the bulletin to be deleted', () => !existsSync(entryFile()));
    expect(snapshot(join(project.root, 'content'))).toEqual(copyBefore);
    expect(consoleProblems).toEqual([]);
    expect(backend!.log()).not.toMatch(/error|refused/i);
  });
});
