/**
 * The CMS previews show the site's own markup: each preview template
 * (cms/previews.ts), drawn by react-dom with an entry from content/ and the
 * site's settings, holds the same blocks (src/html/blocks.ts) as that
 * entry's built page: the heading with its caption and sample tag, the
 * breadcrumbs (their links inert in the preview), the summary lists, the
 * overdue and bulletin warnings, a withdrawn review's short page, who to call
 * and the contact details. Compared as parsed HTML (tests/support/markup-compare.ts).
 */
import { join, resolve } from 'node:path';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewTemplates } from '../../cms/previews';
import { setSettings } from '../../cms/settings-store';
import { setBriefings } from '../../cms/briefings-store';
import { readAllEntries, readRawEntry } from '../../src/content/files';
import { siteToday } from '../../src/rules/dates';
import { retentionYearsFrom, reviewStatus } from '../../src/rules/retention';
import type { SettingsData } from '../../src/content/data-types';
import { siteDist } from '../../tools/built-pages';
import { readBuilt } from '../support/built-site';
import { elementsWithClass } from '../support/markup-compare';

const root = resolve('.');
const dist = siteDist();
const entryData = (file: string) => readRawEntry(join(root, 'content', file), root).data;
const settings = entryData('settings/site.yaml') as unknown as SettingsData;
const templates = new Map(previewTemplates());

/** A preview template drawn as Decap draws it, with the entry's data and a stand-in for its body. */
function preview(collection: string, data: Record<string, unknown>, slug?: string): string {
  const template = templates.get(collection)!;
  const props = {
    entry: { get: (key: string) => (key === 'data' ? { toJS: () => structuredClone(data) } : key === 'slug' ? slug : undefined) },
    widgetFor: () => createElement('p', { className: 'sg-test-body' }, 'The body'),
    getCollection: async () => [],
  } as unknown as PreviewTemplateComponentProps;
  return renderToStaticMarkup(template(props) as ReactNode);
}

const page = (path: string): string => {
  const html = readBuilt(dist, path);
  if (!html) throw new Error(`${path} is not in ${dist}`);
  return html;
};
const withoutHrefs = (html: string) => html.replace(/ href="[^"]*"/g, '');

