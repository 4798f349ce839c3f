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

/** The change in the procedure's "What changed" list: its buttons are named by its date and sentence. */
const CHANGE = { date: '2026-01-30', summary: 'Added the out-of-hours number for the LADO.' };

/** A procedure whose body holds every editor component the "+" menu offers, and a change. */
const PROCEDURE = 'cms-accessibility-every-component';
const PROCEDURE_TITLE = 'Every editor component';
const PROCEDURE_FILE = `---
title: ${PROCEDURE_TITLE}
summary: A procedure whose body holds every editor component, for the test of the CMS's accessibility.
audience: children
category: Case reviews
lastReviewed: 2026-01-01
reviewDue: 2027-01-01
changes:
  - date: ${CHANGE.date}
    summary: ${CHANGE.summary}
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
/** The learning briefing's "Review" field: Decap's relation widget, a combobox. */
const reviewBox = () => page.getByRole('combobox', { name: 'Review', exact: true });

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
  briefing: async () => {
    await openEditor('#/collections/briefings/entries/adult-b-learning-briefing', 'Learning from Adult B', 'Review');
    // Its review is chosen (the combobox shows the review's title); the list of reviews is opened from the keyboard.
    await page.locator('[class*="singleValue"]', { hasText: 'Adult B' }).first().waitFor();
    await reviewBox().focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').getByRole('option', { name: 'Child A', exact: true }).waitFor();
    await settled();
  },
  glossary: () => openEditor('#/collections/glossary/entries/mash', 'Multi-Agency Safeguarding Hub', 'Stands for'),
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

  it("names a procedure's change by its date and sentence, not by its Day box", async () => {
    // Opened by the change's summary (its item starts closed), not by the body: an earlier test may leave that in Markdown.
    const summaryLine = `${CHANGE.date}: ${CHANGE.summary}`;
    await open(`#/collections/procedures/entries/${PROCEDURE}`, () =>
      page.getByText(summaryLine, { exact: true }).waitFor({ timeout: 60_000 }),
    );
    const change = listItemControlNames(listItemName('What changed', 1, summaryLine));
    for (const name of [change.toggle, change.move, change.remove]) await page.getByRole('button', { name, exact: true }).waitFor();
    // Opened, its Day box shows first, and its buttons still name the change; the name follows the sentence as it is typed.
    await page.getByRole('button', { name: change.toggle, exact: true }).press('Enter');
    const sentence = page.getByRole('textbox', { name: 'What changed', exact: true });
    await sentence.waitFor();
    await page.getByRole('button', { name: change.remove, exact: true }).waitFor();
    await sentence.fill("Added the LADO's email address.");
    const typed = listItemControlNames(listItemName('What changed', 1, `${CHANGE.date}: Added the LADO's email address.`));
    await page.getByRole('button', { name: typed.toggle, exact: true }).waitFor();
    expect(cms.problems).toEqual([]);
  });

  it("names the relation field's list of reviews by the field's label", async () => {
    await SCREENS.briefing();
    await expect(accessibleNames('[role="listbox"]')).resolves.toEqual([{ role: 'listbox', name: 'Review' }]);
    await expect(reviewBox().getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it("chooses a learning briefing's review with the keyboard alone: Tab to it, type, arrow down to it, Enter", async () => {
    await open('#/collections/briefings/new', () => page.getByLabel('Title', { exact: true }).waitFor({ timeout: 60_000 }));
    await page.getByLabel('Title', { exact: true }).focus();
    // Tab from the title to the review's box.
    for (let presses = 0; presses < 5 && !(await reviewBox().evaluate((box) => box === document.activeElement)); presses += 1)
      await page.keyboard.press('Tab');
    await expect(reviewBox().evaluate((box) => box === document.activeElement)).resolves.toBe(true);
    const options = page.getByRole('listbox', { name: 'Review' }).getByRole('option');
    /** The option the combobox says is focused (aria-activedescendant), as a screen reader hears it. */
    const focused = () =>
      reviewBox().evaluate((box) => document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
    // Typing "C" opens the list of the reviews whose titles match, the first focused; react-select's live region says
    // when its search for the term has answered.
    await page.keyboard.type('C');
    const log = page.locator('[role="log"]');
    await waitFor('the reviews matching "C", the first focused', async () => {
      const texts = await options.allInnerTexts();
      return (
        (await log.innerText()).includes('for search term C') &&
        texts.includes('Family C') &&
        texts.length > 1 &&
        (await focused()) === texts[0]
      );
    });
    // Arrow down to Family C, one option at a time.
    const texts = await options.allInnerTexts();
    for (let index = 1; index <= texts.indexOf('Family C'); index += 1) {
      await page.keyboard.press('ArrowDown');
      await waitFor(`the arrow to move to ${texts[index]}`, async () => (await focused()) === texts[index]);
    }
    await page.keyboard.press('Enter');
    // Chosen: the box shows its title, the list closes, the focus stays, and the preview names the review.
    await page.locator('[class*="singleValue"]', { hasText: 'Family C' }).first().waitFor();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await expect(reviewBox().evaluate((box) => box === document.activeElement)).resolves.toBe(true);
    await preview()
      .contentFrame()
      .getByText(/Family C$/)
      .first()
      .waitFor();
    expect(cms.problems).toEqual([]);
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
