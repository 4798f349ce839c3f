import { describe, expect, it } from 'vitest';
import { checkAcrossEntries, checkAllContent, readAllEntries, readGlossary } from '../../src/content/files';
import { getCollection, TERM_PATTERN } from '../../src/content/model';
import { uniqueFields } from '../../src/content/unique-values';
import { cmsConfig, cmsOptionsFromEnv } from '../../src/cms/config';
import type { DecapField } from '../../src/cms/fields';
import { ALPHABET, compareTerms, groupByLetter, termLetter } from '../../src/rules/glossary-order';
import { fixtureFolder } from '../support/fixture-folder';

const term = (name: string, fields: string, body = 'What it means.') => `---\n${fields}\n---\n\n${body}\n`;

describe('reading the glossary (readGlossary, the one reader)', () => {
  it('reads each entry as an abbreviation: its file name as its id, its term, other spellings and ways of writing it out, A to Z', () => {
    const root = fixtureFolder({
      'content/glossary/mash.mdx': term(
        'mash',
        'term: MASH+\nexpansion: Multi-Agency Safeguarding Hub\naliases:\n  - MASH\notherExpansions:\n  - Multi Agency Safeguarding Hub',
      ),
      'content/glossary/lado.mdx': term('lado', 'term: LADO\nexpansion: " Local Authority Designated Officer "'),
      'content/glossary/nhs.mdx': term('nhs', 'term: NHS\nexpansion: National Health Service\nwellKnown: true'),
    });
    expect(readGlossary(root)).toEqual([
      { id: 'lado', short: 'LADO', expansion: 'Local Authority Designated Officer' },
      {
        id: 'mash',
        short: 'MASH+',
        expansion: 'Multi-Agency Safeguarding Hub',
        otherForms: ['MASH'],
        otherExpansions: ['Multi Agency Safeguarding Hub'],
      },
      { id: 'nhs', short: 'NHS', expansion: 'National Health Service', wellKnown: true },
    ]);
  });

  it('leaves out an entry without a term or an expansion, which the content check reports with its file and field', () => {
    const root = fixtureFolder({
      'content/glossary/lado.mdx': term('lado', 'term: LADO\nexpansion: Local Authority Designated Officer'),
      'content/glossary/broken.mdx': term('broken', 'term: BRK'),
    });
    expect(readGlossary(root).map((abbreviation) => abbreviation.short)).toEqual(['LADO']);
    const problems = checkAllContent(root).filter((problem) => problem.file === 'content/glossary/broken.mdx');
    expect(problems.map((problem) => problem.field)).toContain('expansion');
  });

  it('refuses another spelling that is not one word starting with a capital letter, in the build and as the editor types', () => {
    const root = fixtureFolder({
      'content/glossary/set.mdx': term('set', 'term: SET\nexpansion: Southend, Essex and Thurrock\naliases:\n  - the'),
    });
    const problems = checkAllContent(root).filter((problem) => problem.file === 'content/glossary/set.mdx');
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['aliases[1]', `each other spelling must be ${TERM_PATTERN.message}`],
    ]);
    const glossary = cmsConfig(cmsOptionsFromEnv({}, { dev: false, siteUrl: 'https://example.org' })).collections.find(
      (collection) => collection.name === 'glossary',
    )!;
    const aliases = (glossary.fields as DecapField[]).find((field) => field.name === 'aliases')!;
    expect((aliases.field as { pattern?: [string, string] }).pattern).toEqual([TERM_PATTERN.regex, TERM_PATTERN.message]);
    const pattern = new RegExp(TERM_PATTERN.regex);
    expect(['MASH', 'Cafcass', 'MASH+'].every((alias) => pattern.test(alias))).toBe(true);
    expect(['the', 'Two words', 'A', ''].some((alias) => pattern.test(alias))).toBe(false);
  });

  it("reads the project's glossary: every term with an expansion and a definition", () => {
    const entries = readAllEntries(process.cwd(), 'glossary');
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of entries) expect(entry.body.trim().length, entry.file).toBeGreaterThan(40);
    expect(readGlossary(process.cwd()).length).toBe(entries.length);
  });
});

describe('a term is unique', () => {
  it('is marked unique in the model, so the build and the CMS refuse a second entry with the same term', () => {
    expect(uniqueFields(getCollection('glossary')).map((field) => field.name)).toEqual(['term']);
    const entry = (slug: string, value: string) => ({
      collection: 'glossary' as const,
      file: `content/glossary/${slug}.mdx`,
      absolutePath: `/x/content/glossary/${slug}.mdx`,
      data: { term: value, expansion: 'x' },
      body: '',
      bodyLine: 1,
    });
    const problems = checkAcrossEntries([entry('mash', 'MASH+'), entry('mash-plus', 'MASH+'), entry('lado', 'LADO')]);
    expect(problems).toEqual([
      {
        file: 'content/glossary/mash-plus.mdx',
        field: 'term',
        message: 'is MASH+, the same as content/glossary/mash.mdx; each glossary term needs its own term',
      },
    ]);
  });
});

describe('the CMS', () => {
  it('edits the glossary: its term, what it stands for, other spellings and the definition as the body', () => {
    const config = cmsConfig(cmsOptionsFromEnv({}, { dev: false, siteUrl: 'https://example.org' }));
    const glossary = config.collections.find((collection) => collection.name === 'glossary')!;
    expect(glossary).toMatchObject({
      folder: 'content/glossary',
      label: 'Glossary',
      label_singular: 'Glossary term',
      create: true,
      extension: 'mdx',
      // Named by its term, and its file name made from it: "MASH+" is mash.mdx.
      identifier_field: 'term',
      slug: '{{slug}}',
      summary: '{{term}}: {{expansion}}',
    });
    const fields = glossary.fields as { name: string; widget: string; required?: boolean }[];
    expect(fields.map((field) => [field.name, field.widget])).toEqual(
      expect.arrayContaining([
        ['term', 'string'],
        ['expansion', 'string'],
        ['aliases', 'list'],
        ['body', expect.any(String)],
      ]),
    );
  });
});

describe('the A to Z', () => {
  it('sorts terms by their letters, ignoring case and marks', () => {
    const terms = ['NELFT', 'MASH+', 'MARAT', 'Cafcass', 'CCG', 'MAPPA'];
    expect([...terms].sort(compareTerms)).toEqual(['Cafcass', 'CCG', 'MAPPA', 'MARAT', 'MASH+', 'NELFT']);
  });
  it('lists every letter, with the terms under each, and a group for a term that starts with a number', () => {
    const entries = ['MASH+', 'LADO', 'MARAC', '999BSL', 'ÉCOLE'].map((value) => ({ data: { term: value } }));
    const groups = groupByLetter(entries);
    expect(groups.map((group) => group.letter)).toEqual([...ALPHABET, '#']);
    expect(groups.find((group) => group.letter === 'M')!.items.map((item) => item.data.term)).toEqual(['MARAC', 'MASH+']);
    expect(groups.find((group) => group.letter === 'E')!.items.map((item) => item.data.term)).toEqual(['ÉCOLE']);
    expect(groups.find((group) => group.letter === 'A')!.items).toEqual([]);
    expect(groups.at(-1)).toMatchObject({ letter: '#', id: 'letter-other' });
    expect(termLetter('mash')).toBe('M');
  });
});
