import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SEARCH_SECTIONS,
  SITE_SECTIONS,
  cmsPreviewPath,
  entryOfPath,
  entryPath,
  feedSections,
  navigationSections,
  pageBelowPath,
  reservedEntrySlugs,
  reservedPageSlugs,
  sectionOfPath,
  sectionSegment,
  sectionTemplates,
  siteSection,
  type SiteSection,
} from '../../src/site/sections';
import { AUDIENCES, AUDIENCE_LABELS, COLLECTIONS, DOCUMENT_FORMATS } from '../../src/content/model';
import { cmsConfig, cmsOptionsFromEnv, type DecapCollection } from '../../src/cms/config';
import { RESERVED_PAGE_SLUGS, checkAcrossEntries, type RawEntry } from '../../src/content/files';
import { DOCUMENT_PATTERN } from '../../src/content/schemas';
import { documentFormat, documentFormatOf } from '../../src/content/documents';
import { BRIEFINGS_FEED, BULLETINS_FEED, PROCEDURE_CHANGES_FEED, REVIEWS_FEED, feedsFor, robotsTxt } from '../../src/site/feeds';
import { AUDIENCE_HEADINGS } from '../../src/rules/listing';
import { MAIN_NAVIGATION, sectionCrumb } from '../../src/site/navigation';
import { CONTENT_TEMPLATES, templateOf } from '../../tools/page-weight';
import { AUDIENCE_NAMES, CONTENT_TYPES, CONTENT_TYPE_NAMES, DATE_LABELS, resultMetaText } from '../../src/search/search';
import { contentTypeFor } from '../../src/share-images/share-image';
import { excludedFromSitemap } from '../../src/site/sitemap-filter';

const ROOT = join(import.meta.dirname, '..', '..');
const SECTIONS: readonly SiteSection[] = SITE_SECTIONS;
const withPath = SECTIONS.filter((section): section is SiteSection & { path: string } => section.path !== undefined);
const entrySections = withPath.filter((section) => section.entryPages);

const duplicates = (values: readonly unknown[]) => values.filter((value, index) => values.indexOf(value) !== index);

describe('the table of sections', () => {
  it('has a section for every collection in the content model, and one only', () => {
    for (const collection of COLLECTIONS) {
      expect(
        SECTIONS.filter((section) => section.collection === collection.name).map((section) => section.name),
        collection.name,
      ).toHaveLength(1);
    }
    const known = new Set(COLLECTIONS.map((collection) => collection.name));
    for (const section of SECTIONS) if (section.collection) expect(known.has(section.collection), section.name).toBe(true);
  });

  it('gives each section its own name, address, search type and navigation place', () => {
    expect(duplicates(SECTIONS.map((section) => section.name))).toEqual([]);
    expect(duplicates(withPath.map((section) => section.path))).toEqual([]);
    expect(duplicates(withPath.map(sectionSegment))).toEqual([]);
    expect(duplicates(SEARCH_SECTIONS.map((section) => section.search.type))).toEqual([]);
    expect(navigationSections().map((section) => section.navigation.position)).toEqual(navigationSections().map((_, index) => index + 1));
  });

  it('writes every address as "/segment/", one segment deep (or "/" for the home page)', () => {
    for (const { name, path } of withPath) expect(path, name).toMatch(/^\/(?:[a-z0-9-]+\/)?$/);
  });

  it("has a template in src/pages/ for every section's own page and, where it has them, its entries' pages", () => {
    for (const section of withPath) {
      const segment = sectionSegment(section)!;
      if (section.pageOfPages) {
        // Its page is a general page: content/pages/<segment>.mdx.
        expect(existsSync(join(ROOT, 'content', 'pages', `${segment}.mdx`)), section.name).toBe(true);
        continue;
      }
      const page =
        segment === ''
          ? ['index.astro']
          : [`${segment}.astro`, join(segment, 'index.astro'), join(segment, 'index.ts'), join(segment, 'config.yml.ts')];
      const folder = join(ROOT, 'src', 'pages', segment);
      expect(
        page.some((file) => existsSync(join(ROOT, 'src', 'pages', file))) || (existsSync(folder) && readdirSync(folder).length > 0),
        section.name,
      ).toBe(true);
      if (section.entryPages) expect(existsSync(join(folder, '[slug].astro')), section.name).toBe(true);
    }
  });

  it('names as a section every `section` the templates give the layout (general pages give their own address)', () => {
    const names = new Set(SECTIONS.map((section) => section.name));
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro'));
    const given = files.flatMap((file) =>
      [...readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/\bsection="([^"]+)"/g)].map((match) => match[1]!),
    );
    expect(given.length).toBeGreaterThan(10);
    for (const name of given) expect(names.has(name), name).toBe(true);
  });
});

