/**
 * Abbreviations the partnership's writing uses, with what they stand for,
 * as the glossary (content/glossary/, the only list) gives them.
 * GOV.UK style: write the full name the first time an abbreviation is used on
 * a page, then the abbreviation in brackets: "Local Authority Designated
 * Officer (LADO)". After that the abbreviation alone is fine. Words everyone
 * knows (NHS, GP, UK, PDF: `wellKnown` in the glossary) are not written out.
 *
 * An <abbr title="..."> does not count as writing it out: most screen readers
 * do not read the title, and it never shows on a touch screen or to someone
 * using the keyboard. The full name has to be in the text. The build writes
 * it in bodies (src/html/mark-abbreviations.ts); the content linter asks for
 * it in the fields the build does not change.
 */
import { escapeRegExp } from '../security/regexp';
import { parseBody } from './safety';

export interface Abbreviation {
  /** Its glossary entry's file name, and its id on /glossary/: "mash". */
  id: string;
  /** As it is usually written: "MASH+". */
  short: string;
  /** Other ways the same abbreviation is written, which are found too: "MASH", "Cafcass". */
  otherForms?: readonly string[];
  /** What it stands for, written before the abbreviation in brackets. */
  expansion: string;
  /** Other correct ways of writing it out. */
  otherExpansions?: readonly string[];
  /** Known to everyone (NHS, UK): never written out, still in the glossary. */
  wellKnown?: boolean;
}

/** An abbreviation from a glossary entry's file name and frontmatter (read by src/content/files.ts readGlossary, or by Astro's loader). */
export function glossaryAbbreviation(id: string, data: { term: string; expansion: string; aliases?: readonly string[]; otherExpansions?: readonly string[]; wellKnown?: boolean }): Abbreviation {
  return {
    id,
    short: data.term,
    expansion: data.expansion,
    ...(data.aliases?.length ? { otherForms: [...data.aliases] } : {}),
    ...(data.otherExpansions?.length ? { otherExpansions: [...data.otherExpansions] } : {}),
    ...(data.wellKnown ? { wellKnown: true } : {}),
  };
}

/** Where an abbreviation is explained: its entry on the glossary page. */
export function glossaryHref(abbreviation: Pick<Abbreviation, 'id'>): string {
  return `/glossary/#${abbreviation.id}`;
}

/** Every way an abbreviation is written, longest first ("MASH+" before "MASH"). */
function formsOf(abbreviation: Pick<Abbreviation, 'short' | 'otherForms'>): string[] {
  return [abbreviation.short, ...(abbreviation.otherForms ?? [])].sort((a, b) => b.length - a.length);
}

/** Finds the abbreviation as a word of its own, in its own capitals: "SET", never "set" or "SETTING". */
export function usePattern(abbreviation: Pick<Abbreviation, 'short' | 'otherForms'>): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_@./])(?:${formsOf(abbreviation).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_+@])`, 'gu');
}

/** Lower case, one space between words, a hyphen as a space and curly apostrophes straight. */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019]/g, '\'').replace(/[-\u2010\u2011\u2013]/g, ' ').replace(/\s+/g, ' ').toLowerCase();
}

/** Whether the use at `index` is written out just before it, as "Full name (ABBR)". */
export function isExpandedAt(text: string, index: number, abbreviation: Pick<Abbreviation, 'expansion' | 'otherExpansions'>): boolean {
  const before = normalise(text.slice(Math.max(0, index - 200), index));
  if (!before.endsWith('(')) return false;
  const written = before.slice(0, -1).trimEnd();
  return [abbreviation.expansion, ...(abbreviation.otherExpansions ?? [])]
    .some((expansion) => written === normalise(expansion) || written.endsWith(` ${normalise(expansion)}`));
}

/** Whether the use ending at `end` is written out just after it, as "ABBR (Full name)". */
export function isExpandedAfter(text: string, end: number, abbreviation: Pick<Abbreviation, 'expansion' | 'otherExpansions'>): boolean {
  const after = normalise(text.slice(end, end + 200));
  return [abbreviation.expansion, ...(abbreviation.otherExpansions ?? [])].some((expansion) => after.startsWith(` (${normalise(expansion)})`));
}

/** An all-capitals word of 2 to 6 letters, standing alone: "LADO", not "GOV.UK", an email's "SSPA@" or a longer word in capitals. */
const CAPITALS_WORD = /(?<![\p{L}\p{N}_@./:\\-])\p{Lu}{2,6}(?![\p{L}\p{N}_@]|\.\p{L})/gu;

/** The all-capitals words of a glossary's terms and other spellings: "MASH" for "MASH+", "COVID" for "COVID-19". */
function knownCapitals(glossary: readonly Abbreviation[]): Set<string> {
  return new Set(glossary.flatMap((abbreviation) => formsOf(abbreviation).flatMap((form) => form.match(/\p{Lu}{2,}/gu) ?? [])));
}

/** All-capitals words of 2 to 6 letters in `text` that no term or other spelling in the glossary has, with where each is. */
export function unknownCapitals(text: string, glossary: readonly Abbreviation[]): { word: string; index: number }[] {
  const known = knownCapitals(glossary);
  return [...text.matchAll(CAPITALS_WORD)].filter((match) => !known.has(match[0])).map((match) => ({ word: match[0], index: match.index }));
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
 * The abbreviations of `glossary` whose first use on a page is not written
 * out, reading the pieces in order. One finding per abbreviation at most;
 * none for those everyone knows.
 */
export function unexplainedAbbreviations(pieces: readonly TextPiece[], glossary: readonly Abbreviation[]): UnexplainedUse[] {
  const found: UnexplainedUse[] = [];
  for (const abbreviation of glossary) {
    if (abbreviation.wellKnown) continue;
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
