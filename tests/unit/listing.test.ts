import { describe, expect, it } from 'vitest';
import {
  categoryHeading,
  groupProcedures,
  groupReviews,
  paginateGroups,
  sortBulletins,
  sortReports,
  type GroupedPage,
} from '../../src/rules/listing';
import type { BulletinData, Entry, ProcedureData, ReportData, ReviewData } from '../../src/content/data-types';

const bulletin = (number: number, date: string): Entry<BulletinData> => ({
  id: `b${number}`,
  data: { number, date, title: `B${number}`, summary: 's' },
});
const procedure = (id: string, audience: ProcedureData['audience'], category: string, title: string): Entry<ProcedureData> => ({
  id,
  data: { title, audience, category, summary: 's', lastReviewed: '2025-01-01', reviewDue: '2026-01-01' },
});
const review = (id: string, type: ReviewData['type'], published: string): Entry<ReviewData> => ({
  id,
  data: { title: id, type, published, summary: 's' },
});

describe('index order', () => {
  it('lists bulletins newest first by number, then date', () => {
    expect(
      sortBulletins([bulletin(2, '2020-04-03'), bulletin(10, '2020-06-01'), bulletin(1, '2020-03-27')]).map((b) => b.data.number),
    ).toEqual([10, 2, 1]);
  });
  it('groups procedures by audience, then category, then title', () => {
    const groups = groupProcedures([
      procedure('z', 'all', 'Working together', 'Escalation'),
      procedure('b', 'children', 'Case reviews', 'Rapid review'),
      procedure('a', 'children', 'Case reviews', 'Notification'),
      procedure('c', 'adults', 'Case reviews', 'SAR'),
      procedure('d', 'children', 'Assessment', 'Early help'),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['children', 'adults', 'all']);
    expect(groups[0]!.items.map((c) => c.heading)).toEqual([
      'Assessment for children and young people',
      'Case reviews for children and young people',
    ]);
    expect(groups[1]!.items.map((c) => c.heading)).toEqual(['Case reviews for adults']);
    expect(groups[2]!.items.map((c) => c.heading)).toEqual(['Working together for children and adults']);
    expect(groups[0]!.items[1]!.items.map((p) => p.data.title)).toEqual(['Notification', 'Rapid review']);
  });
  it('names a category with its audience, so the same category under two audiences has two different headings', () => {
    expect(categoryHeading('Case reviews', 'children')).toBe('Case reviews for children and young people');
    expect(categoryHeading('Case reviews', 'adults')).toBe('Case reviews for adults');
    const headings = groupProcedures([
      procedure('a', 'children', 'Case reviews', 'A'),
      procedure('b', 'adults', 'Case reviews', 'B'),
    ]).flatMap((group) => group.items.map((category) => category.heading));
    expect(new Set(headings).size).toBe(headings.length);
  });
  it('groups reviews by type, newest first, leaving out empty types', () => {
    const groups = groupReviews([
      review('old', 'Safeguarding Adults Review', '2025-01-01'),
      review('new', 'Safeguarding Adults Review', '2026-01-01'),
      review('child', 'Child Safeguarding Practice Review', '2025-06-01'),
    ]);
    expect(groups.map((g) => g.heading)).toEqual(['Child Safeguarding Practice Reviews', 'Safeguarding Adults Reviews']);
    expect(groups[1]!.items.map((r) => r.id)).toEqual(['new', 'old']);
  });
  it('lists reports newest first', () => {
    const reports: Entry<ReportData>[] = [
      { id: 'a', data: { title: 'a', period: '2015/16', published: '2016-11-30', summary: 's' } },
      { id: 'b', data: { title: 'b', period: '2019/20', published: '2020-06-30', summary: 's' } },
    ];
    expect(sortReports(reports).map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('procedures on more than one page', () => {
  const many = [
    ...['a', 'b', 'c'].map((title) => procedure(`c-${title}`, 'children', 'Assessment', title)),
    ...['d', 'e'].map((title) => procedure(`c2-${title}`, 'children', 'Case reviews', title)),
    ...['f', 'g', 'h'].map((title) => procedure(`a-${title}`, 'adults', 'Case reviews', title)),
  ];
  const outline = (groups: GroupedPage<Entry<ProcedureData>>['groups']) =>
    groups.map(
      (group) =>
        `${group.id}${group.continued ? '+' : ''}: ${group.items.map((category) => `${category.id}${category.continued ? '+' : ''} (${category.items.map((item) => item.data.title).join('')})`).join(', ')}`,
    );

  it("keeps the single page's order and repeats the headings a page continues, marked as continued", () => {
    const { pages } = paginateGroups(groupProcedures(many), 3);
    expect(pages.map((page) => outline(page.groups))).toEqual([
      ['children: children-assessment (abc)'],
      ['children+: children-case-reviews (de)', 'adults: adults-case-reviews (f)'],
      ['adults+: adults-case-reviews+ (gh)'],
    ]);
    expect(pages.map((page) => [page.page, page.pages, page.from, page.to, page.total])).toEqual([
      [1, 3, 1, 3, 8],
      [2, 3, 4, 6, 8],
      [3, 3, 7, 8, 8],
    ]);
  });

  it('says on which page each audience and category begins, for the contents', () => {
    const { startsOn } = paginateGroups(groupProcedures(many), 3);
    expect(Object.fromEntries(startsOn)).toEqual({
      children: 1,
      'children-assessment': 1,
      'children-case-reviews': 2,
      adults: 2,
      'adults-case-reviews': 2,
    });
  });

  it('is the single page as it was when everything fits', () => {
    const groups = groupProcedures(many);
    const { pages } = paginateGroups(groups, 30);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.groups).toEqual(
      groups.map((group) => ({ ...group, continued: false, items: group.items.map((category) => ({ ...category, continued: false })) })),
    );
  });
});
