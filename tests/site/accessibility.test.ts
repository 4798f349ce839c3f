/**
 * axe-core in Chromium on every built page, at 1280 and 320 CSS pixels wide,
 * with WCAG 2.0, 2.1 and 2.2 A and AA rules and best practice. Any violation
 * fails, naming page, rule and element.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { builtPages, siteDist } from '../../tools/built-pages';
import { describeViolations, runAxe } from '../../tools/axe';
import { axeDetails, writeAxeReport, type AxePageResult } from '../support/axe-report';

const WIDTHS = [1280, 320] as const;
const pages = builtPages(siteDist()).filter((path) => !path.startsWith('/admin/'));

let browser: Browser;
// Every page and width, for the report CI keeps (test-results/accessibility/axe-report.*).
const results: AxePageResult[] = [];
let details: Awaited<ReturnType<typeof axeDetails>> | null = null;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  writeAxeReport(results, details);
});

describe('every page passes axe-core', () => {
  it('finds the pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const route of [
      '/',
      '/report-a-concern/',
      '/strategy/',
      '/threshold/',
      '/procedures/',
      '/bulletins/',
      '/reviews/',
      '/reports/',
      '/404.html',
    ]) {
      expect(pages, route).toContain(route);
    }
  });

  for (const width of WIDTHS) {
    it(`has no violations at ${width}px on any page`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const failures: string[] = [];
      const started = performance.now();
      for (const path of pages) {
        await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
        const pageStarted = performance.now();
        const violations = await runAxe(page);
        results.push({ path, width, milliseconds: Math.round(performance.now() - pageStarted), violations });
        details ??= await axeDetails(page);
        if (violations.length > 0) failures.push(describeViolations(path, width, violations));
      }
      await context.close();
      console.log(`axe-core at ${width}px: ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
