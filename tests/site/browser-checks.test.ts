/**
 * What axe-core cannot check, on every built page in Chromium:
 * reflow at 320 CSS px (WCAG 1.4.10), the text-spacing overrides (1.4.12),
 * 200% zoom (1.4.4), a unique title (2.4.2) and one level 1 heading, visible
 * and unobscured keyboard focus on everything Tab reaches (2.4.7, 2.4.11,
 * 2.1.1), and reduced motion (2.3.3). Each failure names page and element.
 *
 * /admin/ is left out: it is the Decap CMS, a React application for signed-in
 * editors, not a page of the public site. Its screens are drawn by Decap's
 * code at run time from a backend the tests do not have, so these checks
 * would be testing Decap, not anything this project writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import {
  VIEWPORTS,
  applyTextSpacing,
  checkContext,
  clippedTextProblems,
  duplicateTitles,
  focusProblems,
  headingProblems,
  horizontalScrollProblems,
  motionProblems,
  titleAndHeadings,
} from '../support/page-checks';

const pages = builtPages(siteDist()).filter((path) => !path.startsWith('/admin/'));
const report: Record<string, { pages: number; problems: string[]; seconds: number }> = {};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  mkdirSync('test-results/accessibility', { recursive: true });
  writeFileSync(
    'test-results/accessibility/browser-checks.json',
    `${JSON.stringify({ finishedAt: new Date().toISOString(), pages, checks: report }, null, 2)}\n`,
  );
});

/** Opens every page in one context and collects what `check` finds. */
async function everyPage(
  name: string,
  options: BrowserContextOptions,
  check: (page: Page, path: string) => Promise<string[]>,
): Promise<string[]> {
  const started = performance.now();
  const context = await checkContext(browser, options);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const path of pages) {
    await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
    problems.push(...(await check(page, path)).map((problem) => `${path}: ${problem}`));
  }
  await context.close();
  report[name] = { pages: pages.length, problems, seconds: Math.round((performance.now() - started) / 100) / 10 };
  return problems;
}

describe('checks axe cannot make, on every page', () => {
  it('no page scrolls sideways at 320 CSS px, with or without the text-spacing overrides (WCAG 1.4.10, 1.4.12)', async () => {
    const problems = await everyPage('reflow-320', VIEWPORTS.reflow, async (page) => {
      const found = await horizontalScrollProblems(page);
      await applyTextSpacing(page);
      const spaced = [...(await horizontalScrollProblems(page)), ...(await clippedTextProblems(page))];
      return [...found.map((problem) => `at 320 px, ${problem}`), ...spaced.map((problem) => `at 320 px with text spacing, ${problem}`)];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('nothing is cut off or overlaps with the text-spacing overrides at 1280 px (WCAG 1.4.12)', async () => {
    const problems = await everyPage('text-spacing-1280', VIEWPORTS.desktop, async (page) => {
      await applyTextSpacing(page);
      return [...(await horizontalScrollProblems(page)), ...(await clippedTextProblems(page))];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('works at 200% zoom: no sideways scrolling, nothing cut off (WCAG 1.4.4)', async () => {
    const problems = await everyPage('zoom-200', VIEWPORTS.zoom200, async (page) => {
      const found = [...(await horizontalScrollProblems(page)), ...(await clippedTextProblems(page))];
      return found.map((problem) => `at 200% zoom, ${problem}`);
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every page has its own <title> and exactly one level 1 heading (WCAG 2.4.2, 1.3.1)', async () => {
    const titles = new Map<string, string>();
    const problems = await everyPage('titles-and-headings', VIEWPORTS.desktop, async (page, path) => {
      const found = await titleAndHeadings(page);
      titles.set(path, found.title);
      return headingProblems(path, found).map((problem) => problem.replace(`${path} `, ''));
    });
    problems.push(...duplicateTitles(titles));
    expect(titles.size).toBe(pages.length);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('keyboard focus is visible and not hidden on every element Tab reaches, and Tab reaches them all (WCAG 2.4.7, 2.4.11, 2.1.1)', async () => {
    let reached = 0;
    const problems = await everyPage('focus-visible', VIEWPORTS.desktop, async (page) => {
      const result = await focusProblems(page);
      reached += result.reached;
      return result.problems;
    });
    console.log(`Keyboard focus: ${reached} focus stops on ${pages.length} pages`);
    expect(reached).toBeGreaterThan(pages.length * 10);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('works with prefers-reduced-motion: nothing moves, no script errors, Exit this page is ready (WCAG 2.3.3)', async () => {
    const problems = await everyPage('reduced-motion', { ...VIEWPORTS.desktop, reducedMotion: 'reduce' }, async (page, path) => {
      const errors: string[] = [];
      const onError = (error: Error) => errors.push(`a script failed: ${error.message}`);
      page.on('pageerror', onError);
      await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
      const ready = await page.evaluate(() => ({
        scripts: document.body.classList.contains('govuk-frontend-supported'),
        exit: document.querySelector('.govuk-exit-this-page__indicator') !== null,
      }));
      page.off('pageerror', onError);
      return [
        ...errors,
        ...(await motionProblems(page)),
        ...(ready.scripts ? [] : ["the page's script did not run"]),
        ...(ready.exit ? [] : ['Exit this page was not set up (no Shift-key indicator)']),
      ];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
