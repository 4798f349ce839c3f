/**
 * The blocks of markup the site and the CMS previews share, each written once
 * as a tree (src/html/markup.ts): the site's components serialise it
 * (src/components/Warning.astro, HelpNumbers.astro, ContactPanel.astro,
 * SummaryList.astro, Breadcrumbs.astro, PageHeading.astro with the sample tag,
 * and the withdrawn review's page in src/pages/reviews/[slug].astro) and the
 * previews draw it as React elements (cms/previews.ts), or take it serialised
 * (src/cms/preview-html.ts, for the editor components' previews).
 *
 * What only an editor can meet (a phone number still being typed, an address
 * the build would refuse) is drawn here too, as the build never lets it reach
 * the site: a number that is not a phone number yet is its text with a tag,
 * never a broken tel: link, and a link that is not https:// is its text.
 */
import { h, type MarkupElement, type MarkupNode } from './markup';
import { DEFAULT_HELP_TITLE, TEXT_ROUTES_HEADING, helpCallers, textRoutes, type HelpLink, type HelpSettings } from '../site/help-numbers';
import { isPhoneNumber } from '../cms/field-input';
import { phoneText, telHref } from '../site/phone';
import { displayDate, type IsoDate } from '../rules/dates';
import { nationalLibraryFor } from '../site/national-libraries';
import { requestSubject, withdrawnNotice } from '../rules/review-page-text';
import type { ReviewType, SettingsData } from '../content/data-types';

/** GOV.UK warning text: "Warning" for screen readers, then the content. */
export function warningBlock(content: MarkupNode): MarkupElement {
  return h(
    'div',
    { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), ' ', content),
  );
}

/** On every bulletin: when it was sent (as the site shows the date), and that guidance may have changed since. */
export function bulletinWarningBlock(sent: string, proceduresHref = '/procedures/'): MarkupElement {
  return warningBlock([
    `This bulletin was sent on ${sent}. Guidance may have changed since: check the current `,
    h('a', { class: 'govuk-link', href: proceduresHref }, 'procedures'),
    '.',
  ]);
}

export type SummaryRow = readonly [key: MarkupNode, value: MarkupNode];

export interface SummaryListOptions {
  /** GOV.UK's lines between rows; without them, the list reads as facts about the page. */
  border: boolean;
  /** Left out of the search index (facts about the page, not its words). */
  searchIgnore?: boolean;
}

/** GOV.UK's summary list: a key and its value on each row. */
export function summaryListBlock(rows: readonly SummaryRow[], options: SummaryListOptions): MarkupElement {
  return h(
    'dl',
    {
      class: `govuk-summary-list${options.border ? '' : ' govuk-summary-list--no-border'}`,
      'data-pagefind-ignore': options.searchIgnore === true,
    },
    rows.map(([key, value]) =>
      h(
        'div',
        { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, key),
        h('dd', { class: 'govuk-summary-list__value' }, value),
      ),
    ),
  );
}

/**
 * A number as a telephone link; a number from the settings that is not a
 * phone number yet (letters, too few digits) is its text with a "Not a phone
 * number yet" tag. The national numbers (999, 101) are the site's own.
 */
export function phoneLinkBlock(number: string, className: string, national = false): MarkupNode {
  if (national || isPhoneNumber(number)) return h('a', { class: className, href: telHref(number) }, phoneText(number));
  return [
    h('span', { class: 'sg-phone-unfinished' }, number.trim()),
    ' ',
    h('strong', { class: 'govuk-tag govuk-tag--red' }, 'Not a phone number yet'),
  ];
}

/** A link from the settings: an address the build would refuse (not https://) is its text, not followed. */
function settingsLinkBlock(link: HelpLink, className: string): MarkupNode {
  const href = link.href.trim();
  return /^https:\/\/\S+$/i.test(href) ? h('a', { class: className, href }, link.text) : link.text;
}

const NATIONAL_CALLERS = new Set(['emergency', 'police']);

export interface HelpNumbersOptions {
  title?: string;
  /** The panel's heading level; its callers' headings are one below. */
  headingLevel?: 2 | 3;
  /** The closing link to report a concern: not on report a concern itself, where it would lead nowhere. */
  reportLink?: boolean;
}

