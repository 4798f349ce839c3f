import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  clearRegisteredShareImages,
  contentTypeFor,
  displayHost,
  registerShareImage,
  registeredShareImages,
  shareImage,
  shareImageAlt,
  shareImageKey,
  type ShareImageContent,
} from '../../src/share-images/share-image';
import {
  ensureShareImages,
  frameHeight,
  loadShareFonts,
  renderShareImage,
  renderWholeShareImage,
  shareImageSvg,
  shareImageTree,
  titleFontSize,
} from '../../src/share-images/render';

const content: ShareImageContent = {
  siteName: 'Safeguarding Southend',
  organisation: 'Southend Safeguarding Partnership',
  title: 'COVID-19 partner bulletin 5',
  contentType: 'Bulletin 5',
  host: 'www.safeguardingsouthend.co.uk',
  sample: true,
};

describe('what a share image is called', () => {
  it('is named by a hash of everything it shows', () => {
    expect(shareImageKey(content)).toMatch(/^[0-9a-f]{20}$/);
    expect(shareImageKey({ ...content })).toBe(shareImageKey(content));
    for (const change of [
      { title: 'Other' },
      { contentType: 'Procedure' },
      { sample: false },
      { siteName: 'X' },
      { organisation: 'Y' },
      { host: 'example.org' },
    ]) {
      expect(shareImageKey({ ...content, ...change }), JSON.stringify(change)).not.toBe(shareImageKey(content));
    }
  });

  it('lives in /share-images/ and says what it shows', () => {
    expect(shareImage(content).path).toBe(`/share-images/${shareImageKey(content)}.png`);
    expect(shareImageAlt(content)).toBe(
      'Southend Safeguarding Partnership (Safeguarding Southend). Bulletin 5, sample content: COVID-19 partner bulletin 5',
    );
    expect(shareImageAlt({ ...content, sample: false })).not.toContain('sample');
  });

  it('shows the site address without https:// or the trailing slash', () => {
    expect(displayHost('https://www.safeguardingsouthend.co.uk/')).toBe('www.safeguardingsouthend.co.uk');
    expect(displayHost('https://example.org/preview/')).toBe('example.org/preview');
  });
});

describe('the content type on the image', () => {
  it("comes from the page's address", () => {
    expect(contentTypeFor('/')).toBe('Home page');
    expect(contentTypeFor('/bulletins/')).toBe('Bulletins');
    expect(contentTypeFor('/procedures/')).toBe('Procedures');
    expect(contentTypeFor('/procedures/rapid-review/')).toBe('Procedure');
    expect(contentTypeFor('/reviews/')).toBe('Case reviews');
    expect(contentTypeFor('/reports/')).toBe('Annual reports');
    expect(contentTypeFor('/strategy/')).toBe('Strategy');
    expect(contentTypeFor('/threshold/')).toBe('Threshold document');
    expect(contentTypeFor('/search/')).toBe('Search');
    expect(contentTypeFor('/report-a-concern/')).toBe('Information');
  });
  it("uses the caption of an entry, which says more, except a procedure's category", () => {
    expect(contentTypeFor('/bulletins/covid-19-bulletin-5/', 'Bulletin 5')).toBe('Bulletin 5');
    expect(contentTypeFor('/bulletins/covid-19-bulletin-5/')).toBe('Bulletin');
    expect(contentTypeFor('/reviews/child-a/', 'Child Safeguarding Practice Review')).toBe('Child Safeguarding Practice Review');
    expect(contentTypeFor('/reports/x/', 'Annual report 2019/20')).toBe('Annual report 2019/20');
    expect(contentTypeFor('/procedures/rapid-review/', 'Case reviews')).toBe('Procedure');
  });
});

describe('the registry the layout fills while the site builds', () => {
  it('keeps one entry per image, whoever asks', () => {
    clearRegisteredShareImages();
    const first = registerShareImage(content);
    registerShareImage({ ...content });
    registerShareImage({ ...content, title: 'Another' });
    expect(registeredShareImages().size).toBe(2);
    expect(registeredShareImages().get(first.key)).toEqual(content);
    clearRegisteredShareImages();
    expect(registeredShareImages().size).toBe(0);
  });
});

