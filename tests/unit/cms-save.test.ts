/** Before the CMS saves an entry, an optional field left empty is left out, as the build expects. */
import { describe, expect, it } from 'vitest';
import { getCollection } from '../../src/content/model';
import { checkEntry } from '../../src/content/schemas';
import { emptyOptionalPaths, pruneEmptyOptional } from '../../src/cms/save';

describe('empty optional fields', () => {
  it('are left out, so the build accepts the entry', () => {
    const pages = getCollection('pages');
    const data = { title: 'Contact us', description: 'How to contact us.', updated: '', sample: false };
    expect(checkEntry('pages', 'content/pages/contact.mdx', data).map((problem) => problem.field)).toEqual(['updated']);
    const saved = pruneEmptyOptional(pages.fields, data);
    expect(saved).toEqual({ title: 'Contact us', description: 'How to contact us.', sample: false });
    expect(checkEntry('pages', 'content/pages/contact.mdx', saved)).toEqual([]);
    // The body is not a field of the model: Decap writes it after the frontmatter, and it stays.
    expect(pruneEmptyOptional(getCollection('bulletins').fields, { topics: [], links: [], body: 'Text' })).toEqual({ body: 'Text' });
  });

  it('are left out inside a list item too, and required fields are kept even when empty', () => {
    const procedures = getCollection('procedures');
    const data = { title: 'T', summary: '', url: '  ', changes: [{ date: '2026-01-01', summary: 'x' }] };
    expect(emptyOptionalPaths(procedures.fields, data)).toEqual([['url']]);
    const accessibility = getCollection('accessibility');
    const issues = {
      knownIssues: [
        { problem: 'P', category: 'Disproportionate burden', plan: '', fixBy: '' },
        { problem: 'Q', category: 'Disproportionate burden', criteria: [] },
      ],
    };
    const paths = emptyOptionalPaths(accessibility.fields, issues);
    expect(paths).toHaveLength(3);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['knownIssues', 1, 'criteria'],
        ['knownIssues', 0, 'fixBy'],
        ['knownIssues', 0, 'plan'],
      ]),
    );
    expect(pruneEmptyOptional(accessibility.fields, issues)).toEqual({
      knownIssues: [
        { problem: 'P', category: 'Disproportionate burden' },
        { problem: 'Q', category: 'Disproportionate burden' },
      ],
    });
  });

  it('keeps an empty phone number in the settings: it means "not known", and is not shown', () => {
    const settings = getCollection('settings');
    expect(emptyOptionalPaths(settings.fields, { adultsInHours: '', childrenInHoursTimes: '' })).toEqual([['childrenInHoursTimes']]);
  });

  it('leaves the data it was given alone', () => {
    const data = { title: 'T', updated: '' };
    pruneEmptyOptional(getCollection('pages').fields, data);
    expect(data).toEqual({ title: 'T', updated: '' });
  });
});
