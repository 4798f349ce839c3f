import { describe, expect, it } from 'vitest';
import { readAllEntries, type RawEntry } from '../../src/content/files';
import { predictShareImages } from '../../src/share-images/prediction';
import { entrySlug } from '../../src/content/files';
import { pageShareImageContent, shareImageKey, type ShareImageContent } from '../../src/share-images/share-image';

const SITE = 'https://www.safeguardingsouthend.co.uk';
/** The sample content in content/, as the build's content check reads it. */
const sample = readAllEntries(process.cwd());
const first = (collection: RawEntry['collection']) => sample.find((entry) => entry.collection === collection)!;
const settings = first('settings');
/** An entry like the first of its collection in content/, with other file name and data. */
const entry = (collection: RawEntry['collection'], slug: string, data: Record<string, unknown>): RawEntry => {
  const model = first(collection);
  return { ...model, file: `content/${collection}/${slug}.mdx`, data: { ...model.data, sample: false, ...data } };
};
const image = (title: string, contentType: string, sampleContent = false): ShareImageContent => ({
  siteName: 'Safeguarding Southend',
  organisation: 'Southend Safeguarding Partnership',
  title,
  contentType,
  host: 'www.safeguardingsouthend.co.uk',
  sample: sampleContent,
});
const predict = (entries: RawEntry[], today = '2026-07-01') => predictShareImages([settings, ...entries], { siteUrl: SITE, today });

describe('predicting share images before the pages are built', () => {
  it("gives each section's entry page the image its layout makes: address, title, caption or type", () => {
    const predicted = predict([
      entry('pages', 'about', { title: 'About the partnership' }),
      entry('procedures', 'neglect', { title: 'Neglect', category: 'Children' }),
      entry('bulletins', 'bulletin-5', { title: 'Keeping children safe online', number: 5 }),
      entry('reviews', 'child-j', { title: 'Child J', type: 'Child Safeguarding Practice Review', published: '2026-02-01' }),
      entry('reports', 'annual-report-2024-25', { title: 'Annual report', period: '2024/25' }),
    ]);
    expect(predicted.map(({ page, content }) => [page, content])).toEqual([
      ['/about/', image('About the partnership', 'Information')],
      // A procedure's caption is its category, which the image does not show.
      ['/procedures/neglect/', image('Neglect', 'Procedure')],
      ['/bulletins/bulletin-5/', image('Keeping children safe online', 'Bulletin 5')],
      ['/reviews/child-j/', image('Child Safeguarding Practice Review Child J', 'Case review')],
      ['/reports/annual-report-2024-25/', image('Annual report', 'Annual report 2024/25')],
    ]);
    for (const { key, content } of predicted) expect(key).toBe(shareImageKey(content));
  });

  it('predicts no image for a review that is not public today: its short page is noindex, a scheduled one has no page', () => {
    const review = (slug: string, published: string) => entry('reviews', slug, { title: slug, type: 'Learning Review', published });
    const predicted = predict(
      [review('scheduled', '2026-08-01'), review('public', '2026-01-01'), review('withdrawn', '2025-06-30')],
      '2026-07-01',
    );
    expect(predicted.map(({ page }) => page)).toEqual(['/reviews/public/']);
    // The retention period is the settings' own.
    const threeYears = { ...settings, data: { ...settings.data, reviewRetentionYears: 3 } };
    expect(predictShareImages([threeYears, review('withdrawn', '2025-06-30')], { siteUrl: SITE, today: '2026-07-01' })).toHaveLength(1);
  });

  it('keeps a title with markup characters as text, trimmed as the schema trims it', () => {
    const title = 'Neglect <b>&amp;</b> "abuse" {x} <script>alert(1)</script>';
    const [predicted] = predict([entry('procedures', 'markup', { title: `  ${title}  ` })]);
    expect(predicted!.content.title).toBe(title);
    expect(predicted!.key).toBe(shareImageKey(image(title, 'Procedure')));
  });

  it('marks sample content, and leaves out collections without pages and entries that do not fit', () => {
    const predicted = predict([
      entry('bulletins', 'sample', { title: 'A sample', number: 7, sample: true }),
      first('strategy'),
      first('threshold'),
      entry('bulletins', 'no-number', { title: 'No number', number: 'five' }),
    ]);
    expect(predicted.map(({ page, content }) => [page, content])).toEqual([['/bulletins/sample/', image('A sample', 'Bulletin 7', true)]]);
    expect(
      predictShareImages(
        sample.filter((one) => one.collection !== 'settings'),
        { siteUrl: SITE, today: '2026-07-01' },
      ),
    ).toEqual([]);
  });

  it('names every entry page of the sample content once, each by its file name', () => {
    const predicted = predictShareImages(sample, { siteUrl: SITE, today: '2026-07-01' });
    const withPages = sample.filter((one) => ['pages', 'procedures', 'bulletins', 'reports'].includes(one.collection));
    // Of the four sample reviews, published 2025-03-10, 2025-09-01, 2026-01-20 and 2026-06-15, three are public on 2026-07-01.
    expect(predicted).toHaveLength(withPages.length + 3);
    expect(new Set(predicted.map(({ page }) => page)).size).toBe(predicted.length);
    expect(predicted.map(({ page }) => page)).toContain(`/bulletins/${entrySlug(first('bulletins'))}/`);
    expect(
      predicted.every(
        ({ content }) => content.host === 'www.safeguardingsouthend.co.uk' && content.organisation === 'Southend Safeguarding Partnership',
      ),
    ).toBe(true);
  });
});

describe("the one rule for a page's share image", () => {
  const site = { siteName: 'Safeguarding Southend', organisation: 'Southend Safeguarding Partnership' };
  it('takes the type from the address and caption, unless the page names it, and a share title over the title', () => {
    expect(
      pageShareImageContent(site, `${SITE}/`, { pathname: '/bulletins/b/', title: 'T', caption: 'Bulletin 2', sample: false }),
    ).toEqual(image('T', 'Bulletin 2'));
    expect(
      pageShareImageContent(site, SITE, {
        pathname: '/bulletins/',
        title: 'Bulletins, page 2 of 3',
        shareTitle: 'Bulletins',
        sample: false,
      }),
    ).toEqual(image('Bulletins', 'Bulletins'));
    expect(pageShareImageContent(site, SITE, { pathname: '/reviews/x/', title: 'X', contentType: 'Case review', sample: true })).toEqual(
      image('X', 'Case review', true),
    );
  });
});
