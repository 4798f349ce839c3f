/**
 * The quality gate fails on what it is for. A temporary copy of the project
 * gets content an editor could write: a page with a "click here" link and a
 * link to a page that does not exist, a page with a long unbroken line that
 * makes it scroll sideways at 320 px, and a page too long for the budget; and
 * a record of a test run on a chosen day. The copy is built, and the same
 * functions the real checks use (the content linter, and its command; the link
 * check; the reflow check in Chromium; the budget) each find their problem,
 * while the copy's own pages pass. The statement shows the chosen day.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { copyProject } from '../../tools/project-copy';
import { buildSite } from '../../tools/build-site';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import { launchChromium } from '../../tools/browser';
import { VIEWPORTS, checkContext, horizontalScrollProblems } from '../support/page-checks';
import { measurePage } from '../../tools/page-weight-browser';
import { lintContent } from '../../src/content/lint';
import { checkLinks } from '../../tools/link-check';
import { budgetProblems } from '../../tools/page-weight';
import { AUTOMATED_CHECKS, TEST_RECORD_PATH } from '../../src/site/test-record';
import { buildTestRecord } from '../../tools/test-record-writer';
import { SITE_URL } from '../../src/site/site-address';

const project = copyProject('sg-gate-');
const dist = join(project.root, 'dist');
const SEED_002_LINE = 'We recommend reading the full WT 2018 guidance. It is available on the GOV.UK website ([click here](#))';

/** Random words: text that gzip cannot shrink much, so the page is surely over budget. */
function longText(words: number): string {
  const letters = randomBytes(words * 8)
    .toString('base64')
    .replace(/[^a-z]/gi, '');
  const out: string[] = [];
  for (let at = 0; out.length < words && at < letters.length; at += 6) out.push(letters.slice(at, at + 3 + (at % 4)));
  return out.join(' ');
}

const files: Record<string, string> = {
  'content/pages/working-together.mdx': `---\ntitle: Working Together 2018\ndescription: The statutory guidance for multi-agency working.\n---\n\n## What changed\n\n${SEED_002_LINE}\n\nSee also [our guidance on escalation](/no-such-guidance/).\n`,
  'content/pages/wide-page.mdx': `---\ntitle: Wide page\ndescription: A page with a long unbroken line.\n---\n\n## The reference\n\nReference: ${'SSPA2019REFERENCE'.repeat(8)}END\n`,
  'content/pages/huge-report.mdx': `---\ntitle: Huge report\ndescription: A page far too long for the budget.\n---\n\n${Array.from({ length: 60 }, (_, index) => `## Part ${index + 1}\n\n${longText(600)}\n`).join('\n')}`,
};

let browser: Browser;
let server: RunningServer;
let buildOutput = '';
let buildStatus: number | null = null;

beforeAll(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(project.root, path, '..'), { recursive: true });
    writeFileSync(join(project.root, path), text);
  }
  // A record of a test run on 15 January 2026, as `npm test` writes it.
  const outcomes = AUTOMATED_CHECKS.map((check) => ({ file: check.file, name: check.testName ?? 'test', state: 'passed' as const }));
  const record = buildTestRecord(outcomes, {
    now: new Date('2026-01-15T10:00:00Z'),
    pages: 37,
    axe: { version: '4.11.0', rules: 90, tags: ['wcag2a'] },
  });
  mkdirSync(join(project.root, 'test-results/accessibility'), { recursive: true });
  writeFileSync(join(project.root, TEST_RECORD_PATH), JSON.stringify(record));

  const build = buildSite({ root: project.root, outDir: dist, env: { ASTRO_CACHE_DIR: join(project.root, '.cache') } });
  buildOutput = build.output;
  buildStatus = build.status;
  if (build.status !== 0) return;
  server = await serveDirectory(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  project.remove();
});

describe('the quality gate fails on each problem it is for', () => {
  it('the copy with the problems still builds: the gate, not the build, must catch them', () => {
    expect(buildStatus, buildOutput.slice(-3000)).toBe(0);
  });

  it('fails on a "click here" link in content, in the tests and in npm run lint:content', () => {
    const errors = lintContent(project.root, '2026-11-25').filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => `${finding.file}:${finding.line}:${finding.rule}`)).toEqual(
      expect.arrayContaining(['content/pages/working-together.mdx:8:link-text']),
    );
    const command = spawnSync(
      process.execPath,
      [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/lint-content.ts'), project.root],
      { encoding: 'utf8' },
    );
    expect(command.status, command.stderr).toBe(1);
    expect(command.stdout).toContain(
      'content/pages/working-together.mdx, line 8: the link text "click here" does not say where the link goes',
    );
  });

  it('fails on a broken internal link in the built site', () => {
    const report = checkLinks(dist, SITE_URL);
    expect(report.broken).toEqual([
      { from: '/working-together/', url: '#', where: 'a[href]', reason: 'the link goes nowhere (its address is empty or "#")' },
      { from: '/working-together/', url: '/no-such-guidance/', where: 'a[href]', reason: 'there is no page at /no-such-guidance/' },
    ]);
  });

  it('fails on a page that scrolls sideways at 320 px, and passes the pages around it', async () => {
    const context = await checkContext(browser, VIEWPORTS.reflow);
    const page = await context.newPage();
    await page.goto(`${server.url}/wide-page/`);
    const wide = await horizontalScrollProblems(page);
    await page.goto(`${server.url}/working-together/`);
    const narrow = await horizontalScrollProblems(page);
    await context.close();
    expect(wide).toHaveLength(1);
    expect(wide[0]).toMatch(/the page scrolls sideways: it is \d+ CSS px wide in a 320 px window/);
    expect(narrow).toEqual([]);
  });

  it('fails on a page over budget, and passes a normal page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const huge = await measurePage(page, server.url, dist, '/huge-report/');
    const normal = await measurePage(page, server.url, dist, '/working-together/');
    await context.close();
    // The size budget only: the render-blocking rule is the same on every page and is checked by the budget test.
    expect(budgetProblems(huge.weight, { stylesheets: [], scripts: [], imports: [] })).toEqual([
      expect.stringMatching(/^\/huge-report\/ transfers \d+\.\d KB; the budget is under 60\.0 KB/),
    ]);
    expect(budgetProblems(normal.weight, { stylesheets: [], scripts: [], imports: [] })).toEqual([]);
  });

  it('the statement shows the date of the test run the build found', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/accessibility/`);
    const text = await page.locator('main').innerText();
    await page.close();
    expect(text).toContain('This website was last tested on 15 January 2026.');
    expect(text).toContain('axe-core 4.11.0 applied 90 rules.');
    expect(text).toContain('Every one of these checks passed.');
  });
});
