/**
 * Which share image each built page names: the og:image in its <head>, read
 * by the HTML tokenizer (src/html/tokens.ts). In the build it is one
 * reader of the single walk over built pages (src/html/built-pages.ts).
 */
import { readFileSync } from 'node:fs';
import { readHtml, type HtmlHandler } from '../html/tokens';
import { walkBuiltPages, type PageReader } from '../html/built-pages';
import { SHARE_IMAGE_FOLDER } from './share-image.ts';

const IMAGE_ADDRESS = new RegExp(`/${SHARE_IMAGE_FOLDER}/([0-9a-f]+)\\.png$`);

/** Callbacks that find the key of the share image a page's og:image names; `found` is called with it once, if it names one. */
export function shareImageHandler(found: (key: string) => void): HtmlHandler {
  let inHead = true;
  let named = false;
  return {
    startTag(tag) {
      if (tag.name === 'body') inHead = false;
      if (!inHead || named || tag.name !== 'meta' || tag.attributes.get('property') !== 'og:image') return;
      const key = IMAGE_ADDRESS.exec(tag.attributes.get('content') ?? '')?.[1];
      if (key) {
        named = true;
        found(key);
      }
    },
    endTag(tag) {
      if (tag.name === 'head') inHead = false;
    },
  };
}

/** The key of the share image a page's og:image names, if it names one. */
export function shareImageKeyOfPage(file: string): string | undefined {
  let key: string | undefined;
  readHtml(
    readFileSync(file, 'utf8'),
    shareImageHandler((found) => (key = found)),
  );
  return key;
}

/** A reader for the walk over built pages: fills `wanted` with each share image named and the pages (their files) that name it. */
export function shareImageReader(wanted: Map<string, string[]>): PageReader {
  return { page: ({ file }) => shareImageHandler((key) => wanted.set(key, [...(wanted.get(key) ?? []), file])) };
}

/** Every share image the built site's pages name, with the pages (their files, from the site's folder) that name it. */
export function shareImagesOfPages(siteDir: string): Map<string, string[]> {
  const wanted = new Map<string, string[]>();
  walkBuiltPages(siteDir, [shareImageReader(wanted)]);
  return wanted;
}
