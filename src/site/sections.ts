/**
 * The site's sections, once: where each lives, what it is called, which
 * collection fills it, and what the navigation, breadcrumbs, feeds, search,
 * share images, the CMS's preview links, the page-weight report, the
 * sitemap and the reserved page addresses need to know about it. Each of
 * those reads this table (through the functions below), so a section is
 * added, renamed or moved here and nowhere else.
 *
 * The search page's script bundles this module: keep it plain data and
 * plain functions, importing nothing but types.
 */
import type { CollectionName } from '../content/model';

export interface SectionTemplates {
  page: string;
  entry?: string;
  below?: Readonly<Record<string, string>>;
}

export interface SiteSection {
  /** What the code calls it; the layout's `section` for its pages. */
  name: string;
  /**
   * Its address: "/bulletins/". Its first segment is the section's part of
   * every address in it. General pages have none of their own: each is at
   * /<its file name>/.
   */
  path?: string;
  /** The content collection it shows. */
  collection?: CollectionName;
  /** Its address belongs to a general page (content/pages/), which it does not reserve. */
  pageOfPages?: boolean;
  /** As a reader names it: breadcrumbs back to it, the search filter, its share image. */
  label: string;
  /** One of what it holds: a search result's type, an entry's share image. */
  labelSingular: string;
  /** Every entry of its collection has a page at path + its slug + "/". */
  entryPages?: boolean;
  /**
   * A link in the main navigation: its text when not the label, its place
   * (1 is first), and for a general page, which one (its file name).
   */
  navigation?: { position: number; text?: string; page?: string };
  /** Its pages in the site search: their type, and what a result's date means. */
  search?: { type: string; dateLabel: string };
  /**
   * Its share images say what the page is: the label on the section's own
   * pages, labelSingular on an entry's page, or with `entryCaption` the
   * caption above the entry's title ("Bulletin 5") when it has one. Left
   * out, they say "Information".
   */
  shareImage?: { entryCaption?: boolean };
  /**
   * The page-weight report's names for the templates that made its pages
   * (see sectionTemplates): its own pages (the later pages of a long index
   * too), its entries' pages, and named pages below it. Left out, they are
   * its search type: "bulletin list" and "bulletin".
   */
  template?: SectionTemplates;
  /**
   * Its RSS feed, at path + "rss.xml", or path + `file` when given. Its pages
   * link it in their <head>; with `notOnEntryPages`, only its own pages, not
   * its entries' (a feed of something else than its entries: procedures' changes).
   */
  feed?: { title: string; file?: string; notOnEntryPages?: boolean };
  /** Left out of the sitemap, every page of it. */
  notInSitemap?: boolean;
}

/**
 * In the order of the search page's filters; the main navigation has its
 * own order (`navigation.position`), and the home page links the feeds in
 * this order.
 */