/** "Worried about a child or an adult?": who to call, then the ways without speaking on the phone (src/site/help-numbers.ts). */
export function helpNumbersBlock(settings: HelpSettings, options: HelpNumbersOptions = {}): MarkupElement {
  const { headingLevel = 2, reportLink = true } = options;
  const heading = `h${headingLevel}`;
  const item = `h${headingLevel + 1}`;
  return h(
    'section',
    { class: 'sg-help', 'aria-labelledby': 'help-title' },
    h(heading, { class: 'sg-help__title', id: 'help-title' }, options.title?.trim() || DEFAULT_HELP_TITLE),
    h(
      'ul',
      { class: 'sg-help__list' },
      helpCallers(settings).map((caller) =>
        h(
          'li',
          { class: caller.emergency ? 'sg-help__item sg-help__item--emergency' : 'sg-help__item' },
          h(item, null, caller.heading),
          caller.number && h('p', null, phoneLinkBlock(caller.number, 'govuk-link sg-phone', NATIONAL_CALLERS.has(caller.key))),
          caller.link && h('p', null, settingsLinkBlock(caller.link, 'govuk-link sg-help__link')),
          h('p', null, caller.text),
          caller.relay &&
            h(
              'p',
              { class: 'sg-help__relay' },
              'Relay UK: ',
              caller.relay.prefix && `${caller.relay.prefix} `,
              phoneText(caller.relay.number),
            ),
        ),
      ),
    ),
    h(item, { class: 'sg-help__subtitle' }, TEXT_ROUTES_HEADING),
    h(
      'ul',
      { class: 'govuk-list sg-help__routes' },
      textRoutes(settings).map((route) =>
        h('li', null, h('strong', null, route.lead), ` ${route.text} `, settingsLinkBlock(route.link, 'govuk-link')),
      ),
    ),
    reportLink &&
      h(
        'p',
        { class: 'govuk-body' },
        'More help, including national helplines, is on ',
        h('a', { class: 'govuk-link', href: '/report-a-concern/' }, 'report a concern'),
        '.',
      ),
  );
}

export type ContactSettings = Partial<Pick<SettingsData, 'organisation' | 'email' | 'phone' | 'address'>>;

/** The partnership's own contact details. */
export function contactPanelBlock(settings: ContactSettings): MarkupElement {
  const email = settings.email ?? '';
  const address = settings.address ?? [];
  return h(
    'div',
    { class: 'govuk-inset-text' },
    h('p', { class: 'govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2' }, settings.organisation ?? ''),
    h(
      'p',
      { class: 'govuk-body govuk-!-margin-bottom-2' },
      'Email: ',
      h('a', { class: 'govuk-link', href: `mailto:${email}` }, email),
      h('br', null),
      'Phone: ',
      phoneLinkBlock(settings.phone ?? '', 'govuk-link'),
    ),
    h(
      'address',
      { class: 'govuk-body govuk-!-margin-bottom-0 sg-footer-address' },
      address.map((line, index) => [line, index < address.length - 1 && h('br', null)]),
    ),
  );
}

/** On every entry marked `sample: true`, so nobody mistakes example text for real guidance or a real review. */
export function sampleTagBlock(): MarkupElement {
  return h(
    'div',
    { class: 'sg-sample-tag', 'data-pagefind-ignore': true },
    h('strong', { class: 'govuk-tag govuk-tag--orange' }, 'Sample content'),
    h(
      'p',
      { class: 'govuk-body-s govuk-!-margin-top-2' },
      "This is example content for the website. It is not the partnership's real guidance or a real case.",
    ),
  );
}

export interface PageHeading {
  title: string;
  caption?: string;
  sample?: boolean;
}

/** The top of a page: its caption, its <h1> and, after it (so someone who jumps to the heading meets it), the sample tag. */
export function pageHeadingBlock(page: PageHeading): MarkupElement {
  return h(
    'div',
    { class: 'govuk-grid-row' },
    h(
      'div',
      { class: 'govuk-grid-column-two-thirds' },
      page.caption && h('span', { class: 'govuk-caption-l' }, page.caption),
      h('h1', { class: 'govuk-heading-xl' }, page.title),
      page.sample && sampleTagBlock(),
    ),
  );
}

export interface BreadcrumbLink {
  href: string;
  text: string;
}

/** The trail above the page: Home, then the given links. */
export function breadcrumbsBlock(items: readonly BreadcrumbLink[], home = '/'): MarkupElement {
  return h(
    'nav',
    { class: 'govuk-breadcrumbs', 'aria-label': 'Breadcrumb' },
    h(
      'ol',
      { class: 'govuk-breadcrumbs__list' },
      [{ href: home, text: 'Home' }, ...items].map((item) =>
        h('li', { class: 'govuk-breadcrumbs__list-item' }, h('a', { class: 'govuk-breadcrumbs__link', href: item.href }, item.text)),
      ),
    ),
  );
}

