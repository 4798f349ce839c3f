/**
 * The dev server draws a page's share image when it is asked for (after the
 * page, which registers it), with the same design as the build: a 1200 x 630
 * PNG at the address the page's og:image names. An image no page asked for
 * is not found.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAstroDev, type AstroDev } from '../support/dev-server';
import { copyProject } from '../../tools/project-copy';

const project = copyProject('sg-dev-share-');
let dev: AstroDev | undefined;
let site = '';

beforeAll(async () => {
  dev = await startAstroDev(project.root, '/procedures/');
  site = dev.site;
}, 120_000);

afterAll(() => {
  dev?.stop();
  project.remove();
});

describe('share images on the dev server', () => {
  it('draws the image a page names when it is asked for', async () => {
    const page = await (await fetch(`${site}/procedures/`)).text();
    const image = /<meta property="og:image" content="https:\/\/www\.safeguardingsouthend\.co\.uk(\/share-images\/[0-9a-f]{20}\.png)"/.exec(
      page,
    )?.[1];
    expect(image).toBeDefined();
    const response = await fetch(`${site}${image}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
  });

  it('does not serve an image no page asked for', async () => {
    expect((await fetch(`${site}/share-images/0123456789abcdef0123.png`)).status).toBe(404);
  });
});
