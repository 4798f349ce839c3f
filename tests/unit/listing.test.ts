import { describe, expect, it } from 'vitest';
import { categoryHeading, groupProcedures, groupReviews, sortBulletins, sortReports } from '../../src/lib/listing';
import type { BulletinData, Entry, ProcedureData, ReportData, ReviewData } from '../../src/lib/types';

const bulletin = (number: number, date: string): Entry<BulletinData> => ({ id: `b${number}`, data: { number, date, title: `B${number}`, summary: 's' } });
const procedure = (id: string, audience: ProcedureData['audience'], category: string, title: string): Entry<ProcedureData> => ({
  id, data: { title, audience, category, summary: 's', lastReviewed: '2025-01-01', reviewDue: '2026-01-01' },
});
const review = (id: string, type: ReviewData['type'], published: string): Entry<ReviewData> => ({ id, data: { title: id, type, published, summary: 's' } });

describe('index order', () => {
  it('lists bulletins newest first by number, then date', () => {
    expect(sortBulletins([bulletin(2, '2020-04-03'), bulletin(10, '2020-06-01'), bulletin(1, '2020-03-27')]).map((b) => b.data.number)).toEqual([10, 2, 1]);
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
    expect(groups[0]!.items.map((c) => c.heading)).toEqual(['Assessment for children and young people', 'Case reviews for children and young people']);
    expect(groups[1]!.items.map((c) => c.heading)).toEqual(['Case reviews for adults']);
    expect(groups[2]!.items.map((c) => c.heading)).toEqual(['Working together for children and adults']);
    expect(groups[0]!.items[1]!.items.map((p) => p.data.title)).toEqual(['Notification', 'Rapid review']);
  });
  it('names a category with its audience, so the same category under two audiences has two different headings', () => {
    expect(categoryHeading('Case reviews', 'children')).toBe('Case reviews for children and young people');
    expect(categoryHeading('Case reviews', 'adults')).toBe('Case reviews for adults');
    const headings = groupProcedures([procedure('a', 'children', 'Case reviews', 'A'), procedure('b', 'adults', 'Case reviews', 'B')]).flatMap((group) => group.items.map((category) => category.heading));
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
