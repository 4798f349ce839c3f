/**
 * Same look, checked: screenshots of two builds of the site, compared pixel by
 * pixel. Shoots each page of both builds at 320 and 1280 CSS pixels (whole
 * page, as scripts/screenshots.ts does), then the same pages with the keyboard
 * focus on a link (Tab pressed), the mouse over one, and as printed (print
 * stylesheet rules, at 1280), and prints the
 * differing pixels per shot; a shot that differs gets a diff image (differing
 * pixels red over a faded copy of the "after" shot).
 *
 *   npm run build -- --outDir /tmp/before   (on the old commit)
 *   npm run build                           (on this one, into dist/)
 *   tsx scripts/compare-screenshots.ts --before /tmp/before [--after dist] [/ /about/ ...]
 *
 * Writes test-results/screenshots/compare/<page>-<width>[-focus|-hover|-print]-{before,after,diff}.png.
 * Exits 1 when any shot differs, so a script can use it as a check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { serveDirectory } from '../tools/static-server.ts';
import { launchChromium } from '../tools/browser.ts';
import { comparePixels, type RawImage } from '../tools/pixel-diff.ts';

/** One page of each template (the withdrawn review is the short page a review becomes). */
export const TEMPLATE_PAGES = [
  '/',
  '/about/',
  '/accessibility/',
  '/strategy/',
  '/threshold/',
  '/procedures/',
  '/procedures/rapid-review/',
  '/bulletins/',
  '/bulletins/covid-19-bulletin-1/',
  '/reviews/',
  '/reviews/child-a-practice-review/',
  '/reviews/family-c-learning-review/',
  '/reports/',
  '/reports/interim-annual-report-2019-20/',
  '/search/',
  '/404.html',
];

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const before = option('--before');
const after = option('--after') ?? 'dist';
if (!before) {
  console.error('Usage: tsx scripts/compare-screenshots.ts --before <built site> [--after <built site>] [/page/ ...]');
  process.exit(2);
}
const paths = args.filter((arg, at) => arg.startsWith('/') && !['--before', '--after'].includes(args[at - 1] ?? ''));
const out = 'test-results/screenshots/compare';
mkdirSync(out, { recursive: true });

type State = 'plain' | 'focus' | 'hover' | 'print';

/** Puts the page in a state: the keyboard on the third focusable element, or the mouse over the first link in the main content. */
async function enter(page: Page, state: State): Promise<void> {
  if (state === 'focus') {
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('Tab');
  } else if (state === 'hover') {
    const link = page.locator('main a[href]').first();
    if (await link.count()) await link.hover();
  }
}

async function shoot(page: Page, site: string, path: string, state: State): Promise<RawImage> {
  await page.emulateMedia({ media: state === 'print' ? 'print' : 'screen' });
  await page.goto(site + path, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await enter(page, state);
  // Focus and hover are seen in the first screenful; the plain and printed page whole.
  const png = await page.screenshot({ fullPage: state === 'plain' || state === 'print', animations: 'disabled', caret: 'hide' });
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const toPng = (image: RawImage) =>
  sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();

const servers = await Promise.all([serveDirectory(before), serveDirectory(after)]);
const browser = await launchChromium();
let differing = 0;
const rows: string[] = [];
try {
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const path of paths.length ? paths : TEMPLATE_PAGES) {
      for (const state of (width === 1280 ? ['plain', 'focus', 'hover', 'print'] : ['plain', 'focus']) as State[]) {
        const [old, now] = [await shoot(page, servers[0]!.url, path, state), await shoot(page, servers[1]!.url, path, state)];
        const result = comparePixels(old, now);
        const name = `${path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home'}-${width}${state === 'plain' ? '' : `-${state}`}`;
        const size = (image: RawImage) => `${image.width}x${image.height}`;
        rows.push(
          `${name.padEnd(52)}${String(result.differingPixels).padStart(9)}  ${size(old) === size(now) ? size(now) : `${size(old)} -> ${size(now)}`}`,
        );
        if (result.differingPixels > 0) {
          differing += 1;
          writeFileSync(`${out}/${name}-before.png`, await toPng(old));
          writeFileSync(`${out}/${name}-after.png`, await toPng(now));
          writeFileSync(`${out}/${name}-diff.png`, await toPng(result.diff));
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
console.log(`${'shot'.padEnd(52)}${'differing'.padStart(9)}  size\n${rows.join('\n')}`);
console.log(differing ? `${differing} shot(s) differ: see ${out}/` : 'Every shot is the same, pixel for pixel.');
process.exitCode = differing ? 1 : 0;
