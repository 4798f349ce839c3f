/**
 * Which share image each built page names: the og:image in its <head>. Only
 * the head is read (in 4 KB pieces, until </head>), not the whole page, so
 * checking a site of thousands of pages costs little.
 */
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARE_IMAGE_FOLDER } from './share-image.ts';

const OG_IMAGE = new RegExp(`<meta property="og:image" content="[^"]*/${SHARE_IMAGE_FOLDER}/([0-9a-f]+)\\.png"`);
const PIECE = 4096;

/** The key of the share image a page's og:image names, if it names one. */
export function shareImageKeyOfPage(file: string): string | undefined {
  const descriptor = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(PIECE);
    let head = '';
    for (;;) {
      const read = readSync(descriptor, buffer, 0, PIECE, null);
      if (read === 0) break;
      head += buffer.toString('latin1', 0, read);
      const end = head.indexOf('</head>');
      if (end >= 0) {
        head = head.slice(0, end);
        break;
      }
    }
    return OG_IMAGE.exec(head)?.[1];
  } finally {
    closeSync(descriptor);
  }
}

/** Every share image the built site's pages name, with the pages (their files, from the site's folder) that name it. */
export function shareImagesOfPages(siteDir: string): Map<string, string[]> {
  const wanted = new Map<string, string[]>();
  for (const item of readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
    if (!item.isFile() || !item.name.endsWith('.html')) continue;
    const file = join(item.parentPath, item.name);
    const key = shareImageKeyOfPage(file);
    if (key) wanted.set(key, [...(wanted.get(key) ?? []), relative(siteDir, file)]);
  }
  return wanted;
}
