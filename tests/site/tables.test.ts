/**
 * Tables in Chromium, on the built site:
 * - every table on every page has a visible caption that names it, and its
 *   scroll box is named by the same caption;
 * - each table written in content/ as a Table has its caption, and row
 *   headings exactly when "First column is headings" was chosen;
 * - a scroll box is a tab stop only while it overflows, at 320 and 1280 px,
 *   and again after the window is resized either way; the keyboard reaches an
 *   overflowing one and scrolls it; without JavaScript every box stays a tab
 *   stop (the safe default: src/content/table-html.ts);
 * - the strategy's plan at 320 px is a card for each priority, read in the
 *   order the strategy lists them, with nothing wider than the screen; at
 *   1280 px it is a table named by its caption.
 * Every wait is on a condition in the page, never a pause.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { readAllEntries } from '../../src/content/files';
import { parseAndCheckBody } from '../../src/content/safety';
import type { SafetyNode } from '../../src/content/safety-rules';
import type { StrategyData } from '../../src/content/data-types';
import { typographicApostrophes } from '../../src/content/typography';

const pages = builtPages(siteDist()).filter((path) => !path.startsWith('/admin/') && !path.endsWith('.html'));
const NARROW = { viewport: { width: 320, height: 640 } } satisfies BrowserContextOptions;
const WIDE = { viewport: { width: 1280, height: 900 } } satisfies BrowserContextOptions;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
  return page;
}

/** Each Table in content/, by the page it is on: its caption and whether its first column is headings. */
function contentTables(): { path: string; caption: string; rowHeadings: boolean }[] {
  const found: { path: string; caption: string; rowHeadings: boolean }[] = [];
  for (const entry of readAllEntries(process.cwd())) {
    const slug = entry.file.replace(/^.*\//, '').replace(/\.mdx$/, '');
    const path =
      entry.collection === 'pages' ? `/${slug}/` : entry.collection === 'strategy' ? '/strategy/' : `/${entry.collection}/${slug}/`;
    const visit = (node: SafetyNode) => {
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Table') {
        const attribute = (name: string) => (node.attributes ?? []).find((item) => item.name === name)?.value;
        // As the page prints it: Council's as Council’s.
        found.push({
          path,
          caption: typographicApostrophes(String(attribute('caption'))),
          rowHeadings: attribute('firstCellIsHeader') === 'true',
        });
      }
      for (const child of node.children ?? []) visit(child);
    };
    const { tree } = parseAndCheckBody(entry.body, { collection: entry.collection });
    if (tree) visit(tree);
  }
  return found;
}

/** Every scroll box on the page: whether it overflows, whether it is a tab stop, and whether its caption is all inside it. */
function boxStates(page: Page) {
  return page.locator('.sg-table-wrap').evaluateAll((boxes) =>
    boxes.map((box) => {
      const caption = box.querySelector('caption');
      const right = box.getBoundingClientRect().right;
      return {
        caption: caption?.textContent ?? '',
        overflows: box.scrollWidth > box.clientWidth,
        tabStop: box.getAttribute('tabindex') === '0',
        captionInside: !caption || caption.getBoundingClientRect().right <= right + 0.5,
      };
    }),
  );
}

/** Waits until every box is a tab stop exactly when it overflows (what the script keeps true). */
async function settled(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.sg-table-wrap')].every(
      (box) => (box.getAttribute('tabindex') === '0') === box.scrollWidth > box.clientWidth,
    ),
  );
  return boxStates(page);
}

