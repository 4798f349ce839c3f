/**
 * The worst case an index page size must hold (src/rules/pagination.ts:
 * PAGE_SIZES): what a page of the longest entries the content model allows
 * transfers. Build-time and test code only (it uses node:zlib), never the CMS.
 */
import { gzipSync } from 'node:zlib';
import { getCollection, type CollectionName } from '../src/content/model';

/**
 * What the worst case assumes. Everything a page transfers besides its list
 * (HTML around the list, the stylesheet, the scripts, the icon, the
 * pagination block) is CHROME_BYTES: about 21 KB when measured (stylesheet
 * 13.4 KB, scripts 4.3, icon 0.2, the HTML around the list about 3, gzip),
 * allowed 24 KB. An entry's field is at its content
 * model maximum, written in text that hardly compresses (worstText), with
 * each entry in its own category (procedures) and an address as long as its
 * title (Decap makes the file name from the title).
 */
export const CHROME_BYTES = 24 * 1024;
/** What the search page carries besides the chrome of an index page: its form, filters and script. */
export const SEARCH_PAGE_EXTRA_BYTES = 10 * 1024;
/** Markup around one entry's text in each list, with room to spare (built: about 250 characters a bulletin, 270 a procedure besides its category's heading, 90 an A to Z link). */
export const ITEM_MARKUP = { bulletin: 400, procedure: 520, aToZ: 120 } as const;
/** A field's maximum length in the content model; a field without one has no worst case. */
export const maxLength = (collection: CollectionName, field: string): number => {
  const found = getCollection(collection).fields.find((candidate) => candidate.name === field);
  const limit = found && 'maxLength' in found ? found.maxLength : undefined;
  if (!limit)
    throw new Error(`${collection}.${field} has no maxLength in the content model: the index page size cannot be worked out without one`);
  return limit;
};

/**
 * Text an editor could write that compresses least: letters of both cases
 * with accents, digits and punctuation in no pattern (deterministic, so the
 * figure is the same every run). Real titles compress to about half of this.
 */
export function worstText(length: number, seed: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:()-–’éèâôüçñ';
  let state = seed >>> 0 || 1;
  let text = '';
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

export type IndexKind = keyof typeof ITEM_MARKUP;

/** The text of one worst-case entry in an index (what varies from entry to entry), with its markup as filler. */
export function worstCaseItem(kind: IndexKind, seed: number): string {
  const title = maxLength(kind === 'bulletin' ? 'bulletins' : 'procedures', 'title');
  const parts = [
    worstText(title, seed),
    worstText(title, seed + 1)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-'),
  ];
  if (kind !== 'aToZ') parts.push(worstText(maxLength(kind === 'bulletin' ? 'bulletins' : 'procedures', 'summary'), seed + 2));
  if (kind === 'procedure') parts.push(worstText(maxLength('procedures', 'category'), seed + 3));
  return `<li class="sg-list__item" data-kind="${kind}">${parts.join('</p><p class="sg-list__summary">')}${' '.repeat(ITEM_MARKUP[kind])}</li>`;
}

/** What a page of `size` worst-case entries transfers: the chrome, and the list as gzip sends it. */
export function worstCasePageBytes(kind: IndexKind, size: number): number {
  const list = Array.from({ length: size }, (_, index) => worstCaseItem(kind, (index + 1) * 7919)).join('');
  return CHROME_BYTES + gzipSync(Buffer.from(list, 'utf8'), { level: 6 }).length;
}