describe('what each reader takes from it', () => {
  it("the main navigation: the sections in the reader's order, About us first", () => {
    expect(MAIN_NAVIGATION).toEqual([
      { href: '/about/', text: 'About us', section: 'about' },
      { href: '/threshold/', text: 'Threshold', section: 'threshold' },
      { href: '/procedures/', text: 'Procedures', section: 'procedures' },
      { href: '/reviews/', text: 'Case reviews', section: 'reviews' },
      { href: '/bulletins/', text: 'Bulletins', section: 'bulletins' },
      { href: '/reports/', text: 'Annual reports', section: 'reports' },
      { href: '/strategy/', text: 'Strategy', section: 'strategy' },
    ]);
    // "About us" is a general page: it must exist.
    for (const { navigation } of navigationSections())
      if (navigation.page) expect(existsSync(join(ROOT, 'content', 'pages', `${navigation.page}.mdx`))).toBe(true);
  });

  it('breadcrumbs back to a section read as the navigation does', () => {
    for (const section of entrySections) {
      const crumb = sectionCrumb(section.name as 'bulletins');
      expect(crumb).toEqual({ href: section.path, text: section.label });
      // A section in the main navigation is named there as its breadcrumb names it (the learning briefings are linked from the reviews instead).
      if (section.navigation) expect(MAIN_NAVIGATION.find((item) => item.href === crumb.href)?.text).toBe(crumb.text);
      else expect(MAIN_NAVIGATION.some((item) => item.href === crumb.href)).toBe(false);
    }
    expect(sectionCrumb('search')).toEqual({ href: '/search/', text: 'Search' });
    expect(() => sectionCrumb('settings')).toThrow(/no page/);
  });

  it("entries' addresses, both ways", () => {
    for (const section of entrySections) {
      const path = entryPath(section.name as 'bulletins', 'an-entry');
      expect(path).toBe(`${section.path}an-entry/`);
      expect(entryOfPath(path)).toEqual({ section, slug: 'an-entry' });
      expect(entryOfPath(section.path)).toBeUndefined();
      expect(entryOfPath(`${section.path}page/2/`)).toBeUndefined();
    }
    expect(() => entryPath('strategy', 'x')).toThrow(/no page for each entry/);
    expect(entryOfPath('/about/')).toBeUndefined();
  });

  it('the section of an address', () => {
    expect(sectionOfPath('/')?.name).toBe('home');
    expect(sectionOfPath('/404.html')?.name).toBe('not-found');
    expect(sectionOfPath('/bulletins/page/2/')?.name).toBe('bulletins');
    expect(sectionOfPath('/search/a-to-z/g/')?.name).toBe('search');
    expect(sectionOfPath('/admin/config.yml')?.name).toBe('admin');
    // General pages, the accessibility statement among them, are in no section of their own.
    expect(sectionOfPath('/about/')).toBeUndefined();
    expect(sectionOfPath('/accessibility/')).toBeUndefined();
  });

  it("reserved page addresses: every section's own, but not the accessibility statement, which is a general page", () => {
    expect([...RESERVED_PAGE_SLUGS].sort()).toEqual([
      '404',
      'admin',
      'bulletins',
      'documents',
      'glossary',
      'learning',
      'procedures',
      'reports',
      'reviews',
      'search',
      'strategy',
      'threshold',
    ]);
    expect(reservedPageSlugs()).toEqual(RESERVED_PAGE_SLUGS);
    const page = (slug: string): RawEntry => ({
      collection: 'pages',
      file: `content/pages/${slug}.mdx`,
      absolutePath: `/x/content/pages/${slug}.mdx`,
      data: {},
      body: '',
      bodyLine: 1,
    });
    const problems = checkAcrossEntries([page('reports'), page('accessibility'), page('about')]);
    expect(problems.map((problem) => problem.file)).toEqual(['content/pages/reports.mdx']);
  });

  it('the CMS\'s "View on site" link for each collection is the address of the entry\'s page', () => {
    const config = cmsConfig(cmsOptionsFromEnv({}, { dev: false, siteUrl: 'https://example.org' }));
    const previewPath = (collection: DecapCollection): unknown =>
      collection.preview_path ?? (collection.files as { preview_path?: string }[] | undefined)?.[0]?.preview_path;
    const paths = Object.fromEntries(config.collections.map((collection) => [collection.name, previewPath(collection)]));
    expect(paths).toEqual({
      pages: '{{slug}}/',
      strategy: 'strategy/',
      threshold: 'threshold/',
      procedures: 'procedures/{{slug}}/',
      bulletins: 'bulletins/{{slug}}/',
      reviews: 'reviews/{{slug}}/',
      briefings: 'learning/{{slug}}/',
      reports: 'reports/{{slug}}/',
      glossary: 'glossary/',
      settings: undefined,
      accessibility: 'accessibility/',
    });
    for (const section of entrySections)
      expect(`/${cmsPreviewPath(section.collection!)!.replace('{{slug}}', 'x')}`).toBe(entryPath(section.name as 'bulletins', 'x'));
  });

  it('pages below a section: their addresses, and the entry file names they keep for themselves', () => {
    expect(pageBelowPath('procedures', 'changes')).toBe('/procedures/changes/');
    expect(() => pageBelowPath('bulletins', 'changes')).toThrow('has no page "changes"');
    expect(reservedEntrySlugs('procedures')).toEqual(['changes']);
    expect(reservedEntrySlugs('bulletins')).toEqual([]);
    expect(existsSync(join(ROOT, 'src', 'pages', 'procedures', 'changes.astro'))).toBe(true);
  });

  it("feeds: each section's at its address, with an endpoint; the home page links every one", () => {
    expect(feedSections().map(({ title, href }) => ({ title, href }))).toEqual([
      PROCEDURE_CHANGES_FEED,
      BULLETINS_FEED,
      REVIEWS_FEED,
      BRIEFINGS_FEED,
    ]);
    expect(PROCEDURE_CHANGES_FEED).toEqual({ title: 'Procedure changes (RSS)', href: '/procedures/changes.xml' });
    expect(BRIEFINGS_FEED).toEqual({ title: 'Learning briefings (RSS)', href: '/learning/rss.xml' });
    expect(BULLETINS_FEED).toEqual({ title: 'Bulletins (RSS)', href: '/bulletins/rss.xml' });
    expect(REVIEWS_FEED).toEqual({ title: 'Published case reviews (RSS)', href: '/reviews/rss.xml' });
    for (const { href } of feedSections()) expect(existsSync(join(ROOT, 'src', 'pages', `${href}.ts`)), href).toBe(true);
    expect(feedsFor('/')).toEqual([PROCEDURE_CHANGES_FEED, BULLETINS_FEED, REVIEWS_FEED, BRIEFINGS_FEED]);
    for (const path of ['/procedures/', '/procedures/page/2/', '/procedures/changes/'])
      expect(feedsFor(path), path).toEqual([PROCEDURE_CHANGES_FEED]);
    // A feed of changes, not of procedures: a procedure's page links /procedures/changes/ in its text instead.
    expect(feedsFor('/procedures/rapid-review/')).toEqual([]);
    expect(feedsFor('/learning/child-a-learning-briefing/')).toEqual([BRIEFINGS_FEED]);
    expect(feedsFor('/bulletins/page/2/')).toEqual([BULLETINS_FEED]);
    expect(feedsFor('/reviews/')).toEqual([REVIEWS_FEED]);
    for (const path of ['/about/', '/search/', '/404.html']) expect(feedsFor(path), path).toEqual([]);
    expect(robotsTxt('https://example.org/')).toContain('Disallow: /admin/\n');
  });

  it("search: a type, a name and a date label for every searchable section, in the filters' order", () => {
    expect([...CONTENT_TYPES]).toEqual(SEARCH_SECTIONS.map((section) => section.search.type));
    for (const section of SEARCH_SECTIONS) {
      expect(CONTENT_TYPE_NAMES[section.search.type]).toEqual({ one: section.labelSingular, filter: section.label });
      expect(DATE_LABELS[section.search.type]).toBe(section.search.dateLabel);
    }
    expect(resultMetaText({ type: 'review', date: '2026-01-20' })).toBe('Case review · Published 20 January 2026');
  });

  it("share images: the section's label on its pages, an entry's caption or kind on an entry's, \"Information\" elsewhere", () => {
    for (const section of withPath) {
      expect(contentTypeFor(section.path), section.name).toBe(section.shareImage ? section.label : 'Information');
      if (section.entryPages) {
        expect(contentTypeFor(`${section.path}x/`)).toBe(section.labelSingular);
        expect(contentTypeFor(`${section.path}x/`, 'A caption')).toBe(
          section.shareImage?.entryCaption ? 'A caption' : section.labelSingular,
        );
      }
    }
    expect(contentTypeFor('/about/')).toBe('Information');
  });

  it("page weight: a template for every page, its section's", () => {
    expect(templateOf('/')).toBe('home');
    expect(templateOf('/404.html')).toBe('not found');
    expect(templateOf('/admin/')).toBe('CMS');
    for (const section of entrySections) {
      const { search } = section;
      expect(templateOf(section.path)).toBe(`${search!.type} list`);
      expect(templateOf(`${section.path}page/3/`)).toBe(`${search!.type} list`);
      expect(templateOf(`${section.path}an-entry/`)).toBe(search!.type);
    }
    expect(templateOf('/strategy/')).toBe('strategy');
    expect(templateOf('/search/a-to-z/g/2/')).toBe('A to Z');
    expect(templateOf('/about/')).toBe('page');
    expect(templateOf('/accessibility/')).toBe('page');
    expect(templateOf('/documents/reports/x/report.pdf')).toBe('page');
  });

  it("page weight: every content-page template is one a section's pages are made by", () => {
    const made = new Set([
      'page',
      ...SECTIONS.flatMap((section) => {
        const templates = sectionTemplates(section);
        return templates ? [templates.page, ...(templates.entry ? [templates.entry] : []), ...Object.values(templates.below ?? {})] : [];
      }),
    ]);
    for (const template of CONTENT_TEMPLATES) expect(made.has(template), template).toBe(true);
  });

  it("the sitemap leaves out the CMS, the not-found page and hidden reviews, by the sections' addresses", () => {
    const hidden = new Set(['gone']);
    for (const page of ['/admin/', '/admin/config.yml', '/404/', '/404.html', `${siteSection('reviews').path}gone/`])
      expect(excludedFromSitemap(`https://example.org${page}`, hidden), page).toBe(true);
    for (const page of ['/', '/reviews/', '/reviews/kept/', '/bulletins/gone/', '/gone/', '/reviews/gone/extra/'])
      expect(excludedFromSitemap(`https://example.org${page}`, hidden), page).toBe(false);
  });
});

