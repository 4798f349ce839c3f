/**
 * Share images while the site builds. As the build starts, every entry
 * page's image is predicted from the content the build's check has just read
 * (src/share-images/prediction.ts) and handed to a pool of worker threads
 * (src/share-images/pool.ts), which draw what the cache lacks at a lower
 * priority while Astro starts, bundles and generates pages. Each image a page
 * asks for (the layout registers them as pages are generated,
 * src/share-images/share-image.ts) goes to the pool too: nothing more if it was
 * predicted, drawn at once if not. At the end of the build the integration
 * waits for the rest and copies the images the built pages name into the
 * site's share-images/ folder; a prediction no page asked for is never
 * copied, only counted. The build stops if an image could not be drawn
 * (naming its title and page) or if a page's og:image names an image that is
 * not there.
 *
 * The cache is share-images/ in Astro's cache folder (node_modules/.astro, or
 * ASTRO_CACHE_DIR), outside the built site. The build logs how many images
 * it drew and how long that took, and writes the same figures to
 * share-images/last-build.json in the cache.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SHARE_IMAGE_CACHE_DAYS, markUsed, pruneShareImageCache } from '../share-images/cache';
import { SHARE_IMAGE_FOLDER, clearRegisteredShareImages, listenForShareImages, registeredShareImages } from '../share-images/share-image';
import { createShareImagePool, type ShareImagePool } from '../share-images/pool';
import { builtSiteScan, forgetBuiltSiteScan } from '../build/site-scan';
import { predictShareImages } from '../share-images/prediction';
import { ensureShareImages, loadShareFonts, type ShareFonts } from '../share-images/render';
import { takeCheckedEntries } from '../content/files';
import { siteToday } from '../rules/dates';

export interface ShareImageBuildReport {
  pages: number;
  images: number;
  rendered: number;
  reused: number;
  /** Drawing images: from the first sent to a worker to the last drawn (it overlaps page generation). */
  milliseconds: number;
  /** Everything the end of the build spent on images: finding the images pages name, waiting for the drawing, copying. */
  totalMilliseconds: number;
  /** Worker threads started (0 when the cache had every image). */
  workers: number;
  /** A worker's time per image drawn: satori, raster, PNG, write. */
  millisecondsPerImage: number;
  /** How long the end of the build waited for drawing still under way. */
  waitedMilliseconds: number;
  /** Images predicted for the entry pages as the build started (src/share-images/prediction.ts). */
  predicted: number;
  /** Predicted images no built page names: drawn for nothing (the cache prunes them), never put in the site. */
  predictedUnused: number;
  /** Pages whose image was not predicted (the pages with fixed titles), drawn when the page asked. */
  unpredictedPages: string[];
  /** The niceness of the worker threads that drew (src/share-images/thread-priority.ts). */
  workerNiceness: number[];
}

/**
 * Puts a cached image in the site: a hard link to the cache file (the cache
 * writes a new file for every image and never changes one, so the two stay
 * the same), or a copy where a link cannot be made (another file system).
 */
