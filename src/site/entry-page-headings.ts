/**
 * How each entry's own page is headed: its title, the caption above it and,
 * where the address does not say enough, what its share image calls it. The
 * entry pages (src/pages/<section>/[slug].astro, src/pages/[page].astro) pass
 * these to the layout, and the build predicts every entry page's share image
 * from them before the pages are built (src/share-images/prediction.ts):
 * one place, so the prediction and the page cannot disagree.
 */
import { reviewTitle } from './page-titles';
import { siteSection } from './sections';
import type { BriefingData, BulletinData, PageData, ProcedureData, ReportData, ReviewData } from '../content/data-types';

export interface EntryPageHeading {
  title: string;
  /** Above the <h1>: "Bulletin 5", a procedure's category, "Annual report 2019/20". */
  caption?: string;
  /** What the share image calls the page, when its address would not say it. */
  contentType?: string;
}

export const pageHeading = (data: Pick<PageData, 'title'>): EntryPageHeading => ({ title: data.title });

export const procedureHeading = (data: Pick<ProcedureData, 'title' | 'category'>): EntryPageHeading => ({
  title: data.title,
  caption: data.category,
});

export const bulletinHeading = (data: Pick<BulletinData, 'title' | 'number'>): EntryPageHeading => ({
  title: data.title,
  caption: `Bulletin ${data.number}`,
});

/** A public review's page: its name says what kind of review it is (page-titles.ts), and its image calls it a case review. */
export const reviewHeading = (data: Pick<ReviewData, 'title' | 'type'>): EntryPageHeading => ({
  title: reviewTitle(data.title, data.type),
  contentType: siteSection('reviews').labelSingular,
});

export const reportHeading = (data: Pick<ReportData, 'title' | 'period'>): EntryPageHeading => ({
  title: data.title,
  caption: `Annual report ${data.period}`,
});

/** A learning briefing's page: "Learning briefing" above its title, which names the review it comes from. */
export const briefingHeading = (data: Pick<BriefingData, 'title'>): EntryPageHeading => ({
  title: data.title,
  caption: siteSection('learning').labelSingular,
});
