import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shareImageKeyOfPage, shareImagesOfPages } from '../../src/share-images/pages';

const site = mkdtempSync(join(tmpdir(), 'sg-share-pages-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
const meta = (key: string) => `<meta property="og:image" content="https://www.safeguardingsouthend.co.uk/share-images/${key}.png">`;
const page = (path: string, head: string, body = '<p>Text</p>') => {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(
    join(site, path, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><title>x</title>${head}</head><body>${body}</body></html>`,
  );
};

describe('the share image each built page names', () => {
  it('is read from the head only, even when the head is longer than one piece read', () => {
    page('a', `${'<meta name="x" content="é">'.repeat(400)}${meta('abc123')}`);
    page('b', '', `${meta('fff000')}`); // In the body: not an og:image of the page.
    page('c', meta('abc123'), 'x'.repeat(100_000));
    page('d', meta('0123456789abcdef0123'));
    expect(shareImageKeyOfPage(join(site, 'a', 'index.html'))).toBe('abc123');
    expect(shareImageKeyOfPage(join(site, 'b', 'index.html'))).toBeUndefined();
    const wanted = shareImagesOfPages(site);
    expect([...wanted.keys()].sort()).toEqual(['0123456789abcdef0123', 'abc123']);
    expect(wanted.get('abc123')!.sort()).toEqual(['a/index.html', 'c/index.html']);
    expect(wanted.get('0123456789abcdef0123')).toEqual(['d/index.html']);
  });
});
