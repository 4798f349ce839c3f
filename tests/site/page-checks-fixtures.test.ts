/**
 * The browser checks fail when they should: each runs on a crafted page with
 * the problem it looks for (and on one without), served from a temporary
 * folder, so a check that passes every real page is known to be able to fail.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
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

const page = (body: string, style = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fixture</title><style>body{margin:8px;font:16px/1.25 sans-serif} a:focus{outline:3px solid #fd0} ${style}</style></head><body>${body}</body></html>`;

const FIXTURES: Record<string, string> = {
  // The server answers unknown paths (the browser's /favicon.ico) with this.
  '404.html': page('<h1>Not found</h1>'),
  'fits.html': page(
    '<h1>Fits</h1><p>Short text that wraps in a narrow window without trouble.</p><a href="#a">A link with a focus style</a>',
  ),
  'wide.html': page('<h1>Wide</h1><p>Text.</p><div class="sg-wide">A box of 600 pixels</div>', '.sg-wide{width:600px}'),
  'wide-at-640.html': page('<h1>Wide at 640</h1><div class="sg-layout">Fixed-width layout</div>', '.sg-layout{min-width:900px}'),
  'clipped.html': page(
    '<h1>Clipped</h1><div class="sg-tag">Sample content</div>',
    '.sg-tag{height:20px;line-height:20px;overflow:hidden;width:20em}',
  ),
  'spills.html': page('<h1>Spills</h1><div class="sg-box">Two words</div><p>Next</p>', '.sg-box{height:20px;line-height:20px;width:20em}'),
  'hidden-text.html': page(
    '<h1>Visually hidden</h1><span class="vh">Only for screen readers, a long sentence that is clipped on purpose</span>',
    '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}',
  ),
  'no-focus.html': page(
    '<h1>Focus</h1><p><a href="#a" class="good">Good link</a></p><p><a href="#b" class="bad">Link without focus style</a></p>',
    'a.bad:focus{outline:none}',
  ),
  'obscured.html': page(
    '<h1>Obscured</h1><p style="margin-top:60px"><a href="#c">Under the banner</a></p><div class="banner">Cookie banner</div>',
    '.banner{position:fixed;top:0;left:0;right:0;height:200px;background:#fff}',
  ),
  'motion.html': page(
    '<h1>Spins</h1><div class="spinner">Loading</div>',
    '@keyframes spin{to{transform:rotate(360deg)}} .spinner{animation:spin 1s linear infinite}',
  ),
  'motion-respected.html': page(
    '<h1>Respects</h1><div class="spinner">Loading</div>',
    '@keyframes spin{to{transform:rotate(360deg)}} .spinner{animation:spin 1s linear infinite} @media (prefers-reduced-motion: reduce){.spinner{animation:none}}',
  ),
};

let folder: string;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sg-page-checks-'));
  for (const [name, html] of Object.entries(FIXTURES)) writeFileSync(join(folder, name), html);
  server = await serveDirectory(folder);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function open(name: string, options: BrowserContextOptions): Promise<Page> {
  const context = await checkContext(browser, options);
  contexts.push(context);
  const tab = await context.newPage();
  await tab.goto(`${server.url}/${name}`);
  return tab;
}

describe('reflow at 320 px', () => {
  it('fails a page that scrolls sideways, naming the element that sticks out', async () => {
    const problems = await horizontalScrollProblems(await open('wide.html', VIEWPORTS.reflow));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/the page scrolls sideways: it is \d+ CSS px wide in a 320 px window/);
    expect(problems[0]).toContain('<div.sg-wide> "A box of 600 pixels"');
  });
  it('passes a page that fits', async () => {
    expect(await horizontalScrollProblems(await open('fits.html', VIEWPORTS.reflow))).toEqual([]);
  });
});

describe('200% zoom', () => {
  it('fails a layout that needs more than 640 CSS px, and passes one that reflows', async () => {
    expect((await horizontalScrollProblems(await open('wide-at-640.html', VIEWPORTS.zoom200)))[0]).toContain('<div.sg-layout>');
    expect(await horizontalScrollProblems(await open('fits.html', VIEWPORTS.zoom200))).toEqual([]);
  });
});

describe('text spacing', () => {
  it('finds text cut off by a fixed height once the spacing is applied', async () => {
    const tab = await open('clipped.html', VIEWPORTS.desktop);
    expect(await clippedTextProblems(tab)).toEqual([]);
    await applyTextSpacing(tab);
    const problems = await clippedTextProblems(tab);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('<div.sg-tag> "Sample content" cuts off its text');
  });
  it('finds text spilling out of a fixed-height box over what follows', async () => {
    const tab = await open('spills.html', VIEWPORTS.desktop);
    await applyTextSpacing(tab);
    expect((await clippedTextProblems(tab))[0]).toContain('<div.sg-box> "Two words" has a fixed height of 20px');
  });
  it('leaves visually hidden text alone', async () => {
    const tab = await open('hidden-text.html', VIEWPORTS.desktop);
    await applyTextSpacing(tab);
    expect(await clippedTextProblems(tab)).toEqual([]);
  });
});

describe('visible focus', () => {
  it('fails an element whose look does not change when it has focus, and only that one', async () => {
    const result = await focusProblems(await open('no-focus.html', VIEWPORTS.desktop));
    expect(result.reached).toBe(2);
    expect(result.problems).toEqual([
      '<a> "Link without focus style" looks the same with and without keyboard focus: give it a visible focus style',
    ]);
  });
  it('fails an element hidden under something else when focused', async () => {
    const result = await focusProblems(await open('obscured.html', VIEWPORTS.desktop));
    expect(result.problems).toEqual(['<a> "Under the banner" is hidden under <div.banner> when it has focus']);
  });
});

describe('titles and level 1 headings', () => {
  it('reads the title and the level 1 headings from the page', async () => {
    expect(await titleAndHeadings(await open('fits.html', VIEWPORTS.desktop))).toEqual({ title: 'Fixture', h1: ['Fits'] });
  });
  it('wants exactly one level 1 heading and a title', () => {
    expect(headingProblems('/a/', { title: 'A', h1: ['A'] })).toEqual([]);
    expect(headingProblems('/a/', { title: '', h1: ['A', 'B'] })).toEqual([
      '/a/ has no <title>',
      '/a/ has 2 level 1 headings ("A", "B"); a page needs exactly one',
    ]);
    expect(headingProblems('/a/', { title: 'A', h1: [] })).toEqual(['/a/ has 0 level 1 headings; a page needs exactly one']);
  });
  it('finds pages that share a title', () => {
    expect(
      duplicateTitles(
        new Map([
          ['/a/', 'Same'],
          ['/b/', 'Other'],
          ['/c/', 'Same'],
        ]),
      ),
    ).toEqual(['"Same" is the title of 2 pages: /a/, /c/']);
  });
});

describe('reduced motion', () => {
  it('fails an endless animation that ignores prefers-reduced-motion, and passes one that stops', async () => {
    const reduce = { ...VIEWPORTS.desktop, reducedMotion: 'reduce' as const };
    const problems = await motionProblems(await open('motion.html', reduce));
    expect(problems.join('\n')).toContain('spin');
    expect(await motionProblems(await open('motion-respected.html', reduce))).toEqual([]);
  });
});
