/** One page of a paginated index, as the layout is told it (src/site/index-page.ts). */
import { describe, expect, it } from 'vitest';
import { indexPageLayout, type IndexPageLayout } from '../../src/site/index-page';

const crumb = { href: '/bulletins/', text: 'Bulletins' };
const description = 'Bulletins the partnership sends to partners.';

const cases: [string, number, number, IndexPageLayout][] = [
  [
    'on one page: the plain title and description, no breadcrumb back, a search result',
    1,
    1,
    { title: 'Bulletins', description, breadcrumbs: undefined, search: { type: 'page' } },
  ],
  [
    'on the first of several pages: says which page it is, and is still the one search result',
    1,
    3,
    { title: 'Bulletins, page 1 of 3', description: `${description} Page 1 of 3.`, breadcrumbs: undefined, search: { type: 'page' } },
  ],
  [
    'on a later page: says which page it is, leads back to the first, and is not a search result',
    3,
    3,
    { title: 'Bulletins, page 3 of 3', description: `${description} Page 3 of 3.`, breadcrumbs: [crumb], search: undefined },
  ],
];

describe("a section's paginated index", () => {
  it.each(cases)('%s', (_name, page, pages, expected) => {
    expect(indexPageLayout(crumb, page, pages, description)).toEqual(expected);
  });
});
