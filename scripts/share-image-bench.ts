/**
 * npm run bench:share-images [-- N]: draws N (default 50) share images with
 * varied titles on one core (sharp.concurrency(1), one image at a time) and
 * prints, per image: satori's layout, sharp's SVG to raster, and for each PNG
 * encoding option the time and size; then the whole drawing as the build does
 * it (satori, raster, encode, write). Times are CPU milliseconds of this
 * process (what a core spends, whatever else the machine runs) and wall
 * milliseconds; the encoding the site uses is SHARE_IMAGE_PNG in
 * src/share-images/render.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type PngOptions } from 'sharp';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, type ShareImageContent } from '../src/share-images/share-image.ts';
import { SHARE_IMAGE_PNG, drawShareImageFile, loadShareFonts, shareImageSvg } from '../src/share-images/render.ts';

sharp.concurrency(1);
const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 50);

const WORDS = [
  'safeguarding',
  'children',
  'adults',
  'neglect',
  'partnership',
  'review',
  'learning',
  'early help',
  'domestic abuse',
  'exploitation',
  'Southend',
  'multi-agency',
  'practice',
  'COVID-19',
  'bulletin',
  'threshold',
];
const TYPES = ['Bulletin 12', 'Procedure', 'Case review', 'Annual report 2019/20', 'Information', 'Bulletins'];

/** Titles from one word to the longest the content model allows (a review's type and 150 characters). */
function titles(): ShareImageContent[] {
  return Array.from({ length: count }, (_, index) => {
    const length = 8 + Math.round((index / Math.max(1, count - 1)) * 177);
    let title = '';
    for (let word = index; title.length < length; word += 7) title += `${title ? ' ' : ''}${WORDS[word % WORDS.length]}`;
    title = title.slice(0, length).trim();
    return {
      siteName: 'Safeguarding Southend',
      organisation: 'Southend Safeguarding Partnership',
      host: 'www.safeguardingsouthend.co.uk',
      title: title[0]!.toUpperCase() + title.slice(1),
      contentType: TYPES[index % TYPES.length]!,
      sample: index % 3 === 0,
    };
  });
}

const ENCODINGS: { name: string; rgb: boolean; options: PngOptions }[] = [
  { name: 'palette, quality 90, level 9 (before)', rgb: false, options: { palette: true, quality: 90, compressionLevel: 9 } },
  { name: 'palette, 64 colours, effort 1, level 6', rgb: true, options: { palette: true, colours: 64, effort: 1, compressionLevel: 6 } },
  { name: 'palette, 16 colours, effort 1, level 6', rgb: true, options: { palette: true, colours: 16, effort: 1, compressionLevel: 6 } },
  { name: 'palette, 16 colours, effort 1, level 1', rgb: true, options: { palette: true, colours: 16, effort: 1, compressionLevel: 1 } },
  ...[1, 3, 6, 9].flatMap((level) =>
    [true, false].flatMap((adaptiveFiltering) =>
      [true, false].map((rgb) => ({
        name: `${rgb ? 'RGB' : 'RGBA'}, level ${level}, ${adaptiveFiltering ? 'adaptive filtering' : 'no filtering'}`,
        rgb,
        options: { compressionLevel: level, adaptiveFiltering },
      })),
    ),
  ),
];

interface Timing {
  cpu: number;
  wall: number;
}
async function timed<T>(work: () => Promise<T>): Promise<[T, Timing]> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall }];
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

const fonts = loadShareFonts();
const contents = titles();
await shareImageSvg(contents[0]!, fonts); // Fonts parsed once, as in each worker.

const satoriTimes: Timing[] = [];
const rasterTimes: Timing[] = [];
const encodings = ENCODINGS.map(() => ({ times: [] as Timing[], bytes: [] as number[] }));
for (const content of contents) {
  const [svg, satoriTime] = await timed(() => shareImageSvg(content, fonts));
  satoriTimes.push(satoriTime);
  const [raw, rasterTime] = await timed(() => sharp(Buffer.from(svg)).raw().toBuffer());
  rasterTimes.push(rasterTime);
  for (const [index, encoding] of ENCODINGS.entries()) {
    const [png, time] = await timed(() => {
      const image = sharp(raw, { raw: { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, channels: 4 } });
      return (encoding.rgb ? image.removeAlpha() : image).png(encoding.options).toBuffer();
    });
    encodings[index]!.times.push(time);
    encodings[index]!.bytes.push(png.length);
  }
}

const folder = mkdtempSync(join(tmpdir(), 'sg-share-bench-'));
const whole: Timing[] = [];
try {
  for (const [index, content] of contents.entries())
    whole.push((await timed(() => drawShareImageFile(content, fonts, join(folder, `${index}.png`))))[1]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const ms = (times: Timing[]) => [mean(times.map((time) => time.cpu)).toFixed(1), mean(times.map((time) => time.wall)).toFixed(1)];
console.log(
  `Share images: ${count} titles (${[...contents[0]!.title].length} to ${[...contents.at(-1)!.title].length} characters), one core, CPU and wall milliseconds per image\n`,
);
console.log(row(['step', 'CPU ms', 'wall ms', 'KB']));
console.log(row(['---', '---:', '---:', '---:']));
console.log(row(['satori: layout to SVG', ...ms(satoriTimes), '']));
console.log(row(['sharp: SVG to raster', ...ms(rasterTimes), '']));
for (const [index, encoding] of ENCODINGS.entries()) {
  console.log(row([`PNG ${encoding.name}`, ...ms(encodings[index]!.times), (mean(encodings[index]!.bytes) / 1024).toFixed(1)]));
}
console.log(
  row([
    `whole drawing as built (frame drawn once; lower part: SVG, raster; PNG ${JSON.stringify(SHARE_IMAGE_PNG)}; atomic write)`,
    ...ms(whole),
    '',
  ]),
);
const largest = Math.max(...encodings.flatMap((encoding) => encoding.bytes));
console.log(
  `\nThe site's encoding: ${JSON.stringify(SHARE_IMAGE_PNG)}. Largest image of any option: ${(largest / 1024).toFixed(0)} KB (platform limits 5 MB and 8 MB).`,
);
