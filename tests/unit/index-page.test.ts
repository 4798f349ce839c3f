/** One page of a paginated index, as the layout is told it (src/site/index-page.ts). */
import { describe, expect, it } from 'vitest';
import { indexPageLayout } from '../../src/site/index-page';

const crumb = { href: '/bulletins/', text: 'Bulletins' };
const description = 'Bulletins the partnership sends to partners.';

describe("a section's paginated index", () => {
  it('on one page: the plain title and description, no breadcrumb back, a search result', () => {
    expect(indexPageLayout(crumb, 1, 1, description)).toEqual({
      title: 'Bulletins',
      description,
      breadcrumbs: undefined,
      search: { type: 'page' },
    });
  });

  it('on the first of several pages: says which page it is, and is still the one search result', () => {
    expect(indexPageLayout(crumb, 1, 3, description)).toEqual({
      title: 'Bulletins, page 1 of 3',
      description: 'Bulletins the partnership sends to partners. Page 1 of 3.',
      breadcrumbs: undefined,
      search: { type: 'page' },
    });
  });

  it('on a later page: says which page it is, leads back to the first, and is not a search result', () => {
    expect(indexPageLayout(crumb, 3, 3, description)).toEqual({
      title: 'Bulletins, page 3 of 3',
      description: 'Bulletins the partnership sends to partners. Page 3 of 3.',
      breadcrumbs: [crumb],
      search: undefined,
    });
  });
});
