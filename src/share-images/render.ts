/**
 * Drawing share images: satori lays out the image as SVG with Noto Sans (the
 * WOFF files of @fontsource/noto-sans), sharp turns it into a PNG. Images are
 * kept in a cache folder outside the built site, named by a hash of what they
 * show and of the fonts, so an unchanged image is never drawn twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp, { type PngOptions } from 'sharp';
// Explicit extensions: worker threads load this file with plain Node (src/share-images/pool.ts).
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, shareImageKey, type ShareImageContent } from './share-image.ts';
import { writeFileAtomically } from '../build/atomic-file.ts';

const BRAND = '#432874';
const BRAND_TINT = '#f3f1f8';
const BRAND_BORDER = '#a497c6';
const TEXT = '#0b0c0c';
const SECONDARY_TEXT = '#484949';

export interface ShareFonts {
  regular: Buffer;
  bold: Buffer;
  /** A hash of both files, part of every cached image's name. */
  fingerprint: string;
}

/** Noto Sans, regular and bold, from the npm package (WOFF: satori cannot read WOFF2). */
export function loadShareFonts(root: string = process.cwd()): ShareFonts {
  const require = createRequire(join(root, 'package.json'));
  const file = (weight: number) => readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`));
  const regular = file(400);
  const bold = file(700);
  const fingerprint = createHash('sha256').update(regular).update(bold).digest('hex').slice(0, 12);
  return { regular, bold, fingerprint };
}

/** Title size in pixels: long titles smaller, so that the longest title (a review's type and 150 characters) still fits. */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 32) return 76;
  if (length <= 64) return 64;
  if (length <= 100) return 52;
  if (length <= 150) return 44;
  return 40;
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const div = (style: Record<string, string | number>, children: (Node | string)[] | string): Node => ({
  type: 'div',
  props: { style, children },
});

const tag = (text: string, colour: string, background: string): Node =>
  div({ display: 'flex', fontSize: 28, fontWeight: 700, color: colour, backgroundColor: background, padding: '6px 16px' }, text);

/**
 * The image's layout, as satori's element tree (no React needed). Nothing in
 * it makes satori clip: a border or `overflow: hidden` would put a <mask> or
 * <clipPath> in the SVG, and sharp then takes three times as long to draw it.
 * So the header's lower border is a 12 px bar of its own, and the title box
 * does not hide what overflows (titleFontSize keeps the longest title above
 * the address; a unit test checks it).
 */
export function shareImageTree(content: ShareImageContent): Node {
  return imageTree([...frameParts(content), ...lowerParts(content)], SHARE_IMAGE_HEIGHT);
}

const imageTree = (children: Node[], height: number): Node =>
  div(
    { width: SHARE_IMAGE_WIDTH, height, display: 'flex', flexDirection: 'column', backgroundColor: '#ffffff', fontFamily: 'Noto Sans' },
    children,
  );

/** The top of every image of a site: its name, the partnership's, and the bar under them. */
function frameParts(content: ShareImageContent): Node[] {
  return [
    div({ display: 'flex', flexDirection: 'column', backgroundColor: BRAND, color: '#ffffff', padding: '40px 72px 36px' }, [
      div({ display: 'flex', fontSize: 46, fontWeight: 700, lineHeight: 1.2 }, content.siteName),
      div({ display: 'flex', fontSize: 30, fontWeight: 400, marginTop: 6 }, content.organisation),
    ]),
    div({ display: 'flex', height: 12, flexShrink: 0, backgroundColor: BRAND_BORDER }, []),
  ];
}

/** The rest: what the page is, its title, and the site's address at the foot. */
function lowerParts(content: ShareImageContent): Node[] {
  const tags = [tag(content.contentType, BRAND, BRAND_TINT)];
  if (content.sample) tags.push(tag('Sample content', '#6e3619', '#fcd6c3'));
  return [
    div({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '44px 72px 0' }, [
      div({ display: 'flex', gap: 16 }, tags),
      div(
        { display: 'flex', fontSize: titleFontSize(content.title), fontWeight: 700, color: TEXT, lineHeight: 1.15, marginTop: 28 },
        content.title,
      ),
    ]),
    div({ display: 'flex', padding: '0 72px 36px', fontSize: 26, color: SECONDARY_TEXT }, content.host),
  ];
}

const satoriOptions = new WeakMap<ShareFonts, Map<number, Parameters<typeof satori>[1]>>();

/** Satori's options for an image (or its lower part) `height` pixels high. */
function optionsFor(fonts: ShareFonts, height: number = SHARE_IMAGE_HEIGHT): Parameters<typeof satori>[1] {
  let byHeight = satoriOptions.get(fonts);
  if (!byHeight) satoriOptions.set(fonts, (byHeight = new Map()));
  let options = byHeight.get(height);
  if (!options) {
    options = {
      width: SHARE_IMAGE_WIDTH,
      height,
      fonts: [
        { name: 'Noto Sans', data: fonts.regular, weight: 400, style: 'normal' },
        { name: 'Noto Sans', data: fonts.bold, weight: 700, style: 'normal' },
      ],
    };
    byHeight.set(height, options);
  }
  return options;
}

/** The image as SVG, laid out by satori. */
export function shareImageSvg(content: ShareImageContent, fonts: ShareFonts): Promise<string> {
  return satori(shareImageTree(content) as Parameters<typeof satori>[0], optionsFor(fonts));
}

/** Where the frame ends in a whole image's SVG: the foot of the bar under the header, when it is a whole pixel. */
export function frameHeight(svg: string): number | undefined {
  const bar = new RegExp(`<rect x="0" y="([\\d.]+)" width="${SHARE_IMAGE_WIDTH}" height="([\\d.]+)" fill="${BRAND_BORDER}"/>`).exec(svg);
  if (!bar) return undefined;
  const foot = Number(bar[1]) + Number(bar[2]);
  return Number.isInteger(foot) && foot > 0 && foot < SHARE_IMAGE_HEIGHT ? foot : undefined;
}

interface Frame {
  height: number;
  pixels: Buffer;
}

const frames = new Map<string, Promise<Frame | undefined>>();

/**
 * The frame's pixels, drawn once per site name, organisation and fonts (in
 * each worker): the rows of a whole image above the foot of the bar. Without
 * a whole-pixel foot (a design change could make one) there is none, and
 * each image is drawn whole.
 */
function frameFor(content: ShareImageContent, fonts: ShareFonts): Promise<Frame | undefined> {
  const key = JSON.stringify([content.siteName, content.organisation, fonts.fingerprint]);
  let frame = frames.get(key);
  if (!frame) {
    frame = (async () => {
      const svg = await shareImageSvg(content, fonts);
      const height = frameHeight(svg);
      if (height === undefined) return undefined;
      const whole = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
      return { height, pixels: whole.subarray(0, height * SHARE_IMAGE_WIDTH * 4) };
    })();
    frames.set(key, frame);
  }
  return frame;
}

/**
 * The PNG encoding, chosen by measurement (npm run bench:share-images: 50
 * titles of 8 to 185 characters, one core, CPU ms per image on the shared
 * 2-core machine; in the same run satori took 7.4 ms and sharp's SVG to
 * raster 14.9 ms, and the whole drawing with this encoding, file written,
 * 19.6 ms, against about 85 ms before, with masks and the palette PNG):
 *
 * | encoding                                  | ms   | KB    |
 * | ----------------------------------------- | ---: | ----: |
 * | palette, quality 90, level 9 (before)     | 53.0 | 22.1  |
 * | palette, 16 colours, effort 1, level 6    | 25.0 | 22.0  |
 * | palette, 64 colours, effort 1, level 6    | 26.7 | 32.8  |
 * | RGBA, level 1, no filtering               |  2.9 | 109.8 |
 * | RGBA, level 3, no filtering (chosen)      |  3.7 | 69.6  |
 * | RGB, level 3, no filtering                |  4.7 | 70.0  |
 * | RGBA, level 6, no filtering               |  6.4 | 61.5  |
 * | RGBA, level 6, adaptive filtering         | 21.1 | 72.2  |
 * | RGBA, level 9, no filtering               | 39.4 | 56.9  |
 * | RGBA, level 9, adaptive filtering         | 76.5 | 80.3  |
 *
 * Share images are fetched by social sites, never by a visitor of a page,
 * so a few KB matter less than the time to draw a thousand of them: level 3
 * without filtering takes a fourteenth of the time of the palette PNG, is
 * lossless (the text as sharp drew it, no colour reduction; dropping the
 * alpha channel costs more than it saves), and at about 70 KB (the largest
 * about 140 KB) is far below the 5 MB and 8 MB that social sites accept.
 */
export const SHARE_IMAGE_PNG: PngOptions = { compressionLevel: 3, adaptiveFiltering: false };

/**
 * Draws one image: SVG from satori, PNG from sharp. The frame (the header
 * and its bar, the same on every image) is drawn once; for each image satori
 * lays out and sharp draws only the part below it, which is laid out exactly
 * as in the whole image (the same flex column from the foot of the bar), so
 * the pixels are the same as drawing it whole (a unit test compares them),
 * in about five sixths of the time (satori 4.2 to 2.1 ms, sharp 13.4 to
 * 12.8 ms, measured on one core).
 */
export async function renderShareImage(content: ShareImageContent, fonts: ShareFonts): Promise<Buffer> {
  const frame = await frameFor(content, fonts);
  if (!frame) return renderWholeShareImage(content, fonts);
  const height = SHARE_IMAGE_HEIGHT - frame.height;
  const svg = await satori(imageTree(lowerParts(content), height) as Parameters<typeof satori>[0], optionsFor(fonts, height));
  const lower = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
  return sharp(Buffer.concat([frame.pixels, lower]), { raw: { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, channels: 4 } })
    .png(SHARE_IMAGE_PNG)
    .toBuffer();
}

/** The same image drawn whole, in one pass. */
export async function renderWholeShareImage(content: ShareImageContent, fonts: ShareFonts): Promise<Buffer> {
  const svg = await shareImageSvg(content, fonts);
  return sharp(Buffer.from(svg)).png(SHARE_IMAGE_PNG).toBuffer();
}

/** Draws one image into its cache file; returns the milliseconds it took. */
export async function drawShareImageFile(content: ShareImageContent, fonts: ShareFonts, file: string): Promise<number> {
  const started = performance.now();
  writeFileAtomically(file, await renderShareImage(content, fonts));
  return performance.now() - started;
}

/** The cache file for an image: what it shows and the fonts it is drawn with. */
export function cachedImageFile(cacheDir: string, content: ShareImageContent, fonts: ShareFonts): string {
  return join(cacheDir, `${shareImageKey(content)}-${fonts.fingerprint}.png`);
}

export interface RenderReport {
  /** Cache files, by image key. */
  files: Map<string, string>;
  rendered: number;
  reused: number;
  /** Time spent drawing, in milliseconds (0 when everything came from the cache). */
  milliseconds: number;
}

/**
 * Makes sure every image is in the cache, drawing only the missing ones
 * (`concurrency` at a time). Files are written whole, then renamed, so two
 * builds sharing a cache never see half an image.
 */
export async function ensureShareImages(
  images: ReadonlyMap<string, ShareImageContent>,
  options: { cacheDir: string; fonts: ShareFonts; concurrency?: number },
): Promise<RenderReport> {
  mkdirSync(options.cacheDir, { recursive: true });
  const report: RenderReport = { files: new Map(), rendered: 0, reused: 0, milliseconds: 0 };
  const missing: [string, ShareImageContent, string][] = [];
  for (const [key, content] of images) {
    const file = cachedImageFile(options.cacheDir, content, options.fonts);
    report.files.set(key, file);
    if (existsSync(file)) report.reused += 1;
    else missing.push([key, content, file]);
  }
  if (missing.length === 0) return report;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const [, content, file] = missing[next++]!;
      await drawShareImageFile(content, options.fonts, file);
      report.rendered += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  report.milliseconds = performance.now() - started;
  return report;
}
