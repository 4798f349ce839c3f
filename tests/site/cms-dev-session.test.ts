/**
 * An editor's session with the CMS on `npm start` (astro dev and the guarded
 * decap-server, started by scripts/start.mjs in a copy of the project), in
 * Chromium, in this order:
 *
 * (d) the copy starts with a bulletin whose number another bulletin has:
 *     npm start runs, the site's pages show the problem (file, field, what is
 *     expected), /admin/ works, and the fix saved through the CMS brings the
 *     site back, without a restart;
 * (a) going from one entry's editor to another's by the address bar, Back or
 *     Forward shows the entry of the address, and Save writes only that
 *     entry's file (Decap's own "leave?" question still asked);
 * (b) saving in one CMS tab reloads neither another CMS tab (its unsaved
 *     text stays) nor anything but the site's own pages;
 * (c) a local backup, accepted after a reload, is what the form and the
 *     preview show.
 *
 * Every wait is on real state: the server's answer, the page's text, a
 * form's value, the backend's answer, the file on disk, the browser's own
 * store of local backups. The copy's content/ is left as it was found.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../support/dev-server';
import { useCmsSession } from '../support/cms-session';
import { folderFingerprint } from '../support/folder-fingerprint';
import { waitFor } from '../support/wait-for';

const DUPLICATE = 'content/bulletins/session-duplicate-bulletin.mdx';
const DUPLICATE_TITLE = 'A bulletin saved with a number already used';
const bulletin = (n: number) => `content/bulletins/covid-19-bulletin-${n}.mdx`;
const editorOf = (n: number) => `/admin/#/collections/bulletins/entries/covid-19-bulletin-${n}`;
const titleOf = (n: number) => `COVID-19 partner bulletin ${n}`;
const read = (file: string) => readFileSync(cms.inCopy(file), 'utf8');
const original = (file: string) => readFileSync(resolve(file), 'utf8');
/** Puts a file back as the project has it (a save through the CMS changed it). */
const putBack = (file: string) => writeFileSync(cms.inCopy(file), original(file));
/** The files under content/ whose bytes differ from the copy as it was made. */
function changedFiles(): string[] {
  const now = folderFingerprint(cms.inCopy('content'));
  return [...new Set([...Object.keys(now), ...Object.keys(copyBefore)])]
    .filter((file) => now[file] !== copyBefore[file])
    .map((file) => `content/${file}`)
    .sort();
}

const dialogs: string[] = [];
/** How the editor answers Decap's "leave?" question: leave (the default), or stay. */
let leaveAnswer: 'leave' | 'stay' = 'leave';
/** The copy's content/ as it was made, before the mistaken save below. */
let copyBefore: Record<string, string> = {};

const cms = useCmsSession({
  copyPrefix: 'sg-cms-dev-',
  prepare: (root) => {
    cpSync(resolve('scripts'), join(root, 'scripts'), { recursive: true });
    copyBefore = folderFingerprint(join(root, 'content'));
    // A mistaken save: a second bulletin with number 1, on disk before npm start.
    writeFileSync(join(root, DUPLICATE), original(bulletin(1)).replace(/^title: .*$/m, `title: ${DUPLICATE_TITLE}`));
  },
  server: 'dev',
  locale: 'en-GB',
  viewport: { width: 1280, height: 900 },
  onDialog: (dialog) => {
    dialogs.push(dialog.type() === 'beforeunload' ? 'beforeunload' : dialog.message());
    return dialog.type() === 'confirm' && leaveAnswer === 'stay' ? dialog.dismiss() : dialog.accept();
  },
  // Only page errors are problems here: the dev server's pages log as they work.
  console: 'none',
  openPage: false,
});

afterAll(() => {
  // Whatever happened, the copy's content/ is put back before it is checked (and removed, by the session).
  if (existsSync(cms.inCopy(DUPLICATE))) rmSync(cms.inCopy(DUPLICATE));
  for (const n of [2, 3, 4, 5, 6]) putBack(bulletin(n));
  expect(changedFiles()).toEqual([]);
});

/** The CMS at `hash`, logged in to the local backend (a new context asks once). */
async function openCms(page: Page, path: string): Promise<void> {
  await page.goto(`${cms.siteUrl}${path}`);
  const login = page.getByRole('button', { name: 'Login' });
  const title = page.getByLabel('Title', { exact: true });
  await login.or(title).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
}

