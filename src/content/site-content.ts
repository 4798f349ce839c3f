/**
 * The site's content, read once per build through Astro's collections, with
 * the one-year rule applied to reviews. Templates ask here, never
 * astro:content directly, so every list obeys the same rules.
 */
import { getCollection } from 'astro:content';
import type { CollectionName } from './model';
import type { CollectionData } from './data-types';
import { siteToday } from '../rules/dates';
import { reviewStatus, type ReviewStatus } from '../rules/retention';
import { briefingIsPublic, briefingState, sortBriefings, type BriefingState } from '../rules/briefings';
import { groupProcedures, sortBulletins, sortReports } from '../rules/listing';
import { MAIN_NAVIGATION } from '../site/navigation';
import type { PageLink } from '../search/search';
import { reviewTitle } from '../site/page-titles';
import { entryPath, pageBelowPath, siteSection, type SectionName } from '../site/sections';
import { PROCEDURE_CHANGES_TITLE } from '../rules/procedure-changes';
import { glossaryAbbreviation, type Abbreviation } from './abbreviations';
import { GLOSSARY_TITLE, sortGlossary } from '../rules/glossary-order';
import type {
  AccessibilityData, BriefingData, Entry, GlossaryData, ReviewData, SettingsData, StrategyData,
} from './data-types';

/** "Today" for this build: Europe/London, or SITE_NOW. */
export const TODAY = siteToday();

/**
 * One of Astro's entries as the templates use it. Its data has the type the
 * content model gives it (src/content/data-types.ts), carried by the
 * collection's schema through Astro's own types: no cast.
 */
function asEntry<T>(entry: { id: string; data: T; filePath?: string }): Entry<T> {
  return { id: entry.id, data: entry.data, filePath: entry.filePath, source: entry };
}

/** A collection's entries, asked for by name, so each call has its collection's data type. */
const entries = {
  pages: async () => (await getCollection('pages')).map(asEntry),
  strategy: async () => (await getCollection('strategy')).map(asEntry),
  threshold: async () => (await getCollection('threshold')).map(asEntry),
  procedures: async () => (await getCollection('procedures')).map(asEntry),
  bulletins: async () => (await getCollection('bulletins')).map(asEntry),
  reviews: async () => (await getCollection('reviews')).map(asEntry),
  briefings: async () => (await getCollection('briefings')).map(asEntry),
  reports: async () => (await getCollection('reports')).map(asEntry),
  glossary: async () => (await getCollection('glossary')).map(asEntry),
  settings: async () => (await getCollection('settings')).map(asEntry),
  accessibility: async () => (await getCollection('accessibility')).map(asEntry),
} satisfies { [N in CollectionName]: () => Promise<Entry<CollectionData<N>>[]> };

export async function getSettings(): Promise<SettingsData> {
  const [settings] = await entries.settings();
  if (!settings) throw new Error('content/settings/site.yaml is missing: the site needs its contact details and settings.');
  return settings.data;
}

/** The accessibility statement's data: its dates, who tests, checks by hand, the known problems (content/settings/accessibility.yaml). */
export async function getAccessibility(): Promise<AccessibilityData> {
  const [statement] = await entries.accessibility();
  if (!statement) throw new Error('content/settings/accessibility.yaml is missing: the accessibility statement needs its dates and who tests the website.');
  return statement.data;
}

export const getPages = () => entries.pages();
export const getThresholdLevels = async () => (await entries.threshold()).sort((a, b) => a.data.level - b.data.level);
export const getProcedures = () => entries.procedures();
export const getProcedureGroups = async () => groupProcedures(await getProcedures());
export const getBulletins = async () => sortBulletins(await entries.bulletins());
export const getReports = async () => sortReports(await entries.reports());
/** The glossary's entries, A to Z by term. */
export const getGlossary = async () => sortGlossary<Entry<GlossaryData>>(await entries.glossary());

