/**
 * Preview templates: each collection's entry as its page shows it, with the
 * site's own CSS (src/styles/cms-preview.scss, compiled into /admin/preview.css) and
 * the same GOV.UK classes as the Astro templates in src/pages/. The body is
 * Decap's Markdown preview, in which the editor components show as the
 * site's components (cms/editor-components.ts).
 */
import { createElement as h, Fragment, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { COLLECTIONS, REVIEW_TYPES } from '../src/content/model';
import { displayDate, isRealIsoDate } from '../src/rules/dates';
import { documentFormat } from '../src/content/documents';
import { reviewTitle, withdrawnReviewTitle } from '../src/site/page-titles';
import { isRetentionPeriod, retentionPeriod, retentionYearsInForce } from '../src/rules/retention';
import { leavesWebsiteText } from '../src/rules/review-page-text';
import { reviewPreviewNote, reviewPreviewNoteHtml } from '../src/cms/review-preview';
import { toElements, type CreateElement, type MarkupNode } from '../src/html/markup';
import {
  breadcrumbsBlock,
  briefingSourceBlock,
  bulletinWarningBlock,
  contactPanelBlock,
  helpNumbersBlock,
  pageHeadingBlock,
  summaryListBlock,
  learningThemesBlock,
  warningBlock,
  withdrawnReviewBlock,
  type SummaryRow,
} from '../src/html/blocks';
import { overdueWarningText, procedureFacts, reviewOverdue } from '../src/rules/procedure-page';
import { ALL_CHANGES_LINK_TEXT, changesNewestFirst, WHAT_CHANGED_ID } from '../src/rules/procedure-changes';
import type { ReviewType, SettingsData } from '../src/content/data-types';
import { loadSettings, onSettings, settings as currentSettings, settingsVersion } from './settings-store';
import { cmsToday } from './site-today';
import { previewFrameTitle } from '../src/cms/accessibility';
import { FrameTitle } from './preview-frame';
import { entryPath, siteSection, type SectionName } from '../src/site/sections';
import { briefingPreview, type ChosenReview } from '../src/cms/briefing-preview';
import { briefingOfReview, loadBriefings, onBriefings } from './briefings-store';
import { GLOSSARY_TITLE, termLetter } from '../src/rules/glossary-order';

type Props = PreviewTemplateComponentProps;
type Data = Record<string, unknown>;

function dataOf(props: Props): Data {
  const data = props.entry.get('data') as { toJS?: () => unknown } | undefined;
  const plain = data?.toJS?.();
  return plain && typeof plain === 'object' ? (plain as Data) : {};
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const list = <T = unknown>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** A date as the site shows it, or what the editor has typed so far. */
function showDate(value: unknown): string {
  const text = str(value);
  return isRealIsoDate(text) ? displayDate(text) : text || '(no date yet)';
}

function useSiteSettings(props: Props): Partial<SettingsData> {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const stop = onSettings(() => setVersion((version) => version + 1));
    void loadSettings(props.getCollection as (collection: string, slug?: string) => Promise<unknown>);
    return () => {
      stop();
    };
  }, [props.getCollection]);
  return currentSettings();
}

/** One of the site's blocks (src/html/blocks.ts, which its Astro components render), as React elements. */
const draw = (node: MarkupNode): ReactNode => toElements(node, h as CreateElement<ReactElement>) as ReactNode;

/** The site's summary list; with no lines between rows unless `border`, and out of the search index as the facts at the top of a page. */
function SummaryList({
  rows,
  border = false,
  searchIgnore = false,
}: {
  rows: readonly SummaryRow[];
  border?: boolean;
  searchIgnore?: boolean;
}): ReactNode {
  return draw(summaryListBlock(rows, { border, searchIgnore }));
}

function Bullets({ items, numbered = false }: { items: unknown[]; numbered?: boolean }): ReactNode {
  return h(
    numbered ? 'ol' : 'ul',
    { className: `govuk-list govuk-list--${numbered ? 'number' : 'bullet'}` },
    ...items.map((item, index) => h('li', { key: index }, str(item))),
  );
}

