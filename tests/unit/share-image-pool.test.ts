import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { shareImageKey, type ShareImageContent } from '../../src/share-images/share-image';
import { WORKER_NICENESS, createShareImagePool, poolSize } from '../../src/share-images/pool';
import { loadShareFonts } from '../../src/share-images/render';

const base: ShareImageContent = {
  siteName: 'Safeguarding Southend',
  organisation: 'Southend Safeguarding Partnership',
  title: 'Procedures',
  contentType: 'Procedures',
  host: 'www.safeguardingsouthend.co.uk',
  sample: false,
};
const contents = ['Procedures', 'Bulletins', 'Neglect strategy', 'Child J'].map((title) => ({ ...base, title }));
const fonts = loadShareFonts();
const folders: string[] = [];
const folder = () => {
  const path = mkdtempSync(join(tmpdir(), 'sg-share-pool-'));
  folders.push(path);
  return path;
};
afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

describe("the pool's size", () => {
  it('is one worker per core, at least one, at most four', () => {
    expect(poolSize(2)).toBe(2);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(0)).toBe(1);
    expect(poolSize(32)).toBe(4);
    expect(poolSize(8, 6)).toBe(6);
  });
});

describe('drawing in worker threads', () => {
  it('draws what the cache lacks in workers (plain Node loading the TypeScript), once each, whole files only', async () => {
    const cacheDir = folder();
    const pool = createShareImagePool({ root: process.cwd(), cacheDir, fonts, size: 2 });
    for (const content of [...contents, ...contents]) pool.draw(shareImageKey(content), content, '/somewhere/');
    const report = await pool.finish();
    expect([report.rendered, report.reused, report.workers]).toEqual([4, 0, 2]);
    // Each worker's own thread yields to the build's main thread (src/share-images/thread-priority.ts).
    if (process.platform === 'linux') expect(report.workerNiceness).toEqual(Array(2).fill(Math.min(19, getPriority() + WORKER_NICENESS)));
    expect(report.millisecondsPerImage).toBeGreaterThan(0);
    expect(report.milliseconds).toBeGreaterThan(0);
    for (const content of contents) {
      const file = report.files.get(shareImageKey(content))!;
      const metadata = await sharp(file).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
    }
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const again = createShareImagePool({ root: process.cwd(), cacheDir, fonts, size: 2 });
    for (const content of contents) again.draw(shareImageKey(content), content);
    expect(await again.finish()).toMatchObject({ rendered: 0, reused: 4, workers: 0, milliseconds: 0 });
  });

  it.runIf(process.platform === 'linux')(
    "makes its workers as much nicer as asked, and leaves the main thread's priority alone",
    async () => {
      const main = getPriority();
      const pool = createShareImagePool({ root: process.cwd(), cacheDir: folder(), fonts, size: 1, niceness: 13 });
      pool.draw(shareImageKey(contents[2]!), contents[2]!);
      const report = await pool.finish();
      expect(report.workerNiceness).toEqual([Math.min(19, main + 13)]);
      expect(getPriority()).toBe(main);
    },
  );

  it('fails at the end, naming the title and the page of each image it could not draw', async () => {
    const cacheDir = folder();
    const pool = createShareImagePool({ root: process.cwd(), cacheDir, fonts, size: 1 });
    rmSync(cacheDir, { recursive: true }); // The worker cannot write its file.
    pool.draw(shareImageKey(contents[3]!), contents[3]!, '/reviews/child-j/');
    await expect(pool.finish()).rejects.toThrow(
      /1 could not be drawn:\n"Child J" \(Procedures, page \/reviews\/child-j\/\): Error: ENOENT/,
    );
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('a worker that cannot start fails the images it was given, and the pool still ends', async () => {
    const cacheDir = folder();
    // Fonts from a folder without @fontsource/noto-sans: the worker's start fails.
    const pool = createShareImagePool({ root: tmpdir(), cacheDir, fonts, size: 1 });
    pool.draw(shareImageKey(contents[0]!), contents[0]!, '/procedures/');
    pool.draw(shareImageKey(contents[1]!), contents[1]!, '/bulletins/');
    await expect(pool.finish()).rejects.toThrow(
      /2 could not be drawn:\n"Procedures" \(Procedures, page \/procedures\/\): a drawing worker stopped[^]*\n"Bulletins"/,
    );
  });
});
