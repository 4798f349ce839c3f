/**
 * The glossary's order and its A to Z: terms sorted as a reader looks them
 * up (letters only, ignoring case and marks: "MASH+" between "MARAT" and
 * "NELFT"), and grouped by their first letter, every letter from A to Z
 * listed whether it has terms or not (as GOV.UK's A to Z lists do).
 */

/** The glossary page's title (/glossary/): its heading, its CMS preview's and its name in the search page's A to Z. */
export const GLOSSARY_TITLE = 'Glossary: abbreviations explained';

/** Compares two terms as the glossary lists them. */
export function compareTerms(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { sensitivity: 'base', ignorePunctuation: true }) || a.localeCompare(b, 'en-GB');
}

/** Entries sorted by their term. */
export function sortGlossary<T extends { data: { term: string } }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => compareTerms(a.data.term, b.data.term));
}

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The letter a term is listed under ("#" for one that starts with a number or anything else). */
export function termLetter(term: string): string {
  const first = term.trim().normalize('NFD').charAt(0).toUpperCase();
  return ALPHABET.includes(first) ? first : '#';
}

export interface LetterGroup<T> {
  letter: string;
  /** Its id on the page: "letter-a". */
  id: string;
  items: T[];
}

/** Every letter from A to Z with the entries under it (empty where there are none), then "#" if any term needs it. */
export function groupByLetter<T extends { data: { term: string } }>(entries: readonly T[]): LetterGroup<T>[] {
  const sorted = sortGlossary(entries);
  const groups = ALPHABET.map((letter) => ({
    letter,
    id: `letter-${letter.toLowerCase()}`,
    items: sorted.filter((entry) => termLetter(entry.data.term) === letter),
  }));
  const others = sorted.filter((entry) => termLetter(entry.data.term) === '#');
  return others.length > 0 ? [...groups, { letter: '#', id: 'letter-other', items: others }] : groups;
}
