/**
 * Learning briefings: their state from their review's dates, their order,
 * the build's check that a briefing's review exists, what the review's short
 * page and the briefing's page say about each other, the feed, the CMS's
 * preview note, and the sample briefings themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingIsPublic, briefingState, sortBriefings, type BriefingState } from '../../src/rules/briefings';
import { reviewStatus } from '../../src/rules/retention';
import { checkAcrossEntries, checkRelations, readAllEntries, relatedCollections, type RawEntry } from '../../src/content/files';
import { checkEntry, formatProblem } from '../../src/content/schemas';
import { getCollection } from '../../src/content/model';
import { briefingSourceBlock, reviewRequestBlock, withdrawnReviewBlock } from '../../src/html/blocks';
import { renderHtml } from '../../src/html/markup';
import { briefingFeedItems } from '../../src/site/feeds';
import { briefingPreview } from '../../src/cms/briefing-preview';
import { normaliseText, reviewSentences } from '../../src/rules/withdrawn-check';
import { visibleText } from '../../src/content/abbreviations';
import { lintBriefingRepeats } from '../../src/content/lint';
import type { BriefingData, Entry, ReviewData } from '../../src/content/data-types';

const ROOT = join(import.meta.dirname, '..', '..');

const stateOn = (published: string, today: string, years = 1) => briefingState(reviewStatus(published, today, years));

describe("a briefing's state, from its review's dates", () => {
  it('is scheduled before the review is published, with no page anywhere', () => {
    expect(stateOn('2026-06-15', '2026-06-14')).toBe('scheduled');
    expect(briefingIsPublic('scheduled')).toBe(false);
  });
  it('is beside its live review from the publication day to the day before the review leaves', () => {
    expect(stateOn('2026-06-15', '2026-06-15')).toBe('live-review');
    expect(stateOn('2026-06-15', '2027-06-14')).toBe('live-review');
    expect(briefingIsPublic('live-review')).toBe(true);
  });
  it('stays when its review is withdrawn, for good', () => {
    expect(stateOn('2026-06-15', '2027-06-15')).toBe('withdrawn-review');
    expect(stateOn('2024-02-29', '2025-02-28')).toBe('withdrawn-review');
    expect(stateOn('2020-01-01', '2030-01-01')).toBe('withdrawn-review');
    expect(stateOn('2026-06-15', '2028-06-14', 2)).toBe('live-review');
    expect(briefingIsPublic('withdrawn-review')).toBe(true);
  });
  it('lists briefings newest review first, then by title', () => {
    const items = [
      { published: '2025-03-10', title: 'C' },
      { published: '2026-06-15', title: 'B' },
      { published: '2026-06-15', title: 'A' },
    ];
    expect(sortBriefings(items, (item) => item).map((item) => item.title)).toEqual(['A', 'B', 'C']);
  });
});

const raw = (collection: 'briefings' | 'reviews', slug: string, data: Record<string, unknown> = {}): RawEntry => ({
  collection,
  file: `content/${collection}/${slug}.mdx`,
  absolutePath: `/x/content/${collection}/${slug}.mdx`,
  data,
  body: '',
  bodyLine: 1,
});

describe('the build refuses a briefing whose review does not exist', () => {
  const reviews = [raw('reviews', 'child-a-practice-review'), raw('reviews', 'adult-b-safeguarding-adults-review')];
  it('names the file, the field, what it says and the reviews that exist', () => {
    const problems = checkAcrossEntries([...reviews, raw('briefings', 'child-z', { review: 'child-z-review' })]);
    expect(problems).toEqual([
      {
        file: 'content/briefings/child-z.mdx',
        field: 'review',
        message:
          'is "child-z-review", but there is no content/reviews/child-z-review.mdx; expected the file name of one of the reviews, without .mdx (the reviews are: child-a-practice-review, adult-b-safeguarding-adults-review)',
      },
    ]);
    expect(formatProblem(problems[0]!)).toMatch(/^content\/briefings\/child-z\.mdx: field "review" is "child-z-review", but there is no/);
  });
  it('accepts a briefing of a review that exists, and says so when there are no reviews at all', () => {
    expect(checkRelations([...reviews, raw('briefings', 'a', { review: 'child-a-practice-review' })])).toEqual([]);
    expect(checkRelations([raw('briefings', 'a', { review: 'child-a-practice-review' })])[0]?.message).toMatch(
      /there are no reviews yet\)$/,
    );
  });
  it('leaves a missing or malformed name to the schema, which says what is expected', () => {
    expect(checkRelations([...reviews, raw('briefings', 'a', {}), raw('briefings', 'b', { review: 'Child A' })])).toEqual([]);
    const missing = checkEntry('briefings', 'content/briefings/a.mdx', { title: 'Learning from A', summary: 'A summary.' });
    expect(missing).toEqual([
      {
        file: 'content/briefings/a.mdx',
        field: 'review',
        message: 'is missing; it is required (the file name of one of the reviews, without .mdx)',
      },
    ]);
    expect(checkEntry('briefings', 'content/briefings/b.mdx', { title: 'T', summary: 'S', review: 'Child A' })[0]?.message).toBe(
      'is "Child A"; expected the file name of one of the reviews, without .mdx',
    );
  });
  it("is checked by the briefings' own loader too, which reads the reviews for it", () => {
    expect(relatedCollections(getCollection('briefings'))).toEqual(['reviews']);
    expect(relatedCollections(getCollection('reviews'))).toEqual([]);
  });
});

const CONTACT = { email: 'SSPA@southend.gov.uk', phone: '01702 534706' };

describe('what the review and its briefing say about each other', () => {
  const stub = {
    name: 'Domestic Homicide Review D',
    type: 'Domestic Homicide Review',
    published: '2025-09-01',
    withdrawn: '2026-09-01',
    years: 1,
    ...CONTACT,
  };
  it("the withdrawn review's short page links to its briefing, and only when it has one", () => {
    const withBriefing = renderHtml(
      withdrawnReviewBlock({ ...stub, briefing: { title: 'Learning from D', href: '/learning/d-learning-briefing/' } }),
    );
    expect(withBriefing).toContain('<a class="govuk-link" href="/learning/d-learning-briefing/">Learning from D</a>');
    expect(renderHtml(withdrawnReviewBlock(stub))).not.toContain('/learning/');
    const sample = renderHtml(
      withdrawnReviewBlock({ ...stub, briefing: { title: 'Learning from D', href: '/learning/d/', sample: true } }),
    );
    expect(sample).toContain('Learning from D</a>. <strong class="govuk-tag govuk-tag--orange sg-sample-label">Sample content</strong>');
  });
  it("a briefing of a withdrawn review says the full report is available on request, in the short page's own words", () => {
    const html = renderHtml(
      briefingSourceBlock({
        reviewName: stub.name,
        reviewHref: '/reviews/d-domestic-homicide-review/',
        type: stub.type,
        published: stub.published,
        withdrawn: { withdrawn: stub.withdrawn, ...CONTACT },
      }),
    );
    expect(html).toContain('<h2 class="govuk-heading-m">The full report is available on request</h2>');
    const request = renderHtml(reviewRequestBlock({ name: stub.name, ...CONTACT }));
    expect(html).toContain(request);
    expect(renderHtml(withdrawnReviewBlock(stub))).toContain(request);
    expect(html).toContain('href="/reviews/d-domestic-homicide-review/">Domestic Homicide Review D</a>');
    expect(html).toContain('1 September 2026');
  });
  it('a briefing of a live review links to it and says nothing about requests', () => {
    const html = renderHtml(
      briefingSourceBlock({
        reviewName: 'Child Safeguarding Practice Review Child A',
        reviewHref: '/reviews/child-a-practice-review/',
        type: 'Child Safeguarding Practice Review',
        published: '2026-06-15',
      }),
    );
    expect(html).toContain('15 June 2026');
    expect(html).not.toContain('available on request');
    expect(html).not.toContain('mailto:');
  });
});

describe('the feed of briefings', () => {
  const briefing = (
    id: string,
    state: BriefingState,
    sample = false,
  ): Entry<BriefingData> & { state: BriefingState; review: { data: Pick<ReviewData, 'published' | 'type'> } } => ({
    id,
    data: {
      title: `Learning from ${id}`,
      review: `${id}-review`,
      summary: `About ${id}.`,
      themes: ['Neglect'],
      ...(sample ? { sample } : {}),
    },
    state,
    review: { data: { published: '2025-03-10', type: 'Learning Review' } },
  });
  it("has every briefing on the site, dated by its review's publication, never a scheduled one, never a review's address", () => {
    const items = briefingFeedItems([briefing('c', 'withdrawn-review', true), briefing('a', 'live-review'), briefing('z', 'scheduled')]);
    expect(items.map((item) => item.link)).toEqual(['/learning/c/', '/learning/a/']);
    expect(items[0]).toEqual({
      title: 'Learning from c',
      link: '/learning/c/',
      pubDate: new Date('2025-03-10T00:00:00Z'),
      description: 'Sample content. About c.',
      categories: ['Learning Review', 'Neglect'],
    });
    expect(JSON.stringify(items)).not.toContain('/reviews/');
  });
});

describe("the CMS's preview of a briefing", () => {
  const review = (published: string) => ({
    slug: 'child-a-practice-review',
    data: { title: 'Child A', type: 'Child Safeguarding Practice Review', published },
  });
  it('asks for a review until one is chosen', () => {
    expect(briefingPreview(undefined, '2026-11-30', 1, CONTACT)).toEqual({
      note: 'Choose the review this briefing comes from: the briefing cannot be saved without one.',
    });
  });
  it('says when the briefing appears, and whether its review is still on the site', () => {
    expect(briefingPreview(review('2027-01-01'), '2026-11-30', 1, CONTACT).note).toBe(
      'Not on the site yet: this briefing appears with its review on 1 January 2027.',
    );
    const live = briefingPreview(review('2026-06-15'), '2026-11-30', 1, CONTACT);
    expect(live.state).toBe('live-review');
    expect(live.source?.withdrawn).toBeUndefined();
    const gone = briefingPreview(review('2025-06-15'), '2026-11-30', 1, CONTACT);
    expect(gone.state).toBe('withdrawn-review');
    expect(gone.source).toMatchObject({
      reviewName: 'Child Safeguarding Practice Review Child A',
      reviewHref: '/reviews/child-a-practice-review/',
      withdrawn: { withdrawn: '2026-06-15', ...CONTACT },
    });
  });
});

describe('the sample briefings', () => {
  const entries = readAllEntries(ROOT);
  const reviews = entries.filter((entry) => entry.collection === 'reviews');
  const briefings = entries.filter((entry) => entry.collection === 'briefings');
  it('one for each sample review, marked as sample content, each naming a review that exists', () => {
    const slug = (entry: RawEntry) => entry.file.replace(/^.*\//, '').replace(/\.mdx$/, '');
    expect(briefings.map((entry) => entry.data.review).sort()).toEqual(reviews.map(slug).sort());
    for (const briefing of briefings) expect(briefing.data.sample, briefing.file).toBe(true);
    expect(checkRelations(entries)).toEqual([]);
  });
  it("repeat none of their review's sentences, which leave the site with the review", () => {
    for (const briefing of briefings) {
      const review = reviews.find((entry) => entry.file.endsWith(`/${String(briefing.data.review)}.mdx`))!;
      const text = ` ${normaliseText(`${JSON.stringify(briefing.data)} ${visibleText(briefing.body)}`)} `;
      // The sample note every review has is shared; the rest is the review's own.
      const own = reviewSentences(String(review.data.summary), review.body).filter(
        (sentence) => !sentence.startsWith('this is sample content'),
      );
      expect(own.length, review.file).toBeGreaterThan(3);
      for (const sentence of own) expect(text.includes(` ${sentence} `), `${briefing.file} repeats "${sentence}"`).toBe(false);
    }
  });
  it('the reviews keep what happened and what was found; the actions and questions are in the briefings', () => {
    for (const review of reviews) {
      expect(review.body, review.file).toContain('## What we learned');
      expect(review.body, review.file).not.toContain('## What practitioners should do');
      expect(readFileSync(review.absolutePath, 'utf8'), review.file).not.toContain('The learning briefing on this page');
    }
    for (const briefing of briefings) {
      expect(briefing.body, briefing.file).toContain('## What practitioners should do');
      expect(briefing.body, briefing.file).toContain('## Questions for your team');
    }
  });
});

describe('npm run lint:content', () => {
  const review = {
    ...raw('reviews', 'adult-t'),
    data: { summary: 'Adult T lived alone by the estuary for many years.' },
    body: 'Nobody asked Adult T what mattered to him most.\n\nThis note is on every review of the site.',
  };
  const other = { ...raw('reviews', 'adult-u'), body: 'This note is on every review of the site.' };
  it("warns when a briefing repeats a sentence of its review's own, which would stay when the review leaves", () => {
    const briefing = {
      ...raw('briefings', 'learning-from-adult-t', { review: 'adult-t', summary: 'Learning.' }),
      body: '- Nobody asked Adult T what mattered to him most.\n- This note is on every review of the site.',
    };
    const findings = lintBriefingRepeats([review, other, briefing]);
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'content/briefings/learning-from-adult-t.mdx',
        severity: 'warning',
        rule: 'briefing-repeats-review',
      }),
    ]);
    expect(findings[0]!.message).toContain(
      'repeats a sentence of its review, content/reviews/adult-t.mdx ("nobody asked adult t what mattered to him most")',
    );
  });
  it('says nothing about a briefing in its own words, and the sample briefings are', () => {
    const briefing = { ...raw('briefings', 'b', { review: 'adult-t' }), body: 'Ask people what matters to them.' };
    expect(lintBriefingRepeats([review, other, briefing])).toEqual([]);
    expect(lintBriefingRepeats(readAllEntries(ROOT))).toEqual([]);
  });
});
