/**
 * What the layout says about one page of a section's paginated index (the
 * bulletins, the procedures): its title and description say which page it
 * is, pages after the first lead back to the first, and only the first is a
 * search result (the others list more of the same entries).
 */
import type { SearchEntry } from '../search/search';
import type { Crumb } from './navigation';
import { paginatedTitle } from './page-titles';

export interface IndexPageLayout {
  title: string;
  description: string;
  breadcrumbs: Crumb[] | undefined;
  search: SearchEntry | undefined;
}

/** The layout's props for page `page` of `pages` of the index whose own page is `crumb`. */
export function indexPageLayout(crumb: Crumb, page: number, pages: number, description: string): IndexPageLayout {
  return {
    title: paginatedTitle(crumb.text, page, pages),
    description: pages > 1 ? `${description} Page ${page} of ${pages}.` : description,
    breadcrumbs: page > 1 ? [crumb] : undefined,
    search: page === 1 ? { type: 'page' } : undefined,
  };
}
