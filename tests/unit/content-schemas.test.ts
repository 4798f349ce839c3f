import { describe, expect, it } from 'vitest';
import { checkEntry, formatProblems } from '../../src/content/schemas';
import { checkAllContent, readAllEntries } from '../../src/content/files';
import { fixtureFolder } from '../support/fixture-folder';

const review = { title: 'Child A', type: 'Child Safeguarding Practice Review', published: '2026-06-15', summary: 'What happened.' };

describe('the review contract', () => {
  it('accepts a review with every field the content model gives reviews', () => {
    expect(
      checkEntry('reviews', 'content/reviews/a.mdx', {
        ...review,
        themes: ['Neglect'],
        sample: true,
        documents: [{ title: 'Report', file: 'a.pdf', accessibleAlternative: 'The summary on this page.' }],
      }),
    ).toEqual([]);
  });
  it('names a missing required field and what it expects', () => {
    const { summary: _, ...withoutSummary } = review;
    expect(checkEntry('reviews', 'content/reviews/a.mdx', withoutSummary)).toEqual([
      { file: 'content/reviews/a.mdx', field: 'summary', message: 'is missing; it is required (text)' },
    ]);
  });
  it('names a wrong type and lists the allowed ones', () => {
    const [problem] = checkEntry('reviews', 'content/reviews/a.mdx', { ...review, type: 'Case Review' });
    expect(problem).toMatchObject({ field: 'type' });
    expect(problem!.message).toContain(
      'expected one of: "Child Safeguarding Practice Review", "Safeguarding Adults Review", "Domestic Homicide Review", "Serious Case Review", "Learning Review"',
    );
  });
  it('rejects an impossible date', () => {
    expect(checkEntry('reviews', 'content/reviews/a.mdx', { ...review, published: '2026-02-30' })).toEqual([
      {
        file: 'content/reviews/a.mdx',
        field: 'published',
        message: 'is "2026-02-30"; expected a real date as YYYY-MM-DD, for example 2026-03-31',
      },
    ]);
  });
  it('never drops a field silently: an unknown field is an error', () => {
    const [problem] = checkEntry('reviews', 'content/reviews/a.mdx', { ...review, sumary: 'typo' });
    expect(problem).toMatchObject({ field: 'sumary' });
    expect(problem!.message).toMatch(/not a field here, so it would be lost/);
  });
  it("wants a document's accessible alternative, as the CMS and the content check do", () => {
    expect(
      checkEntry('reviews', 'content/reviews/a.mdx', {
        ...review,
        documents: [{ title: 'Report', file: 'a.pdf', accessibleAlternative: 'The summary on this page.' }],
      }),
    ).toEqual([]);
    const [problem] = checkEntry('reviews', 'content/reviews/a.mdx', { ...review, documents: [{ title: 'Report', file: 'a.pdf' }] });
    expect(problem).toMatchObject({ field: 'documents[1].accessibleAlternative' });
  });
  it('checks fields inside lists, naming the item', () => {
    const [problem] = checkEntry('reviews', 'content/reviews/a.mdx', { ...review, documents: [{ title: 'Report', file: 'report.exe' }] });
    expect(problem).toMatchObject({ field: 'documents[1].file' });
  });
});

describe('the bulletin and procedure contracts', () => {
  it('wants a whole bulletin number', () => {
    const [problem] = checkEntry('bulletins', 'content/bulletins/b.mdx', { number: 1.5, title: 't', date: '2020-03-27', summary: 's' });
    expect(problem).toMatchObject({ field: 'number', message: 'is 1.5; expected a whole number from 1' });
  });
  it('wants a known audience and https addresses', () => {
    const problems = checkEntry('procedures', 'content/procedures/p.mdx', {
      title: 't',
      summary: 's',
      audience: 'families',
      category: 'c',
      lastReviewed: '2025-01-01',
      reviewDue: '2026-01-01',
      url: 'http://example.org',
    });
    expect(problems.map((problem) => problem.field)).toEqual(['audience', 'url']);
  });
});

const fixture = (files: Record<string, string>) => fixtureFolder(files, 'sg-content-');

describe('checking the files in content/', () => {
  it('finds the problems in files as written, keeping 2026-02-30 as text', () => {
    const root = fixture({
      'content/reviews/bad-date.mdx': '---\ntitle: A\ntype: Learning Review\npublished: 2026-02-30\nsummary: s\n---\nBody',
      'content/reviews/Bad Name.mdx': '---\ntitle: A\ntype: Learning Review\npublished: 2026-02-01\nsummary: s\n---\n',
      'content/reviews/missing-doc.mdx':
        '---\ntitle: A\ntype: Learning Review\npublished: 2026-02-01\nsummary: s\ndocuments:\n  - title: Report\n    file: nowhere.pdf\n    accessibleAlternative: The summary on this page.\n---\n',
      'content/reviews/old-path.mdx':
        '---\ntitle: A\ntype: Learning Review\npublished: 2026-02-01\nsummary: s\ndocuments:\n  - title: Report\n    file: documents/report.pdf\n    accessibleAlternative: The summary on this page.\n---\n',
      'content/bulletins/one.mdx': '---\nnumber: 1\ntitle: A\ndate: 2020-03-27\nsummary: s\n---\n',
      'content/bulletins/two.mdx': '---\nnumber: 1\ntitle: B\ndate: 2020-04-03\nsummary: s\n---\n',
      'content/pages/search.mdx': '---\ntitle: Search\ndescription: d\n---\n',
    });
    const problems = checkAllContent(root);
    const text = formatProblems(problems);
    expect(text).toContain('content/reviews/bad-date.mdx: field "published" is "2026-02-30"; expected a real date as YYYY-MM-DD');
    expect(text).toContain('content/reviews/Bad Name.mdx: field "(file name)"');
    expect(text).toContain(
      'content/reviews/missing-doc.mdx: field "documents[1].file" names "nowhere.pdf", but there is no such file in content/reviews/missing-doc/, where this entry\'s documents are kept',
    );
    // A folder in the value is the old way of naming documents: the schema says what is expected, and nothing is looked up.
    expect(text).toContain(
      'content/reviews/old-path.mdx: field "documents[1].file" is "documents/report.pdf"; expected the name of a file uploaded to this entry (no folder)',
    );
    expect(text).not.toContain('old-path.mdx: field "documents[1].file" names');
    expect(text).toContain('content/bulletins/two.mdx: field "number" is 1, the same as content/bulletins/one.mdx');
    expect(text).toContain('content/pages/search.mdx: field "(file name)" would take the address /search/');
  });
  it('explains frontmatter that is not valid YAML', () => {
    const root = fixture({ 'content/pages/broken.mdx': '---\ntitle: "unclosed\ndescription: d\n---\n' });
    expect(() => checkAllContent(root)).toThrow(/content\/pages\/broken.mdx: the settings at the top of the file could not be read/);
  });
  it('reads one collection on its own when asked', () => {
    const root = fixture({
      'content/bulletins/one.mdx': '---\nnumber: 1\ntitle: A\ndate: 2020-03-27\nsummary: s\n---\n',
      'content/pages/about.mdx': '---\ntitle: About\ndescription: d\n---\n',
    });
    expect(readAllEntries(root, 'bulletins').map((entry) => entry.file)).toEqual(['content/bulletins/one.mdx']);
    expect(readAllEntries(root).map((entry) => entry.file)).toEqual(['content/pages/about.mdx', 'content/bulletins/one.mdx']);
  });
  it("the partnership's own content has no problems", () => {
    expect(checkAllContent(process.cwd())).toEqual([]);
  });
});