export const SITE_SECTIONS = [
  {
    name: 'pages',
    collection: 'pages',
    label: 'Pages',
    labelSingular: 'Page',
    navigation: { position: 1, text: 'About us', page: 'about' },
    search: { type: 'page', dateLabel: 'Last updated' },
  },
  {
    name: 'procedures',
    path: '/procedures/',
    collection: 'procedures',
    label: 'Procedures',
    labelSingular: 'Procedure',
    entryPages: true,
    navigation: { position: 3 },
    search: { type: 'procedure', dateLabel: 'Last reviewed' },
    // A procedure's caption is its category, not what it is.
    shareImage: {},
    // Every procedure's changes, newest first (src/rules/procedure-changes.ts): a page and its feed.
    template: { page: 'procedure list', entry: 'procedure', below: { changes: 'procedure changes' } },
    feed: { title: 'Procedure changes (RSS)', file: 'changes.xml', notOnEntryPages: true },
  },
  {
    name: 'bulletins',
    path: '/bulletins/',
    collection: 'bulletins',
    label: 'Bulletins',
    labelSingular: 'Bulletin',
    entryPages: true,
    navigation: { position: 5 },
    search: { type: 'bulletin', dateLabel: 'Published' },
    shareImage: { entryCaption: true },
    feed: { title: 'Bulletins (RSS)' },
  },
  {
    name: 'reviews',
    path: '/reviews/',
    collection: 'reviews',
    label: 'Case reviews',
    labelSingular: 'Case review',
    entryPages: true,
    navigation: { position: 4 },
    search: { type: 'review', dateLabel: 'Published' },
    shareImage: { entryCaption: true },
    feed: { title: 'Published case reviews (RSS)' },
  },
  {
    name: 'learning',
    path: '/learning/',
    collection: 'briefings',
    label: 'Learning briefings',
    labelSingular: 'Learning briefing',
    entryPages: true,
    search: { type: 'briefing', dateLabel: 'Review published' },
    shareImage: {},
    feed: { title: 'Learning briefings (RSS)' },
  },
  {
    name: 'reports',
    path: '/reports/',
    collection: 'reports',
    label: 'Annual reports',
    labelSingular: 'Annual report',
    entryPages: true,
    navigation: { position: 6 },
    search: { type: 'report', dateLabel: 'Published' },
    shareImage: { entryCaption: true },
  },
  {
    name: 'strategy',
    path: '/strategy/',
    collection: 'strategy',
    label: 'Strategy',
    labelSingular: 'Strategy',
    navigation: { position: 7 },
    search: { type: 'strategy', dateLabel: 'Published' },
    shareImage: {},
  },
  {
    name: 'threshold',
    path: '/threshold/',
    collection: 'threshold',
    label: 'Threshold document',
    labelSingular: 'Threshold document',
    navigation: { position: 2, text: 'Threshold' },
    search: { type: 'threshold', dateLabel: 'Last updated' },
    shareImage: {},
  },
  {
    name: 'glossary',
    path: '/glossary/',
    collection: 'glossary',
    label: 'Glossary',
    labelSingular: 'Glossary',
    search: { type: 'glossary', dateLabel: 'Last updated' },
    shareImage: {},
  },
  {
    name: 'home',
    path: '/',
    label: 'Home page',
    labelSingular: 'Home page',
    shareImage: {},
    template: { page: 'home' },
  },
  {
    name: 'search',
    path: '/search/',
    label: 'Search',
    labelSingular: 'Search',
    shareImage: {},
    template: { page: 'search', below: { 'a-to-z': 'A to Z' } },
  },
  {
    name: 'accessibility',
    path: '/accessibility/',
    collection: 'accessibility',
    pageOfPages: true,
    label: 'Accessibility statement',
    labelSingular: 'Accessibility statement',
  },
  // The site's settings: on every page, a page of none.
  { name: 'settings', collection: 'settings', label: 'Settings', labelSingular: 'Settings' },
  // Reviews' and reports' documents: /documents/reviews/adult-b/report.pdf.
  { name: 'documents', path: '/documents/', label: 'Documents', labelSingular: 'Document' },
  {
    name: 'admin',
    path: '/admin/',
    label: 'Content manager',
    labelSingular: 'Content manager',
    template: { page: 'CMS' },
    notInSitemap: true,
  },
  // Built as /404.html.
  {
    name: 'not-found',
    path: '/404/',
    label: 'Page not found',
    labelSingular: 'Page not found',
    template: { page: 'not found' },
    notInSitemap: true,
  },
] as const satisfies readonly SiteSection[];

type Row = (typeof SITE_SECTIONS)[number];
export type SectionName = Row['name'];
type Searchable = Extract<Row, { search: unknown }>;
/** A page's type in the site search. */
export type ContentType = Searchable['search']['type'];

const SECTIONS: readonly SiteSection[] = SITE_SECTIONS;

/** The sections whose pages are in the site search, in the order of the search page's filters. */
export const SEARCH_SECTIONS: readonly Searchable[] = SITE_SECTIONS.filter((section): section is Searchable => 'search' in section);

export function siteSection(name: SectionName): SiteSection {
  const found = SECTIONS.find((section) => section.name === name);
  if (!found) throw new Error(`There is no section "${name}" in src/site/sections.ts`);
  return found;
}

