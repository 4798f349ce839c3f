import { describe, expect, it } from 'vitest';
import {
  BRIEFINGS_FEED,
  BULLETINS_FEED,
  PROCEDURE_CHANGES_FEED,
  REVIEWS_FEED,
  bulletinFeedItems,
  feedDate,
  feedsFor,
  procedureChangeFeedItems,
  reviewFeedItems,
  robotsTxt,
} from '../../src/site/feeds';
import { allProcedureChanges } from '../../src/rules/procedure-changes';
import { reviewStatus } from '../../src/rules/retention';
import type { BulletinData, Entry, ReviewData } from '../../src/content/data-types';

const bulletin = (number: number, date: string, extra: Partial<BulletinData> = {}): Entry<BulletinData> => ({
  id: `bulletin-${number}`,
  data: { number, date, title: `Bulletin ${number}`, summary: `About ${number}.`, ...extra },
});

const review = (id: string, published: string, today: string, extra: Partial<ReviewData> = {}) => ({
  id,
  data: { title: id, type: 'Safeguarding Adults Review' as const, published, summary: `${id} summary.`, ...extra },
  status: reviewStatus(published, today),
});

describe('the bulletins feed', () => {
  it('has each bulletin with its page, date, summary and topics, in the order given', () => {
    const items = bulletinFeedItems([
      bulletin(2, '2020-04-03', { topics: ['Online safety'] }),
      bulletin(1, '2020-03-27', { sample: true }),
    ]);
    expect(items).toEqual([
      {
        title: 'Bulletin 2',
        link: '/bulletins/bulletin-2/',
        pubDate: new Date('2020-04-03T00:00:00Z'),
        description: 'About 2.',
        categories: ['Online safety'],
      },
      {
        title: 'Bulletin 1',
        link: '/bulletins/bulletin-1/',
        pubDate: new Date('2020-03-27T00:00:00Z'),
        description: 'Sample content. About 1.',
      },
    ]);
  });
  it('dates items at the start of their day', () => {
    expect(feedDate('2026-02-28').toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('the reviews feed', () => {
  const today = '2026-06-01';
  const reviews = [
    review('old', '2025-01-10', today),
    review('public-earlier', '2026-01-20', today, { themes: ['Self-neglect'] }),
    review('public-later', '2026-05-01', today, { sample: true }),
    review('scheduled', '2026-07-01', today),
  ];

  it('lists only reviews that are public today, newest first', () => {
    expect(reviewFeedItems(reviews).map((item) => item.link)).toEqual(['/reviews/public-later/', '/reviews/public-earlier/']);
  });
  it('says what the review is and when it leaves the site', () => {
    const [, earlier] = reviewFeedItems(reviews);
    expect(earlier).toEqual({
      title: 'Safeguarding Adults Review public-earlier',
      link: '/reviews/public-earlier/',
      pubDate: new Date('2026-01-20T00:00:00Z'),
      description: 'public-earlier summary. It leaves this website on 20 January 2027, then is available on request.',
      categories: ['Safeguarding Adults Review', 'Self-neglect'],
    });
    expect(reviewFeedItems(reviews)[0]!.description).toMatch(/^Sample content\. /);
  });
});

describe('feed links in the head', () => {
  it('links each section to its own feed, and the home page to both', () => {
    expect(feedsFor('/')).toEqual([PROCEDURE_CHANGES_FEED, BULLETINS_FEED, REVIEWS_FEED, BRIEFINGS_FEED]);
    expect(feedsFor('/bulletins/')).toEqual([BULLETINS_FEED]);
    expect(feedsFor('/bulletins/covid-19-bulletin-1/')).toEqual([BULLETINS_FEED]);
    expect(feedsFor('/reviews/child-a/')).toEqual([REVIEWS_FEED]);
    expect(feedsFor('/about/')).toEqual([]);
  });
});

describe('robots.txt', () => {
  it("keeps robots out of the CMS and names the sitemap with the site's address", () => {
    expect(robotsTxt('https://www.safeguardingsouthend.co.uk')).toBe(
      'User-agent: *\nDisallow: /admin/\n\nSitemap: https://www.safeguardingsouthend.co.uk/sitemap-index.xml\n',
    );
  });
});

describe("the procedures' changes feed", () => {
  const changes = allProcedureChanges([
    {
      id: 'rapid-review',
      data: { title: 'Rapid review', changes: [{ date: '2026-03-02', summary: "Added the panel's address & form." }] },
    },
    { id: 'escalation', data: { title: 'Escalation', sample: true, changes: [{ date: '2026-01-10', summary: 'First published.' }] } },
  ]);

  it("has one item a change, newest first, each linking to its procedure's What changed, on its day, with its sentence", () => {
    const items = procedureChangeFeedItems(changes, 'https://example.org/');
    expect(items.map(({ customData: _guid, ...item }) => item)).toEqual([
      {
        title: 'Rapid review: changed on 2 March 2026',
        link: 'https://example.org/procedures/rapid-review/#what-changed',
        pubDate: new Date('2026-03-02T00:00:00Z'),
        description: "Added the panel's address & form.",
      },
      {
        title: 'Escalation: changed on 10 January 2026',
        link: 'https://example.org/procedures/escalation/#what-changed',
        pubDate: new Date('2026-01-10T00:00:00Z'),
        description: 'Sample content. First published.',
      },
    ]);
  });

  it('gives each item a guid of its own, not a permalink, from the change (not its place in the list)', () => {
    const items = procedureChangeFeedItems(changes, 'https://example.org/');
    const guids = items.map((item) => /^<guid isPermaLink="false">([^<]+)<\/guid>$/.exec(item.customData ?? '')?.[1]);
    expect(guids[0]).toMatch(/^tag:example\.org,2026:procedure-change\/rapid-review\/2026-03-02\/[0-9a-f]{8}$/);
    expect(new Set(guids).size).toBe(2);
    // Another change added before it leaves its guid as it was.
    const more = allProcedureChanges([
      {
        id: 'rapid-review',
        data: {
          title: 'Rapid review',
          changes: [
            { date: '2026-04-01', summary: 'Later.' },
            { date: '2026-03-02', summary: "Added the panel's address & form." },
          ],
        },
      },
    ]);
    expect(procedureChangeFeedItems(more, 'https://example.org/')[1]!.customData).toBe(items[0]!.customData);
  });
});