let glossaryAbbreviations: Promise<Abbreviation[]> | undefined;
/** The glossary as abbreviations to find in bodies (src/html/mark-abbreviations.ts): read once per build. */
export function getAbbreviations(): Promise<Abbreviation[]> {
  glossaryAbbreviations ??= getGlossary().then((terms) => terms.map((entry) => glossaryAbbreviation(entry.id, entry.data)));
  return glossaryAbbreviations;
}

export async function getCurrentStrategy(): Promise<Entry<StrategyData>> {
  const all = await entries.strategy();
  const current = all.find((entry) => entry.data.current) ?? all.sort((a, b) => b.data.period.localeCompare(a.data.period))[0];
  if (!current) throw new Error('content/strategy/ has no strategy: add one and tick "Current strategy".');
  return current;
}

export interface ReviewWithStatus extends Entry<ReviewData> { status: ReviewStatus }

/** Every review with its state today. Scheduled reviews are for reports only, never pages. */
export async function getReviewsWithStatus(): Promise<ReviewWithStatus[]> {
  const years = (await getSettings()).reviewRetentionYears;
  return (await entries.reviews()).map((entry) => ({ ...entry, status: reviewStatus(entry.data.published, TODAY, years) }));
}

export async function getPublicReviews(): Promise<ReviewWithStatus[]> {
  return (await getReviewsWithStatus()).filter((review) => review.status.state === 'public');
}

export interface BriefingWithReview extends Entry<BriefingData> {
  state: BriefingState;
  /** The review it comes from, with the review's state today. */
  review: ReviewWithStatus;
}

/**
 * Every learning briefing with its review and its state today (from the
 * review's: src/rules/briefings.ts), newest review first. The content check
 * has refused a briefing whose review does not exist.
 */
export async function getBriefingsWithReviews(): Promise<BriefingWithReview[]> {
  const reviews = await getReviewsWithStatus();
  const briefings = (await entries.briefings()).map((briefing) => {
    const review = reviews.find((candidate) => candidate.id === briefing.data.review);
    if (!review) throw new Error(`${briefing.filePath ?? briefing.id}: field "review" names "${briefing.data.review}", which is not a review`);
    return { ...briefing, review, state: briefingState(review.status) };
  });
  return sortBriefings(briefings, (briefing) => ({ published: briefing.review.data.published, title: briefing.data.title }));
}

/** The briefings on the site today: every one whose review is published, withdrawn or not. */
export async function getPublicBriefings(): Promise<BriefingWithReview[]> {
  return (await getBriefingsWithReviews()).filter((briefing) => briefingIsPublic(briefing.state));
}

/**
 * Every page a reader can reach from the site's content, by title, for the A
 * to Z on the search page: the same pages the search index holds, so a
 * withdrawn or scheduled review is never in it.
 */
export async function getPageLinks(): Promise<PageLink[]> {
  const strategy = await getCurrentStrategy();
  const entryLinks = (section: SectionName, items: Entry<{ title: string; sample?: boolean }>[]) => items.map((item) => ({ title: item.data.title, href: entryPath(section, item.id), sample: item.data.sample === true }));
  return [
    ...(await getPages()).map((page) => ({ title: page.data.title, href: `/${page.id}/`, sample: page.data.sample === true })),
    { title: strategy.data.title, href: '/strategy/', sample: strategy.data.sample === true },
    ...entryLinks('procedures', await getProcedures()),
    ...entryLinks('bulletins', await getBulletins()),
    ...entryLinks('reviews', (await getPublicReviews()).map((review) => ({ ...review, data: { ...review.data, title: reviewTitle(review.data.title, review.data.type) } }))),
    ...entryLinks('learning', await getPublicBriefings()),
    ...entryLinks('reports', await getReports()),
    { title: PROCEDURE_CHANGES_TITLE, href: pageBelowPath('procedures', 'changes') },
    { title: GLOSSARY_TITLE, href: siteSection('glossary').path! },
    ...MAIN_NAVIGATION.map((item) => ({ title: item.text, href: item.href })),
    // Not in the main navigation, but a page of its own: the reviews link to it.
    { title: siteSection('learning').label, href: siteSection('learning').path! },
  ];
}