describe('tables in content', () => {
  it('every table on every page has a visible caption, which names the table and its scroll box', async () => {
    const problems: string[] = [];
    let tables = 0;
    const page = await open('/', WIDE);
    for (const path of pages) {
      await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
      const found = await page.locator('table').evaluateAll((elements) =>
        elements.map((table) => {
          const caption = table.querySelector(':scope > caption');
          const box = table.closest('.sg-table-wrap');
          return {
            caption: caption?.textContent?.trim() ?? '',
            captionFirst: table.firstElementChild === caption,
            boxNamedBy: box?.getAttribute('aria-labelledby') ?? '',
            captionId: caption?.id ?? '',
            boxRole: box?.getAttribute('role') ?? '',
          };
        }),
      );
      for (const table of found) {
        tables += 1;
        if (!table.caption || !table.captionFirst) problems.push(`${path}: a table has no caption`);
        else if (!table.captionId || table.boxNamedBy !== table.captionId || table.boxRole !== 'group')
          problems.push(`${path}: the scroll box of "${table.caption}" is not named by its caption`);
        else {
          // Named as the accessibility tree says: the table and its box, both by the caption.
          const box = page.getByRole('group', { name: table.caption, exact: true });
          if ((await box.count()) !== 1 || (await box.getByRole('table', { name: table.caption, exact: true }).count()) !== 1) {
            problems.push(`${path}: "${table.caption}" is not the accessible name of one table and its scroll box`);
          }
        }
      }
    }
    await page.context().close();
    expect(problems).toEqual([]);
    // 15 tables written in content/, and the strategy's 3 plans.
    expect(tables).toBe(18);
  });

  it('each Table in content/ shows its caption, with row headings exactly where its first column is headings', async () => {
    const tables = contentTables();
    expect(tables).toHaveLength(15);
    expect(tables.filter((table) => table.rowHeadings)).toHaveLength(15);
    const page = await open('/', WIDE);
    for (const { path, caption, rowHeadings } of tables) {
      await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
      const table = page.getByRole('table', { name: caption, exact: true });
      await expect(table.count(), `${path} "${caption}"`).resolves.toBe(1);
      await expect(table.locator('caption').isVisible(), caption).resolves.toBe(true);
      const rows = await table.locator('tbody tr').evaluateAll((elements) =>
        elements.map((row) => {
          const first = row.firstElementChild;
          return {
            rowHeader: first?.tagName === 'TH' && first.getAttribute('scope') === 'row',
            otherHeaders: row.querySelectorAll(':scope > th').length - (first?.tagName === 'TH' ? 1 : 0),
          };
        }),
      );
      expect(rows.length, caption).toBeGreaterThan(0);
      expect(
        rows.every((row) => row.rowHeader === rowHeadings && row.otherHeaders === 0),
        caption,
      ).toBe(true);
      await expect(table.getByRole('rowheader').count(), caption).resolves.toBe(rowHeadings ? rows.length : 0);
      await expect(table.locator('thead th[scope="col"]').count(), caption).resolves.toBeGreaterThan(0);
    }
    await page.context().close();
  });
});

describe('a scroll box is a tab stop only while it overflows', () => {
  const withBoxes = [
    '/report-a-concern/',
    '/staying-safe-online/',
    '/strategy/',
    '/reports/interim-annual-report-2019-20/',
    '/reports/lscb-annual-report-2015-16/',
    '/procedures/rapid-review/',
    '/procedures/notification-of-serious-incidents/',
  ];

  it('at 320 px the boxes that overflow are tab stops and the others are not; at 1280 px none overflows and none is', async () => {
    let overflowing = 0;
    for (const [options, width] of [
      [NARROW, 320],
      [WIDE, 1280],
    ] as const) {
      const page = await open('/', options);
      for (const path of withBoxes) {
        await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
        const states = await settled(page);
        expect(states.length, path).toBeGreaterThan(0);
        for (const state of states) {
          expect(state.tabStop, `${path} at ${width} px: "${state.caption}"`).toBe(state.overflows);
          // A caption wraps to the box, even when the table is wider: none of it is cut off.
          expect(state.captionInside, `${path} at ${width} px: the caption "${state.caption}" is cut off`).toBe(true);
        }
        if (width === 320) overflowing += states.filter((state) => state.overflows).length;
        else
          expect(
            states.filter((state) => state.overflows),
            path,
          ).toEqual([]);
      }
      await page.context().close();
    }
    // The measure tables of the strategy, the LSCB report and the procedures, and the private windows table.
    expect(overflowing).toBeGreaterThanOrEqual(4);
  });

  it('follows the window: resized to 320 px a box that now overflows becomes a tab stop, and back at 1280 px it is not', async () => {
    const page = await open('/staying-safe-online/', WIDE);
    const box = page.getByRole('group', {
      name: 'Private windows: what each web browser calls them and how to open one on a computer',
      exact: true,
    });
    expect(await settled(page)).toEqual([expect.objectContaining({ overflows: false, tabStop: false })]);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForFunction(
      () => document.querySelector('.sg-table-wrap')!.scrollWidth > document.querySelector('.sg-table-wrap')!.clientWidth,
    );
    expect(await settled(page)).toEqual([expect.objectContaining({ overflows: true, tabStop: true })]);
    await expect(box.getAttribute('tabindex')).resolves.toBe('0');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(
      () => document.querySelector('.sg-table-wrap')!.scrollWidth <= document.querySelector('.sg-table-wrap')!.clientWidth,
    );
    expect(await settled(page)).toEqual([expect.objectContaining({ overflows: false, tabStop: false })]);
    await page.context().close();
  });

  it('the keyboard reaches an overflowing box at 320 px and scrolls it; at 1280 px Tab goes past the table', async () => {
    const caption = 'Private windows: what each web browser calls them and how to open one on a computer';
    const narrow = await open('/staying-safe-online/', NARROW);
    await settled(narrow);
    const box = narrow.getByRole('group', { name: caption, exact: true });
    let reached = false;
    for (let tab = 0; tab < 80 && !reached; tab += 1) {
      await narrow.keyboard.press('Tab');
      reached = await box.evaluate((element) => document.activeElement === element);
    }
    expect(reached).toBe(true);
    await narrow.keyboard.press('ArrowRight');
    await narrow.waitForFunction(() => document.querySelector('.sg-table-wrap')!.scrollLeft > 0);
    await narrow.context().close();

    const wide = await open('/staying-safe-online/', WIDE);
    await settled(wide);
    const focused: string[] = [];
    for (let tab = 0; tab < 80; tab += 1) {
      await wide.keyboard.press('Tab');
      const now = await wide.evaluate(() => {
        const element = document.activeElement;
        return element === document.body || !element ? '' : `${element.tagName.toLowerCase()}.${element.className}`;
      });
      if (focused.includes(now)) break;
      focused.push(now);
    }
    expect(focused.length).toBeGreaterThan(5);
    expect(focused.filter((item) => item.includes('sg-table-wrap'))).toEqual([]);
    await wide.context().close();
  });

  it('without JavaScript every box stays a tab stop, so a keyboard can always scroll one that overflows', async () => {
    const page = await open('/strategy/', { ...NARROW, javaScriptEnabled: false });
    const states = await boxStates(page);
    expect(states.length).toBe(5);
    expect(states.every((state) => state.tabStop)).toBe(true);
    expect(states.some((state) => state.overflows)).toBe(true);
    await page.context().close();
  });
});

