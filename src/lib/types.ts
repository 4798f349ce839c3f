/** The shape of each collection's data, as the schemas in content-schemas.ts produce it. */
import type { AUDIENCES, KNOWN_ISSUE_CATEGORIES, REVIEW_TYPES } from './content-model';

export type Audience = (typeof AUDIENCES)[number];
export type ReviewType = (typeof REVIEW_TYPES)[number];

export interface DocumentRef { title: string; file: string; accessibleAlternative?: string }

export interface PageData { title: string; description: string; updated?: string; sample?: boolean }

export interface StrategyData {
  title: string; period: string; current?: boolean; summary: string; vision: string; mission: string[];
  priorityGroups: { heading: string; items: string[] }[];
  plans: { year: string; rows: { priority: string; action: string; outcome: string }[] }[];
  sample?: boolean;
}

export interface ThresholdData { level: number; title: string; summary: string; signs: string[]; whatToDo: string[]; sample?: boolean }

export interface ProcedureData {
  title: string; summary: string; audience: Audience; category: string; lastReviewed: string; reviewDue: string;
  url?: string; changes?: { date: string; note: string }[]; sample?: boolean;
}

export interface BulletinData {
  number: number; title: string; date: string; summary: string; topics?: string[];
  links?: { title: string; url: string }[]; sample?: boolean;
}

export interface ReviewData {
  title: string; type: ReviewType; published: string; summary: string; documents?: DocumentRef[]; themes?: string[]; sample?: boolean;
}

export interface ReportData {
  title: string; period: string; published: string; summary: string; highlights?: string[]; documents?: DocumentRef[]; sample?: boolean;
}

export interface SettingsData {
  siteName: string; organisation: string; email: string; phone: string; address: string[];
  childrenInHours?: string; childrenInHoursTimes?: string; adultsInHours?: string; outOfHours?: string;
  adultsContactPage: string; childrenOnlineForm?: string; adultsOnlineForm?: string;
  reviewRetentionYears: number; exitUrl: string;
}

/** An entry as the site's templates use it: its address slug and its data. */
export interface Entry<T> { id: string; data: T; filePath?: string; /** Astro's own entry, for rendering the body. */ source?: unknown }

export type KnownIssueCategory = (typeof KNOWN_ISSUE_CATEGORIES)[number];

export interface KnownIssue { problem: string; summary?: string; category: KnownIssueCategory; criteria?: string[]; plan?: string; fixBy?: string }

/** A check of the website by a person, not the automated tests. */
export interface ManualAudit { date: string; by: string; scope: string }

export interface AccessibilityData {
  statementPrepared: string; statementReviewed: string; testedBy: string; manualAudits?: ManualAudit[]; knownIssues?: KnownIssue[];
}
