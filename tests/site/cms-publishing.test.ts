/**
 * Publishing tasks of the comms team, end to end, in Chromium on the CMS's
 * local backend, and the one-year rule where editors work:
 * - the reviews list's filters list exactly what `npm run retention` lists
 *   (on the site's today, SITE_NOW, which config.yml's filters also use);
 * - the preview of a withdrawn review says what the site shows: only the
 *   short page, since the day it left, in the site's own words;
 * - (a) a scheduled review: created with a publication date after today, it
 *   is listed as scheduled, and a build on today has nothing of it (no page,
 *   link, search fragment, feed item or sitemap entry, nor its name in
 *   config.yml); a build on its day has its page, listed;
 * - (b) a settings number changed: the built home page and report a concern
 *   call the new number, with its Relay UK form, in the browser;
 * - (c) a procedure made with the editor's "+" components (a warning, a
 *   table with a caption) and its link button: the built page has them;
 * - (d) deleting that procedure through the CMS removes its file.
 *
 * One editor's session on a copy of the project (tests/support/cms-site.ts),
 * in this order: later tests use what earlier ones made, and say so when it
 * is not there. Every wait is on real state (the page's text, the editor's
 * model, the backend's answer, the file on disk), never a pause. The last
 * test puts back what the session changed, through the CMS, and checks the
 * copy's content/ is as it was found; the real content/ is never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseYaml, readRawEntry } from '../../src/content/files';
import { checkWithdrawnReviews, normaliseText } from '../../src/rules/withdrawn-check';
import { buildCopy } from '../support/build-copy';
import { readBuilt, searchFragments, sitemapUrls } from '../support/built-site';
import { useCmsSession } from '../support/cms-session';
import { chooseOption, fillDate, publishNow, selectInRichText } from '../support/cms-forms';
import { caretToEnd } from '../support/slate';
import { folderFingerprint } from '../support/folder-fingerprint';
import { serveDirectory } from '../../tools/static-server';
import { waitFor } from '../support/wait-for';

/** The site's today for this session: Adult B leaves within 30 days of it, D and Family C have left. */
const TODAY = '2027-01-05';
const REVIEW = {
  slug: 'adult-q',
  title: 'Adult Q',
  name: 'Safeguarding Adults Review Adult Q',
  type: 'Safeguarding Adults Review',
  published: '2027-02-01',
  summary: 'Adult Q lived alone by the estuary and the word quillonwort marks this review.',
  body: 'Neighbours saw quillonwort growing over the door for months before anyone asked.',
};
const PROCEDURE = {
  slug: 'cms-test-procedure-escalating-concerns',
  title: 'CMS test procedure escalating concerns',
  warning: 'Call 999 if a child is in immediate danger.',
  caption: 'Who to tell and when',
  table: '| Who | When |\n| --- | --- |\n| Safeguarding lead | The same day |',
  linkText: 'national guidance',
  url: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
};
const OUT_OF_HOURS = { label: /^Out of hours emergency duty service/, number: '0333 013 8989', href: 'tel:+443330138989' };

// The site and its CMS on the session's today: config.yml's filters and the previews take it.
const cms = useCmsSession({
  copyPrefix: 'sg-cms-publishing-',
  env: { SITE_NOW: TODAY },
  locale: 'en-GB',
  console: 'errors and warnings',
  // Decap asks with window.confirm (delete) and window.prompt (a link's address).
  onDialog: (dialog) => dialog.accept(dialog.type() === 'prompt' ? PROCEDURE.url : undefined),
  logInUntil: 'Reviews',
});
let settingsBefore = '';
let page: Page;

beforeAll(() => {
  page = cms.page;
  settingsBefore = readFileSync(join(cms.root, 'content/settings/site.yaml'), 'utf8');
});

const contentFile = (folder: string, slug: string) => join(cms.root, 'content', folder, `${slug}.mdx`);

function requireFile(path: string, madeBy: string): void {
  if (!existsSync(path)) throw new Error(`${path} is not there: this test needs what "${madeBy}" makes (see that test).`);
}

/**
 * Opens a screen of the CMS by loading /admin/ afresh at its address, and waits for `ready`:
 * each task starts from a new page, as an editor opening a link does, so no editor's form is
 * left from the one before (moving between editors within one page is another test's subject).
 */