describe("the strategy's plan", () => {
  const strategy = readAllEntries(process.cwd(), 'strategy').find((entry) => entry.data.current === true)!;
  const plans = strategy.data.plans as StrategyData['plans'];

  it("at 320 px is a card for each priority, in the strategy's order, nothing wider than the screen, and no table", async () => {
    const page = await open('/strategy/', NARROW);
    const layout = await page.evaluate(() => ({
      pageOverflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      wider: [...document.querySelectorAll('.sg-plan *')].filter(
        (element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
      ).length,
      heights: [...document.querySelectorAll('.sg-plan__cards')].map((cards) => Math.round(cards.getBoundingClientRect().height)),
    }));
    expect(layout.pageOverflows).toBe(false);
    expect(layout.wider).toBe(0);
    console.log(`Strategy plan cards at 320 px: ${layout.heights.join(', ')} px tall`);
    for (const plan of plans) {
      const label = `Plan for ${plan.year.replace('-', ' to ')}`;
      const section = page.locator(`#plan-${plan.year} + .sg-plan`);
      // The table is hidden (out of the accessibility tree too); the cards are shown.
      await expect(section.getByRole('table').count(), label).resolves.toBe(0);
      await expect(section.locator('.sg-plan__cards').isVisible(), label).resolves.toBe(true);
      // Each priority a level 3 heading, then its action and outcome, read in the strategy's order.
      const headings = await section.getByRole('heading', { level: 3 }).allInnerTexts();
      expect(headings, label).toEqual(plan.rows.map((row) => row.priority));
      const text = (await section.innerText()).replace(/\s+/g, ' ');
      let from = 0;
      for (const row of plan.rows) {
        for (const part of [row.priority, 'Action', row.action, 'Outcome', row.outcome]) {
          const at = text.indexOf(part.replace(/\s+/g, ' '), from);
          expect(at, `${label}: "${part}" after what comes before it`).toBeGreaterThanOrEqual(from);
          from = at + part.length;
        }
      }
      // Action and outcome are a GOV.UK summary list: each a term and its description.
      await expect(section.locator('dt').allInnerTexts()).resolves.toEqual(plan.rows.flatMap(() => ['Action', 'Outcome']));
    }
    await page.context().close();
  });

  it('at 1280 px is a table for each year, named by its caption, with a row heading for each priority and no cards', async () => {
    const page = await open('/strategy/', WIDE);
    await settled(page);
    for (const plan of plans) {
      const label = `Plan for ${plan.year.replace('-', ' to ')}`;
      const table = page.getByRole('group', { name: label, exact: true }).getByRole('table', { name: label, exact: true });
      await expect(table.getByRole('rowheader').allInnerTexts(), label).resolves.toEqual(plan.rows.map((row) => row.priority));
      await expect(page.locator(`#plan-${plan.year} + .sg-plan .sg-plan__cards`).isVisible(), label).resolves.toBe(false);
    }
    await page.context().close();
  });
});
