/**
 * Each block the site and the CMS previews share (src/html/blocks.ts),
 * drawn both ways: serialised, as the site's Astro components do, and as
 * React elements rendered by react-dom, as the previews do; the same HTML,
 * with hostile text escaped in both. And the rules the previews call: the
 * retention period in force, a procedure overdue, and today as the site has it.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { raw, renderHtml, toElements, type CreateElement, type MarkupNode } from '../../src/html/markup';
import {
  breadcrumbsBlock,
  contactPanelBlock,
  helpNumbersBlock,
  learningThemesBlock,
  pageHeadingBlock,
  sampleTagBlock,
  summaryListBlock,
  warningBlock,
  withdrawnReviewBlock,
} from '../../src/html/blocks';
import { DEFAULT_RETENTION_YEARS, isRetentionPeriod, retentionYearsInForce } from '../../src/rules/retention';
import { overdueWarningText, procedureFacts, reviewOverdue } from '../../src/rules/procedure-page';
import { siteToday } from '../../src/rules/dates';
import { cmsToday } from '../../cms/site-today';
import { normalisedHtml } from '../support/markup-compare';
import { WITHDRAWN_REVIEW_D } from '../support/withdrawn-review';

const HOSTILE = '<img src=x onerror=alert(1)> "Tom & Jerry\'s"';

const drawnByReact = (node: MarkupNode): string =>
  renderToStaticMarkup(createElement('div', null, toElements(node, createElement as CreateElement<ReactElement>) as ReactElement)).replace(
    /^<div>|<\/div>$/g,
    '',
  );

const BLOCKS: [string, MarkupNode][] = [
  ['warning', warningBlock(HOSTILE)],
  ['learning themes', learningThemesBlock(['Information sharing', HOSTILE])],
  ["warning around the site's rendered slot", warningBlock(raw('<p>Call <a href="tel:999">999</a>.</p>'))],
  [
    'summary list',
    summaryListBlock(
      [
        ['Type of review', HOSTILE],
        ['Published', '1 September 2025'],
      ],
      { border: false, searchIgnore: true },
    ),
  ],
  ['contact panel', contactPanelBlock({ organisation: HOSTILE, email: 'a@b.org', phone: '01702 534706', address: ['Floor 6', HOSTILE] })],
  [
    'contact panel, phone still being typed',
    contactPanelBlock({ organisation: 'O', email: 'a@b.org', phone: '01702 53470O', address: [] }),
  ],
  [
    'who to call',
    helpNumbersBlock(
      {
        childrenInHours: '01702 215007',
        childrenInHoursTimes: HOSTILE,
        adultsContactPage: 'https://www.southend.gov.uk/',
        outOfHours: '0345 606 1212',
        childrenOnlineForm: 'http://not-https.example/',
      },
      { title: HOSTILE, headingLevel: 3, reportLink: false },
    ),
  ],
  ['sample tag', sampleTagBlock()],
  ['page heading', pageHeadingBlock({ title: HOSTILE, caption: 'Bulletin 5', sample: true })],
  ['breadcrumbs', breadcrumbsBlock([{ href: '/reviews/', text: HOSTILE }])],
  ['withdrawn review', withdrawnReviewBlock(WITHDRAWN_REVIEW_D)],
];

describe('the blocks the site and the previews share', () => {
  it.each(BLOCKS)('%s: the same HTML serialised for the site and drawn by React for the preview', (_name, block) => {
    const site = renderHtml(block);
    expect(site.length).toBeGreaterThan(20);
    expect(normalisedHtml(drawnByReact(block))).toBe(normalisedHtml(site));
    // Hostile text is text in both: no element made from it.
    expect(site).not.toContain('<img');
    expect(drawnByReact(block)).not.toContain('<img');
  });

  it('draws what only an editor meets as the preview always has: an unfinished number as text with a tag, not a link, a refused address as text', () => {
    const help = renderHtml(helpNumbersBlock({ childrenInHours: '01702 CALLME', adultsContactPage: 'javascript:alert(1)' }));
    expect(help).toContain(
      '<span class="sg-phone-unfinished">01702 CALLME</span> <strong class="govuk-tag govuk-tag--red">Not a phone number yet</strong>',
    );
    expect(help).not.toContain('javascript:');
    expect(help).toContain('<p>Contact Southend adult social care</p>');
  });

  it('keeps the link to report a concern unless the page is report a concern', () => {
    expect(renderHtml(helpNumbersBlock({}))).toContain('href="/report-a-concern/"');
    expect(renderHtml(helpNumbersBlock({}, { reportLink: false }))).not.toContain('href="/report-a-concern/"');
  });
});

describe('the rules the previews call, as the site does', () => {
  afterEach(() => {
    delete (globalThis as { document?: unknown }).document;
  });

  it("takes the settings' retention period when the rule takes it, and the default while it does not", () => {
    expect(retentionYearsInForce({ reviewRetentionYears: 2 })).toBe(2);
    for (const years of [0, 1.5, -1, '2', undefined])
      expect(retentionYearsInForce({ reviewRetentionYears: years }), String(years)).toBe(DEFAULT_RETENTION_YEARS);
    expect(isRetentionPeriod(3)).toBe(true);
    expect(isRetentionPeriod(0)).toBe(false);
  });

  it('calls a procedure overdue from the day after its review date, and not while the date is being typed', () => {
    expect(reviewOverdue('2026-06-30', '2026-06-30')).toBe(false);
    expect(reviewOverdue('2026-06-30', '2026-07-01')).toBe(true);
    expect(reviewOverdue('2026-0', '2026-07-01')).toBe(false);
    expect(overdueWarningText('2026-06-30')).toBe(
      "This procedure was due for review on 30 June 2026 and may be out of date. Check with your organisation's safeguarding lead before relying on it.",
    );
    expect(procedureFacts({ audience: 'adults', lastReviewed: '2025-06-30', reviewDue: '2026-06-30' })).toEqual([
      ['For', 'Adults'],
      ['Last reviewed', '30 June 2025'],
      ['Next review due', '30 June 2026'],
    ]);
  });

  it("has the CMS's today as the site's: SITE_NOW carried by /admin/, otherwise the date in London", () => {
    const page = (siteNow: string | undefined) => ({ querySelector: () => (siteNow === undefined ? null : { content: siteNow }) });
    (globalThis as { document?: unknown }).document = page('2026-09-01');
    expect(cmsToday()).toBe(siteToday({ SITE_NOW: '2026-09-01' }));
    expect(cmsToday()).toBe('2026-09-01');
    (globalThis as { document?: unknown }).document = page(undefined);
    const lateEvening = new Date('2026-06-30T23:30:00Z');
    expect(cmsToday(lateEvening)).toBe(siteToday({}, lateEvening));
    expect(cmsToday(lateEvening)).toBe('2026-07-01');
  });
});

describe('learning themes', () => {
  it('are a heading and a bulleted list, each theme escaped, and nothing when there are none', () => {
    expect(renderHtml(learningThemesBlock(['Information sharing', HOSTILE]))).toBe(
      '<h2 class="govuk-heading-m">Learning themes</h2><ul class="govuk-list govuk-list--bullet"><li>Information sharing</li>' +
        '<li>&lt;img src=x onerror=alert(1)&gt; &quot;Tom &amp; Jerry&#39;s&quot;</li></ul>',
    );
    expect(renderHtml(learningThemesBlock([]))).toBe('');
  });
});
