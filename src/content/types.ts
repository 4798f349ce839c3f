/**
 * Entry, the wrapper the site's templates get each entry in. The data types
 * are derived from the content model in src/content/data-types.ts, never
 * written out here; they are re-exported under the same names for the
 * modules that import them from this file.
 */
export type {
  AccessibilityData, Audience, BulletinData, DocumentRef, KnownIssue, KnownIssueCategory, ManualAudit, PageData, ProcedureData, ReportData, ReviewData,
  ReviewType, SettingsData, StrategyData, ThresholdData,
} from './data-types';

/** An entry as the site's templates use it: its address slug and its data. */
export interface Entry<T> { id: string; data: T; filePath?: string; /** Astro's own entry, for rendering the body. */ source?: unknown }
