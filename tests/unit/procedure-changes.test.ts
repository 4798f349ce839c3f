import { describe, expect, it } from 'vitest';
import { allProcedureChanges, changesNewestFirst, shortHash } from '../../src/rules/procedure-changes';
import { checkAcrossEntries } from '../../src/content/files';

const procedure = (id: string, title: string, changes?: { date: string; summary: string }[], sample?: boolean) => ({
  id,
  data: { title, changes, ...(sample === undefined ? {} : { sample }) },
});

describe("a procedure's changes", () => {
  it('are shown newest first; changes of one day keep the order they were written in', () => {
    const changes = [
      { date: '2025-01-01', summary: 'Oldest.' },
      { date: '2026-05-01', summary: 'Newest, written first.' },
      { date: '2026-05-01', summary: 'Newest, written second.' },
      { date: '2025-12-31', summary: 'Middle.' },
    ];
    expect(changesNewestFirst(changes).map((change) => change.summary)).toEqual([
      'Newest, written first.',
      'Newest, written second.',
      'Middle.',
      'Oldest.',
    ]);
    // The list given is left as it was.
    expect(changes[0]!.summary).toBe('Oldest.');
  });
});

describe("every procedure's changes together", () => {
  it('lists each change once, newest first, then by procedure title on one day, naming its procedure', () => {
    const listed = allProcedureChanges([
      procedure('rapid-review', 'Rapid review', [
        { date: '2026-02-01', summary: 'Shorter timescales.' },
        { date: '2025-06-30', summary: 'First published.' },
      ]),
      procedure('escalation', 'Escalation', [{ date: '2026-02-01', summary: 'New contacts.' }], true),
      procedure('no-changes', 'No changes'),
      procedure('empty', 'Empty', []),
    ]);
    expect(listed.map(({ date, title, summary, slug, sample }) => ({ date, title, summary, slug, sample }))).toEqual([
      { date: '2026-02-01', title: 'Escalation', summary: 'New contacts.', slug: 'escalation', sample: true },
      { date: '2026-02-01', title: 'Rapid review', summary: 'Shorter timescales.', slug: 'rapid-review', sample: false },
      { date: '2025-06-30', title: 'Rapid review', summary: 'First published.', slug: 'rapid-review', sample: false },
    ]);
  });

  it('gives each change an id of its own that stays while the change does', () => {
    const first = allProcedureChanges([procedure('a', 'A', [{ date: '2026-01-01', summary: 'One.' }])]);
    const later = allProcedureChanges([
      procedure('a', 'A', [
        { date: '2026-03-01', summary: 'Two.' },
        { date: '2026-01-01', summary: 'One.' },
      ]),
    ]);
    expect(first[0]!.id).toBe(`a/2026-01-01/${shortHash('One.')}`);
    expect(later.find((change) => change.summary === 'One.')!.id).toBe(first[0]!.id);
    // The same sentence twice on one day of one procedure: still two ids.
    const twice = allProcedureChanges([
      procedure('a', 'A', [
        { date: '2026-01-01', summary: 'Same.' },
        { date: '2026-01-01', summary: 'Same.' },
      ]),
    ]);
    expect(twice.map((change) => change.id)).toEqual([`a/2026-01-01/${shortHash('Same.')}`, `a/2026-01-01/${shortHash('Same.')}-2`]);
    // The same change in two procedures: two ids.
    const two = allProcedureChanges([
      procedure('a', 'A', [{ date: '2026-01-01', summary: 'X.' }]),
      procedure('b', 'B', [{ date: '2026-01-01', summary: 'X.' }]),
    ]);
    expect(new Set(two.map((change) => change.id)).size).toBe(2);
  });

  it('fingerprints a sentence as 8 hex digits, differently for a different sentence', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(shortHash('Added the LADO’s number.')).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash('One.')).not.toBe(shortHash('One!'));
  });
});

describe('a procedure file name', () => {
  it('may not be "changes", the address of the page of every change', () => {
    const entry = { collection: 'procedures' as const, absolutePath: '/x', data: {}, body: '', bodyLine: 1 };
    expect(checkAcrossEntries([{ ...entry, file: 'content/procedures/changes.mdx' }])).toEqual([
      {
        file: 'content/procedures/changes.mdx',
        field: '(file name)',
        message: 'would take the address of the section\'s page "changes", which the site already uses; choose another file name',
      },
    ]);
    expect(checkAcrossEntries([{ ...entry, file: 'content/procedures/rapid-review.mdx' }])).toEqual([]);
  });
});
