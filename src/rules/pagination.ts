/**
 * Long indexes split into numbered pages, each a real address that works
 * without JavaScript: /bulletins/ is page 1, /bulletins/page/2/ page 2, and
 * so on. The links follow GOV.UK Frontend's pagination component (first,
 * last, the current page and its neighbours, "⋯" between).
 *
 * How many entries a page holds is worked out from the content model's
 * longest fields (tools/page-size-worst-case.ts), so that a page of the
 * longest entries an editor can write is still within the page-weight budget.
 */

export interface PageOf<T> {
  /** 1-based. */
  page: number;
  pages: number;
  items: T[];
  /** Position of the first and last item on this page in the whole list, 1-based. */
  from: number;
  to: number;
  total: number;
}

export function pageCount(total: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size is ${size}; expected a whole number of at least 1`);
  return Math.max(1, Math.ceil(total / size));
}

/** Every page of a list, in order; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number): PageOf<T>[] {
  const pages = pageCount(items.length, size);
  return Array.from({ length: pages }, (_, index) => {
    const slice = items.slice(index * size, (index + 1) * size);
    return {
      page: index + 1,
      pages,
      items: slice,
      from: slice.length ? index * size + 1 : 0,
      to: index * size + slice.length,
      total: items.length,
    };
  });
}

/** The address of page `page` of the index at `base` ("/bulletins/"): page 1 is the index itself. */
export function pageHref(base: string, page: number): string {
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`index address is "${base}"; expected a path that starts and ends with "/"`);
  return page <= 1 ? base : `${base}page/${page}/`;
}

/** getStaticPaths for the pages after the first: { params: { page: "2" } } … */
export function laterPageParams(pages: number): { params: { page: string } }[] {
  return Array.from({ length: Math.max(0, pages - 1) }, (_, index) => ({ params: { page: String(index + 2) } }));
}

export type PaginationItem = { number: number; href: string; current: boolean } | { ellipsis: true };

export interface PaginationLinks {
  previous?: { href: string };
  next?: { href: string };
  items: PaginationItem[];
}

/**
 * The links GOV.UK's pagination component shows: always the first and the
 * last page, the current page and one either side, and an ellipsis for any
 * gap of more than one page. Nothing when there is only one page.
 */
export function paginationLinks(base: string, page: number, pages: number): PaginationLinks | undefined {
  if (pages <= 1) return undefined;
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new Error(`page ${page} of ${pages} does not exist`);
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((number) => number >= 1 && number <= pages).sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let last = 0;
  for (const number of shown) {
    if (number - last === 2) items.push({ number: last + 1, href: pageHref(base, last + 1), current: false });
    else if (number - last > 2) items.push({ ellipsis: true });
    items.push({ number, href: pageHref(base, number), current: number === page });
    last = number;
  }
  return {
    ...(page > 1 ? { previous: { href: pageHref(base, page - 1) } } : {}),
    ...(page < pages ? { next: { href: pageHref(base, page + 1) } } : {}),
    items,
  };
}

/** "Showing 31 to 60 of 1,667 bulletins" */
export function showingText(page: Pick<PageOf<unknown>, 'from' | 'to' | 'total'>, noun: string): string {
  const number = (value: number) => value.toLocaleString('en-GB');
  return `Showing ${number(page.from)} to ${number(page.to)} of ${number(page.total)} ${noun}`;
}

// ---------------------------------------------------------------------------
// Page sizes from the worst case

/**
 * Entries per index page. With every field at its longest, in text that
 * hardly compresses, a page of 30 bulletins transfers about 47 KB and of 30
 * procedures about 50 KB, 100 A to Z links about 48 KB: under the 60 KB
 * budget with room for the stylesheet to grow (tools/page-size-worst-case.ts,
 * tests/unit/pagination.test.ts).
 */
export const PAGE_SIZES = { bulletin: 30, procedure: 30, aToZ: 100 } as const;
/**
 * The search page keeps its A to Z on the page while it has at most this
 * many links; beyond, each letter has its own pages (/search/a-to-z/g/). The
 * search page carries its filters and script besides (tools/page-size-worst-case.ts).
 */
export const A_TO_Z_ON_SEARCH_PAGE = 60;
