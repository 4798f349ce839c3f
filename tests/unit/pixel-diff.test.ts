import { describe, expect, it } from 'vitest';
import { comparePixels, type RawImage } from '../../tools/pixel-diff';

const image = (width: number, height: number, colour: [number, number, number]): RawImage => {
  const data = new Uint8Array(width * height * 4);
  for (let at = 0; at < data.length; at += 4) data.set([...colour, 255], at);
  return { data, width, height };
};

describe('comparing screenshots pixel by pixel', () => {
  it('finds no difference between the same images, and draws the diff faded', () => {
    const result = comparePixels(image(3, 2, [0, 0, 0]), image(3, 2, [0, 0, 0]));
    expect(result.differingPixels).toBe(0);
    expect([...result.diff.data.slice(0, 4)]).toEqual([191, 191, 191, 255]);
  });
  it('counts each pixel that differs in any channel, and marks it red', () => {
    const after = image(3, 2, [10, 20, 30]);
    after.data[4 * 4 + 2] = 31;
    const result = comparePixels(image(3, 2, [10, 20, 30]), after);
    expect(result.differingPixels).toBe(1);
    expect([...result.diff.data.slice(16, 20)]).toEqual([255, 0, 0, 255]);
  });
  it('counts the pixels only one image has when the pages are not the same height', () => {
    const result = comparePixels(image(4, 3, [255, 255, 255]), image(4, 5, [255, 255, 255]));
    expect(result.differingPixels).toBe(8);
    expect([result.diff.width, result.diff.height]).toEqual([4, 5]);
  });
});
