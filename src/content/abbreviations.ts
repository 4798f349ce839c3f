/**
 * Abbreviations the partnership's writing uses, with what they stand for.
 * GOV.UK style: write the full name the first time an abbreviation is used on
 * a page, then the abbreviation in brackets: "Local Authority Designated
 * Officer (LADO)". After that the abbreviation alone is fine. Words everyone
 * knows (NHS, GP, UK, COVID-19, PDF) are not listed.
 *
 * An <abbr title="..."> does not count as writing it out: most screen readers
 * do not read the title, and it never shows on a touch screen or to someone
 * using the keyboard. The full name has to be in the text.
 */
import { escapeRegExp } from '../security/regexp';
import { parseBody } from './safety';

export interface Abbreviation {
  /** As it is usually written: "MASH+". */
  short: string;
  /** Other ways the same abbreviation is written, which are checked too: "MASH", "Cafcass". */
  otherForms?: readonly string[];
  /** What it stands for, written before the abbreviation in brackets. */
  expansion: string;
  /** Other correct ways of writing it out. */
  otherExpansions?: readonly string[];
  /** Where the expansion comes from. */
  source: string;
}

export const KNOWN_ABBREVIATIONS: readonly Abbreviation[] = [
  { short: 'MASH+', otherForms: ['MASH'], expansion: 'Multi-Agency Safeguarding Hub', source: 'seed 004 ("Multi Agency Safeguarding Hub (MASH)"); Southend\'s hub is MASH+ in seed 001' },
  { short: 'MARAT', expansion: 'Multi-Agency Risk Assessment Team', source: 'seed 003 ("Southend Multi Agency Risk Assessment Team (MARAT)")' },
  { short: 'MARAC', expansion: 'Multi-Agency Risk Assessment Conference', source: 'seed 004 ("MARAC Multi Agency Risk Assessment Conference")' },
  { short: 'LADO', expansion: 'Local Authority Designated Officer', source: 'seed 003 ("The Local Authority Designated Officer (LADO)")' },
  {
    short: 'CAFCASS', otherForms: ['Cafcass'], expansion: 'Children and Family Court Advisory and Support Service',
    source: 'the service\'s own name (seed 002 writes "Children and Family Court Advisory Support Service (CAFCASS)")',
  },
  { short: 'SET', expansion: 'Southend, Essex and Thurrock', source: 'seed 001 and the SET procedures' },
  { short: 'NSPCC', expansion: 'National Society for the Prevention of Cruelty to Children', source: 'the charity\'s full name' },
  { short: 'LSCB', expansion: 'Local Safeguarding Children Board', source: 'seed 003 ("Southend Local Safeguarding Children Board")' },
  {
    short: 'ILACS', expansion: 'Inspecting Local Authority Children\'s Services', otherExpansions: ['inspection of local authority children\'s services'],
    source: 'Ofsted\'s framework, "Inspecting local authority children\'s services"',
  },
  { short: 'SAR', expansion: 'Safeguarding Adults Review', otherExpansions: ['Safeguarding Adult Review'], source: 'the Care Act 2014 (section 44)' },
  { short: 'DHR', expansion: 'Domestic Homicide Review', source: 'the Domestic Violence, Crime and Victims Act 2004 (section 9)' },
  { short: 'CSE', expansion: 'Child Sexual Exploitation', source: 'seed 003' },
  { short: 'MAPPA', expansion: 'Multi-Agency Public Protection Arrangements', source: 'seed 002' },
  { short: 'MACE', expansion: 'Multi-Agency Child Exploitation', source: 'seed 003 ("Multi Agency Child Exploitation (MACE) Panel")' },
  { short: 'EWMHS', expansion: 'Emotional Wellbeing and Mental Health Service', source: 'seed 003' },
  { short: 'HMIC', expansion: 'Her Majesty\'s Inspectorate of Constabulary', source: 'seed 003' },
  { short: 'CQC', expansion: 'Care Quality Commission', source: 'seed 003' },
  { short: 'CCG', expansion: 'Clinical Commissioning Group', source: 'seed 001' },
  { short: 'ICO', expansion: 'Information Commissioner\'s Office', source: 'the regulator\'s name' },
  { short: 'EHRC', expansion: 'Equality and Human Rights Commission', source: 'GOV.UK\'s sample accessibility statement' },
  { short: 'EASS', expansion: 'Equality Advisory and Support Service', source: 'GOV.UK\'s sample accessibility statement' },
];

