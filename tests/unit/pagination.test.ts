import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  A_TO_Z_ON_SEARCH_PAGE,
  PAGE_SIZES,
  laterPageParams,
  pageCount,
  pageHref,
  paginate,
  paginationLinks,
  showingText,
} from '../../src/rules/pagination';
import {
  CHROME_BYTES,
  SEARCH_PAGE_EXTRA_BYTES,
  maxLength,
  worstCaseItem,
  worstCasePageBytes,
  worstText,
} from '../../tools/page-size-worst-case';
import { BUDGET, KB } from '../../tools/page-weight';

describe('splitting a list into pages', () => {
  it('makes pages of the given size, the last holding the rest, and one empty page for an empty list', () => {
    const pages = paginate(
      Array.from({ length: 65 }, (_, index) => index + 1),
      30,
    );
    expect(pages.map((page) => [page.page, page.pages, page.items.length, page.from, page.to, page.total])).toEqual([
      [1, 3, 30, 1, 30, 65],
      [2, 3, 30, 31, 60, 65],
      [3, 3, 5, 61, 65, 65],
    ]);
    expect(pages.flatMap((page) => page.items)).toEqual(Array.from({ length: 65 }, (_, index) => index + 1));
    expect(paginate([], 30)).toEqual([{ page: 1, pages: 1, items: [], from: 0, to: 0, total: 0 }]);
    expect(pageCount(60, 30)).toBe(2);
    expect(pageCount(61, 30)).toBe(3);
    expect(() => pageCount(10, 0)).toThrow('page size is 0; expected a whole number of at least 1');
  });

  it("gives page 1 the index's own address and later pages /page/N/, with a route for each later page", () => {
    expect(pageHref('/bulletins/', 1)).toBe('/bulletins/');
    expect(pageHref('/bulletins/', 4)).toBe('/bulletins/page/4/');
    expect(pageHref('/search/a-to-z/g/', 2)).toBe('/search/a-to-z/g/page/2/');
    expect(() => pageHref('/bulletins', 2)).toThrow('expected a path that starts and ends with "/"');
    expect(laterPageParams(1)).toEqual([]);
    expect(laterPageParams(3)).toEqual([{ params: { page: '2' } }, { params: { page: '3' } }]);
  });

  it('says which entries a page shows', () => {
    expect(showingText({ from: 31, to: 60, total: 1667 }, 'bulletins')).toBe('Showing 31 to 60 of 1,667 bulletins');
  });
});

describe("the pagination links (GOV.UK Frontend's pattern)", () => {
  const shown = (page: number, pages: number) =>
    paginationLinks('/bulletins/', page, pages)!.items.map((item) =>
      'ellipsis' in item ? '…' : item.current ? `[${item.number}]` : String(item.number),
    );

  it('are left out when there is one page', () => {
    expect(paginationLinks('/bulletins/', 1, 1)).toBeUndefined();
  });

  it('show the first and last page, the current page and its neighbours, an ellipsis for a longer gap', () => {
    expect(shown(1, 2)).toEqual(['[1]', '2']);
    expect(shown(1, 10)).toEqual(['[1]', '2', '…', '10']);
    expect(shown(4, 10)).toEqual(['1', '2', '3', '[4]', '5', '…', '10']);
    expect(shown(5, 10)).toEqual(['1', '…', '4', '[5]', '6', '…', '10']);
    expect(shown(10, 10)).toEqual(['1', '…', '9', '[10]']);
  });

  it('link to the previous and next page where there is one, page 1 being the index itself', () => {
    expect(paginationLinks('/bulletins/', 1, 3)).toMatchObject({ next: { href: '/bulletins/page/2/' } });
    expect(paginationLinks('/bulletins/', 1, 3)!.previous).toBeUndefined();
    expect(paginationLinks('/bulletins/', 2, 3)).toMatchObject({ previous: { href: '/bulletins/' }, next: { href: '/bulletins/page/3/' } });
    expect(paginationLinks('/bulletins/', 3, 3)!.next).toBeUndefined();
    expect(paginationLinks('/bulletins/', 2, 3)!.items).toContainEqual({ number: 1, href: '/bulletins/', current: false });
    expect(() => paginationLinks('/bulletins/', 4, 3)).toThrow('page 4 of 3 does not exist');
  });
});

describe('page sizes, from the worst case the content model allows', () => {
  it('assumes every field at its content-model maximum', () => {
    expect(maxLength('bulletins', 'title')).toBe(150);
    expect(maxLength('bulletins', 'summary')).toBe(600);
    expect(maxLength('procedures', 'title')).toBe(150);
    expect(maxLength('procedures', 'summary')).toBe(600);
    expect(maxLength('procedures', 'category')).toBe(100);
    expect(() => maxLength('procedures', 'audience')).toThrow('procedures.audience has no maxLength in the content model');
    // A worst-case entry holds the title, its address, the summary (and the category) at full length.
    const procedure = worstCaseItem('procedure', 1);
    expect(procedure.length).toBeGreaterThan(150 + 150 + 600 + 100 + 520);
  });

  it('writes text that compresses about as badly as anything an editor types', () => {
    const text = worstText(600, 3);
    expect([...text]).toHaveLength(600);
    expect(worstText(600, 3)).toBe(text);
    // Real prose gzips to well under half; this text to over three quarters.
    expect(gzipSync(Buffer.from(text)).length / Buffer.byteLength(text)).toBeGreaterThan(0.75);
  });

  it.each(['bulletin', 'procedure', 'aToZ'] as const)(
    'keeps a page of the longest %s entries under the 60 KB budget, and twice as many would not be',
    (kind) => {
      const size = PAGE_SIZES[kind];
      const worst = worstCasePageBytes(kind, size);
      console.log(`${kind}: ${size} per page, worst case ${(worst / KB).toFixed(1)} KB (chrome ${CHROME_BYTES / KB} KB)`);
      expect(worst).toBeLessThan(BUDGET.totalBytes);
      expect(worstCasePageBytes(kind, size * 2)).toBeGreaterThan(BUDGET.totalBytes);
    },
  );

  it('keeps the A to Z on the search page only while the longest links still fit beside its filters and script', () => {
    expect(worstCasePageBytes('aToZ', A_TO_Z_ON_SEARCH_PAGE) + SEARCH_PAGE_EXTRA_BYTES).toBeLessThan(BUDGET.totalBytes);
  });
});
