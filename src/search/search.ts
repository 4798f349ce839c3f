/**
 * Site search: what each page tells Pagefind (content type, audience, date),
 * what the search page's filters are called, and the plain functions the
 * search script uses (URL state, Pagefind filters, result text, excerpts).
 *
 * Pages opt in to the index: a page is indexed only when its template passes
 * a `search` entry to the layout, so the 404 page, the search page and a
 * withdrawn review's short page are never in it.
 */
import { AUDIENCES, AUDIENCE_LABELS } from '../content/model';
import { displayDate, isRealIsoDate, type IsoDate } from '../rules/dates';
import { SEARCH_SECTIONS, type ContentType } from '../site/sections';
import type { Audience, ReviewType } from '../content/data-types';

export type { ContentType } from '../site/sections';

/** Each section's type in the index (src/site/sections.ts), in the order of the search page's filters. */
export const CONTENT_TYPES: readonly ContentType[] = SEARCH_SECTIONS.map((section) => section.search.type);

function byType<T>(value: (section: (typeof SEARCH_SECTIONS)[number]) => T): Record<ContentType, T> {
  return Object.fromEntries(SEARCH_SECTIONS.map((section) => [section.search.type, value(section)])) as Record<ContentType, T>;
}

/** Names as readers see them: one result's type, and the filter's label. */
export const CONTENT_TYPE_NAMES: Record<ContentType, { one: string; filter: string }> = byType((section) => ({
  one: section.labelSingular,
  filter: section.label,
}));

export const SEARCH_AUDIENCES = AUDIENCES;

export const AUDIENCE_NAMES: Record<Audience, string> = Object.fromEntries(
  AUDIENCES.map((audience) => [audience, AUDIENCE_LABELS[audience].name]),
) as Record<Audience, string>;

/** What the date on a result means, by type. */
export const DATE_LABELS: Record<ContentType, string> = byType((section) => section.search.dateLabel);

/** What a template tells the layout about its page, for the index. */
export interface SearchEntry {
  type: ContentType;
  audience?: Audience;
  date?: IsoDate;
  /** Sample content: its search result is tagged as such. */
  sample?: boolean;
}

/**
 * Who a review is about, from its type, where the type says. A learning
 * review can be about anyone, so it has no audience. Domestic homicide
 * reviews are about the death of a person aged 16 or over: adults.
 */
const REVIEW_AUDIENCES: Record<ReviewType, Audience | undefined> = {
  'Child Safeguarding Practice Review': 'children',
  'Serious Case Review': 'children',
  'Safeguarding Adults Review': 'adults',
  'Domestic Homicide Review': 'adults',
  'Learning Review': undefined,
};

export function reviewAudience(type: ReviewType): Audience | undefined {
  return REVIEW_AUDIENCES[type];
}

export function isContentType(value: string): value is ContentType {
  return (CONTENT_TYPES as readonly string[]).includes(value);
}

export function isAudience(value: string): value is Audience {
  return (SEARCH_AUDIENCES as readonly string[]).includes(value);
}

/**
 * The attributes for the page body (<main>) that tell Pagefind to index it,
 * with its filters and metadata. None at all when the page is not indexed.
 */
export function searchAttributes(entry: SearchEntry | undefined): Record<string, string> {
  if (!entry) return {};
  if (!isContentType(entry.type)) throw new Error(`search type is "${entry.type}"; expected one of ${CONTENT_TYPES.join(', ')}`);
  if (entry.audience !== undefined && !isAudience(entry.audience)) {
    throw new Error(`search audience is "${entry.audience}"; expected one of ${SEARCH_AUDIENCES.join(', ')}`);
  }
  if (entry.date !== undefined && !isRealIsoDate(entry.date))
    throw new Error(`search date is "${entry.date}"; expected a real date as YYYY-MM-DD`);
  const filters = ['type[data-search-type]'];
  const meta = ['type[data-search-type]'];
  const attributes: Record<string, string> = { 'data-pagefind-body': '', 'data-search-type': entry.type };
  if (entry.audience) {
    filters.push('audience[data-search-audience]');
    attributes['data-search-audience'] = entry.audience;
  }
  if (entry.date) {
    meta.push('date[data-search-date]');
    attributes['data-search-date'] = entry.date;
  }
  if (entry.sample) {
    meta.push('sample[data-search-sample]');
    attributes['data-search-sample'] = 'yes';
  }
  attributes['data-pagefind-filter'] = filters.join(', ');
  attributes['data-pagefind-meta'] = meta.join(', ');
  return attributes;
}

/** What the search page shows and keeps in its address: ?q=…&type[]=…&audience[]=… */
export interface SearchState {
  query: string;
  types: ContentType[];
  audiences: Audience[];
}

export const MAX_QUERY_LENGTH = 200;

/**
 * The names the filter checkboxes send, and the address keeps. A set of
 * checkboxes shares one name ending in "[]", as on GOV.UK's own search, so
 * each name in the form is either unique or plainly a list.
 */
export const FILTER_PARAMS = { type: 'type[]', audience: 'audience[]' } as const;

/** The text the live region shows when search cannot run (WebAssembly blocked, or the index will not load). */
export const SEARCH_BROKEN_TEXT = 'Search is not working at the moment. You can find any page by its section or in the A to Z below.';