export interface WithdrawnReview {
  /** "Domestic Homicide Review D" */
  name: string;
  type: string;
  published: IsoDate;
  withdrawn: IsoDate;
  years: number;
  email: string;
  phone: string;
  /** Its learning briefing, which stays on the website, when it has one. */
  briefing?: BriefingLink;
}

export interface BriefingLink {
  title: string;
  href: string;
  /** A sample briefing: its link has the "Sample content" tag, as every link to sample content does. */
  sample?: boolean;
}

/** The "Sample content" tag beside a link to a sample entry (as src/components/SampleListTag.astro). */
export function sampleLabelBlock(): MarkupElement {
  return h('strong', { class: 'govuk-tag govuk-tag--orange sg-sample-label' }, 'Sample content');
}

/** How to ask for a withdrawn review: by email (with the subject filled in) or phone, naming the review. */
export function reviewRequestBlock(page: Pick<WithdrawnReview, 'name' | 'email' | 'phone'>): MarkupElement {
  return h(
    'p',
    { class: 'govuk-body' },
    'Email ',
    h('a', { class: 'govuk-link', href: `mailto:${page.email}?subject=${encodeURIComponent(requestSubject(page.name))}` }, page.email),
    ' or phone ',
    h('a', { class: 'govuk-link', href: telHref(page.phone) }, phoneText(page.phone)),
    `. Tell us the name of the review, "${page.name}", and how you would like to receive it.`,
  );
}

/** The short page of a withdrawn review: that it is no longer on the website, how to ask for it, and its learning briefing, which stays. */
export function withdrawnReviewBlock(page: WithdrawnReview): MarkupNode {
  const library = nationalLibraryFor(page.type as ReviewType);
  return [
    summaryListBlock(
      [
        ['Type of review', page.type],
        ['Published', displayDate(page.published)],
        ['Removed from this website', displayDate(page.withdrawn)],
      ],
      { border: true },
    ),
    h('p', { class: 'govuk-body' }, withdrawnNotice(page.years)),
    h('h2', { class: 'govuk-heading-m' }, 'How to ask for this review'),
    reviewRequestBlock(page),
    page.briefing && [
      h('h2', { class: 'govuk-heading-m' }, 'Learning from this review'),
      h(
        'p',
        { class: 'govuk-body' },
        'Its learning briefing is still on this website: ',
        h('a', { class: 'govuk-link', href: page.briefing.href }, page.briefing.title),
        '.',
        page.briefing.sample && [' ', sampleLabelBlock()],
      ),
    ],
    library &&
      h('p', { class: 'govuk-body' }, library.before, h('a', { class: 'govuk-link', href: library.href }, library.name), library.after),
  ];
}

export interface BriefingSource {
  /** "Child Safeguarding Practice Review Child A" */
  reviewName: string;
  /** The review's page: the review while it is public, its short page once it is withdrawn. */
  reviewHref: string;
  /** A sample review: its link has the "Sample content" tag. */
  reviewSample?: boolean;
  type: string;
  published: IsoDate;
  /** Once the review is withdrawn: when, and how to ask for its full report. */
  withdrawn?: { withdrawn: IsoDate; email: string; phone: string };
}

/** A review's or a briefing's learning themes: a heading and a list, or nothing when there are none. */
export function learningThemesBlock(themes: readonly string[]): MarkupNode {
  if (themes.length === 0) return null;
  return [
    h('h2', { class: 'govuk-heading-m' }, 'Learning themes'),
    h(
      'ul',
      { class: 'govuk-list govuk-list--bullet' },
      themes.map((theme) => h('li', {}, theme)),
    ),
  ];
}

/**
 * What a learning briefing says about the review it comes from: its name
 * (a link to it), type and publication date; and once the review is
 * withdrawn, that the full report is available on request and how to ask,
 * in the review's short page's own words (reviewRequestBlock).
 */
export function briefingSourceBlock(source: BriefingSource): MarkupNode {
  return [
    summaryListBlock(
      [
        [
          'From the review',
          [h('a', { class: 'govuk-link', href: source.reviewHref }, source.reviewName), source.reviewSample && [' ', sampleLabelBlock()]],
        ],
        ['Type of review', source.type],
        ['Review published', displayDate(source.published)],
        ...(source.withdrawn ? ([['Review removed from this website', displayDate(source.withdrawn.withdrawn)]] as const) : []),
      ],
      { border: false, searchIgnore: true },
    ),
    source.withdrawn && [
      h('h2', { class: 'govuk-heading-m' }, 'The full report is available on request'),
      reviewRequestBlock({ name: source.reviewName, email: source.withdrawn.email, phone: source.withdrawn.phone }),
    ],
  ];
}
