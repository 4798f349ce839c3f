/**
 * The names the site's code uses for each collection's data. Every one is
 * derived from the content model (src/lib/content-types.ts), never written
 * out by hand, so a change to the model changes them.
 */
import type { AUDIENCES, KNOWN_ISSUE_CATEGORIES, REVIEW_TYPES } from './content-model';
import type { CollectionData, ListItem } from './content-types';

export type Audience = (typeof AUDIENCES)[number];
export type ReviewType = (typeof REVIEW_TYPES)[number];

/** A review's or report's document: its title, file and accessible alternative. */
export type DocumentRef = ListItem<'reviews', 'documents'>;

export type PageData = CollectionData<'pages'>;
export type StrategyData = CollectionData<'strategy'>;
export type ThresholdData = CollectionData<'threshold'>;
export type ProcedureData = CollectionData<'procedures'>;
export type BulletinData = CollectionData<'bulletins'>;
export type ReviewData = CollectionData<'reviews'>;
export type ReportData = CollectionData<'reports'>;
export type SettingsData = CollectionData<'settings'>;
export type AccessibilityData = CollectionData<'accessibility'>;

/** An entry as the site's templates use it: its address slug and its data. */
export interface Entry<T> { id: string; data: T; filePath?: string; /** Astro's own entry, for rendering the body. */ source?: unknown }

export type KnownIssueCategory = (typeof KNOWN_ISSUE_CATEGORIES)[number];

export type KnownIssue = ListItem<'accessibility', 'knownIssues'>;

/** A check of the website by a person, not the automated tests. */
export type ManualAudit = ListItem<'accessibility', 'manualAudits'>;