/**
 * Reads the address; unknown filter values are dropped, repeats removed, in
 * the page's order. Addresses from before the filters' names ended in "[]"
 * (?type=review) still work.
 */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const query = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const chosenTypes = new Set([...params.getAll(FILTER_PARAMS.type), ...params.getAll('type')]);
  const chosenAudiences = new Set([...params.getAll(FILTER_PARAMS.audience), ...params.getAll('audience')]);
  return {
    query,
    types: CONTENT_TYPES.filter((type) => chosenTypes.has(type)),
    audiences: SEARCH_AUDIENCES.filter((audience) => chosenAudiences.has(audience)),
  };
}

/** The address for a state, as the form would send it without JavaScript. */
export function searchParamsFor(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const type of state.types) params.append(FILTER_PARAMS.type, type);
  for (const audience of state.audiences) params.append(FILTER_PARAMS.audience, audience);
  return params;
}

export function hasFilters(state: SearchState): boolean {
  return state.types.length > 0 || state.audiences.length > 0;
}

export type PagefindFilters = Record<string, { any: string[] }>;

/** Pagefind's filters: any of the ticked types, and any of the ticked audiences. */
export function pagefindFilters(state: SearchState): PagefindFilters {
  const filters: PagefindFilters = {};
  if (state.types.length > 0) filters.type = { any: [...state.types] };
  if (state.audiences.length > 0) filters.audience = { any: [...state.audiences] };
  return filters;
}

function listInWords(items: readonly string[], joiner: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

/** "in procedures or case reviews, for children" */
export function filtersInWords(state: SearchState): string {
  const parts: string[] = [];
  if (state.types.length > 0)
    parts.push(
      `in ${listInWords(
        state.types.map((type) => CONTENT_TYPE_NAMES[type].filter.toLowerCase()),
        'or',
      )}`,
    );
  if (state.audiences.length > 0)
    parts.push(
      `for ${listInWords(
        state.audiences.map((audience) => AUDIENCE_NAMES[audience].toLowerCase()),
        'or',
      )}`,
    );
  return parts.join(', ');
}

/** The sentence the live region says: "3 results for ‘neglect’ in procedures". */
export function resultCountText(count: number, state: SearchState): string {
  const what = count === 0 ? 'No results' : `${count} ${count === 1 ? 'result' : 'results'}`;
  const query = state.query ? ` for ‘${state.query}’` : '';
  const filters = hasFilters(state) ? ` ${filtersInWords(state)}` : '';
  return `${what}${query}${filters}`;
}

/** Whether a result is sample content, from its metadata (searchAttributes). */
export function isSampleResult(meta: Readonly<Record<string, string | undefined>>): boolean {
  return meta.sample === 'yes';
}

/** "Procedure · Last reviewed 30 June 2019", from a result's metadata. */
export function resultMetaText(meta: Readonly<Record<string, string | undefined>>): string {
  const type = meta.type && isContentType(meta.type) ? meta.type : undefined;
  const parts: string[] = [];
  if (type) parts.push(CONTENT_TYPE_NAMES[type].one);
  if (meta.date && isRealIsoDate(meta.date)) parts.push(`${type ? DATE_LABELS[type] : 'Dated'} ${displayDate(meta.date)}`);
  return parts.join(' · ');
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind's excerpt is escaped text with the matched words in <mark>. Split
 * it into plain text and marked text, so the script builds the result with
 * text nodes and never sets HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decodeEntities(excerpt.slice(last, match.index)), mark: false });
    if (match[1]) parts.push({ text: decodeEntities(match[1]), mark: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decodeEntities(excerpt.slice(last)), mark: false });
  // Anything else that looks like a tag is not Pagefind's: show it as text, never as HTML.
  return parts.filter((part) => part.text.length > 0);
}

/** A page in the A to Z. */
export interface PageLink {
  title: string;
  href: string;
  /** A sample entry, which the A to Z tags as sample content. */
  sample?: boolean;
}

export interface AToZGroup {
  letter: string;
  id: string;
  items: PageLink[];
}

/** Pages grouped by the first letter of their title (numbers together under "0 to 9"), each group in order. */
export function aToZ(links: readonly PageLink[]): AToZGroup[] {
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  const groups = new Map<string, PageLink[]>();
  const seen = new Set<string>();
  for (const link of links) {
    if (seen.has(link.href)) continue;
    seen.add(link.href);
    const first = link.title.trim().normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : /[0-9]/.test(first) ? '0 to 9' : 'Other';
    groups.set(letter, [...(groups.get(letter) ?? []), link]);
  }
  const order = (letter: string) => (letter === '0 to 9' ? 0 : letter === 'Other' ? 2 : 1);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([letter, items]) => ({
      letter,
      id: `a-to-z-${letter === '0 to 9' ? 'numbers' : letter.toLowerCase()}`,
      items: items.sort((a, b) => collator.compare(a.title, b.title)),
    }));
}

/** Whether the A to Z has too many links for the search page, so each letter has its own pages. */
export function aToZSplits(groups: readonly AToZGroup[], limit: number): boolean {
  return groups.reduce((sum, group) => sum + group.items.length, 0) > limit;
}

/** A letter's own pages: /search/a-to-z/g/, /search/a-to-z/numbers/ for "0 to 9". */
export function aToZLetterPath(group: Pick<AToZGroup, 'id'>): string {
  return `/search/a-to-z/${group.id.replace(/^a-to-z-/, '')}/`;
}

/** What a letter's page calls it: "pages starting with G". */
export function aToZLetterWords(letter: string): string {
  if (letter === '0 to 9') return 'pages starting with a number';
  if (letter === 'Other') return 'pages starting with another character';
  return `pages starting with ${letter}`;
}
