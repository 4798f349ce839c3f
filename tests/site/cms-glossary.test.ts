/**
 * The glossary in the CMS, end to end in Chromium, on its local backend and
 * a copy of the project: an editor adds a term through the forms (the term,
 * what it stands for, another spelling and the definition in the body),
 * sees it in the preview as /glossary/ shows it, and publishes it. The file
 * is content/glossary/<term>.mdx with what was typed, and every file still
 * passes the build's checks; the glossary reader finds the new term. (That
 * a term is unique is checked in tests/unit/glossary.test.ts.) Every wait is
 * on real state: the backend's answer, the page's text, the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAllContent, readGlossary, readRawEntry } from '../../src/content/files';
import { useCmsSession } from '../support/cms-session';
import { BODY_EDITOR, bodyMode, slateState } from '../support/slate';
import { waitFor } from '../support/wait-for';
import { publishNow } from '../support/cms-forms';

const TERM = 'TAC';
const EXPANSION = 'Team Around the Child';
const ALIAS = 'TAF';
const DEFINITION = 'A meeting of the people who work with a child and their family, with the family, to agree a plan of early help.';

const cms = useCmsSession({
  copyPrefix: 'sg-cms-glossary-',
  viewport: { width: 1400, height: 1000 },
  console: 'errors and warnings',
  logInUntil: 'Glossary',
});
let page: Page;
beforeAll(() => {
  page = cms.page;
});

const entryFile = () => join(cms.root, 'content/glossary/tac.mdx');

describe('the glossary in the CMS', () => {
  it('lists the glossary, by term and what it stands for', async () => {
    await page.getByRole('link', { name: 'Glossary', exact: true }).click();
    await page.getByText('MASH+: Multi-Agency Safeguarding Hub', { exact: true }).waitFor();
    expect(cms.problems).toEqual([]);
  });

  it('adds a term through the forms, previews it as the glossary shows it, and saves it right', async () => {
    expect(existsSync(entryFile())).toBe(false);
    await page.goto(`${cms.siteUrl}/admin/#/collections/glossary/new`);
    await page.getByLabel('Term', { exact: true }).fill(TERM);
    await page.getByLabel('Stands for', { exact: true }).fill(EXPANSION);
    // "Other spellings" is a list: add one, then type it.
    await page.getByRole('button', { name: /^Add other spelling$/i }).click();
    const aliasInput = page.getByLabel('Other spelling', { exact: true });
    await aliasInput.waitFor();
    await aliasInput.fill(ALIAS);

    await bodyMode(page, 'raw');
    const raw = page.locator(`${BODY_EDITOR.raw} [contenteditable="true"]`);
    await raw.click();
    await page.keyboard.insertText(DEFINITION);
    await waitFor(
      'the definition in the body editor',
      async () => (await slateState(page, BODY_EDITOR.raw))?.blocks.join('\n') === DEFINITION,
    );

    // The preview shows the term as /glossary/ does: the term, what it stands for, the other spelling, the definition.
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('.sg-glossary__name', { hasText: TERM }).waitFor();
    await expect(preview.locator('.sg-glossary__expansion').innerText()).resolves.toBe(EXPANSION);
    await preview.getByText(`Also written ${ALIAS}.`, { exact: true }).waitFor();
    await preview.locator('.sg-prose', { hasText: DEFINITION }).waitFor();

    const saved = cms.backendAnswer('persistEntry');
    await publishNow(page);
    expect((await saved).status()).toBe(200);
    await page.getByText('Changes saved', { exact: false }).first().waitFor();

    // Named from its term: content/glossary/tac.mdx, with what was typed and nothing else.
    expect(existsSync(entryFile())).toBe(true);
    const entry = readRawEntry(entryFile(), cms.root);
    expect(entry.data).toEqual({ term: TERM, expansion: EXPANSION, aliases: [ALIAS] });
    expect(entry.body.trim()).toBe(DEFINITION);
    expect(readFileSync(entryFile(), 'utf8')).not.toMatch(/^(otherExpansions|wellKnown):/m);
    expect(checkAllContent(cms.root)).toEqual([]);
    // The one reader of the glossary finds it, so the build and the linter know it.
    expect(readGlossary(cms.root).find((abbreviation) => abbreviation.short === TERM)).toEqual({
      id: 'tac',
      short: TERM,
      expansion: EXPANSION,
      otherForms: [ALIAS],
    });
    expect(cms.problems).toEqual([]);
  });
});
