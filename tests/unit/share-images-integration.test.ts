import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shareImages, type ShareImageBuildReport } from '../../src/integrations/share-images';
import { registerShareImage, type ShareImageContent } from '../../src/lib/share-image';

const folder = mkdtempSync(join(tmpdir(), 'sg-share-integration-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const content = (title: string): ShareImageContent => ({
  siteName: 'Safeguarding Southend', organisation: 'Southend Safeguarding Partnership', title,
  contentType: 'Procedure', host: 'www.safeguardingsouthend.co.uk', sample: false,
});

type Hook = (options: unknown) => unknown;
/** The integration's hooks as Astro calls them in a build, with a site folder and a cache folder of the test's own. */
function integration(name: string) {
  const hooks = shareImages().hooks as Record<string, Hook>;
  const site = join(folder, name, 'dist');
  const cache = join(folder, name, 'cache');
  mkdirSync(site, { recursive: true });
  const logged: string[] = [];
  hooks['astro:config:setup']!({ config: { cacheDir: pathToFileURL(`${cache}/`), root: pathToFileURL(`${process.cwd()}/`) } });
  return {
    site, cache, logged,
    start: () => hooks['astro:build:start']!({}),
    done: () => hooks['astro:build:done']!({ dir: pathToFileURL(`${site}/`), logger: { info: (text: string) => logged.push(text) } }) as Promise<void>,
    page: (path: string, imagePath?: string) => {
      mkdirSync(join(site, path), { recursive: true });
      const meta = imagePath ? `<meta property="og:image" content="https://www.safeguardingsouthend.co.uk${imagePath}">` : '';
      writeFileSync(join(site, path, 'index.html'), `<!DOCTYPE html><html lang="en"><head><title>x</title>${meta}</head><body></body></html>`);
    },
  };
}

describe('share images in a build', () => {
  it('draws each image a page registers in workers, puts those the pages name in the site, and logs the figures', async () => {
    const build = integration('ok');
    await build.start();
    const images = ['Neglect', 'Exploitation', 'Neglect'].map((title, index) => registerShareImage(content(title), `/procedures/${index}/`));
    build.page('procedures/0', images[0]!.path);
    build.page('procedures/1', images[1]!.path);
    build.page('procedures/2', images[2]!.path);
    build.page('404', undefined);
    await build.done();
    for (const image of images) expect(existsSync(join(build.site, image.path))).toBe(true);
    const report = JSON.parse(readFileSync(join(build.cache, 'share-images', 'last-build.json'), 'utf8')) as ShareImageBuildReport;
    expect(report).toMatchObject({ pages: 3, images: 2, rendered: 2, reused: 0 });
    expect(report.workers).toBeGreaterThan(0);
    expect(build.logged.join('\n')).toMatch(/^Share images: 2 for 3 pages; 2 drawn in [\d.]+ s by \d+ worker threads? \([\d.]+ ms per image\) while pages were built, waited \d+ ms for the last, 0 from the cache/);
  });

  it('removes from the cache what no build has used for a month, and keeps what this build used', async () => {
    const build = integration('prune');
    const images = join(build.cache, 'share-images');
    mkdirSync(images, { recursive: true });
    const longAgo = new Date(Date.now() - 45 * 24 * 60 * 60 * 1000);
    for (const name of ['old-title.png', 'last-week.png']) writeFileSync(join(images, name), 'png');
    utimesSync(join(images, 'old-title.png'), longAgo, longAgo);
    await build.start();
    const image = registerShareImage(content('Neglect'), '/procedures/neglect/');
    build.page('procedures/neglect', image.path);
    await build.done();
    const kept = readdirSync(images).filter((name) => name.endsWith('.png'));
    expect(kept).toContain('last-week.png');
    expect(kept).not.toContain('old-title.png');
    expect(kept.some((name) => name.startsWith(image.key))).toBe(true);
    expect(build.logged.join('\n')).toMatch(/; 1 unused for 30 days removed from the cache$/);
  });

  it('fails the build naming the page whose og:image no page asked the layout for', async () => {
    const build = integration('stray');
    await build.start();
    const image = registerShareImage(content('Neglect'), '/procedures/neglect/');
    build.page('procedures/neglect', image.path);
    build.page('about', '/share-images/0123456789abcdef0123.png');
    await expect(build.done()).rejects.toThrow(/pages name images nobody asked for: about\/index\.html \(0123456789abcdef0123\.png\)/);
  });
});
