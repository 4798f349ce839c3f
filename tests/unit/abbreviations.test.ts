import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KNOWN_ABBREVIATIONS,
  expansionAdvice,
  isExpandedAt,
  unexplainedAbbreviations,
  visibleText,
  type Abbreviation,
} from '../../src/content/abbreviations';
import { PAGE_TEXT_ORDER, lintAbbreviations, lintContent } from '../../src/content/lint';
import { COLLECTIONS } from '../../src/content/model';
import { siteToday } from '../../src/rules/dates';
import { fixtureFolder } from '../support/fixture-folder';

const known = (short: string): Abbreviation => KNOWN_ABBREVIATIONS.find((abbreviation) => abbreviation.short === short)!;
const pieces = (...texts: string[]) => texts.map((text, index) => ({ text, where: `piece ${index}` }));
const unexplained = (...texts: string[]) => unexplainedAbbreviations(pieces(...texts)).map((use) => use.written);

describe('the list of abbreviations', () => {
  it('has the ones the accessibility review found unexplained, with their real names', () => {
    const expansions = Object.fromEntries(KNOWN_ABBREVIATIONS.map((abbreviation) => [abbreviation.short, abbreviation.expansion]));
    expect(expansions).toMatchObject({
      'MASH+': 'Multi-Agency Safeguarding Hub',
      MARAT: 'Multi-Agency Risk Assessment Team',
      LADO: 'Local Authority Designated Officer',
      MARAC: 'Multi-Agency Risk Assessment Conference',
      CAFCASS: 'Children and Family Court Advisory and Support Service',
      SET: 'Southend, Essex and Thurrock',
      NSPCC: 'National Society for the Prevention of Cruelty to Children',
    });
  });
  it('writes each once, and says where each expansion comes from', () => {
    const forms = KNOWN_ABBREVIATIONS.flatMap((abbreviation) => [abbreviation.short, ...(abbreviation.otherForms ?? [])]);
    expect(new Set(forms).size).toBe(forms.length);
    for (const abbreviation of KNOWN_ABBREVIATIONS) expect(abbreviation.source, abbreviation.short).not.toBe('');
  });
  // The partnership's own documents (its strategy, annual reports and arrangements) are not in this repository:
  // the project's source documents, plain-text copies, are read where they are (/work/shared/seeds), and this is skipped anywhere else.
  it.skipIf(!existsSync('/work/shared/seeds'))("takes its expansions from the partnership's own documents where they give one", () => {
    const seeds = readdirSync('/work/shared/seeds')
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join('/work/shared/seeds', name), 'utf8'))
      .join('\n');
    for (const text of [
      'Multi Agency Risk Assessment Team (MARAT)',
      'Local Authority Designated Officer (LADO)',
      'MARAC Multi Agency Risk Assessment Conference',
      'Multi Agency Safeguarding Hub (MASH)',
      'MASH+',
    ]) {
      expect(seeds, text).toContain(text);
    }
  });
});

describe('whether an abbreviation is written out', () => {
  it('accepts the full name, then the abbreviation in brackets', () => {
    const text = 'Ofsted praised the Local Authority Designated Officer (LADO) for this.';
    expect(isExpandedAt(text, text.indexOf('LADO'), known('LADO'))).toBe(true);
  });
  it('ignores case, hyphens, line breaks and curly apostrophes in the full name', () => {
    const text = 'the multi agency\nrisk assessment conference (MARAC)';
    expect(isExpandedAt(text, text.indexOf('MARAC'), known('MARAC'))).toBe(true);
    const ico = 'the Information Commissioner\u2019s Office (ICO)';
    expect(isExpandedAt(ico, ico.indexOf('ICO'), known('ICO'))).toBe(true);
  });
  it('needs the whole name: part of it, or the name in other words, is not enough', () => {
    const text = 'the Designated Officer (LADO)';
    expect(isExpandedAt(text, text.indexOf('LADO'), known('LADO'))).toBe(false);
    const other = 'the Safeguarding Hub (MASH+)';
    expect(isExpandedAt(other, other.indexOf('MASH+'), known('MASH+'))).toBe(false);
    const joined = 'the NotLocal Authority Designated Officer (LADO)';
    expect(isExpandedAt(joined, joined.indexOf('LADO'), known('LADO'))).toBe(false);
  });
  it('does not take the abbreviation first and the name after as written out', () => {
    const text = 'LADO (Local Authority Designated Officer)';
    expect(isExpandedAt(text, 0, known('LADO'))).toBe(false);
  });
});

