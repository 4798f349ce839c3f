/**
 * The editorial workflow, end to end, in Chromium: the CMS as
 * `CMS_MODE=git npm start` runs it (its configuration in editorial-workflow
 * mode, src/cms/config.ts; decap-server's git mode behind its guard,
 * scripts/cms-backend.ts), on a copy of the project that is a Git
 * repository with everything committed on main.
 *
 * An editor creates a bulletin through the forms (the body in the rich text
 * editor) and saves it: a draft, on its own branch cms/bulletins/<entry>,
 * with main unchanged. In the Workflow view they move it to In review, then
 * Ready (decap-server records the status as the branch's description), and
 * publish it: the file is on main with what was typed, and the draft's
 * branch is gone. A draft with a required field left empty is not saved:
 * the CMS says which field, and nothing changes in the repository.
 *
 * Every wait is on real state: the backend's answer to the CMS's request,
 * the editor's own model, the repository, the page's text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAllContent, readRawEntry } from '../../src/content/files';
import { useCmsSession } from '../support/cms-session';
import { bodyMode, caretToEnd, slateState } from '../support/slate';
import { waitFor } from '../support/wait-for';
import { fillDate } from '../support/cms-forms';

const TITLE = 'Editorial workflow test bulletin 9002';
const SLUG = 'editorial-workflow-test-bulletin-9002';
const BRANCH = `cms/bulletins/${SLUG}`;
const FILE = `content/bulletins/${SLUG}.mdx`;
const SUMMARY = 'A bulletin that went from draft to review to the site.';
const TYPED = 'Typed in the rich text editor, reviewed, then published.';

const backendFailures: string[] = [];

/** Git in the project copy; throws with Git's words when it fails, unless asked not to. */
function git(args: string[], options: { allowFailure?: boolean } = {}): { status: number | null; stdout: string } {
  const result = spawnSync('git', args, { cwd: cms.root, encoding: 'utf8' });
  if (result.status !== 0 && !options.allowFailure) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return { status: result.status, stdout: result.stdout.trim() };
}

const mainCommit = () => git(['rev-parse', 'refs/heads/main']).stdout;
const cmsBranches = () => git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/cms/']).stdout.split('\n').filter(Boolean);
const onMain = (path: string) => git(['cat-file', '-e', `main:${path}`], { allowFailure: true }).status === 0;
/** The status decap-server's git mode keeps for a draft: its branch's description, "decap-cms/<status>". */
const draftStatus = (branch: string) => git(['config', '--get', `branch.${branch}.description`], { allowFailure: true }).stdout;

const cms = useCmsSession({
  copyPrefix: 'sg-cms-editorial-',
  // A Git repository as a clone of the project is: the project's .gitignore (the build's output is
  // not content), everything committed on main. node_modules here is a link to the real one.
  prepare: (root) => {
    cpSync(resolve('.gitignore'), join(root, '.gitignore'));
    git(['init', '--quiet', '--initial-branch=main']);
    writeFileSync(join(root, '.git/info/exclude'), 'node_modules\n');
    git(['config', 'user.name', 'Editorial test']);
    git(['config', 'user.email', 'editorial-test@example.org']);
    git(['add', '.']);
    git(['commit', '--quiet', '--no-verify', '--no-gpg-sign', '-m', 'The site']);
  },
  // The site as `CMS_MODE=git npm start` configures its CMS: the local backend, in git mode
  // (decap-server behind its guard; it starts only on a clean working tree: src/cms/git-mode.ts).
  server: 'git',
  viewport: { width: 1400, height: 1000 },
  console: 'errors and warnings',
  // decap-server answers 404 when the CMS asks whether an entry has a draft and it has none
  // (checked below: no other 404); Chromium logs each as an error.
  ignoreConsole: (message, session) =>
    message.text().startsWith('Failed to load resource: the server responded with a status of 404') &&
    message.location().url === session.backendUrl,
  // Decap asks with window.confirm before it publishes, and before it leaves unsaved changes: the editor says yes.
  // The editorial workflow is on: the Workflow view is there.
  logInUntil: 'Workflow',
});
let page: Page;

beforeAll(() => {
  page = cms.page;
  page.on('response', (response) => {
    if (response.url() !== cms.backendUrl || response.status() < 400) return;
    const action = (JSON.parse(response.request().postData() ?? '{}') as { action?: string }).action;
    if (!(response.status() === 404 && action === 'unpublishedEntry')) backendFailures.push(`${response.status()} for ${action}`);
  });
});

