/**
 * What `npm run check:links` (scripts/check-links.ts) says about a built site:
 * how much was checked, and every broken link with its page, or that there
 * are none. The daily publishing run calls it on the dist/ it is about to
 * publish; tests/site/links.test.ts makes the same check in the test suite.
 */
import { formatBrokenLinks, type LinkReport } from './link-check';

export interface LinkCheckOutcome {
  ok: boolean;
  text: string;
}

export function linkCheckOutcome(report: LinkReport, directory: string): LinkCheckOutcome {
  const checked = `${report.internal} internal address${report.internal === 1 ? '' : 'es'} in ${report.files} file${report.files === 1 ? '' : 's'} of ${directory}`;
  if (report.files === 0) return { ok: false, text: `No HTML, CSS or XML file in ${directory}: build the site first (npm run build).` };
  if (report.broken.length === 0)
    return { ok: true, text: `Links: no broken link (${checked} checked; ${report.external.size} external addresses not fetched).` };
  const count = `${report.broken.length} broken link${report.broken.length === 1 ? '' : 's'}`;
  return {
    ok: false,
    text: `Links: ${count} (${checked} checked). Each names the page, where the link is, the address and what is wrong:\n${formatBrokenLinks(report.broken)}`,
  };
}
