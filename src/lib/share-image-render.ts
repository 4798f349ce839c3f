/**
 * Drawing share images: satori lays out the image as SVG with Noto Sans (the
 * WOFF files of @fontsource/noto-sans), sharp turns it into a PNG. Images are
 * kept in a cache folder outside the built site, named by a hash of what they
 * show and of the fonts, so an unchanged image is never drawn twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, shareImageKey, type ShareImageContent } from './share-image';

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

/** Title size in pixels: long titles smaller, so that 150 characters still fit. */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 32) return 76;
  if (length <= 64) return 64;
  if (length <= 100) return 52;
  return 44;
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const div = (style: Record<string, string | number>, children: (Node | string)[] | string): Node => ({ type: 'div', props: { style, children } });

const tag = (text: string, colour: string, background: string): Node =>
  div({ display: 'flex', fontSize: 28, fontWeight: 700, color: colour, backgroundColor: background, padding: '6px 16px' }, text);

/** The image's layout, as satori's element tree (no React needed). */
export function shareImageTree(content: ShareImageContent): Node {
  const tags = [tag(content.contentType, BRAND, BRAND_TINT)];
  if (content.sample) tags.push(tag('Sample content', '#6e3619', '#fcd6c3'));
  return div(
    { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, display: 'flex', flexDirection: 'column', backgroundColor: '#ffffff', fontFamily: 'Noto Sans' },
    [
      div({ display: 'flex', flexDirection: 'column', backgroundColor: BRAND, color: '#ffffff', padding: '40px 72px 36px', borderBottom: `12px solid ${BRAND_BORDER}` }, [
        div({ display: 'flex', fontSize: 46, fontWeight: 700, lineHeight: 1.2 }, content.siteName),
        div({ display: 'flex', fontSize: 30, fontWeight: 400, marginTop: 6 }, content.organisation),
      ]),
      div({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '44px 72px 0', overflow: 'hidden' }, [
        div({ display: 'flex', gap: 16 }, tags),
        div({ display: 'flex', fontSize: titleFontSize(content.title), fontWeight: 700, color: TEXT, lineHeight: 1.15, marginTop: 28 }, content.title),
      ]),
      div({ display: 'flex', padding: '0 72px 36px', fontSize: 26, color: SECONDARY_TEXT }, content.host),
    ],
  );
}

/** Draws one image: SVG from satori, PNG from sharp. */
export async function renderShareImage(content: ShareImageContent, fonts: ShareFonts): Promise<Buffer> {
  const svg = await satori(shareImageTree(content) as Parameters<typeof satori>[0], {
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    fonts: [
      { name: 'Noto Sans', data: fonts.regular, weight: 400, style: 'normal' },
      { name: 'Noto Sans', data: fonts.bold, weight: 700, style: 'normal' },
    ],
  });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer();
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
      const [key, content, file] = missing[next++]!;
      const png = await renderShareImage(content, options.fonts);
      const temporary = `${file}.${process.pid}.${key}.tmp`;
      writeFileSync(temporary, png);
      renameSync(temporary, file);
      report.rendered += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  report.milliseconds = performance.now() - started;
  return report;
}