beforeAll(() => {
  // The previews' today: /admin/'s <meta name="site-now">, absent here as in the build, so the date in London (cms/site-today.ts).
  (globalThis as { document?: unknown }).document = { querySelector: () => null };
  setSettings(settings);
  // The learning briefings, as the CMS reads them once for the review previews (cms/briefings-store.ts).
  setBriefings(
    readAllEntries(root, 'briefings').map((entry) => ({
      slug: entry.file.replace(/^.*\//, '').replace(/\.mdx$/, ''),
      title: String(entry.data.title),
      review: String(entry.data.review),
      sample: entry.data.sample === true,
    })),
  );
});

describe("the CMS previews draw the site's markup", () => {
  it('a procedure: its heading, facts, overdue warning and changes, as on its page', () => {
    const data = entryData('procedures/rapid-review.mdx');
    expect(String(data.reviewDue) < siteToday(), 'the rapid review procedure is overdue in the content').toBe(true);
    const [drawn, built] = [preview('procedures', data), page('/procedures/rapid-review/')];
    for (const className of ['govuk-caption-l', 'govuk-heading-xl', 'govuk-summary-list', 'govuk-warning-text']) {
      const fromSite = elementsWithClass(built, className);
      expect(fromSite.length, className).toBeGreaterThan(0);
      // The preview's body is a stand-in, so the site's page may have more (a warning in its body): the preview's come first.
      expect(elementsWithClass(drawn, className, { fragment: true }), className).toEqual(
        fromSite.slice(0, elementsWithClass(drawn, className, { fragment: true }).length),
      );
    }
    expect(elementsWithClass(drawn, 'govuk-summary-list', { fragment: true })).toHaveLength(2);
    expect(elementsWithClass(drawn, 'govuk-warning-text', { fragment: true })[0]).toContain('was due for review on');
    expect(elementsWithClass(drawn, 'govuk-breadcrumbs', { fragment: true }).map(withoutHrefs)).toEqual(
      elementsWithClass(built, 'govuk-breadcrumbs').map(withoutHrefs),
    );
  });

  it('a bulletin: its caption, sample tag and the warning that guidance may have changed', () => {
    const data = entryData('bulletins/covid-19-bulletin-1.mdx');
    const [drawn, built] = [preview('bulletins', data), page('/bulletins/covid-19-bulletin-1/')];
    expect(elementsWithClass(drawn, 'govuk-caption-l', { fragment: true })).toEqual(elementsWithClass(built, 'govuk-caption-l'));
    expect(elementsWithClass(drawn, 'sg-sample-tag', { fragment: true })).toEqual(elementsWithClass(built, 'sg-sample-tag'));
    expect(elementsWithClass(built, 'sg-sample-tag')).toHaveLength(data.sample === true ? 1 : 0);
    const warnings = [elementsWithClass(drawn, 'govuk-warning-text', { fragment: true }), elementsWithClass(built, 'govuk-warning-text')];
    expect(warnings[0]).toHaveLength(1);
    expect(withoutHrefs(warnings[0]![0]!)).toBe(withoutHrefs(warnings[1]![0]!));
  });

  it('a withdrawn review: only its short page, as the site shows it', () => {
    const data = entryData('reviews/d-domestic-homicide-review.mdx');
    const status = reviewStatus(String(data.published), siteToday(), retentionYearsFrom(settings as unknown as Record<string, unknown>));
    expect(status.state, "review D is withdrawn by the site's today").toBe('withdrawn');
    // With its learning briefing's link, as the site's short page has it.
    const drawn = elementsWithClass(preview('reviews', data, 'd-domestic-homicide-review'), 'sg-preview-withdrawn', { fragment: true })[0]!;
    expect(drawn).toContain('href="/learning/d-learning-briefing/"');
    const built = page('/reviews/d-domestic-homicide-review/');
    const column = elementsWithClass(built, 'govuk-grid-column-two-thirds')[1]!;
    expect(drawn.replace(/^<div class="sg-preview-withdrawn">|<\/div>$/g, '')).toBe(
      column.replace(/^<div class="govuk-grid-column-two-thirds">|<\/div>$/g, ''),
    );
    expect(elementsWithClass(preview('reviews', data), 'govuk-heading-xl', { fragment: true })).toEqual(
      elementsWithClass(built, 'govuk-heading-xl'),
    );
  });

  it('a public review: its heading and the facts above it (type, published, when it leaves the site)', () => {
    const data = entryData('reviews/child-a-practice-review.mdx');
    const status = reviewStatus(String(data.published), siteToday(), retentionYearsFrom(settings as unknown as Record<string, unknown>));
    expect(status.state, "review Child A is public by the site's today").toBe('public');
    const [drawn, built] = [preview('reviews', data), page('/reviews/child-a-practice-review/')];
    for (const className of ['govuk-heading-xl', 'sg-sample-tag', 'govuk-summary-list']) {
      expect(elementsWithClass(drawn, className, { fragment: true }), className).toEqual(elementsWithClass(built, className));
    }
    expect(elementsWithClass(drawn, 'govuk-summary-list', { fragment: true })[0]).toContain('Leaves this website');
  });

  it('the settings: who to call as on the home page, the contact details as on the contact page', () => {
    const drawn = preview('settings', settings as unknown as Record<string, unknown>);
    expect(elementsWithClass(drawn, 'sg-help', { fragment: true })).toEqual(elementsWithClass(page('/'), 'sg-help'));
    const contact = (html: string, options = {}) =>
      elementsWithClass(html, 'govuk-inset-text', options).filter((panel) => panel.includes('sg-footer-address'));
    expect(contact(drawn, { fragment: true })).toHaveLength(1);
    expect(contact(drawn, { fragment: true })).toEqual(contact(page('/contact/')));
  });
});
