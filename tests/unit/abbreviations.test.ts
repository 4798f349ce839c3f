import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expansionAdvice,
  isExpandedAt,
  unexplainedAbbreviations,
  unknownCapitals,
  visibleText,
  type Abbreviation,
} from '../../src/content/abbreviations';
import { PAGE_TEXT_ORDER, lintAbbreviations, lintContent, lintUnknownAbbreviations } from '../../src/content/lint';
import { readGlossary } from '../../src/content/files';
import { COLLECTIONS } from '../../src/content/model';
import { siteToday } from '../../src/rules/dates';
import { fixtureFolder } from '../support/fixture-folder';

/** The glossary, read from content/glossary/ as the linter reads it: the only list. */
const GLOSSARY = readGlossary(process.cwd());
const known = (short: string): Abbreviation => GLOSSARY.find((abbreviation) => abbreviation.short === short)!;
const pieces = (...texts: string[]) => texts.map((text, index) => ({ text, where: `piece ${index}` }));
const unexplained = (...texts: string[]) => unexplainedAbbreviations(pieces(...texts), GLOSSARY).map((use) => use.written);

describe('the glossary, as the list of abbreviations', () => {
  it('has the ones the accessibility review found unexplained, with their real names', () => {
    const expansions = Object.fromEntries(GLOSSARY.map((abbreviation) => [abbreviation.short, abbreviation.expansion]));
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
  it("writes each once, with the issue's terms and those the content uses, each with its id on /glossary/", () => {
    const forms = GLOSSARY.flatMap((abbreviation) => [abbreviation.short, ...(abbreviation.otherForms ?? [])]);
    expect(new Set(forms).size).toBe(forms.length);
    for (const term of [
      'MASH+',
      'MASH',
      'LADO',
      'MARAC',
      'MARAT',
      'CSPR',
      'SAR',
      'DHR',
      'SET',
      'CAFCASS',
      'NHS',
      'GP',
      'UK',
      'PDF',
      'COVID-19',
    ])
      expect(forms, term).toContain(term);
    expect(known('MASH+')).toMatchObject({ id: 'mash', otherForms: ['MASH'] });
    expect(GLOSSARY.filter((abbreviation) => abbreviation.wellKnown).map((abbreviation) => abbreviation.short)).toEqual(
      expect.arrayContaining(['NHS', 'GP', 'UK', 'PDF', 'COVID-19']),
    );
    // A to Z by term, as the glossary page lists them.
    expect(GLOSSARY.map((abbreviation) => abbreviation.short).indexOf('MASH+')).toBeLessThan(
      GLOSSARY.map((abbreviation) => abbreviation.short).indexOf('NELFT'),
    );
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
      GLOSSARY,
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
    // Words everyone knows are never asked for.
    expect(unexplained('Ask your GP or the NHS, or read the PDF.')).toEqual([]);
    expect(unexplained('Children and Family Court Advisory and Support Service (Cafcass), then CAFCASS')).toEqual([]);
  });
  it('matches the abbreviation in its own capitals, as a word of its own', () => {
    expect(unexplained('We set out a settlement; SETTING; a dataset; sspa@set.example; https://example.org/SET/')).toEqual([]);
    expect(unexplained('SET-wide groups')).toEqual(['SET']);
  });
  it('tells the editor what to write, and when the page writes it out too late', () => {
    const [use] = unexplainedAbbreviations(pieces('MARAC referrals', 'the Multi-Agency Risk Assessment Conference (MARAC)'), GLOSSARY);
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
    expect(unexplainedAbbreviations(pieces(visibleText(body)), GLOSSARY).map((use) => use.written)).toEqual(['NSPCC']);
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
    expect(unexplainedAbbreviations(pieces(visibleText(body)), GLOSSARY).map((use) => use.written)).toEqual(['NSPCC', 'MASH', 'MARAC']);
  });
  it('keeps every word of a body the compiler cannot read (the content check reports it)', () => {
    expect(visibleText('Call the <NSPCC').trim()).toBe('Call the <NSPCC');
  });
  it('does not take an <abbr> title as writing the name out', () => {
    const body = '<abbr title="Southend, Essex and Thurrock">SET</abbr> procedures';
    expect(unexplainedAbbreviations(pieces(visibleText(body)), GLOSSARY).map((use) => use.written)).toEqual(['SET']);
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
  it("warns at the first use in a field the build shows as written, with the file's line; never in a body, which the build writes out", () => {
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
    const findings = lintAbbreviations([entry], GLOSSARY);
    expect(findings.map((finding) => [finding.line, finding.rule, finding.severity])).toEqual([
      [5, 'abbreviation-not-expanded', 'warning'],
    ]);
    expect(findings[0]!.message).toMatch(/^in "highlights": "MARAC" is used here/);
  });
  it('reads the threshold levels as the one page they are on, in order of level: a body above explains a field below', () => {
    const level = (number: number, summary: string, body: string) => ({
      collection: 'threshold' as const,
      file: `content/threshold/level-${number}.mdx`,
      data: { level: number, title: `Level ${number}`, summary },
      body,
      bodyLine: 5,
      text: '',
    });
    expect(lintAbbreviations([level(2, 'Call the NSPCC.', ''), level(1, 's', 'Call the NSPCC.')], GLOSSARY)).toEqual([]);
    expect(
      lintAbbreviations([level(1, 'Call the NSPCC.', ''), level(2, 's', 'Call the NSPCC.')], GLOSSARY).map((finding) => finding.file),
    ).toEqual(['content/threshold/level-1.mdx']);
  });
  it('runs over a content folder with the other checks, with the glossary in it', () => {
    const root = fixtureFolder(
      {
        'content/pages/help.mdx': '---\ntitle: Help\ndescription: Who can help, such as the NSPCC.\n---\n\nCall the NSPCC or the QWERT.\n',
        'content/glossary/nspcc.mdx':
          "---\nterm: NSPCC\nexpansion: National Society for the Prevention of Cruelty to Children\n---\n\nThe children's charity.\n",
      },
      'sg-abbr-',
    );
    const findings = lintContent(root, '2026-11-25').filter((finding) => finding.rule.startsWith('abbreviation-'));
    expect(findings.map((finding) => `${finding.rule} ${finding.file}:${finding.line}`)).toEqual([
      'abbreviation-not-expanded content/pages/help.mdx:3',
      'abbreviation-unknown content/pages/help.mdx:6',
    ]);
    expect(findings[1]!.message).toContain('"QWERT" looks like an abbreviation, but the glossary does not know it. Add it to the glossary');
  });
  it("finds nothing to warn about in the partnership's own content: every abbreviation explained, every all-capitals word in the glossary", () => {
    const findings = lintContent(process.cwd(), siteToday()).filter((finding) => finding.rule.startsWith('abbreviation-'));
    expect(findings.map((finding) => `${finding.file}:${finding.line}: ${finding.message}`)).toEqual([]);
  });
});

describe('all-capitals words the glossary does not know', () => {
  it('finds words of 2 to 6 capitals standing alone that are not a term or another spelling', () => {
    const words = (text: string) => unknownCapitals(text, GLOSSARY).map((use) => use.word);
    expect(words('The QWERT and the ZX met the LADO, the MASH and the MASH+ team.')).toEqual(['QWERT', 'ZX']);
    expect(words('COVID-19 and COVID, Cafcass and CAFCASS')).toEqual([]);
  });
  it('leaves alone what is not an abbreviation: a single capital, a longer word in capitals, GOV.UK, an email address, a web address', () => {
    expect(
      unknownCapitals(
        'I saw A. SAFEGUARDING matters on GOV.UK; email SSPA@southend.gov.uk; see https://example.org/ABC/ or file.XYZ',
        GLOSSARY,
      ),
    ).toEqual([]);
  });
  it("warns once per word, with the file's line, in a field or the body, and says what to do", () => {
    const text = '---\ntitle: About\nsummary: The QWERT helps.\n---\n\nIntro.\n\nThe QWERT and the ZXY.\n';
    const findings = lintUnknownAbbreviations(
      {
        collection: 'reports',
        file: 'content/reports/a.mdx',
        data: { title: 'About', summary: 'The QWERT helps.', url: 'https://example.org/ABC/' },
        body: text.split('---\n')[2]!,
        bodyLine: 5,
        text,
      },
      GLOSSARY,
    );
    expect(findings.map((finding) => [finding.line, finding.rule, finding.severity])).toEqual([
      [3, 'abbreviation-unknown', 'warning'],
      [8, 'abbreviation-unknown', 'warning'],
    ]);
    expect(findings[0]!.message).toMatch(
      /^in "summary": "QWERT" looks like an abbreviation.*Add it to the glossary.*or write it differently/,
    );
    expect(findings[1]!.message).toMatch(/^"ZXY"/);
  });
});
