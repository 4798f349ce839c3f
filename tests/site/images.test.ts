/**
 * Images, in a copy of the project built twice with one cache folder:
 * - share images: every public page's og:image exists and is a 1200 x 630
 *   PNG, noindex pages have none, and the second build draws none again;
 *   every entry page's image was predicted as the build started, and no
 *   prediction went unused;
 * - images in content: a fixture page with a Figure and a Markdown image,
 *   both turned by sharp into AVIF and WebP at several widths, with width,
 *   height and alternative text;
 * - a bad image in content stops the build, naming file, line and attribute.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../tools/build-site';
import { buildCopy } from '../support/build-copy';
import { builtPages } from '../../tools/built-pages';
import { copyProject } from '../../tools/project-copy';
import type { ShareImageBuildReport } from '../../src/integrations/share-images';

const project = copyProject('sg-images-');
const outDir = join(project.root, 'dist');
const cacheDir = join(project.root, '.cache');
const builds: { result: BuildResult; report: ShareImageBuildReport }[] = [];

const FIXTURE_PAGE = [
  '---',
  'title: Image test page',
  'description: A page that shows images from the media library.',
  '---',
  '',
  'An image with a caption:',
  '',
  '<Figure src="/images/test/referrals-chart.png" alt="Bar chart: referrals rose each quarter of 2025" caption="Referrals in 2025" />',
  '',
  'An image written in Markdown, as the CMS writes it:',
  '',
  '![Bar chart: referrals rose each quarter of 2025](/images/test/referrals-chart.png)',
  '',
].join('\n');

/** A 900 x 600 bar chart, drawn here: the project's own image. */
function chartPng(): Promise<Buffer> {
  const bars = [180, 260, 330, 420]
    .map((height, index) => `<rect x="${120 + index * 190}" y="${520 - height}" width="120" height="${height}" fill="#432874"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><rect width="900" height="600" fill="#ffffff"/>${bars}<rect x="80" y="520" width="760" height="4" fill="#0b0c0c"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function build(): { result: BuildResult; report: ShareImageBuildReport } {
  const result = buildCopy(project.root, 'dist');
  if (result.status !== 0) throw new Error(`The build failed:\n${result.output.slice(-4000)}`);
  const report = JSON.parse(readFileSync(join(cacheDir, 'share-images', 'last-build.json'), 'utf8')) as ShareImageBuildReport;
  return { result, report };
}

beforeAll(async () => {
  mkdirSync(join(project.root, 'public/images/test'), { recursive: true });
  writeFileSync(join(project.root, 'public/images/test/referrals-chart.png'), await chartPng());
  writeFileSync(join(project.root, 'content/pages/image-test.mdx'), FIXTURE_PAGE);
  builds.push(build());
  builds.push(build());
}, 600_000);

afterAll(() => project.remove());

const html = (path: string) => readFileSync(path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path), 'utf8');
const pages = () => builtPages(outDir).filter((path) => !path.startsWith('/admin/'));

describe('share images', () => {
  it('every public page has one, a 1200 x 630 PNG that exists; noindex pages have none', async () => {
    let withImage = 0;
    for (const path of pages()) {
      const page = html(path);
      const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
      if (page.includes('<meta name="robots" content="noindex">')) {
        expect(image, `${path} is noindex`).toBeUndefined();
        continue;
      }
      expect(image, `${path} has no og:image`).toBeDefined();
      expect(image!.startsWith('https://www.safeguardingsouthend.co.uk/share-images/'), image).toBe(true);
      const file = join(outDir, new URL(image!).pathname);
      const metadata = await sharp(file).metadata();
      expect([metadata.format, metadata.width, metadata.height], path).toEqual(['png', 1200, 630]);
      for (const tag of ['og:title', 'og:description', 'og:image:alt'])
        expect(page, `${path} ${tag}`).toMatch(new RegExp(`<meta property="${tag}" content="[^"]+">`));
      expect(page, path).toContain('<meta name="twitter:card" content="summary_large_image">');
      withImage += 1;
    }
    expect(withImage).toBeGreaterThan(25);
    expect(builds[0]!.report.pages).toBe(withImage);
  });

  it('the 404 page and a withdrawn review have none', () => {
    expect(html('/404.html')).not.toContain('og:image');
    const withdrawn = pages().filter((path) => path.startsWith('/reviews/') && html(path).includes('content="noindex"'));
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const path of withdrawn) expect(html(path), path).not.toContain('og:image');
  });

  it('the first build draws them all; a second build with no change draws none', () => {
    const [first, second] = builds;
    console.log(
      `Share images: ${first!.report.images} images for ${first!.report.pages} pages; first build drew ${first!.report.rendered} in ${first!.report.milliseconds} ms (${first!.report.totalMilliseconds} ms in all; build ${first!.result.seconds.toFixed(1)} s), second drew ${second!.report.rendered} (${second!.report.totalMilliseconds} ms in all; build ${second!.result.seconds.toFixed(1)} s)`,
    );
    expect(first!.report.rendered).toBe(first!.report.images);
    expect(first!.report.milliseconds).toBeGreaterThan(0);
    // Drawn by worker threads (plain Node running the TypeScript) while Astro built the pages.
    expect(first!.report.workers).toBeGreaterThan(0);
    expect(first!.report.millisecondsPerImage).toBeGreaterThan(0);
    expect(first!.result.output).toMatch(
      /Share images: \d+ for \d+ pages; \d+ drawn in [\d.]+ s by \d+ worker threads? \([\d.]+ ms per image\)/,
    );
    expect(second!.report).toMatchObject({
      rendered: 0,
      reused: first!.report.images,
      milliseconds: 0,
      images: first!.report.images,
      workers: 0,
    });
    expect(second!.result.output).toMatch(/Share images: \d+ for \d+ pages; 0 drawn/);
  });
});

