/**
 * The CMS's own screens, in Chromium at 1280 px with the en-GB locale, on
 * its local backend: axe-core (WCAG 2.2 AA and best practice, as for the
 * site's pages) finds nothing the project can fix on any screen, and exactly
 * the faults only Decap can fix (src/cms/accessibility.ts, DECAP_FINDINGS,
 * which the accessibility statement lists), so a new fault fails this test
 * and so does a fault Decap has since fixed. Then what the project adds, one
 * by one: the preview frame's title names the entry and follows it as it is
 * typed; every control in the editor components' forms has a name; the
 * rich text editor, the Markdown switch and a list item's buttons are named
 * from their context; Escape closes the media library.
 *
 * It works on a copy of the project (with a procedure whose body holds every
 * editor component), saves nothing, and leaves the copy's content/ and the
 * real content/ as it found them (checked). Every wait is on what the page
 * shows; never a pause.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CMS_SCREENS,
  expectedFindings,
  listItemControlNames,
  listItemName,
  previewFrameTitle,
  type CmsScreen,
} from '../../src/cms/accessibility';
import { AXE_TAGS } from '../../tools/axe';
import { useCmsSession } from '../support/cms-session';
import { BODY_EDITOR, bodyMode } from '../support/slate';
import { waitFor } from '../support/wait-for';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A procedure whose body holds every editor component the "+" menu offers. */
const PROCEDURE = 'cms-accessibility-every-component';
const PROCEDURE_TITLE = 'Every editor component';
const PROCEDURE_FILE = `---
title: ${PROCEDURE_TITLE}
summary: A procedure whose body holds every editor component, for the test of the CMS's accessibility.
audience: children
category: Case reviews
lastReviewed: 2026-01-01
reviewDue: 2027-01-01
---

## What to do

<Warning>If someone is in immediate danger, call 999.</Warning>

<Inset>A note set apart from the text.</Inset>

<HelpNumbers title="Worried about a child?" />

<ContactPanel />

<Figure src="/images/partnership-structure.png" alt="How the partnership's groups report to its board" caption="The partnership's structure" />

<Table caption="National helplines" firstCellIsHeader="true">
| Helpline | Number |
| --- | --- |
| Childline | 0800 1111 |
</Table>
`;

const cms = useCmsSession({
  copyPrefix: 'sg-cms-a11y-',
  prepare: (root) => writeFileSync(join(root, 'content/procedures', `${PROCEDURE}.mdx`), PROCEDURE_FILE),
  locale: 'en-GB',
  logInUntil: 'Pages',
  leavesContentAsFound: true,
});
let page: Page;

beforeAll(() => {
  page = cms.page;
});

const preview = () => page.locator('iframe#preview-pane');

/**
 * A screen, loaded afresh: Decap keeps the last entry's form when only the
 * address's # part changes, so each screen is a new page load.
 */
async function open(hash: string, ready: () => Promise<unknown>): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${cms.siteUrl}/admin/${hash}`);
  await ready();
  await settled();
}

/**
 * Decap has finished drawing: its loading bar (a <canvas> at the top of the
 * page while it fetches) is hidden, and no transition is running (a dialog
 * fading in has not yet its final colours).
 */
async function settled(): Promise<void> {
  await page.locator('canvas').waitFor({ state: 'hidden', timeout: 60_000 });
  await waitFor("Decap's transitions to end", () =>
    page.evaluate(() => document.getAnimations().every((animation) => animation.playState !== 'running')),
  );
}

/** An editor, once its form and its preview (with the entry's title) are drawn. */
async function openEditor(hash: string, previewText: string | RegExp, formText: string): Promise<void> {
  await open(hash, async () => {
    await page.getByText(formText, { exact: true }).first().waitFor({ timeout: 60_000 });
    await preview().contentFrame().getByText(previewText, { exact: true }).first().waitFor({ timeout: 60_000 });
  });
}

const SCREENS: Record<CmsScreen, () => Promise<void>> = {
  collection: () =>
    open('#/collections/pages', () => page.getByText('Staying safe online', { exact: true }).first().waitFor({ timeout: 60_000 })),
  entries: () =>
    open('#/collections/bulletins', () =>
      page.getByText('Bulletin 1: COVID-19 partner bulletin 1', { exact: false }).first().waitFor({ timeout: 60_000 }),
    ),
  bulletin: () => openEditor('#/collections/bulletins/entries/covid-19-bulletin-1', 'COVID-19 partner bulletin 1', 'Bulletin number'),
  review: () => openEditor('#/collections/reviews/entries/adult-b-safeguarding-adults-review', /Adult B$/, 'Type of review'),
  procedure: async () => {
    await openEditor(`#/collections/procedures/entries/${PROCEDURE}`, PROCEDURE_TITLE, 'Warning text');
    // Every component's form is drawn.
    for (const label of ['Text', /^Heading/, 'Alternative text', /^First column is headings/, 'Table, in Markdown'])
      await page.getByText(label, { exact: true }).first().waitFor();
  },
  settings: () => openEditor('#/collections/settings/entries/site', 'Where these settings show', 'Site name'),
  media: async () => {
    await SCREENS.collection();
    await page.getByRole('button', { name: 'Media', exact: true }).click();
    await page.getByRole('dialog').getByText('partnership-structure.png', { exact: true }).waitFor({ timeout: 60_000 });
    await settled();
  },
};

