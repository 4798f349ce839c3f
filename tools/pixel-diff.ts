/**
 * Two screenshots compared pixel by pixel (scripts/compare-screenshots.ts):
 * how many pixels differ, and an image that shows where.
 */

/** An image as RGBA bytes, four to a pixel, row by row. */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface PixelComparison {
  /** Pixels that differ in any channel, counting every pixel one image has and the other does not. */
  differingPixels: number;
  /** The size of the larger image: differing pixels red, the rest the "after" image faded. */
  diff: RawImage;
}

function pixelAt(image: RawImage, x: number, y: number): number | undefined {
  return x < image.width && y < image.height ? (y * image.width + x) * 4 : undefined;
}

export function comparePixels(before: RawImage, after: RawImage): PixelComparison {
  const width = Math.max(before.width, after.width);
  const height = Math.max(before.height, after.height);
  const data = new Uint8Array(width * height * 4);
  let differingPixels = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const a = pixelAt(before, x, y);
      const b = pixelAt(after, x, y);
      const out = (y * width + x) * 4;
      const same =
        a !== undefined &&
        b !== undefined &&
        before.data[a] === after.data[b] &&
        before.data[a + 1] === after.data[b + 1] &&
        before.data[a + 2] === after.data[b + 2] &&
        before.data[a + 3] === after.data[b + 3];
      if (same) {
        // Faded toward white, so the red stands out.
        for (let channel = 0; channel < 3; channel += 1) data[out + channel] = 255 - Math.round((255 - after.data[b! + channel]!) / 4);
      } else {
        differingPixels += 1;
        data[out] = 255;
      }
      data[out + 3] = 255;
    }
  }
  return { differingPixels, diff: { data, width, height } };
}