function placeImage(cached: string, target: string): void {
  try {
    linkSync(cached, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    copyFileSync(cached, target);
  }
}

export function shareImages(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  /** The fonts, read once per project (the drawing caches of src/share-images/render.ts are kept per fonts object). */
  let fonts: ShareFonts | undefined;
  const shareFonts = (): ShareFonts => (fonts ??= loadShareFonts(root));
  let pool: ShareImagePool | undefined;
  /** Page, by image key, of each image predicted as the build started. */
  let predicted = new Map<string, string>();
  /** The pool, listening for the images pages register. */
  const startDrawing = (): ShareImagePool => {
    clearRegisteredShareImages();
    const drawing = createShareImagePool({ root, cacheDir, fonts: shareFonts() });
    listenForShareImages((key, content, page) => drawing.draw(key, content, page));
    return drawing;
  };
  return {
    name: 'safeguarding-share-images',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        cacheDir = fileURLToPath(new URL(`${SHARE_IMAGE_FOLDER}/`, config.cacheDir));
        root = fileURLToPath(config.root);
        fonts = undefined;
        predicted = new Map();
        // A build: every entry page's image, from the content the check has just read (src/integrations/content-check.ts), drawn from now on.
        const entries = command === 'build' && config.site ? takeCheckedEntries(root) : undefined;
        if (!entries) return;
        pool = startDrawing();
        for (const image of predictShareImages(entries, { siteUrl: config.site!, today: siteToday() })) {
          if (predicted.has(image.key)) continue;
          predicted.set(image.key, image.page);
          pool.draw(image.key, image.content, image.page);
        }
      },
      // The dev server draws a page's image when asked for it (after the page itself).
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const key = new RegExp(`^/${SHARE_IMAGE_FOLDER}/([0-9a-f]+)\\.png$`).exec(request.url ?? '')?.[1];
          const content = key ? registeredShareImages().get(key) : undefined;
          if (!key || !content) {
            next();
            return;
          }
          const report = await ensureShareImages(new Map([[key, content]]), { cacheDir, fonts: shareFonts() });
          response.writeHead(200, { 'Content-Type': 'image/png' });
          response.end(readFileSync(report.files.get(key)!));
        });
      },
      // Without a prediction (the content was not kept), drawing starts here, as pages register their images.
      'astro:build:start': () => {
        forgetBuiltSiteScan();
        pool ??= startDrawing();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        listenForShareImages(undefined);
        const drawing = pool!;
        pool = undefined;
        const site = fileURLToPath(dir);
        // Any image registered before the pool listened (none, normally) is drawn too.
        for (const [key, content] of registeredShareImages()) drawing.draw(key, content);
        const finished = drawing.finish();
        finished.catch(() => undefined); // Awaited below; the pages are checked meanwhile.
        // The one read of the built pages, shared with the security policy's scan (src/build/site-scan.ts).
        const wanted = builtSiteScan(site).shareImages;
        const missing = [...wanted].filter(([key]) => !registeredShareImages().has(key));
        if (missing.length > 0) {
          await finished.catch(() => undefined);
          const named = missing.map(([key, pages]) => `${pages.join(', ')} (${key}.png)`).join('; ');
          throw new Error(
            `Share images: pages name images nobody asked for: ${named}. A page's og:image must come from the layout (src/components/HeadMeta.astro).`,
          );
        }
        const waitStarted = performance.now();
        const report = await finished;
        const waited = performance.now() - waitStarted;
        const output = join(site, SHARE_IMAGE_FOLDER);
        mkdirSync(output, { recursive: true });
        const used = [...wanted.keys()].map((key) => report.files.get(key)!);
        markUsed(used);
        for (const key of wanted.keys()) {
          const target = join(output, `${key}.png`);
          try {
            placeImage(report.files.get(key)!, target);
          } catch (error) {
            // Another build sharing the cache pruned it a moment ago: draw it again.
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
            const again = await ensureShareImages(new Map([[key, registeredShareImages().get(key)!]]), {
              cacheDir,
              fonts: shareFonts(),
            });
            copyFileSync(again.files.get(key)!, target);
          }
        }
        const pruned = pruneShareImageCache(cacheDir, used);
        const predictedUnused = [...predicted.keys()].filter((key) => !wanted.has(key)).length;
        const unpredictedPages = [...wanted]
          .filter(([key]) => !predicted.has(key))
          .flatMap(([, pages]) => pages)
          .sort();
        const summary: ShareImageBuildReport = {
          pages: [...wanted.values()].reduce((sum, pages) => sum + pages.length, 0),
          images: wanted.size,
          rendered: report.rendered,
          reused: report.reused,
          milliseconds: Math.round(report.milliseconds),
          totalMilliseconds: Math.round(performance.now() - started),
          workers: report.workers,
          millisecondsPerImage: Math.round(report.millisecondsPerImage * 10) / 10,
          waitedMilliseconds: Math.round(waited),
          predicted: predicted.size,
          predictedUnused,
          unpredictedPages,
          workerNiceness: report.workerNiceness,
        };
        writeFileSync(join(cacheDir, 'last-build.json'), `${JSON.stringify(summary, null, 2)}\n`);
        const workers =
          summary.workers > 0
            ? ` by ${summary.workers} worker thread${summary.workers === 1 ? '' : 's'} (${summary.millisecondsPerImage} ms per image) while pages were built, waited ${summary.waitedMilliseconds} ms for the last`
            : '';
        const prediction =
          summary.predicted > 0 ? `; ${summary.predicted} predicted as the build started, ${summary.predictedUnused} of them unused` : '';
        logger.info(
          `Share images: ${summary.images} for ${summary.pages} pages; ${summary.rendered} drawn in ${(summary.milliseconds / 1000).toFixed(1)} s${workers}, ${summary.reused} from the cache (${summary.totalMilliseconds} ms in all)${prediction}${pruned.removed.length > 0 ? `; ${pruned.removed.length} unused for ${SHARE_IMAGE_CACHE_DAYS} days removed from the cache` : ''}`,
        );
        clearRegisteredShareImages();
        predicted = new Map();
      },
    },
  };
}