describe('audiences and document formats, each named once', () => {
  it("audience labels: the procedures' headings and the search's names come from the content model", () => {
    for (const audience of AUDIENCES) {
      expect(AUDIENCE_HEADINGS[audience]).toBe(AUDIENCE_LABELS[audience].heading);
      expect(AUDIENCE_NAMES[audience]).toBe(AUDIENCE_LABELS[audience].name);
    }
    expect(AUDIENCE_HEADINGS.children).toBe('Children and young people');
    expect(AUDIENCE_NAMES.children).toBe('Children');
  });

  it('document formats: every one a link can name is one the schema accepts and the site serves with its own media type', () => {
    for (const [extension, format] of Object.entries(DOCUMENT_FORMATS)) {
      expect(DOCUMENT_PATTERN.test(`report.${extension}`), extension).toBe(true);
      expect(documentFormat(`report.${extension}`)).toBe(format.name);
      expect(documentFormatOf(extension)?.mediaType).toMatch(/^application\/[a-z0-9.+-]+$/);
    }
    expect(documentFormatOf('pdf')?.mediaType).toBe('application/pdf');
    expect(documentFormatOf('exe')).toBeUndefined();
    expect(documentFormatOf('toString')).toBeUndefined();
    const route = readFileSync(join(ROOT, 'src', 'pages', 'documents', '[collection]', '[entry]', '[file].ts'), 'utf8');
    expect(route).toContain('documentFormatOf(extension)?.mediaType');
    expect(route).not.toMatch(/application\/pdf/);
  });
});