/** Waits until the form's field `label` holds `value`. */
async function fieldShows(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await waitFor(
    `the field "${label}" to show "${value}"; it shows "${await field.inputValue().catch(() => '(nothing)')}"`,
    async () => (await field.inputValue().catch(() => undefined)) === value,
    60,
  );
}

/** The text of the local backup the CMS keeps in this browser for an entry, if it has one. */
function localBackup(page: Page, key: string): Promise<string | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<string | undefined>((done) => {
        const open = indexedDB.open('localforage');
        open.onerror = () => done(undefined);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyvaluepairs')) {
            db.close();
            return done(undefined);
          }
          const request = db.transaction('keyvaluepairs').objectStore('keyvaluepairs').get(key);
          request.onsuccess = () => {
            db.close();
            done((request.result as { raw?: string } | undefined)?.raw);
          };
          request.onerror = () => {
            db.close();
            done(undefined);
          };
        };
      }),
    key,
  );
}

/** The dev server's client on a page of the site is connected: what reloads it when content changes. */
const viteConnected = (page: Page) =>
  page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 60_000 });

const DUPLICATE_LINE = `${DUPLICATE}: field "number" is 1, the same as ${bulletin(1)}; each bulletin needs its own bulletin number`;
const showsProblem = (answer: Answer) => answer.status === 500 && answer.text.includes(DUPLICATE_LINE);

