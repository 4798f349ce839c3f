import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shareImages, type ShareImageBuildReport } from '../../src/integrations/share-images';
import { registerShareImage, type ShareImageContent } from '../../src/share-images/share-image';
import { keepCheckedEntries, readAllEntries } from '../../src/content/files';
import { predictShareImages } from '../../src/share-images/prediction';
import { siteToday } from '../../src/rules/dates';

const folder = mkdtempSync(join(tmpdir(), 'sg-share-integration-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const content = (title: string): ShareImageContent => ({
  siteName: 'Safeguarding Southend',
  organisation: 'Southend Safeguarding Partnership',
  title,
  contentType: 'Procedure',
  host: 'www.safeguardingsouthend.co.uk',
  sample: false,
});

type Hook = (options: unknown) => unknown;
/** The integration's hooks as Astro calls them in a build, with a site folder and a cache folder of the test's own; `site` as `astro build` gives it. */
function integration(name: string, site?: string) {
  const hooks = shareImages().hooks as Record<string, Hook>;
  const built = join(folder, name, 'dist');
  const cache = join(folder, name, 'cache');
  mkdirSync(built, { recursive: true });
  const logged: string[] = [];
  hooks['astro:config:setup']!({
    config: { cacheDir: pathToFileURL(`${cache}/`), root: pathToFileURL(`${process.cwd()}/`), site },
    command: site ? 'build' : undefined,
  });
  return {
    site: built,
    cache,
    logged,
    start: () => hooks['astro:build:start']!({}),
    done: () =>
      hooks['astro:build:done']!({
        dir: pathToFileURL(`${built}/`),
        logger: { info: (text: string) => logged.push(text) },
      }) as Promise<void>,
    page: (path: string, imagePath?: string) => {
      mkdirSync(join(built, path), { recursive: true });
      const meta = imagePath ? `<meta property="og:image" content="https://www.safeguardingsouthend.co.uk${imagePath}">` : '';
      writeFileSync(
        join(built, path, 'index.html'),
        `<!DOCTYPE html><html lang="en"><head><title>x</title>${meta}</head><body></body></html>`,
      );
    },
  };
}

describe('share images in a build', () => {
  it('draws each image a page registers in workers, puts those the pages name in the site, and logs the figures', async () => {
    const build = integration('ok');
    await build.start();
    const images = ['Neglect', 'Exploitation', 'Neglect'].map((title, index) =>
      registerShareImage(content(title), `/procedures/${index}/`),
    );
    build.page('procedures/0', images[0]!.path);
    build.page('procedures/1', images[1]!.path);
    build.page('procedures/2', images[2]!.path);
    build.page('404', undefined);
    await build.done();
    for (const image of images) expect(existsSync(join(build.site, image.path))).toBe(true);
    const report = JSON.parse(readFileSync(join(build.cache, 'share-images', 'last-build.json'), 'utf8')) as ShareImageBuildReport;
    expect(report).toMatchObject({ pages: 3, images: 2, rendered: 2, reused: 0 });
    expect(report.workers).toBeGreaterThan(0);
    expect(build.logged.join('\n')).toMatch(
      /^Share images: 2 for 3 pages; 2 drawn in [\d.]+ s by \d+ worker threads? \([\d.]+ ms per image\) while pages were built, waited \d+ ms for the last, 0 from the cache/,
    );
  });

  it("draws the entry pages' images predicted as the build starts; a prediction no page asks for is counted, never put in the site", async () => {
    const all = readAllEntries(process.cwd());
    const entries = [
      ...all.filter((entry) => entry.collection === 'settings'),
      ...all.filter((entry) => entry.collection === 'bulletins').slice(0, 2),
    ];
    const [built, unused] = predictShareImages(entries, { siteUrl: 'https://www.safeguardingsouthend.co.uk', today: siteToday() });
    // What the content check keeps for the build (src/integrations/content-check.ts).
    keepCheckedEntries(process.cwd(), entries);
    const build = integration('predicted', 'https://www.safeguardingsouthend.co.uk');
    await build.start();
    // The page asks for the image predicted for it; a page with a fixed title asks for one nobody predicted.
    const image = registerShareImage(built!.content, built!.page);
    expect(image.key).toBe(built!.key);
    build.page(built!.page.slice(1), image.path);
    const list = registerShareImage(content('Bulletins'), '/bulletins/');
    build.page('bulletins', list.path);
    await build.done();
    const report = JSON.parse(readFileSync(join(build.cache, 'share-images', 'last-build.json'), 'utf8')) as ShareImageBuildReport;
    expect(report).toMatchObject({ images: 2, rendered: 3, predicted: 2, predictedUnused: 1, unpredictedPages: ['bulletins/index.html'] });
    expect(existsSync(join(build.site, image.path))).toBe(true);
    // Drawn (it was predicted), kept in the cache for the next build, but not in this site.
    expect(existsSync(join(build.site, 'share-images', `${unused!.key}.png`))).toBe(false);
    expect(readdirSync(join(build.cache, 'share-images')).some((name) => name.startsWith(unused!.key))).toBe(true);
    expect(build.logged.join('\n')).toMatch(/; 2 predicted as the build started, 1 of them unused$/);
  });

  it('predicts nothing without the content the check kept for this project', async () => {
    keepCheckedEntries('/somewhere/else', readAllEntries(process.cwd()));
    const build = integration('no-prediction', 'https://www.safeguardingsouthend.co.uk');
    await build.start();
    const image = registerShareImage(content('Neglect'), '/procedures/neglect/');
    build.page('procedures/neglect', image.path);
    await build.done();
    const report = JSON.parse(readFileSync(join(build.cache, 'share-images', 'last-build.json'), 'utf8')) as ShareImageBuildReport;
    expect(report).toMatchObject({
      images: 1,
      rendered: 1,
      predicted: 0,
      predictedUnused: 0,
      unpredictedPages: ['procedures/neglect/index.html'],
    });
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
