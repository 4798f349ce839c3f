/**
 * Screenshots of built pages at 320 and 1280 CSS pixels, for a person to
 * look at: npm run screenshots -- / /strategy/  (writes to test-results/).
 */
import { mkdirSync } from 'node:fs';
import { serveDirectory } from '../tools/static-server.ts';
import { launchChromium } from '../tools/browser.ts';
import { siteDist } from '../tools/built-pages.ts';

const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
/** --top: only the first screenful, easier to read at 320 px. */
const fullPage = !process.argv.includes('--top');
const server = await serveDirectory(siteDist());
const browser = await launchChromium();
mkdirSync('test-results/screenshots', { recursive: true });
for (const width of [320, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(server.url + path);
    const name = (path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home') + `-${width}${fullPage ? '' : '-top'}.png`;
    await page.screenshot({ path: `test-results/screenshots/${name}`, fullPage });
    console.log(`test-results/screenshots/${name}`);
  }
  await page.close();
}
await browser.close();
await server.close();