describe('the first use on a page', () => {
  it('finds an abbreviation used before it is written out, once, at its first use', () => {
    const uses = unexplainedAbbreviations(
      pieces('Strong practice in MASH+, MARAT and the LADO.', 'The Multi-Agency Risk Assessment Team (MARAT) met.'),
    );
    expect(uses.map((use) => [use.written, use.piece, use.expandedLater])).toEqual([
      ['MASH+', 0, false],
      ['MARAT', 0, true],
      ['LADO', 0, false],
    ]);
  });
  it('is content when the first use is written out, whatever comes after', () => {
    expect(unexplained('Southend, Essex and Thurrock (SET) procedures', 'Follow the SET guidelines.')).toEqual([]);
  });
  it('reads the pieces in order: a title before the body', () => {
    expect(unexplained('SET child protection procedures', 'The Southend, Essex and Thurrock (SET) procedures')).toEqual(['SET']);
  });
  it('checks every way an abbreviation is written', () => {
    expect(unexplained('Cafcass and the MASH attended.')).toEqual(['Cafcass', 'MASH']);
    expect(unexplained('Children and Family Court Advisory and Support Service (Cafcass), then CAFCASS')).toEqual([]);
  });
  it('matches the abbreviation in its own capitals, as a word of its own', () => {
    expect(unexplained('We set out a settlement; SETTING; a dataset; sspa@set.example; https://example.org/SET/')).toEqual([]);
    expect(unexplained('SET-wide groups')).toEqual(['SET']);
  });
  it('tells the editor what to write, and when the page writes it out too late', () => {
    const [use] = unexplainedAbbreviations(pieces('MARAC referrals', 'the Multi-Agency Risk Assessment Conference (MARAC)'));
    const advice = expansionAdvice(use!);
    expect(advice).toContain('write "Multi-Agency Risk Assessment Conference (MARAC)"');
    expect(advice).toContain('The page writes it out further down: move that to the first use.');
  });
});

describe('the text a reader sees in a body', () => {
  it('keeps positions and lines, so a finding has the right line', () => {
    const body = 'Intro\n\n**Bold** [the NSPCC](https://www.nspcc.org.uk/)\n';
    const text = visibleText(body);
    expect(text).toHaveLength(body.length);
    expect(text.split('\n')).toHaveLength(body.split('\n').length);
    expect(text.indexOf('NSPCC')).toBe(body.indexOf('NSPCC'));
  });
  it("keeps a link's words and drops its address, code, comments, images and tags", () => {
    const body = [
      'See [Local Authority Designated Officer](/lado/) (LADO).',
      '`SET` in code {/* SET */} {"SET"}',
      'import x from "./SET.js"',
      '![The NSPCC logo](/images/nspcc.png)',
      '```',
      'MARAC',
      '```',
      '<Warning>Call the NSPCC</Warning>',
    ].join('\n');
    expect(unexplainedAbbreviations(pieces(visibleText(body))).map((use) => use.written)).toEqual(['NSPCC']);
  });
  it('reads the body as the MDX compiler does, where a pattern read it wrongly', () => {
    // An indented line in MDX is text, not code; a link address spanning brackets is still an address;
    // an escaped character is read without its backslash.
    const body = [
      '    The NSPCC helps.',
      '[MASH team](/mash/(SET)/) and MARAC\\_LIST',
      '<Figure src="/images/LADO.png" alt="LADO chart" />',
    ].join('\n');
    expect(visibleText(body).split('\n')).toEqual(['    The NSPCC helps.', ' MASH team                and MARAC _LIST', ' '.repeat(50)]);
    expect(unexplainedAbbreviations(pieces(visibleText(body))).map((use) => use.written)).toEqual(['NSPCC', 'MASH', 'MARAC']);
  });
  it('keeps every word of a body the compiler cannot read (the content check reports it)', () => {
    expect(visibleText('Call the <NSPCC').trim()).toBe('Call the <NSPCC');
  });
  it('does not take an <abbr> title as writing the name out', () => {
    const body = '<abbr title="Southend, Essex and Thurrock">SET</abbr> procedures';
    expect(unexplainedAbbreviations(pieces(visibleText(body))).map((use) => use.written)).toEqual(['SET']);
  });
});

