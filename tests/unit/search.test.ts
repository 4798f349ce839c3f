import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_NAMES,
  CONTENT_TYPES,
  CONTENT_TYPE_NAMES,
  MAX_QUERY_LENGTH,
  aToZ,
  aToZLetterPath,
  aToZLetterWords,
  aToZSplits,
  excerptParts,
  filtersInWords,
  hasFilters,
  FILTER_PARAMS,
  isSampleResult,
  pagefindFilters,
  parseSearchParams,
  resultCountText,
  resultMetaText,
  reviewAudience,
  searchAttributes,
  searchParamsFor,
  type SearchState,
} from '../../src/search/search';
import { REVIEW_TYPES, AUDIENCES } from '../../src/content/model';
import { indexedPageCount, isUnusedBundleFile } from '../../src/search/bundle';

const state = (query: string, types: SearchState['types'] = [], audiences: SearchState['audiences'] = []): SearchState => ({
  query,
  types,
  audiences,
});

describe('what a page tells the search index', () => {
  it('marks the body with its type, audience and date as filters and metadata', () => {
    expect(searchAttributes({ type: 'procedure', audience: 'children', date: '2019-06-30' })).toEqual({
      'data-pagefind-body': '',
      'data-search-type': 'procedure',
      'data-search-audience': 'children',
      'data-search-date': '2019-06-30',
      'data-pagefind-filter': 'type[data-search-type], audience[data-search-audience]',
      'data-pagefind-meta': 'type[data-search-type], date[data-search-date]',
    });
  });

  it('leaves out the audience and date when a page has none', () => {
    const attributes = searchAttributes({ type: 'page' });
    expect(attributes['data-pagefind-filter']).toBe('type[data-search-type]');
    expect(attributes['data-pagefind-meta']).toBe('type[data-search-type]');
    expect(attributes).not.toHaveProperty('data-search-audience');
    expect(attributes).not.toHaveProperty('data-search-date');
  });

  it('marks sample content in the metadata, so its result is tagged', () => {
    const attributes = searchAttributes({ type: 'review', sample: true });
    expect(attributes['data-search-sample']).toBe('yes');
    expect(attributes['data-pagefind-meta']).toBe('type[data-search-type], sample[data-search-sample]');
    expect(searchAttributes({ type: 'review', sample: false })).not.toHaveProperty('data-search-sample');
    expect(isSampleResult({ type: 'review', sample: 'yes' })).toBe(true);
    expect(isSampleResult({ type: 'review' })).toBe(false);
  });

  it('gives a page that is not searchable no attributes at all, so Pagefind skips it', () => {
    expect(searchAttributes(undefined)).toEqual({});
  });

  it('refuses a type, audience or date the filters do not know', () => {
    expect(() => searchAttributes({ type: 'news' as never })).toThrow(/search type is "news"/);
    expect(() => searchAttributes({ type: 'page', audience: 'everyone' as never })).toThrow(/search audience is "everyone"/);
    expect(() => searchAttributes({ type: 'review', date: '2026-02-30' })).toThrow(/search date is "2026-02-30"/);
  });

  it('knows who each type of review is about, where the type says', () => {
    expect(reviewAudience('Child Safeguarding Practice Review')).toBe('children');
    expect(reviewAudience('Serious Case Review')).toBe('children');
    expect(reviewAudience('Safeguarding Adults Review')).toBe('adults');
    expect(reviewAudience('Domestic Homicide Review')).toBe('adults');
    expect(reviewAudience('Learning Review')).toBeUndefined();
    for (const type of REVIEW_TYPES) expect(() => reviewAudience(type)).not.toThrow();
  });

  it('names every type and audience for readers', () => {
    expect([...CONTENT_TYPES]).toEqual([
      'page',
      'procedure',
      'bulletin',
      'review',
      'briefing',
      'report',
      'strategy',
      'threshold',
      'glossary',
    ]);
    expect(CONTENT_TYPE_NAMES.briefing.one).toBe('Learning briefing');
    for (const type of CONTENT_TYPES) expect(CONTENT_TYPE_NAMES[type].filter).not.toBe('');
    for (const audience of AUDIENCES) expect(AUDIENCE_NAMES[audience]).not.toBe('');
  });
});