function Documents({ documents }: { documents: unknown[] }): ReactNode {
  const items = list<Data>(documents).filter((document) => str(document.title) || str(document.file));
  if (items.length === 0) return null;
  return h(
    'ul',
    { className: 'sg-documents' },
    ...items.map((document, index) =>
      h(
        'li',
        { className: 'sg-document', key: index },
        h('a', { className: 'govuk-link', href: '#' }, str(document.title) || str(document.file)),
        h('span', { className: 'sg-document__meta' }, str(document.file) ? documentFormat(str(document.file)) : 'no file chosen yet'),
      ),
    ),
  );
}

/**
 * The page around an entry, as src/layouts/Layout.astro: the breadcrumbs and
 * the heading (caption, title, sample tag) are the site's blocks; the header
 * is the site's name and "Report a concern" only, with nothing to follow away
 * from the preview (no links, search or menu).
 */
function Page(props: {
  settings: Partial<SettingsData>;
  title: string;
  caption?: string;
  sample?: boolean;
  /** The section the entry is in: its label (from the sections table) is the breadcrumb. */
  crumb?: SectionName;
  wide?: ReactNode;
  children?: ReactNode;
}): ReactNode {
  const { settings } = props;
  return h(
    'div',
    { className: 'govuk-template__body' },
    h(
      'header',
      { className: 'sg-header' },
      h(
        'div',
        { className: 'govuk-width-container sg-header__container' },
        h(
          'span',
          { className: 'sg-header__name' },
          settings.siteName ?? 'Safeguarding Southend',
          h('span', { className: 'sg-header__organisation' }, settings.organisation ?? 'Southend Safeguarding Partnership'),
        ),
        h('span', { className: 'sg-header__concern' }, 'Report a concern'),
      ),
    ),
    h(
      'div',
      { className: 'govuk-width-container' },
      props.crumb ? draw(breadcrumbsBlock([{ href: '#', text: siteSection(props.crumb).label }], '#')) : null,
      h(
        'main',
        { className: 'govuk-main-wrapper sg-main' },
        draw(pageHeadingBlock({ title: props.title || '(no title yet)', caption: props.caption, sample: props.sample })),
        h('div', { className: 'govuk-grid-row' }, h('div', { className: 'govuk-grid-column-two-thirds' }, props.children)),
        props.wide ?? null,
      ),
    ),
  );
}

/** The body, drawn again when the settings arrive (its "Who to call" and contact details use them). */
function Body(props: Props): ReactNode {
  return h('div', { className: 'sg-prose', key: settingsVersion() }, props.widgetFor('body'));
}

function PagePreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  return h(
    Page,
    { settings, title: str(data.title), sample: data.sample === true },
    h('p', { className: 'govuk-body-l' }, str(data.description)),
    h(Body, props),
    data.updated ? h('p', { className: 'sg-meta' }, `Last updated ${showDate(data.updated)}`) : null,
  );
}

function StrategyPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const plans = list<Data>(data.plans);
  const wide = h(
    Fragment,
    null,
    ...plans.map((plan, index) =>
      h(
        Fragment,
        { key: index },
        h('h2', { className: 'govuk-heading-l' }, `Plan for ${str(plan.year).replace('-', ' to ')}`),
        // As src/components/StrategyPlan.astro: a card for each priority on a narrow screen, a table from tablet up.
        h(
          'div',
          { className: 'sg-plan__cards' },
          ...list<Data>(plan.rows).map((row, rowIndex) =>
            h(
              'div',
              { className: 'govuk-summary-card', key: rowIndex },
              h(
                'div',
                { className: 'govuk-summary-card__title-wrapper' },
                h('h3', { className: 'govuk-summary-card__title' }, str(row.priority)),
              ),
              h(
                'div',
                { className: 'govuk-summary-card__content' },
                h(SummaryList, {
                  rows: [
                    ['Action', str(row.action)],
                    ['Outcome', str(row.outcome)],
                  ],
                  border: true,
                }),
              ),
            ),
          ),
        ),
        h(
          'div',
          { className: 'sg-table-wrap sg-plan__table' },
          h(
            'table',
            { className: 'govuk-table' },
            h(
              'thead',
              { className: 'govuk-table__head' },
              h(
                'tr',
                { className: 'govuk-table__row' },
                ...['Priority', 'Action', 'Outcome'].map((heading) =>
                  h('th', { scope: 'col', className: 'govuk-table__header', key: heading }, heading),
                ),
              ),
            ),
            h(
              'tbody',
              { className: 'govuk-table__body' },
              ...list<Data>(plan.rows).map((row, rowIndex) =>
                h(
                  'tr',
                  { className: 'govuk-table__row', key: rowIndex },
                  h('th', { scope: 'row', className: 'govuk-table__header' }, str(row.priority)),
                  h('td', { className: 'govuk-table__cell' }, str(row.action)),
                  h('td', { className: 'govuk-table__cell' }, str(row.outcome)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h('div', { className: 'govuk-grid-row' }, h('div', { className: 'govuk-grid-column-two-thirds' }, h(Body, props))),
  );
  return h(
    Page,
    { settings, title: str(data.title), sample: data.sample === true, wide },
    h('p', { className: 'govuk-body-l' }, str(data.summary)),
    h('h2', { className: 'govuk-heading-l' }, 'Vision'),
    h('p', { className: 'govuk-body-l' }, str(data.vision)),
    h('h2', { className: 'govuk-heading-l' }, 'Mission'),
    h(Bullets, { items: list(data.mission) }),
    h('h2', { className: 'govuk-heading-l' }, 'Priorities'),
    ...list<Data>(data.priorityGroups).map((group, index) =>
      h(
        Fragment,
        { key: index },
        h('h3', { className: 'govuk-heading-m' }, str(group.heading)),
        h(Bullets, { items: list(group.items), numbered: true }),
      ),
    ),
  );
}

function ThresholdPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  return h(
    Page,
    { settings, title: 'Threshold document: levels of need', sample: data.sample === true },
    h(
      'section',
      { className: 'sg-level' },
      h(
        'h2',
        { className: 'govuk-heading-l' },
        h('span', { className: 'sg-level__number' }, `Level ${str(data.level)}`),
        ' ',
        str(data.title),
      ),
      h('p', { className: 'govuk-body-l' }, str(data.summary)),
      h('h3', { className: 'govuk-heading-m' }, 'What the need may look like'),
      h(Bullets, { items: list(data.signs) }),
      h('h3', { className: 'govuk-heading-m' }, 'What to do next'),
      h(Bullets, { items: list(data.whatToDo), numbered: true }),
      h(Body, props),
    ),
  );
}

function ProcedurePreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const reviewDue = str(data.reviewDue);
  // As the procedure's page: the same rule, by the site's today.
  const overdue = reviewOverdue(reviewDue, cmsToday());
  const changes = changesNewestFirst(list<Data>(data.changes).map((change) => ({ date: str(change.date), summary: str(change.summary) })));
  return h(
    Page,
    { settings, title: str(data.title), caption: str(data.category), sample: data.sample === true, crumb: 'procedures' },
    h('p', { className: 'govuk-body-l' }, str(data.summary)),
    h(SummaryList, {
      rows: procedureFacts({ audience: str(data.audience), lastReviewed: str(data.lastReviewed), reviewDue }, showDate),
      searchIgnore: true,
    }),
    overdue ? draw(warningBlock(overdueWarningText(reviewDue))) : null,
    data.url ? h('p', { className: 'govuk-body' }, h('a', { className: 'govuk-button', href: '#' }, `Go to ${str(data.title)}`)) : null,
    h(Body, props),
    changes.length > 0
      ? h(
          'section',
          null,
          h('h2', { className: 'govuk-heading-m', id: WHAT_CHANGED_ID }, 'What changed'),
          h(SummaryList, { rows: changes.map((change): SummaryRow => [showDate(change.date), change.summary]), border: true }),
          // As on the page (src/pages/procedures/[slug].astro); like the preview's other links, it stays in the preview.
          h('p', { className: 'govuk-body' }, h('a', { className: 'govuk-link', href: '#' }, ALL_CHANGES_LINK_TEXT)),
        )
      : null,
  );
}

function BulletinPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const links = list<Data>(data.links);
  const topics = list(data.topics).map(str).filter(Boolean);
  return h(
    Page,
    { settings, title: str(data.title), caption: `Bulletin ${str(data.number)}`, sample: data.sample === true, crumb: 'bulletins' },
    h('p', { className: 'sg-meta' }, `Published ${showDate(data.date)}`),
    draw(bulletinWarningBlock(showDate(data.date), '#')),
    h('p', { className: 'govuk-body-l' }, str(data.summary)),
    topics.length > 0 ? h('p', { className: 'govuk-body' }, `Topics: ${topics.join(', ')}`) : null,
    h(Body, props),
    links.length > 0
      ? h(
          'section',
          null,
          h('h2', { className: 'govuk-heading-m' }, 'Links in this bulletin'),
          h(
            'ul',
            { className: 'govuk-list govuk-list--bullet' },
            ...links.map((link, index) => h('li', { key: index }, h('a', { className: 'govuk-link', href: '#' }, str(link.title)))),
          ),
        )
      : null,
  );
}

const isReviewType = (value: string): value is ReviewType => (REVIEW_TYPES as readonly string[]).includes(value);

/**
 * A review as the site shows it today (the site's rule and today): above the
 * page, what the site shows and until or since when; for a withdrawn review,
 * its short page, with the rest under it for editing.
 */
/** The learning briefings, drawn again when they arrive (a withdrawn review's short page links to its own). */
function useBriefings(props: Props): void {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const stop = onBriefings(() => setVersion((version) => version + 1));
    void loadBriefings(props.getCollection as (collection: string, slug?: string) => Promise<unknown>);
    return () => {
      stop();
    };
  }, [props.getCollection]);
}

function ReviewPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  useBriefings(props);
  const published = str(data.published);
  // The settings' period, by the site's rule (the default while it is not a whole number of years, which the content check refuses).
  const years = retentionYearsInForce(settings as Record<string, unknown>);
  const today = cmsToday();
  const note = reviewPreviewNote(published, today, years);
  const themes = list(data.themes);
  const type = str(data.type);
  const title = str(data.title) && isReviewType(type) ? reviewTitle(str(data.title), type) : str(data.title);
  const { status } = note;
  const banner = h('div', { dangerouslySetInnerHTML: { __html: reviewPreviewNoteHtml(note) } });
  const rows = h(SummaryList, {
    rows: [
      ['Type of review', str(data.type)],
      ['Published', showDate(published)],
      ['Leaves this website', status ? leavesWebsiteText(status.withdrawn) : '(set the publication date)'],
    ],
    searchIgnore: true,
  });
  const full = h(
    Fragment,
    null,
    h('h2', { className: 'govuk-heading-m' }, 'Summary'),
    h('p', { className: 'govuk-body' }, str(data.summary)),
    draw(learningThemesBlock(themes.map(str))),
    list(data.documents).length > 0
      ? h(Fragment, null, h('h2', { className: 'govuk-heading-m' }, 'Documents'), h(Documents, { documents: list(data.documents) }))
      : null,
    h(Body, props),
  );
  if (status?.state === 'withdrawn') {
    const briefing = briefingOfReview(str(props.entry.get('slug')));
    const stub = withdrawnReviewBlock({
      name: title,
      type,
      published: status.published,
      withdrawn: status.withdrawn,
      years,
      email: settings.email ?? '',
      phone: settings.phone ?? '',
      briefing: briefing && { title: briefing.title, href: entryPath('learning', briefing.slug), sample: briefing.sample },
    });
    return h(
      Fragment,
      null,
      banner,
      h(
        Page,
        {
          settings,
          title: isReviewType(type) ? withdrawnReviewTitle(str(data.title), type) : title,
          sample: data.sample === true,
          crumb: 'reviews',
        },
        h('div', { className: 'sg-preview-withdrawn' }, draw(stub)),
        h(
          'section',
          { className: 'sg-preview-kept', 'aria-label': 'Not on the site: kept for requests' },
          h('h2', { className: 'govuk-heading-l' }, `Not on the site since ${displayDate(status.withdrawn)}: kept for requests`),
          full,
        ),
      ),
    );
  }
  return h(Fragment, null, banner, h(Page, { settings, title, sample: data.sample === true, crumb: 'reviews' }, rows, full));
}

/** The review a briefing names, read through the CMS (undefined data while it loads). */
function useChosenReview(props: Props, slug: string): ChosenReview | undefined {
  const [loaded, setLoaded] = useState<{ slug: string; data?: ChosenReview['data'] }>();
  useEffect(() => {
    if (!slug) return undefined;
    let current = true;
    const getCollection = props.getCollection as (collection: string, slug?: string) => Promise<unknown>;
    getCollection('reviews', slug)
      .then((result) => {
        const entry = (Array.isArray(result) ? result[0] : result) as { get?: (key: string) => unknown } | undefined;
        const data = entry?.get?.('data') as { toJS?: () => unknown } | Record<string, unknown> | undefined;
        const plain =
          typeof (data as { toJS?: unknown } | undefined)?.toJS === 'function' ? (data as { toJS: () => unknown }).toJS() : data;
        if (current) setLoaded({ slug, data: plain && typeof plain === 'object' ? (plain as ChosenReview['data']) : undefined });
      })
      .catch(() => {
        if (current) setLoaded({ slug });
      });
    return () => {
      current = false;
    };
  }, [props.getCollection, slug]);
  if (!slug) return undefined;
  return { slug, data: loaded?.slug === slug ? loaded.data : undefined };
}

/** A learning briefing as its page shows it, with a note above: whether it is on the site today, by its review's dates. */
function BriefingPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const review = useChosenReview(props, str(data.review));
  const years = retentionYearsInForce(settings as Record<string, unknown>);
  const preview = briefingPreview(review, cmsToday(), years, { email: settings.email ?? '', phone: settings.phone ?? '' });
  const themes = list(data.themes);
  return h(
    Fragment,
    null,
    h(
      'div',
      {
        className: 'govuk-notification-banner sg-preview-status',
        role: 'region',
        'aria-labelledby': 'briefing-status-title',
        'data-state': preview.state ?? 'none',
      },
      h(
        'div',
        { className: 'govuk-notification-banner__header' },
        h('h2', { className: 'govuk-notification-banner__title', id: 'briefing-status-title' }, 'On the site'),
      ),
      h('div', { className: 'govuk-notification-banner__content' }, h('p', { className: 'govuk-body' }, preview.note)),
    ),
    h(
      Page,
      { settings, title: str(data.title), caption: siteSection('learning').labelSingular, sample: data.sample === true, crumb: 'learning' },
      preview.source ? draw(briefingSourceBlock(preview.source)) : null,
      h('p', { className: 'govuk-body-l' }, str(data.summary)),
      draw(learningThemesBlock(themes.map(str))),
      h(Body, props),
    ),
  );
}

function ReportPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const highlights = list(data.highlights);
  return h(
    Page,
    {
      settings,
      title: str(data.title),
      caption: `Annual report ${str(data.period)}`,
      sample: data.sample === true,
      crumb: 'reports',
    },
    h('p', { className: 'sg-meta' }, `Published ${showDate(data.published)}`),
    h('p', { className: 'govuk-body-l' }, str(data.summary)),
    h(Documents, { documents: list(data.documents) }),
    highlights.length > 0
      ? h(Fragment, null, h('h2', { className: 'govuk-heading-m' }, 'Highlights'), h(Bullets, { items: highlights }))
      : null,
    h(Body, props),
  );
}

/** Site settings: where they show on the site (who to call, contact details, the footer). */
function SettingsPreview(props: Props): ReactNode {
  const data = dataOf(props) as Partial<SettingsData>;
  return h(
    Page,
    { settings: data, title: 'Where these settings show' },
    h('p', { className: 'govuk-body' }, 'On the home page, report a concern and wherever a page has "Who to call":'),
    draw(helpNumbersBlock(data)),
    h('p', { className: 'govuk-body' }, 'Where a page has "Contact details", and in every page\'s footer:'),
    draw(
      contactPanelBlock({ organisation: data.organisation, email: data.email, phone: data.phone, address: list(data.address).map(str) }),
    ),
    h(SummaryList, {
      rows: [
        ['Exit this page goes to', str(data.exitUrl)],
        [
          'A review stays on the site for',
          isRetentionPeriod(data.reviewRetentionYears)
            ? retentionPeriod(data.reviewRetentionYears)
            : `${str(data.reviewRetentionYears)} years (not a whole number of years yet)`,
        ],
      ],
    }),
  );
}

function AccessibilityPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const issues = list<Data>(data.knownIssues);
  const audits = list<Data>(data.manualAudits);
  return h(
    Page,
    { settings, title: 'Accessibility statement: known problems' },
    h(
      'p',
      { className: 'govuk-body' },
      `This statement was prepared on ${showDate(data.statementPrepared)}. It was last reviewed on ${showDate(data.statementReviewed)}.`,
    ),
    h(
      'p',
      { className: 'govuk-body' },
      `The test was carried out by ${str(data.testedBy) || '(who tests the website)'}, with automated tests.`,
    ),
    h(
      'p',
      { className: 'govuk-body' },
      audits.length === 0
        ? 'No check by hand is recorded, so the statement says the testing was automated only.'
        : audits.map((audit) => `Checked by hand on ${showDate(audit.date)} by ${str(audit.by)}: ${str(audit.scope)}`).join(' '),
    ),
    issues.length === 0 ? h('p', { className: 'govuk-body' }, 'No known problems are listed.') : null,
    ...issues.map((issue, index) =>
      h(
        'div',
        { key: index },
        h('h2', { className: 'govuk-heading-s' }, str(issue.category)),
        h('p', { className: 'govuk-body' }, str(issue.problem)),
        issue.summary ? h('p', { className: 'govuk-body-s' }, `In the list at the top: ${str(issue.summary)}`) : null,
        list(issue.criteria).length > 0
          ? h('p', { className: 'govuk-body-s' }, `Fails: ${list(issue.criteria).map(str).join('; ')}`)
          : null,
        issue.plan ? h('p', { className: 'govuk-body' }, str(issue.plan)) : null,
        issue.fixBy ? h('p', { className: 'govuk-body-s' }, `We plan to fix this by ${showDate(issue.fixBy)}.`) : null,
      ),
    ),
  );
}