describe("an editor's session with the CMS on npm start", () => {
  it("(d) starts with a bulletin number used twice, shows it on the site's pages, and the fix through the CMS brings the site back", async () => {
    const shown = await cms.dev.waitForAnswer('/bulletins/', 'the duplicate number', showsProblem);
    expect(shown.text).toContain('A content file needs fixing');
    for (const path of ['/', '/reviews/', '/bulletins/covid-19-bulletin-1/']) expect((await cms.dev.get(path))?.status, path).toBe(500);
    expect(cms.dev.running()).toBe(true);
    expect(cms.dev.log()).toContain(DUPLICATE_LINE);

    // A person has the site open: it shows the problem, and comes back by itself when it is fixed.
    const site = await cms.context.newPage();
    const connected = viteConnected(site);
    await site.goto(`${cms.siteUrl}/bulletins/`);
    await connected;
    await site.getByRole('heading', { level: 1, name: 'A content file needs fixing' }).waitFor();
    await site.getByRole('listitem').filter({ hasText: DUPLICATE_LINE }).waitFor();

    // The CMS works, and the fix is made there.
    const page = await cms.context.newPage();
    await openCms(page, '/admin/#/collections/bulletins/entries/session-duplicate-bulletin');
    await fieldShows(page, 'Title', DUPLICATE_TITLE);
    await page.getByLabel('Bulletin number', { exact: true }).fill('7');
    // The field has asked the backend whether another bulletin has 7 (cms/widgets/unique-number-widget.ts).
    await page.locator('input[data-unique-checked="7"]').waitFor();
    await cms.publish(page);
    expect(read(DUPLICATE)).toMatch(/^number: 7$/m);

    await cms.dev.waitForAnswer(
      '/bulletins/',
      'the list with the fixed bulletin',
      (answer) => answer.status === 200 && answer.text.includes(DUPLICATE_TITLE),
    );
    expect((await cms.dev.get('/bulletins/session-duplicate-bulletin/'))?.status).toBe(200);
    await site.getByRole('heading', { level: 1, name: 'Bulletins', exact: true }).waitFor({ timeout: 60_000 });
    await site.getByText(DUPLICATE_TITLE).first().waitFor();
    expect(cms.dev.running()).toBe(true);
    expect(cms.problems).toEqual([]);
    await site.close();
    await page.close();
    rmSync(cms.inCopy(DUPLICATE));
  });

  it("(a) by the address bar, the editor shows the entry of the address, and Save writes only that entry's file", async () => {
    const page = await cms.context.newPage();
    const before = changedFiles();
    await openCms(page, editorOf(2));
    await fieldShows(page, 'Title', titleOf(2));
    // Typed into the address bar: only the part after # changes.
    await page.goto(`${cms.siteUrl}${editorOf(3)}`);
    await fieldShows(page, 'Title', titleOf(3));
    await page.getByLabel('Summary', { exact: true }).fill('Edited in bulletin 3, opened by the address bar.');
    await cms.publish(page);
    expect(read(bulletin(3))).toContain('summary: Edited in bulletin 3, opened by the address bar.');
    expect(read(bulletin(2))).toBe(original(bulletin(2)));
    expect(changedFiles()).toEqual([...before, bulletin(3)].sort());
    putBack(bulletin(3));
    await page.close();
  });

  it('(a) by Back and Forward, too, and Decap still asks before unsaved changes are left', async () => {
    const page = await cms.context.newPage();
    await openCms(page, editorOf(2));
    await fieldShows(page, 'Title', titleOf(2));
    await page.goto(`${cms.siteUrl}${editorOf(3)}`);
    await fieldShows(page, 'Title', titleOf(3));

    await page.goBack();
    await fieldShows(page, 'Title', titleOf(2));
    await fieldShows(page, 'Summary', readSummary(bulletin(2)));
    await page.getByLabel('Summary', { exact: true }).fill('Edited in bulletin 2, reached by Back.');
    await cms.publish(page);
    expect(read(bulletin(2))).toContain('summary: Edited in bulletin 2, reached by Back.');
    expect(read(bulletin(3))).toBe(original(bulletin(3)));
    expect(changedFiles()).toEqual([bulletin(2)]);

    // Unsaved text, then Forward: Decap asks (accepted here), and the form is bulletin 3's, as on disk.
    await page.getByLabel('Summary', { exact: true }).fill('Typed in bulletin 2 and left unsaved.');
    dialogs.length = 0;
    await page.goForward();
    await fieldShows(page, 'Title', titleOf(3));
    await fieldShows(page, 'Summary', readSummary(bulletin(3)));
    expect(dialogs).toEqual(['Are you sure you want to leave this page?']);
    expect(read(bulletin(2))).toContain('summary: Edited in bulletin 2, reached by Back.');
    expect(page.url()).toBe(`${cms.siteUrl}${editorOf(3)}`);
    putBack(bulletin(2));
    expect(changedFiles()).toEqual([]);
    expect(cms.problems).toEqual([]);
    await page.close();
  });

  it('(a) "stay" at Decap\'s question keeps the entry on screen, its address and its unsaved text, and Save writes that entry', async () => {
    const page = await cms.context.newPage();
    await openCms(page, editorOf(2));
    await fieldShows(page, 'Title', titleOf(2));
    const typed = 'Typed in bulletin 2, and the editor chose to stay.';
    await page.getByLabel('Summary', { exact: true }).fill(typed);
    dialogs.length = 0;
    leaveAnswer = 'stay';
    try {
      await page.goto(`${cms.siteUrl}${editorOf(3)}`);
      // The address goes back to the entry on screen.
      await waitFor(`the address to be bulletin 2's again; it is ${page.url()}`, () => page.url() === `${cms.siteUrl}${editorOf(2)}`);
    } finally {
      leaveAnswer = 'leave';
    }
    expect(dialogs).toEqual(['Are you sure you want to leave this page?']);
    await fieldShows(page, 'Title', titleOf(2));
    await fieldShows(page, 'Summary', typed);
    await cms.publish(page);
    expect(read(bulletin(2))).toContain(`summary: ${typed}`);
    expect(read(bulletin(3))).toBe(original(bulletin(3)));
    expect(changedFiles()).toEqual([bulletin(2)]);
    putBack(bulletin(2));

    // From the list into an entry, unsaved text, then Back: "stay" keeps the entry and its address too.
    await page.goto(`${cms.siteUrl}/admin/#/collections/bulletins`);
    await page.getByText(`Bulletin 3: ${titleOf(3)}`).click();
    await fieldShows(page, 'Title', titleOf(3));
    await page.getByLabel('Summary', { exact: true }).fill('Typed in bulletin 3 before Back.');
    dialogs.length = 0;
    leaveAnswer = 'stay';
    try {
      await page.goBack();
      await waitFor(`the address to be bulletin 3's again; it is ${page.url()}`, () => page.url() === `${cms.siteUrl}${editorOf(3)}`);
    } finally {
      leaveAnswer = 'leave';
    }
    expect(dialogs).toEqual(['Are you sure you want to leave this page?']);
    await fieldShows(page, 'Summary', 'Typed in bulletin 3 before Back.');
    expect(changedFiles()).toEqual([]);
    expect(cms.problems).toEqual([]);
    await page.close();
  });

  it("(b) a save in one CMS tab reloads the site's open pages, never another CMS tab or its unsaved text", async () => {
    // The CMS's page is the build's, without the dev server's client.
    const admin = await cms.dev.get('/admin/');
    expect(admin?.html).not.toContain('@vite/client');
    expect(admin?.html).toContain('<script type="module" src="/admin/cms.js"></script>');

    const other = await cms.context.newPage();
    await openCms(other, editorOf(4));
    await fieldShows(other, 'Title', titleOf(4));
    const unsaved = 'Typed in the second tab, not saved yet.';
    await other.getByLabel('Summary', { exact: true }).fill(unsaved);
    await other.evaluate(() => {
      (window as unknown as { sgMarker?: string }).sgMarker = 'not reloaded';
    });
    const otherNavigations: string[] = [];
    other.on('framenavigated', (frame) => {
      if (frame === other.mainFrame()) otherNavigations.push(frame.url());
    });

    const site = await cms.context.newPage();
    const connected = viteConnected(site);
    await site.goto(`${cms.siteUrl}/bulletins/covid-19-bulletin-5/`);
    await connected;
    await site.getByText(readSummary(bulletin(5))).waitFor();

    const page = await cms.context.newPage();
    await openCms(page, editorOf(5));
    await fieldShows(page, 'Title', titleOf(5));
    await page.getByLabel('Summary', { exact: true }).fill('Published from the first tab.');
    dialogs.length = 0;
    await cms.publish(page);

    // The site's page reloads by itself and shows the new summary (it has no other way to change)...
    await site.getByText('Published from the first tab.').waitFor({ timeout: 60_000 });
    // ...while the other CMS tab never began to leave its page (a reload would ask "leave?" first, as it has unsaved text).
    expect(dialogs).toEqual([]);
    expect(otherNavigations).toEqual([]);
    // ...and so does a fetch of it: the save has gone through the dev server (what would reload a tab).
    await cms.dev.waitForAnswer(
      '/bulletins/covid-19-bulletin-5/',
      'the new summary',
      (answer) => answer.status === 200 && answer.text.includes('Published from the first tab.'),
    );
    // The other CMS tab was not reloaded: its marker and its unsaved text are still there.
    expect(await other.evaluate(() => (window as unknown as { sgMarker?: string }).sgMarker)).toBe('not reloaded');
    await fieldShows(other, 'Summary', unsaved);
    expect(read(bulletin(4))).toBe(original(bulletin(4)));
    putBack(bulletin(5));
    expect(cms.problems).toEqual([]);
    for (const tab of [other, site, page]) await tab.close();
  });

  it('(c) a local backup, accepted after a reload, is the text in the form and in the preview', async () => {
    const page = await cms.context.newPage();
    await openCms(page, editorOf(6));
    await fieldShows(page, 'Title', titleOf(6));
    const typed = 'Typed, not saved, and kept by the local backup.';
    await page.getByLabel('Summary', { exact: true }).fill(typed);
    // Decap keeps a backup of unsaved text in the browser a moment after typing stops.
    await waitFor('the local backup of bulletin 6', async () =>
      (await localBackup(page, 'backup.bulletins.covid-19-bulletin-6'))?.includes(typed),
    );

    dialogs.length = 0;
    // The entry from the server, which must not replace the restored text when it comes.
    const entryLoaded = cms.backendAnswer('getEntry', undefined, page);
    await page.reload();
    expect((await entryLoaded).status()).toBe(200);
    await fieldShows(page, 'Summary', typed);
    expect(dialogs).toEqual(['beforeunload', 'A local backup was recovered for this entry, would you like to use it?']);
    await fieldShows(page, 'Title', titleOf(6));
    const preview = page.locator('iframe').first().contentFrame();
    await preview.getByText(typed).waitFor();
    // Still the restored text, once the preview has drawn it.
    expect(await page.getByLabel('Summary', { exact: true }).inputValue()).toBe(typed);
    expect(await page.getByText(/Failed to load/).count()).toBe(0);
    await page.getByText('Unsaved changes', { exact: false }).first().waitFor();
    expect(read(bulletin(6))).toBe(original(bulletin(6)));
    expect(cms.problems).toEqual([]);
    await page.close();
  });
});

function readSummary(file: string): string {
  return /^summary: (.*)$/m.exec(read(file))?.[1] ?? '';
}