async function openInCms(hashPath: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${cms.siteUrl}/admin/#${hashPath}`);
  await ready(page);
}

const formReady = (label: string | RegExp) => (current: Page) =>
  current.getByLabel(label, typeof label === 'string' ? { exact: true } : {}).waitFor();
const listReady = (current: Page) => current.locator('a[href*="/collections/reviews/entries/"]').first().waitFor();

async function publish(): Promise<void> {
  const saved = cms.backendAnswer('persistEntry');
  await publishNow(page);
  expect((await saved).status()).toBe(200);
}

/** `npm run retention` on the copy, on the session's today: the titles in each of its lists. */
function retentionLists(): { scheduled: string[]; public: string[]; withdrawn: string[]; leaving: string[] } {
  const result = spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/retention.ts')], {
    cwd: cms.root,
    env: { ...process.env, SITE_NOW: TODAY },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n');
  const byState = (state: string) =>
    lines
      .map((line) => new RegExp(`^ {2}${state} +(.+?) \\(`).exec(line)?.[1])
      .filter((title): title is string => Boolean(title))
      .sort();
  const start = lines.indexOf(`Leaving the site in the next 30 days:`);
  const leaving = lines
    .slice(start + 1, lines.indexOf('', start))
    .filter((line) => line.trim() !== 'none')
    .map((line) => line.trim().split(':')[0]!)
    .sort();
  return { scheduled: byState('scheduled'), public: byState('on the site'), withdrawn: byState('withdrawn'), leaving };
}

/** The titles the reviews list shows now (each entry reads "Title: type, published date"). */
async function listedTitles(): Promise<string[]> {
  const entries = await page.locator('a[href*="/collections/reviews/entries/"]').allInnerTexts();
  return entries.map((text) => text.split(':')[0]!.trim()).sort();
}

/** The reviews list with only the filter `label` chosen; waits until the list shows `expected`. */
async function listFiltered(label: string, expected: string[]): Promise<string[]> {
  await openInCms('/collections/reviews', listReady);
  await page.getByRole('button', { name: 'Filter by' }).click();
  const item = page.getByRole('menuitem', { name: label, exact: true });
  await item.locator('input[type="checkbox"]').check();
  const shown = await waitFor(`the reviews list filtered by "${label}" to show ${expected.join(', ') || 'nothing'}`, async () => {
    const titles = await listedTitles();
    return titles.join('|') === expected.join('|') ? titles : undefined;
  }).catch(async (error: Error) => {
    throw new Error(`${error.message}; it shows ${(await listedTitles()).join(', ')}`);
  });
  // Back to every review, for the next one.
  await item.locator('input[type="checkbox"]').uncheck();
  await page.keyboard.press('Escape');
  return shown;
}

/** The lines of D's short page as its preview shows them (see "previews D, withdrawn"). */
let withdrawnPreviewLines: string[] = [];