interface Finding {
  rule: string;
  count: number;
  targets: string[];
}

/** axe-core over the page and its frames (the preview), with the tags the site's pages are checked with. */
async function axe(): Promise<Finding[]> {
  for (const frame of page.frames()) await frame.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags) => {
      const run = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[] }[] }>;
          };
        }
      ).axe.run;
      const results = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations.map((violation) => ({
        rule: violation.id,
        count: violation.nodes.length,
        targets: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 120)}`),
      }));
    },
    [...AXE_TAGS],
  );
}

/** Each element's role and accessible name, as Playwright's ARIA snapshot gives them (the accessible name computation of the ARIA specifications). */
async function accessibleNames(selector: string): Promise<{ role: string; name: string }[]> {
  const elements = await page.locator(selector).filter({ visible: true }).all();
  const names: { role: string; name: string }[] = [];
  for (const element of elements) {
    const first = (await element.ariaSnapshot()).split('\n')[0] ?? '';
    const match = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(first);
    names.push({ role: match?.[1] ?? first, name: match?.[2] ?? '' });
  }
  return names;
}

describe("the CMS's screens", () => {
  for (const screen of CMS_SCREENS) {
    it(`${screen.what}: nothing the project can fix, and only the faults listed as Decap's`, async () => {
      await SCREENS[screen.id]();
      const findings = await axe();
      const found = findings.map(({ rule, count }) => ({ rule, count })).sort((a, b) => a.rule.localeCompare(b.rule));
      expect(found, findings.map((finding) => `${finding.rule}:\n  ${finding.targets.join('\n  ')}`).join('\n')).toEqual(
        expectedFindings(screen.id),
      );
      expect(cms.problems).toEqual([]);
    });
  }
});

describe("what the project adds to Decap's screens", () => {
  it("names every control in the editor components' forms", async () => {
    await SCREENS.procedure();
    const controls = await accessibleNames(
      `${BODY_EDITOR.rich_text} [data-slate-editor="true"] :is(input, textarea, select, button, [role="button"], [role="switch"], [role="checkbox"], [contenteditable="true"])`,
    );
    expect(controls.filter((control) => control.name === '')).toEqual([]);
    const names = controls.map((control) => control.name);
    // The form of each component: Warning, Inset text, Who to call, Image, Table (Contact details has no fields).
    for (const name of [
      'Warning text',
      'Text',
      'Heading (optional)',
      'Alternative text',
      'Caption (optional)',
      'Caption',
      'First column is headings (optional)',
      'Table, in Markdown',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it("shows the table's hint with its example as it is typed, a line at a time", async () => {
    await SCREENS.procedure();
    const hint = page.locator('[class*="-ControlHint"]', { hasText: 'One row a line' }).first();
    await expect(hint.innerText()).resolves.toContain('For example:\n| Helpline | Number |\n| --- | --- |\n| Childline | 0800 1111 |');
  });

  it("names the rich text editor by its field's label, and the Markdown switch, on while Markdown shows", async () => {
    await SCREENS.bulletin();
    await expect(accessibleNames(`${BODY_EDITOR.rich_text} [data-slate-editor="true"][role="textbox"]`)).resolves.toEqual([
      { role: 'textbox', name: 'Bulletin (optional)' },
    ]);
    const toggle = page.locator('[aria-label="markdown field"] button[role="switch"]:not([id])').first();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await expect(accessibleNames('[aria-label="markdown field"] button[role="switch"]:not([id])')).resolves.toEqual([
      { role: 'switch', name: 'Markdown' },
    ]);
    await bodyMode(page, 'raw');
    await waitFor(
      'the Markdown switch to say it is on',
      async () => (await page.locator(`${BODY_EDITOR.raw} button[role="switch"]`).first().getAttribute('aria-checked')) === 'true',
    );
  });

  it("names a list item's buttons after the list and the item", async () => {
    await SCREENS.review();
    const names = listItemControlNames(listItemName('Documents', 1, 'Safeguarding adults review report'));
    for (const name of [names.toggle, names.move, names.remove]) await page.getByRole('button', { name, exact: true }).waitFor();
    const theme = listItemControlNames(listItemName('Learning themes', 2, 'Mental capacity'));
    await page.getByRole('button', { name: theme.remove, exact: true }).waitFor();
  });

  it('closes the media library with Escape', async () => {
    await SCREENS.media();
    await expect(page.getByRole('dialog', { name: 'Media assets' }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('titles the preview frame after the entry, and follows the title as it is typed', async () => {
    await SCREENS.bulletin();
    await expect(preview().getAttribute('title')).resolves.toBe(previewFrameTitle('COVID-19 partner bulletin 1', 'Bulletin'));
    await open('#/collections/bulletins/new', () => page.getByLabel('Title', { exact: true }).waitFor({ timeout: 60_000 }));
    await waitFor(
      "the new bulletin's preview to be titled",
      async () => (await preview().getAttribute('title')) === 'Preview of this bulletin (no title yet)',
    );
    await page.getByLabel('Title', { exact: true }).fill('Bulletin typed for the frame title');
    await waitFor(
      "the preview's title to follow",
      async () => (await preview().getAttribute('title')) === 'Preview of Bulletin typed for the frame title',
    );
    expect(cms.problems).toEqual([]);
  });
});
