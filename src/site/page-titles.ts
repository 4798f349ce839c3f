/**
 * What a page is called: in the browser tab (<title>), in its <h1> and in
 * lists that link to it. A title says what the page is on its own, because
 * it is the first thing a screen reader reads and the only thing a tab or a
 * bookmark shows.
 */
import type { ReviewType } from '../content/data-types';

/** html-validate's long-title limit, and about what a search engine shows. */
export const MAX_TITLE_LENGTH = 70;

export interface DocumentTitleParts {
  /** The page's own title, as its <h1> says it. */
  title: string;
  siteName: string;
  organisation: string;
  /** The home page is named after the site and the partnership. */
  home?: boolean;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The <title>: "Page title - Site name". The site name is left off when the
 * title already says it ("Accessibility statement for Safeguarding Southend")
 * and when adding it would make the title longer than MAX_TITLE_LENGTH: the
 * words that say what the page is matter more than the site's name.
 */
export function documentTitle({ title, siteName, organisation, home = false }: DocumentTitleParts): string {
  const page = normalise(title);
  const site = normalise(siteName);
  if (home) return `${site}: ${normalise(organisation)}`;
  if (site === '' || page.toLowerCase().includes(site.toLowerCase())) return page;
  const full = `${page} - ${site}`;
  return full.length <= MAX_TITLE_LENGTH ? full : page;
}

/**
 * A review's name says what kind of review it is: a review is published under
 * a letter or a pseudonym ("D", "Child A"), which says nothing on its own.
 * "Domestic Homicide Review D". A title that already names its type is kept.
 */
export function reviewTitle(title: string, type: ReviewType): string {
  const name = normalise(title);
  if (name.toLowerCase().includes(type.toLowerCase())) return name;
  return `${type} ${name}`;
}

/** What a withdrawn review's short page is called, so nobody takes it for the review itself. */
export function withdrawnReviewTitle(title: string, type: ReviewType): string {
  return `${reviewTitle(title, type)} (no longer on this website)`;
}

/**
 * One page of a long index says which it is, in its <h1> and its tab:
 * "Bulletins, page 2 of 5". An index on one page keeps its plain title.
 */
export function paginatedTitle(title: string, page: number, pages: number): string {
  return pages > 1 ? `${normalise(title)}, page ${page} of ${pages}` : title;
}