describe('the one-year rule where editors work, and publishing tasks, in the CMS', () => {
  it('lists under "Leaving in the next 30 days", and each filter, exactly the reviews npm run retention lists', async () => {
    const lists = retentionLists();
    expect(lists.leaving).toEqual(['Adult B']);
    expect(await listFiltered('Leaving in the next 30 days', lists.leaving)).toEqual(['Adult B']);
    expect(await listFiltered('On the site', lists.public)).toEqual(['Adult B', 'Child A']);
    expect(await listFiltered('Withdrawn (available on request)', lists.withdrawn)).toEqual(['D', 'Family C']);
    expect(await listFiltered('Scheduled', lists.scheduled)).toEqual([]);
    // Newest first, each with its date as a person reads it.
    const all = await page.locator('a[href*="/collections/reviews/entries/"]').allInnerTexts();
    expect(all.map((text) => text.trim())).toEqual([
      'Child A: Child Safeguarding Practice Review, published 15 June 2026',
      'Adult B: Safeguarding Adults Review, published 20 January 2026',
      'D: Domestic Homicide Review, published 1 September 2025',
      'Family C: Learning Review, published 10 March 2025',
    ]);
    expect(cms.problems).toEqual([]);
  });

  it('previews D, withdrawn, as the site shows it: only its short page, since 1 September 2026', async () => {
    await openInCms('/collections/reviews/entries/d-domestic-homicide-review', formReady('Title'));
    const preview = page.locator('iframe').first().contentFrame();
    const banner = preview.locator('.sg-preview-status');
    await banner.getByText('Withdrawn since 1 September 2026: available on request').waitFor();
    await expect(banner.innerText()).resolves.toContain('What the site shows on 5 January 2027');
    await expect(preview.locator('body').innerText()).resolves.not.toContain('Leaves this website\n1 September 2026');
    // The short page, once the settings (email, phone) have arrived, says what the built page says.
    const stub = preview.locator('.sg-preview-withdrawn');
    await stub.getByText('SSPA@southend.gov.uk').waitFor();
    // Compared with the built page by "builds on today" below, which builds the site on the same day.
    withdrawnPreviewLines = (await stub.innerText()).split('\n').map(normaliseText).filter(Boolean);
    expect(withdrawnPreviewLines.length).toBeGreaterThan(6);
    await expect(preview.locator('h1').first().innerText()).resolves.toBe('Domestic Homicide Review D (no longer on this website)');
    expect(cms.problems).toEqual([]);
  });

  it('(a) publishes a review with a date after today: the preview and the list say it is scheduled', async () => {
    await openInCms('/collections/reviews/new', formReady('Title'));
    await page.getByLabel('Title', { exact: true }).fill(REVIEW.title);
    await chooseOption(page, 'Type of review', REVIEW.type);
    await fillDate(page, 'Publication date', REVIEW.published);
    await page.getByLabel('Summary', { exact: true }).fill(REVIEW.summary);
    const editor = page.locator('.cms-editor-visual [data-slate-editor="true"]');
    await editor.click();
    await page.keyboard.insertText(REVIEW.body);
    await editor.getByText(REVIEW.body, { exact: true }).waitFor();
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('.sg-preview-status').getByText('Not on the site yet').waitFor();
    await expect(preview.locator('.sg-preview-status').innerText()).resolves.toContain(
      'It appears on 1 February 2027 and leaves the site on 1 February 2028.',
    );

    await publish();
    const file = contentFile('reviews', REVIEW.slug);
    expect(readRawEntry(file, cms.root).data).toMatchObject({
      title: REVIEW.title,
      type: REVIEW.type,
      published: REVIEW.published,
      summary: REVIEW.summary,
    });
    expect(retentionLists().scheduled).toEqual([REVIEW.title]);
    expect(await listFiltered('Scheduled', [REVIEW.title])).toEqual([REVIEW.title]);
    expect(cms.problems).toEqual([]);
  });

  it('(b) changes the out-of-hours number in Site settings', async () => {
    await openInCms('/collections/settings/entries/site', formReady(OUT_OF_HOURS.label));
    await page.getByLabel(OUT_OF_HOURS.label).fill(OUT_OF_HOURS.number);
    await publish();
    expect(readRawEntry(join(cms.root, 'content/settings/site.yaml'), cms.root).data.outOfHours).toBe(OUT_OF_HOURS.number);
    expect(cms.problems).toEqual([]);
  });

  it("(c) makes a procedure with a warning, a table and a link from the editor's buttons", async () => {
    await openInCms('/collections/procedures/new', formReady('Title'));
    await page.getByLabel('Title', { exact: true }).fill(PROCEDURE.title);
    await page.getByLabel('Summary', { exact: true }).fill('What to do when a concern about a child is not acted on.');
    await chooseOption(page, 'Audience', 'children');
    await page.getByLabel('Category', { exact: true }).fill('Working together');
    await fillDate(page, 'Last reviewed', '2026-12-01');
    await fillDate(page, 'Review due', '2027-12-01');
    const editor = page.locator('.cms-editor-visual [data-slate-editor="true"]');
    await editor.click();
    const sentence = `Read the ${PROCEDURE.linkText} first.`;
    await page.keyboard.insertText(sentence);
    await editor.getByText(sentence, { exact: true }).waitFor();
    // The link: its words selected, then the link button (its address from the prompt, see beforeAll).
    await selectInRichText(page, PROCEDURE.linkText);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await editor.locator('a', { hasText: PROCEDURE.linkText }).waitFor();
    // A new paragraph after it, for the components.
    await caretToEnd(page, editor.locator('p', { hasText: 'Read the' }), sentence);
    await page.keyboard.press('Enter');
    // The warning and the table, from the "+" menu, each filled in its own form.
    await page.getByRole('button', { name: 'Add Component' }).click();
    await page.getByRole('menuitem', { name: 'Warning', exact: true }).click();
    await page.getByLabel('Warning text', { exact: true }).fill(PROCEDURE.warning);
    await page.getByRole('button', { name: 'Add Component' }).click();
    await page.getByRole('menuitem', { name: 'Table', exact: true }).click();
    await page.getByLabel('Caption', { exact: true }).fill(PROCEDURE.caption);
    await page.getByLabel('Table, in Markdown', { exact: true }).fill(PROCEDURE.table);
    // Leaving the caption checks nothing in the form (component fields carry no pattern, which Decap's
    // component forms cannot check without failing): no page error, as the end of this test shows.
    await page.getByLabel('Caption', { exact: true }).focus();
    await page.getByLabel('Table, in Markdown', { exact: true }).focus();
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('.sg-prose caption', { hasText: PROCEDURE.caption }).waitFor();
    await preview.locator('.sg-prose .govuk-warning-text', { hasText: PROCEDURE.warning }).waitFor();

    await publish();
    const entry = readRawEntry(contentFile('procedures', PROCEDURE.slug), cms.root);
    expect(entry.data).toMatchObject({ title: PROCEDURE.title, audience: 'children', lastReviewed: '2026-12-01', reviewDue: '2027-12-01' });
    expect(entry.body).toContain(`Read the [${PROCEDURE.linkText}](${PROCEDURE.url}) first.`);
    expect(entry.body).toContain(`<Warning>${PROCEDURE.warning}</Warning>`);
    expect(entry.body).toContain(`<Table caption="${PROCEDURE.caption}">\n${PROCEDURE.table}\n</Table>`);
    expect(cms.problems).toEqual([]);
  });

  it('builds on today: nothing of the scheduled review anywhere; the new number and the procedure are there, in the browser', async () => {
    requireFile(contentFile('reviews', REVIEW.slug), '(a)');
    requireFile(contentFile('procedures', PROCEDURE.slug), '(c)');
    const build = buildCopy(cms.root, 'dist-today', { SITE_NOW: TODAY });
    const { outDir } = build;
    expect(build.status, build.output.slice(-3000)).toBe(0);

    // D's preview (above) said what its built page says, line by line.
    const builtD = normaliseText(readBuilt(outDir, '/reviews/d-domestic-homicide-review/')!);
    expect(withdrawnPreviewLines.length, 'the preview of D, taken by "previews D, withdrawn"').toBeGreaterThan(6);
    for (const line of withdrawnPreviewLines) expect(builtD, line).toContain(line);

    // (a) Not yet: no page, no link, nothing in search, the feed, the sitemap or config.yml.
    expect(existsSync(join(outDir, 'reviews', REVIEW.slug))).toBe(false);
    for (const path of ['/reviews/', '/search/', '/404.html', '/reviews/rss.xml', '/admin/config.yml']) {
      const text = readBuilt(outDir, path) ?? '';
      expect(text, path).not.toContain(`/reviews/${REVIEW.slug}/`);
      expect(text, path).not.toContain(REVIEW.title);
      expect(text, path).not.toContain('quillonwort');
    }
    expect(sitemapUrls(outDir).filter((url) => url.includes(REVIEW.slug))).toEqual([]);
    expect(
      searchFragments(outDir).filter((fragment) => fragment.url.includes(REVIEW.slug) || fragment.content.includes('quillonwort')),
    ).toEqual([]);
    // The build's own check, which every build runs, saw it as scheduled and found nothing.
    const check = checkWithdrawnReviews(outDir, cms.root, TODAY);
    expect(check.reviews.find((review) => review.slug === REVIEW.slug)?.state).toBe('scheduled');
    expect(check.problems).toEqual([]);

    // (c) The procedure's page: the GOV.UK warning, the table with its caption, the link.
    const procedure = readBuilt(outDir, `/procedures/${PROCEDURE.slug}/`)!;
    expect(procedure).toMatch(new RegExp(`class="govuk-warning-text"[\\s\\S]*${PROCEDURE.warning.replace(/\./g, '\\.')}`));
    expect(procedure).toMatch(/<caption class="govuk-table__caption govuk-table__caption--s" id="[^"]+">Who to tell and when<\/caption>/);
    expect(procedure).toContain(`<a href="${PROCEDURE.url}"`);

    // (b) The new number, as people see it: a phone link and its Relay UK form, on the home page and report a concern.
    const server = await serveDirectory(outDir);
    const visitor = await cms.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    try {
      const tab = await visitor.newPage();
      for (const path of ['/', '/report-a-concern/']) {
        await tab.goto(`${server.url}${path}`);
        const item = tab.locator('.sg-help__item', { hasText: 'Evenings, weekends and bank holidays' });
        const link = item.getByRole('link', { name: OUT_OF_HOURS.number.replace(/ /g, '\u00a0') });
        await expect(link.getAttribute('href'), path).resolves.toBe(OUT_OF_HOURS.href);
        await expect(item.locator('.sg-help__relay').innerText(), path).resolves.toBe(
          `Relay UK: 18001 then ${OUT_OF_HOURS.number}`.replace(/0333 013 8989/, '0333\u00a0013\u00a08989'),
        );
      }
      await tab.goto(`${server.url}/procedures/${PROCEDURE.slug}/`);
      await expect(tab.getByRole('link', { name: PROCEDURE.linkText }).getAttribute('href')).resolves.toBe(PROCEDURE.url);
      await expect(tab.getByRole('table', { name: PROCEDURE.caption }).isVisible()).resolves.toBe(true);
    } finally {
      await visitor.close();
      await server.close();
    }
  }, 240_000);

  it("(a) builds on the review's day: its page is there, and listed", () => {
    requireFile(contentFile('reviews', REVIEW.slug), '(a)');
    const build = buildCopy(cms.root, 'dist-published', { SITE_NOW: REVIEW.published });
    const { outDir } = build;
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const html = readBuilt(outDir, `/reviews/${REVIEW.slug}/`);
    expect(html).toContain(`<h1 class="govuk-heading-xl">${REVIEW.name}</h1>`);
    expect(html).toContain('quillonwort');
    expect(readBuilt(outDir, '/reviews/')).toContain(`href="/reviews/${REVIEW.slug}/"`);
    expect(readBuilt(outDir, '/reviews/rss.xml')).toContain(`/reviews/${REVIEW.slug}/`);
    expect(sitemapUrls(outDir).filter((url) => url.endsWith(`/reviews/${REVIEW.slug}/`))).toHaveLength(1);
    expect(searchFragments(outDir).some((fragment) => fragment.url.includes(REVIEW.slug) && fragment.content.includes('quillonwort'))).toBe(
      true,
    );
  }, 240_000);

  it('(d) deletes the procedure through the CMS; then puts back what the session changed, leaving content/ as found', async () => {
    requireFile(contentFile('procedures', PROCEDURE.slug), '(c)');
    for (const [collection, slug] of [
      ['procedures', PROCEDURE.slug],
      ['reviews', REVIEW.slug],
    ] as const) {
      await openInCms(`/collections/${collection}/entries/${slug}`, formReady('Title'));
      const deleted = cms.backendAnswer('deleteFiles');
      await page.getByRole('button', { name: 'Delete entry' }).click();
      expect((await deleted).status()).toBe(200);
      expect(existsSync(contentFile(collection, slug)), slug).toBe(false);
    }
    // The number as it was, through the CMS.
    const settings = parseYaml(settingsBefore, 'content/settings/site.yaml');
    await openInCms('/collections/settings/entries/site', formReady(OUT_OF_HOURS.label));
    await page.getByLabel(OUT_OF_HOURS.label).fill(String(settings.outOfHours));
    await publish();
    const settingsFile = join(cms.root, 'content/settings/site.yaml');
    expect(readRawEntry(settingsFile, cms.root).data).toEqual(settings);
    // Decap writes the same settings in its own YAML style (an empty number as "" where the file had ''):
    // the file's own text back, so that content/ is exactly as found.
    writeFileSync(settingsFile, settingsBefore);
    expect(folderFingerprint(join(cms.root, 'content'))).toEqual(cms.copyBefore);
    expect(cms.problems).toEqual([]);
  });
});