/** Every way an abbreviation is written, longest first ("MASH+" before "MASH"). */
function formsOf(abbreviation: Abbreviation): string[] {
  return [abbreviation.short, ...(abbreviation.otherForms ?? [])].sort((a, b) => b.length - a.length);
}

/** Finds the abbreviation as a word of its own, in its own capitals: "SET", never "set" or "SETTING". */
function usePattern(abbreviation: Abbreviation): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_@./])(?:${formsOf(abbreviation).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_+])`, 'gu');
}

/** Lower case, one space between words, a hyphen as a space and curly apostrophes straight. */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019]/g, '\'').replace(/[-\u2010\u2011\u2013]/g, ' ').replace(/\s+/g, ' ').toLowerCase();
}

/** Whether the use at `index` is written out just before it, as "Full name (ABBR)". */
export function isExpandedAt(text: string, index: number, abbreviation: Abbreviation): boolean {
  const before = normalise(text.slice(Math.max(0, index - 200), index));
  if (!before.endsWith('(')) return false;
  const written = before.slice(0, -1).trimEnd();
  return [abbreviation.expansion, ...(abbreviation.otherExpansions ?? [])]
    .some((expansion) => written === normalise(expansion) || written.endsWith(` ${normalise(expansion)}`));
}

/** A piece of a page's text, in the order the page shows it. */
export interface TextPiece {
  text: string;
  /** Anything the caller needs to say where the piece is (a field, a line). */
  where: string;
}

export interface UnexplainedUse {
  abbreviation: Abbreviation;
  /** The form found, as written. */
  written: string;
  /** The piece it is in, and where in that piece's text. */
  piece: number;
  index: number;
  /** Whether a later use on the page writes it out: the full name is there, but too late. */
  expandedLater: boolean;
}

/**
 * The abbreviations whose first use on a page is not written out, reading
 * the pieces in order. One finding per abbreviation at most.
 */
export function unexplainedAbbreviations(pieces: readonly TextPiece[], abbreviations: readonly Abbreviation[] = KNOWN_ABBREVIATIONS): UnexplainedUse[] {
  const found: UnexplainedUse[] = [];
  for (const abbreviation of abbreviations) {
    const pattern = usePattern(abbreviation);
    const uses = pieces.flatMap((piece, pieceIndex) => [...piece.text.matchAll(pattern)].map((match) => ({
      written: match[0], piece: pieceIndex, index: match.index, expanded: isExpandedAt(piece.text, match.index, abbreviation),
    })));
    const [first, ...later] = uses;
    if (!first || first.expanded) continue;
    found.push({ abbreviation, written: first.written, piece: first.piece, index: first.index, expandedLater: later.some((use) => use.expanded) });
  }
  return found.sort((a, b) => a.piece - b.piece || a.index - b.index);
}

/** The advice for an abbreviation used before it is written out. */
export function expansionAdvice(use: Pick<UnexplainedUse, 'abbreviation' | 'written' | 'expandedLater'>): string {
  const { abbreviation, written } = use;
  const later = use.expandedLater ? ` The page writes it out further down: move that to the first use.` : '';
  return `"${written}" is used here before the page says what it stands for. The first time it appears on the page, write "${abbreviation.expansion} (${written})"; after that "${written}" alone is fine.${later} (A title on <abbr> does not count: most screen readers do not read it out, and phones never show it.)`;
}

/**
 * The text a reader sees in a Markdown or MDX body, at the same positions
 * (everything else becomes spaces, and line breaks stay), so a position in it
 * is a position in the body. It is read from the body's syntax tree, as the
 * MDX compiler reads it (src/content/safety.ts): only text nodes are kept (the
 * words of paragraphs, headings, lists, tables, links and components), so
 * code, expressions and comments, import and export lines, link addresses,
 * images, tags and their attributes and Markdown's own marks are blanked. A
 * body the compiler cannot read (the content check says why) is kept whole,
 * less Markdown's marks, so nothing in it is passed over.
 */
export function visibleText(body: string): string {
  let tree: TextTree;
  try {
    tree = parseBody(body) as TextTree;
  } catch {
    return body.replace(/[*_#>|~\\]/g, ' ');
  }
  const shown = body.replace(/[^\n]/g, ' ').split('');
  const visit = (node: TextTree): void => {
    if (node.type === 'text' && node.position) {
      for (let offset = node.position.start.offset; offset < node.position.end.offset; offset += 1) {
        // A backslash escape's backslash is not read out; the character after it is.
        if (body[offset] !== '\\') shown[offset] = body[offset]!;
      }
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return shown.join('');
}

interface TextTree {
  type: string;
  position?: { start: { offset: number }; end: { offset: number } };
  children?: TextTree[];
}