/** The first segment of a section's addresses ("bulletins"), '' for the home page; undefined when it has no address. */
export function sectionSegment(section: SiteSection): string | undefined {
  return section.path?.split('/')[1];
}

/** The section an address is in; undefined for a general page (/about/). "/404.html" is the not-found page's. */
export function sectionOfPath(pathname: string): SiteSection | undefined {
  const first = (pathname.split('/').filter(Boolean)[0] ?? '').replace(/\.html$/, '');
  return SECTIONS.find((section) => !section.pageOfPages && sectionSegment(section) === first);
}

/** An entry's page: "/bulletins/covid-19-bulletin-1/". */
export function entryPath(name: SectionName, slug: string): string {
  const section = siteSection(name);
  if (!section.entryPages || !section.path) throw new Error(`The section "${name}" has no page for each entry`);
  return `${section.path}${slug}/`;
}

/** When an address is an entry's page ("/reviews/child-a/"), its section and the entry's slug. */
export function entryOfPath(pathname: string): { section: SiteSection; slug: string } | undefined {
  const section = sectionOfPath(pathname);
  if (!section?.entryPages || !section.path || !pathname.startsWith(section.path)) return undefined;
  const slug = /^([^/]+)\/$/.exec(pathname.slice(section.path.length))?.[1];
  return slug === undefined ? undefined : { section, slug };
}

/** The page-weight report's names for the templates of a section's pages; undefined: "page". */
export function sectionTemplates(section: SiteSection): SectionTemplates | undefined {
  if (section.template) return section.template;
  if (!section.search) return undefined;
  const { type } = section.search;
  return section.entryPages ? { page: `${type} list`, entry: type } : { page: type };
}

/** The main navigation's sections, in its order. */
export function navigationSections(): (SiteSection & { navigation: NonNullable<SiteSection['navigation']> })[] {
  return SECTIONS.filter(
    (section): section is SiteSection & { navigation: NonNullable<SiteSection['navigation']> } => section.navigation !== undefined,
  ).sort((a, b) => a.navigation.position - b.navigation.position);
}

/** Addresses the site's own templates use, which a general page may not take: "bulletins", "404". */
export function reservedPageSlugs(): string[] {
  return SECTIONS.filter((section) => !section.pageOfPages)
    .map(sectionSegment)
    .filter((segment): segment is string => segment !== undefined && segment !== '');
}

/** Where the CMS's "View on site" link goes from an entry of the collection: "bulletins/{{slug}}/". */
export function cmsPreviewPath(collection: CollectionName): string | undefined {
  const section = SECTIONS.find((candidate) => candidate.collection === collection);
  if (!section) return undefined;
  // General pages are at the top level, by their file name.
  if (section.name === 'pages') return '{{slug}}/';
  if (!section.path) return undefined;
  return `${section.path.slice(1)}${section.entryPages ? '{{slug}}/' : ''}`;
}

/** The sections' RSS feeds, with their addresses, in the table's order. */
export function feedSections(): { section: SiteSection; title: string; href: string }[] {
  return SECTIONS.flatMap((section) =>
    section.feed && section.path ? [{ section, title: section.feed.title, href: `${section.path}${section.feed.file ?? 'rss.xml'}` }] : [],
  );
}

/** A page of a section's own below it (its template's `below`): "/procedures/changes/". */
export function pageBelowPath(name: SectionName, page: string): string {
  const section = siteSection(name);
  if (!section.path || !section.template?.below?.[page])
    throw new Error(`The section "${name}" has no page "${page}" in src/site/sections.ts`);
  return `${section.path}${page}/`;
}

/** File names an entry of the collection may not take: its section's own pages below it ("changes" in /procedures/changes/). */
export function reservedEntrySlugs(collection: CollectionName): string[] {
  const section = SECTIONS.find((candidate) => candidate.collection === collection && candidate.entryPages);
  return Object.keys(section?.template?.below ?? {});
}
