/**
 * What the accessibility statement says about compliance and known problems,
 * from content/settings/accessibility.yaml, in the words of the GOV.UK sample
 * statement for public sector websites.
 */
import { KNOWN_ISSUE_CATEGORIES } from './content-model';
import { displayDate } from './dates';
import type { KnownIssue, KnownIssueCategory } from './types';

export const NON_COMPLIANCE: KnownIssueCategory = 'Non-compliance with the accessibility regulations';

/**
 * The compliance status: "fully compliant" only while no known problem fails
 * the regulations; a second paragraph when some content is out of their scope.
 */
export function complianceStatus(issues: readonly KnownIssue[] = []): { status: 'full' | 'partial'; paragraphs: string[] } {
  const failing = issues.filter((issue) => issue.category === NON_COMPLIANCE).length;
  const outOfScope = issues.some((issue) => issue.category === 'Not within the scope of the accessibility regulations');
  const paragraphs = [failing === 0
    ? 'This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.'
    : `This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the ${failing === 1 ? 'non-compliance' : 'non-compliances'} listed below.`];
  if (outOfScope) paragraphs.push('Some content is not within the scope of the accessibility regulations. It is listed in the non-accessible content section below.');
  return { status: failing === 0 ? 'full' : 'partial', paragraphs };
}

/** The GOV.UK sample statement's heading for each kind. */
export const CATEGORY_HEADINGS: Record<KnownIssueCategory, string> = {
  'Non-compliance with the accessibility regulations': 'Non-compliance with the accessibility regulations',
  'Disproportionate burden': 'Disproportionate burden',
  'Not within the scope of the accessibility regulations': 'Content that\'s not within the scope of the accessibility regulations',
};

export interface IssueGroup { category: KnownIssueCategory; heading: string; items: { problem: string; details: string[] }[] }

/** The known problems by kind, in the order of the GOV.UK sample, each with its sentences. */
export function groupKnownIssues(issues: readonly KnownIssue[] = []): IssueGroup[] {
  return KNOWN_ISSUE_CATEGORIES.map((category) => ({
    category,
    heading: CATEGORY_HEADINGS[category],
    items: issues.filter((issue) => issue.category === category).map((issue) => {
      const details: string[] = [];
      const criteria = issue.criteria?.filter((criterion) => criterion.trim() !== '') ?? [];
      if (criteria.length > 0) {
        details.push(`This fails WCAG 2.2 success ${criteria.length === 1 ? 'criterion' : 'criteria'} ${criteria.join(', ')}.`);
      }
      if (issue.plan?.trim()) details.push(issue.plan.trim());
      if (issue.fixBy) details.push(`We plan to fix this by ${displayDate(issue.fixBy)}.`);
      return { problem: issue.problem.trim(), details };
    }),
  })).filter((group) => group.items.length > 0);
}