/** A glossary term as /glossary/ shows it (src/pages/glossary.astro): the term, what it stands for, other spellings, the definition. */
function GlossaryPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  const aliases = list<string>(data.aliases)
    .map(str)
    .filter((alias) => alias.trim() !== '');
  const spelled = aliases.map((alias, index) => `${index === 0 ? '' : index === aliases.length - 1 ? ' or ' : ', '}${alias}`).join('');
  return h(
    Page,
    { settings, title: GLOSSARY_TITLE, crumb: 'glossary' },
    // The letter the term is listed under, as on /glossary/: the headings go h1, h2, h3 there too.
    h('h2', { className: 'govuk-heading-l' }, termLetter(str(data.term))),
    h(
      'div',
      { className: 'sg-glossary__term' },
      h('h3', { className: 'govuk-heading-m sg-glossary__name' }, str(data.term) || '(no term yet)'),
      h('p', { className: 'govuk-body-l sg-glossary__expansion' }, str(data.expansion) || '(what it stands for)'),
      aliases.length > 0 ? h('p', { className: 'govuk-body' }, `Also written ${spelled}.`) : null,
      h(Body, props),
    ),
  );
}

function GenericPreview(props: Props): ReactNode {
  const data = dataOf(props);
  const settings = useSiteSettings(props);
  return h(Page, { settings, title: str(data.title) }, h(Body, props));
}

const TEMPLATES: Record<string, (props: Props) => ReactNode> = {
  pages: PagePreview,
  strategy: StrategyPreview,
  threshold: ThresholdPreview,
  procedures: ProcedurePreview,
  bulletins: BulletinPreview,
  reviews: ReviewPreview,
  briefings: BriefingPreview,
  reports: ReportPreview,
  glossary: GlossaryPreview,
  settings: SettingsPreview,
  accessibility: AccessibilityPreview,
};

/**
 * A preview template for every collection in the model. A file collection's
 * preview is found by its file's name (site, accessibility), so it is
 * registered under both names.
 */
export function previewTemplates(): [string, (props: Props) => ReactNode][] {
  return COLLECTIONS.flatMap((collection) => {
    const drawn = TEMPLATES[collection.name] ?? GenericPreview;
    // Every preview names its frame after the entry (a settings file after its collection).
    const template = (props: Props): ReactNode =>
      h(
        Fragment,
        null,
        h(FrameTitle, {
          title: previewFrameTitle(
            collection.type === 'settings' ? collection.label : (dataOf(props).title ?? dataOf(props).term),
            collection.labelSingular,
          ),
        }),
        h(drawn, props),
      );
    const names: string[] = [collection.name];
    if (collection.type === 'settings' && collection.file) names.push(collection.file.replace(/\.ya?ml$/, ''));
    return names.map((name): [string, (props: Props) => ReactNode] => [name, template]);
  });
}