describe('the editorial workflow, with drafts as Git branches', () => {
  it('refuses to save a draft with a required field left empty, says which, and changes nothing', async () => {
    const before = mainCommit();
    const branchesBefore = cmsBranches();
    await page.goto(`${cms.siteUrl}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Bulletin number', { exact: true }).fill('9003');
    await fillDate(page, 'Date', '2026-04-01');
    await page.getByLabel('Summary', { exact: true }).fill('No title.');
    const asked = cms.backendRequests.length;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Title is required: fill it in.', { exact: true }).waitFor();
    await page.getByText("Oops, you've missed a required field. Please complete before saving.", { exact: true }).waitFor();
    // Decap leaves the refused save's promise rejected with nothing (an "undefined" page error), as it
    // does for every save it refuses; wait for it, so that nothing else can hide behind it.
    await waitFor('Decap to end the refused save', () => cms.problems.includes('page error: undefined'));
    expect(cms.problems.filter((problem) => problem !== 'page error: undefined')).toEqual([]);
    cms.problems.length = 0;
    // The CMS sent nothing to save, and the repository is as it was.
    expect(cms.backendRequests.slice(asked).filter(({ action }) => action === 'persistEntry')).toEqual([]);
    expect(mainCommit()).toBe(before);
    expect(cmsBranches()).toEqual(branchesBefore);
    expect(git(['status', '--porcelain']).stdout).toBe('');
  });

  it('keeps a new bulletin as a draft on its own branch, through In review and Ready, until it is published to main', async () => {
    const before = mainCommit();
    expect(cmsBranches()).toEqual([]);
    await page.goto(`${cms.siteUrl}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Bulletin number', { exact: true }).fill('9002');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await fillDate(page, 'Date', '2026-04-01');
    await page.getByLabel('Summary', { exact: true }).fill(SUMMARY);
    // The body, typed in the rich text editor once it says its caret is in its (empty) text.
    await bodyMode(page, 'rich_text');
    const body = page.locator('.cms-editor-visual [data-slate-editor="true"]');
    await caretToEnd(page, body.locator(':scope > *').last(), '');
    await page.keyboard.insertText(TYPED);
    await body.getByText(TYPED, { exact: true }).waitFor();
    expect((await slateState(page))?.blocks).toEqual([TYPED]);

    // Save: a draft, on its own branch; main does not change.
    const saved = cms.backendAnswer('persistEntry');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Changes saved', { exact: false }).first().waitFor();
    // The CMS then opens the draft at its own address, with its status.
    await page.waitForURL((url) => url.hash === `#/collections/bulletins/entries/${SLUG}`);
    await page.getByText('Status: Draft', { exact: true }).waitFor();
    expect(mainCommit()).toBe(before);
    expect(onMain(FILE)).toBe(false);
    // (Not in the working tree either, mostly: decap-server checks a draft's branch out for a moment
    // whenever the CMS reads the draft, so only what the branches hold is checked here.)
    expect(cmsBranches()).toEqual([BRANCH]);
    expect(draftStatus(BRANCH)).toBe('decap-cms/draft');
    const draft = git(['show', `${BRANCH}:${FILE}`]).stdout;
    expect(draft).toContain(`title: ${TITLE}`);
    expect(draft).toContain(TYPED);

    // The Workflow view: the card is in Drafts; dragged to In review, then to Ready.
    // (The editor has no header: the Workflow view is at its address.)
    await page.goto(`${cms.siteUrl}/admin/#/workflow`);
    const card = page.getByRole('link').filter({ hasText: TITLE });
    await card.waitFor();
    await page.getByText('1 entry', { exact: true }).first().waitFor();
    for (const [column, status] of [
      ['In Review', 'pending_review'],
      ['Ready', 'pending_publish'],
    ] as const) {
      const moved = cms.backendAnswer('updateUnpublishedEntryStatus', (params) => params.newStatus === status);
      await card.dragTo(page.getByText(column, { exact: true }));
      expect((await moved).status(), column).toBe(200);
      expect(draftStatus(BRANCH), column).toBe(`decap-cms/${status}`);
      expect(mainCommit(), column).toBe(before);
    }
    expect(onMain(FILE)).toBe(false);

    // Publish, from the card in Ready: merged into main, the draft's branch deleted.
    const published = cms.backendAnswer('publishUnpublishedEntry');
    await page.getByRole('button', { name: 'Publish new entry', exact: true }).click();
    expect((await published).status()).toBe(200);
    await waitForCardGone(TITLE);
    expect(mainCommit()).not.toBe(before);
    expect(git(['merge-base', '--is-ancestor', before, 'main']).status).toBe(0);
    expect(onMain(FILE)).toBe(true);
    expect(cmsBranches()).toEqual([]);
    expect(draftStatus(BRANCH)).toBe('');
    // The file, on main and in the working tree (on main), with what was typed, and valid for the build.
    expect(git(['branch', '--show-current']).stdout).toBe('main');
    expect(git(['status', '--porcelain']).stdout).toBe('');
    const entry = readRawEntry(join(cms.root, FILE), cms.root);
    expect(entry.data).toMatchObject({ number: 9002, title: TITLE, date: '2026-04-01', summary: SUMMARY });
    expect(entry.body.trim()).toBe(TYPED);
    expect(git(['show', `main:${FILE}`]).stdout).toBe(git(['show', `HEAD:${FILE}`]).stdout);
    expect(checkAllContent(cms.root)).toEqual([]);
    expect(cms.problems).toEqual([]);
    expect(backendFailures).toEqual([]);
    expect(cms.backendLog()).not.toMatch(/error|refused/i);
  });
});

/** The Workflow view no longer lists the entry (published entries leave it). */
async function waitForCardGone(title: string): Promise<void> {
  await page.getByRole('link').filter({ hasText: title }).waitFor({ state: 'detached' });
}