describe('drawing', () => {
  const fonts = loadShareFonts();
  const cacheDir = mkdtempSync(join(tmpdir(), 'sg-share-test-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('uses Noto Sans from the npm package, as WOFF', () => {
    expect(fonts.regular.subarray(0, 4).toString('latin1')).toBe('wOFF');
    expect(fonts.bold.subarray(0, 4).toString('latin1')).toBe('wOFF');
  });

  it('makes long titles smaller', () => {
    expect(titleFontSize('Bulletins')).toBeGreaterThan(titleFontSize('A'.repeat(60)));
    expect(titleFontSize('A'.repeat(60))).toBeGreaterThan(titleFontSize('A'.repeat(150)));
  });

  it("lays out the partnership's name, the content type, the title and the address", () => {
    const text = JSON.stringify(shareImageTree(content));
    for (const shown of [content.siteName, content.organisation, content.contentType, content.title, content.host, 'Sample content']) {
      expect(text).toContain(JSON.stringify(shown));
    }
    expect(JSON.stringify(shareImageTree({ ...content, sample: false }))).not.toContain('Sample content');
  });

  it('draws a 1200 x 630 PNG', async () => {
    const png = await renderShareImage({ ...content, title: 'A title of the longest kind: '.padEnd(150, 'x') }, fonts);
    const metadata = await sharp(png).metadata();
    expect(metadata.format).toBe('png');
    expect([metadata.width, metadata.height]).toEqual([SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
  });

  it('makes satori neither mask nor clip anything, for a short or a long title (masks make sharp three times slower)', async () => {
    for (const title of ['Bulletins', `Child Safeguarding Practice Review ${'A review with a long name '.repeat(6).slice(0, 150)}`]) {
      const svg = await shareImageSvg({ ...content, title }, fonts);
      expect(svg, title).not.toMatch(/mask="url\(|clip-path="url\(|<clipPath/);
    }
  });

  it("draws the frame once and each image's lower part alone, with the same pixels as drawing each image whole", async () => {
    const titles = [
      'Bulletins',
      'Neglect: the multi-agency practice guidance for all practitioners',
      `Child Safeguarding Practice Review ${'A review with a long name '.repeat(6).slice(0, 150)}`,
    ];
    for (const [index, title] of titles.entries()) {
      const shown = { ...content, title, sample: index === 1 };
      const [split, whole] = await Promise.all([renderShareImage(shown, fonts), renderWholeShareImage(shown, fonts)]);
      const [a, b] = await Promise.all([sharp(split).raw().toBuffer(), sharp(whole).raw().toBuffer()]);
      expect(a.length, title).toBe(SHARE_IMAGE_WIDTH * SHARE_IMAGE_HEIGHT * 4);
      expect(a.equals(b), title).toBe(true);
    }
    // The frame ends at the foot of the bar under the header; a foot between pixels means drawing whole.
    expect(frameHeight(await shareImageSvg(content, fonts))).toBe(190);
    expect(frameHeight('<svg><rect x="0" y="177.5" width="1200" height="12" fill="#a497c6"/></svg>')).toBeUndefined();
    expect(frameHeight('<svg></svg>')).toBeUndefined();
  });

  it("keeps the longest title the content model allows above the site's address, which stays in its place", async () => {
    // A review's page title is its type and its title, which may be 150 characters.
    const longest = `Child Safeguarding Practice Review ${'Learning from the review of multi-agency safeguarding practice with a young person at risk of exploitation in Southend '.repeat(2).slice(0, 150).trim()}`;
    expect([...longest].length).toBeGreaterThan(180);
    const raw = async (shown: ShareImageContent) =>
      sharp(await renderShareImage(shown, fonts))
        .raw()
        .toBuffer();
    /** The first and last rows where two images differ: where the text that differs is drawn. */
    const rowsThatDiffer = (a: Buffer, b: Buffer): [number, number] => {
      const rowBytes = a.length / SHARE_IMAGE_HEIGHT;
      const rows = Array.from({ length: SHARE_IMAGE_HEIGHT }, (_, row) => row).filter(
        (row) => !a.subarray(row * rowBytes, (row + 1) * rowBytes).equals(b.subarray(row * rowBytes, (row + 1) * rowBytes)),
      );
      return [rows[0]!, rows.at(-1)!];
    };
    const shown = { ...content, title: longest, contentType: 'Case review' };
    const [withTitle, noTitle, noHost] = await Promise.all([raw(shown), raw({ ...shown, title: ' ' }), raw({ ...shown, host: ' ' })]);
    const [, titleBottom] = rowsThatDiffer(withTitle, noTitle);
    const [hostTop, hostBottom] = rowsThatDiffer(withTitle, noHost);
    const [shortHostTop] = rowsThatDiffer(await raw({ ...shown, title: 'Child A' }), await raw({ ...shown, title: 'Child A', host: ' ' }));
    expect(hostTop).toBe(shortHostTop);
    expect(hostBottom).toBeLessThan(SHARE_IMAGE_HEIGHT - 20);
    expect(titleBottom).toBeLessThan(hostTop - 16);
  });

  it('draws each image once, then takes it from the cache', async () => {
    const images = new Map(
      [content, { ...content, title: 'Procedures', contentType: 'Procedures', sample: false }].map((item) => [shareImageKey(item), item]),
    );
    const first = await ensureShareImages(images, { cacheDir, fonts });
    expect([first.rendered, first.reused]).toEqual([2, 0]);
    expect(first.milliseconds).toBeGreaterThan(0);
    const modified = [...first.files.values()].map((file) => statSync(file).mtimeMs);
    const second = await ensureShareImages(images, { cacheDir, fonts });
    expect([second.rendered, second.reused, second.milliseconds]).toEqual([0, 2, 0]);
    expect([...second.files.values()].map((file) => statSync(file).mtimeMs)).toEqual(modified);
    for (const file of second.files.values()) expect(existsSync(file)).toBe(true);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('draws again when the fonts change', async () => {
    const images = new Map([[shareImageKey(content), content]]);
    const report = await ensureShareImages(images, { cacheDir, fonts: { ...fonts, fingerprint: 'different' } });
    expect(report.rendered).toBe(1);
  });
});