describe('the search address', () => {
  it('reads the query and filters, dropping unknown values and repeats, in the page order', () => {
    const params = new URLSearchParams(
      'q=%20domestic%20%20abuse%20&type=review&type=procedure&type=news&type=review&audience=adults&audience=nobody',
    );
    expect(parseSearchParams(params)).toEqual({ query: 'domestic abuse', types: ['procedure', 'review'], audiences: ['adults'] });
  });

  it('reads an empty address as no search', () => {
    expect(parseSearchParams(new URLSearchParams(''))).toEqual(state(''));
  });

  it('cuts a very long query', () => {
    expect(parseSearchParams(new URLSearchParams({ q: 'a'.repeat(500) })).query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('writes the same address the form sends, and reads it back unchanged', () => {
    const chosen = state('rapid review', ['procedure', 'review'], ['children']);
    const params = searchParamsFor(chosen);
    expect(params.toString()).toBe('q=rapid+review&type%5B%5D=procedure&type%5B%5D=review&audience%5B%5D=children');
    expect([...params.keys()]).toEqual(['q', FILTER_PARAMS.type, FILTER_PARAMS.type, FILTER_PARAMS.audience]);
    expect(parseSearchParams(params)).toEqual(chosen);
    expect(searchParamsFor(state('')).toString()).toBe('');
  });

  it('names each set of filter checkboxes as a list, and still reads addresses written before', () => {
    expect(FILTER_PARAMS).toEqual({ type: 'type[]', audience: 'audience[]' });
    expect(parseSearchParams(new URLSearchParams('q=neglect&type[]=review&type=procedure&audience%5B%5D=adults&audience=adults'))).toEqual({
      query: 'neglect',
      types: ['procedure', 'review'],
      audiences: ['adults'],
    });
  });
});

describe('filters', () => {
  it('asks Pagefind for any of the ticked values in each group', () => {
    expect(pagefindFilters(state('neglect'))).toEqual({});
    expect(pagefindFilters(state('neglect', ['procedure', 'review'], ['adults']))).toEqual({
      type: { any: ['procedure', 'review'] },
      audience: { any: ['adults'] },
    });
    expect(hasFilters(state('x'))).toBe(false);
    expect(hasFilters(state('', [], ['all']))).toBe(true);
  });

  it('says the filters in words', () => {
    expect(filtersInWords(state('x', ['procedure']))).toBe('in procedures');
    expect(filtersInWords(state('x', ['procedure', 'bulletin', 'review'], ['children', 'all']))).toBe(
      'in procedures, bulletins or case reviews, for children or children and adults',
    );
  });
});

describe('what the live region says', () => {
  it('counts results for the query', () => {
    expect(resultCountText(12, state('neglect'))).toBe('12 results for ‘neglect’');
    expect(resultCountText(1, state('neglect'))).toBe('1 result for ‘neglect’');
    expect(resultCountText(0, state('zzzz'))).toBe('No results for ‘zzzz’');
  });

  it('includes the filters, and works with filters alone', () => {
    expect(resultCountText(3, state('neglect', ['procedure']))).toBe('3 results for ‘neglect’ in procedures');
    expect(resultCountText(7, state('', ['procedure'], ['adults']))).toBe('7 results in procedures, for adults');
  });
});

describe('a result', () => {
  it('says its type and what its date means', () => {
    expect(resultMetaText({ type: 'procedure', date: '2019-06-30', title: 'Rapid review' })).toBe('Procedure · Last reviewed 30 June 2019');
    expect(resultMetaText({ type: 'review', date: '2026-01-20' })).toBe('Case review · Published 20 January 2026');
    expect(resultMetaText({ type: 'strategy' })).toBe('Strategy');
    expect(resultMetaText({})).toBe('');
    expect(resultMetaText({ type: 'unknown', date: 'not a date' })).toBe('');
  });

  it('splits the excerpt into text and marked words, decoding what Pagefind escaped', () => {
    expect(excerptParts('Families living with <mark>neglect</mark> &amp; poverty, &lt;b&gt; is text &#39;here&#39;')).toEqual([
      { text: 'Families living with ', mark: false },
      { text: 'neglect', mark: true },
      { text: " & poverty, <b> is text 'here'", mark: false },
    ]);
  });

  it('marks several words and keeps a marked word at either end', () => {
    expect(excerptParts('<mark>Neglect</mark> and <mark>self-neglect</mark>')).toEqual([
      { text: 'Neglect', mark: true },
      { text: ' and ', mark: false },
      { text: 'self-neglect', mark: true },
    ]);
    expect(excerptParts('')).toEqual([]);
  });

  it('never turns other tags into markup: they stay text', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)> <mark>x</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', mark: false });
  });
});

describe('A to Z', () => {
  it('groups pages by first letter, numbers first, each group in order, each page once', () => {
    const groups = aToZ([
      { title: 'Rapid review', href: '/procedures/rapid-review/' },
      { title: 'about the partnership', href: '/about/' },
      { title: 'Accessibility statement', href: '/accessibility/' },
      { title: '2019 report', href: '/reports/2019/' },
      { title: 'COVID-19 partner bulletin 10', href: '/bulletins/10/' },
      { title: 'COVID-19 partner bulletin 2', href: '/bulletins/2/' },
      { title: 'Rapid review again', href: '/procedures/rapid-review/' },
    ]);
    expect(groups.map((group) => group.letter)).toEqual(['0 to 9', 'A', 'C', 'R']);
    expect(groups.map((group) => group.id)).toEqual(['a-to-z-numbers', 'a-to-z-a', 'a-to-z-c', 'a-to-z-r']);
    expect(groups[1]!.items.map((item) => item.title)).toEqual(['about the partnership', 'Accessibility statement']);
    expect(groups[2]!.items.map((item) => item.title)).toEqual(['COVID-19 partner bulletin 2', 'COVID-19 partner bulletin 10']);
    expect(groups[3]!.items).toHaveLength(1);
  });
});

describe('the Pagefind bundle', () => {
  it("leaves out Pagefind's ready-made interfaces and keeps what the search API needs", () => {
    for (const unused of [
      'pagefind-ui.js',
      'pagefind-ui.css',
      'pagefind-modular-ui.js',
      'pagefind-modular-ui.css',
      'pagefind-component-ui.js',
      'pagefind-component-ui.css',
      'pagefind-highlight.js',
    ]) {
      expect(isUnusedBundleFile(unused), unused).toBe(true);
    }
    for (const needed of [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'wasm.en-gb.pagefind',
      'pagefind.en-gb_abc.pf_meta',
      'index',
      'fragment',
      'filter',
    ]) {
      expect(isUnusedBundleFile(needed), needed).toBe(false);
    }
  });

  it('counts the indexed pages from pagefind-entry.json', () => {
    expect(
      indexedPageCount('{"version":"1.6.0","languages":{"en-gb":{"hash":"x","wasm":"en-gb","page_count":30},"cy":{"page_count":2}}}'),
    ).toBe(32);
    expect(indexedPageCount('{"version":"1.6.0","languages":{}}')).toBe(0);
  });
});

describe('the A to Z split by letter', () => {
  const links = (count: number, start: string) =>
    Array.from({ length: count }, (_, index) => ({ title: `${start} ${index}`, href: `/${start.toLowerCase()}-${index}/` }));
  it('stays on the search page up to the limit, and has a page for each letter beyond it', () => {
    expect(aToZSplits(aToZ([...links(30, 'Abuse'), ...links(30, 'Neglect')]), 60)).toBe(false);
    expect(aToZSplits(aToZ([...links(30, 'Abuse'), ...links(31, 'Neglect')]), 60)).toBe(true);
  });
  it('gives each letter an address and words, numbers and other characters their own', () => {
    const groups = aToZ([
      { title: 'Guidance', href: '/g/' },
      { title: '7-minute briefing', href: '/7/' },
      { title: '“Quoted”', href: '/q/' },
    ]);
    expect(groups.map(aToZLetterPath)).toEqual(['/search/a-to-z/numbers/', '/search/a-to-z/g/', '/search/a-to-z/other/']);
    expect(groups.map((group) => aToZLetterWords(group.letter))).toEqual([
      'pages starting with a number',
      'pages starting with G',
      'pages starting with another character',
    ]);
  });
});