/** Each entry's page in the copy's content/, as "/procedures/neglect/" (the general pages at the top level). */
function entryPagePaths(): Set<string> {
  const paths = new Set<string>();
  for (const folder of ['pages', 'procedures', 'bulletins', 'reviews', 'reports']) {
    for (const name of readdirSync(join(project.root, 'content', folder)).filter((file) => file.endsWith('.mdx'))) {
      paths.add(`${folder === 'pages' ? '' : `/${folder}`}/${name.replace(/\.mdx$/, '')}/`);
    }
  }
  return paths;
}

describe('share images predicted as the build starts', () => {
  it("every entry page with an image had it predicted, and every prediction was a page's image", () => {
    const entries = entryPagePaths();
    const entryPagesWithImage = pages().filter((path) => entries.has(path) && html(path).includes('<meta property="og:image"'));
    // Withdrawn reviews' short pages are entry pages without one.
    expect(entryPagesWithImage.length).toBeGreaterThan(20);
    for (const { report } of builds) {
      expect(report.predicted).toBe(entryPagesWithImage.length);
      expect(report.predictedUnused).toBe(0);
      // Only the pages with fixed titles ask for an image nobody predicted.
      const unpredicted = report.unpredictedPages.map((file) => `/${file.replace(/index\.html$/, '')}`);
      expect(unpredicted.filter((path) => entries.has(path))).toEqual([]);
      expect(unpredicted).toContain('/');
      expect(report.predicted + unpredicted.length).toBe(report.pages);
    }
    // Drawn by workers that yield to the build's main thread.
    if (process.platform === 'linux') expect(builds[0]!.report.workerNiceness.length).toBeGreaterThan(0);
  });
});

describe('images in content', () => {
  it('become <picture> elements with AVIF and WebP at several widths, width, height and alternative text', () => {
    const page = html('/image-test/');
    const pictures = [...page.matchAll(/<picture[^>]*>([\s\S]*?)<\/picture>/g)].map((match) => match[1]!);
    expect(pictures).toHaveLength(2);
    for (const picture of pictures) {
      const avif = /<source srcset="([^"]+)" type="image\/avif" sizes="[^"]+"/.exec(picture)?.[1];
      const webp = /<source srcset="([^"]+)" type="image\/webp" sizes="[^"]+"/.exec(picture)?.[1];
      expect(avif).toBeDefined();
      expect(webp).toBeDefined();
      for (const srcset of [avif!, webp!]) {
        const candidates = srcset.split(', ').map((candidate) => candidate.split(' '));
        expect(candidates.map(([, width]) => width)).toEqual(['320w', '480w', '640w', '900w']);
        for (const [url] of candidates) expect(existsSync(join(outDir, url!)), url).toBe(true);
      }
      const img = /<img [^>]*>/.exec(picture)![0];
      expect(img).toContain('alt="Bar chart: referrals rose each quarter of 2025"');
      expect(img).toContain('width="900"');
      expect(img).toContain('height="600"');
      expect(img).toMatch(/ sizes="[^"]+"/);
      expect(img).toMatch(/ src="\/_astro\/referrals-chart\.[^"]+\.png"/);
      expect(img).not.toContain('style=');
    }
    expect(page).toContain('<figcaption class="govuk-body-s sg-figure__caption"');
    expect(page).toContain('Referrals in 2025</figcaption>');
  });

  it("the About page's diagram, the project's own image, goes the same way", () => {
    const page = html('/about/');
    expect(page).toMatch(/<source srcset="\/_astro\/partnership-structure\.[^"]+\.avif 320w/);
    expect(page).toMatch(/<img [^>]*alt="Diagram of the partnership's structure[^"]*"[^>]*width="1600" height="1060"/);
  });
});

describe('a bad image in content', () => {
  it('stops the build, naming file, line and attribute', () => {
    const bad = copyProject('sg-bad-images-');
    try {
      writeFileSync(
        join(bad.root, 'content/pages/bad-images.mdx'),
        [
          '---',
          'title: Bad images',
          'description: Images that break the rules.',
          '---',
          '',
          '![](/images/partnership-structure.png)',
          '<Figure src="/images/not-uploaded.png" alt="Something" />',
          '<img src="/images/partnership-structure.png" alt="HTML image" />',
          '',
        ].join('\n'),
      );
      const result = buildCopy(bad.root, 'dist');
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('content/pages/bad-images.mdx: field "image on line 6: alt" must not be empty; expected text');
      expect(result.output).toContain(
        'content/pages/bad-images.mdx: field "<Figure> on line 7: src" names "/images/not-uploaded.png", but there is no such file in public/images/',
      );
      expect(result.output).toContain(
        'content/pages/bad-images.mdx, line 8: <img> is not one of the elements a page may use. Write an image from the media library: ![what it shows](/images/name.png), or the Image component instead.',
      );
    } finally {
      bad.remove();
    }
  });
});
