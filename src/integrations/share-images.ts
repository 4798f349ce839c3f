/**
 * Share images at the end of the build: every image a page asked for (the
 * layout registers them, src/lib/share-image.ts) is drawn unless the cache
 * has it, then copied into the built site's share-images/ folder. The build
 * stops if a page's og:image names an image that is not there.
 *
 * The cache is share-images/ in Astro's cache folder (node_modules/.astro, or
 * ASTRO_CACHE_DIR), outside the built site. The build logs how many images
 * it drew and how long that took, and writes the same figures to
 * share-images/last-build.json in the cache.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SHARE_IMAGE_FOLDER, clearRegisteredShareImages, registeredShareImages } from '../lib/share-image';
import { ensureShareImages, loadShareFonts } from '../lib/share-image-render';

export interface ShareImageBuildReport {
  pages: number;
  images: number;
  rendered: number;
  reused: number;
  /** Drawing images. */
  milliseconds: number;
  /** Everything this step did: finding the images pages name, checking the cache, drawing, copying. */
  totalMilliseconds: number;
}

export function shareImages(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  return {
    name: 'safeguarding-share-images',
    hooks: {
      'astro:config:setup': ({ config }) => {
        cacheDir = fileURLToPath(new URL(`${SHARE_IMAGE_FOLDER}/`, config.cacheDir));
        root = fileURLToPath(config.root);
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
          const report = await ensureShareImages(new Map([[key, content]]), { cacheDir, fonts: loadShareFonts(root) });
          response.writeHead(200, { 'Content-Type': 'image/png' });
          response.end(readFileSync(report.files.get(key)!));
        });
      },
      'astro:build:start': () => clearRegisteredShareImages(),
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const wanted = new Map<string, number>();
        for (const item of readdirSync(site, { withFileTypes: true, recursive: true })) {
          if (!item.isFile() || !item.name.endsWith('.html')) continue;
          const html = readFileSync(join(item.parentPath, item.name), 'utf8');
          const match = /<meta property="og:image" content="[^"]*\/share-images\/([0-9a-f]+)\.png"/.exec(html);
          if (match) wanted.set(match[1]!, (wanted.get(match[1]!) ?? 0) + 1);
        }
        const registered = registeredShareImages();
        const missing = [...wanted.keys()].filter((key) => !registered.has(key));
        if (missing.length > 0) throw new Error(`Share images: pages name images nobody asked for (${missing.join(', ')}); og:image must come from the layout.`);
        const images = new Map([...registered].filter(([key]) => wanted.has(key)));
        const report = await ensureShareImages(images, { cacheDir, fonts: loadShareFonts(root) });
        const output = join(site, SHARE_IMAGE_FOLDER);
        mkdirSync(output, { recursive: true });
        for (const [key, file] of report.files) copyFileSync(file, join(output, `${key}.png`));
        const summary: ShareImageBuildReport = {
          pages: [...wanted.values()].reduce((sum, count) => sum + count, 0),
          images: images.size,
          rendered: report.rendered,
          reused: report.reused,
          milliseconds: Math.round(report.milliseconds),
          totalMilliseconds: Math.round(performance.now() - started),
        };
        writeFileSync(join(cacheDir, 'last-build.json'), `${JSON.stringify(summary, null, 2)}\n`);
        logger.info(`Share images: ${summary.images} for ${summary.pages} pages; ${summary.rendered} drawn in ${(summary.milliseconds / 1000).toFixed(1)} s, ${summary.reused} from the cache (${summary.totalMilliseconds} ms in all)`);
        clearRegisteredShareImages();
      },
    },
  };
}