describe("the content check's abbreviation rule", () => {
  it('names every field it reads as a field of the collection', () => {
    for (const collection of COLLECTIONS) {
      const names = collection.fields.map((field) => field.name);
      for (const field of PAGE_TEXT_ORDER[collection.name])
        if (field !== 'body') expect(names, `${collection.name}.${field}`).toContain(field);
    }
  });
  it("warns at the first use, with the file's line, in a field or the body", () => {
    const text =
      '---\ntitle: Annual report\nhighlights:\n  - Good work\n  - MARAC referrals rose\n---\n\nThe Multi-Agency Risk Assessment Conference (MARAC) met.\n\nThe NSPCC helped.\n';
    const entry = {
      collection: 'reports' as const,
      file: 'content/reports/a.mdx',
      data: { title: 'Annual report', highlights: ['Good work', 'MARAC referrals rose'] },
      body: text.split('---\n')[2]!,
      bodyLine: 7,
      text,
    };
    const findings = lintAbbreviations([entry]);
    expect(findings.map((finding) => [finding.line, finding.rule, finding.severity])).toEqual([
      [5, 'abbreviation-not-expanded', 'warning'],
      [10, 'abbreviation-not-expanded', 'warning'],
    ]);
    expect(findings[0]!.message).toMatch(/^in "highlights": "MARAC" is used here/);
  });
  it('reads the threshold levels as the one page they are on, in order of level', () => {
    const level = (number: number, body: string) => ({
      collection: 'threshold' as const,
      file: `content/threshold/level-${number}.mdx`,
      data: { level: number, title: `Level ${number}`, summary: 's' },
      body,
      bodyLine: 5,
      text: '',
    });
    expect(
      lintAbbreviations([
        level(2, 'Call the NSPCC.'),
        level(1, 'The National Society for the Prevention of Cruelty to Children (NSPCC) helps.'),
      ]),
    ).toEqual([]);
    expect(
      lintAbbreviations([
        level(1, 'Call the NSPCC.'),
        level(2, 'The National Society for the Prevention of Cruelty to Children (NSPCC) helps.'),
      ]).map((finding) => finding.file),
    ).toEqual(['content/threshold/level-1.mdx']);
  });
  it('runs over a content folder with the other checks', () => {
    const root = fixtureFolder(
      { 'content/pages/help.mdx': '---\ntitle: Help\ndescription: Who can help.\n---\n\nCall the NSPCC.\n' },
      'sg-abbr-',
    );
    expect(
      lintContent(root, '2026-11-25')
        .filter((finding) => finding.rule === 'abbreviation-not-expanded')
        .map((finding) => `${finding.file}:${finding.line}`),
    ).toEqual(['content/pages/help.mdx:6']);
  });
  it("finds nothing to warn about in the partnership's own content", () => {
    const findings = lintContent(process.cwd(), siteToday()).filter((finding) => finding.rule === 'abbreviation-not-expanded');
    expect(findings.map((finding) => `${finding.file}:${finding.line}: ${finding.message}`)).toEqual([]);
  });
});
