/**
 * The top of the built site as the host's headers see it: every file and
 * folder at its root (folders end in "/"), and which of them a set of header
 * rules leaves without a rule of its own. The build's last step proves that
 * dist/_headers has a rule for every one, so a folder written late (the
 * search index runs beside the other integrations) can never be served with
 * only the baseline policy.
 */
import { readdirSync } from 'node:fs';
import { rulePathFor } from '../security/headers-file';

/** Files the host reads as its own configuration, not pages of the site. */
const HOST_FILES = new Set(['_headers', '_redirects']);

/** The names at the root of the built site: folders end in "/". */
export function topLevelEntries(site: string): string[] {
  return readdirSync(site, { withFileTypes: true })
    .filter((item) => !HOST_FILES.has(item.name))
    .map((item) => (item.isDirectory() ? `${item.name}/` : item.name));
}

/** Entries no rule names (headerRules names each by rulePathFor). */
export function entriesWithoutRule(entries: readonly string[], rulePaths: readonly string[]): string[] {
  const paths = new Set(rulePaths);
  return entries.filter((entry) => !paths.has(rulePathFor(entry)));
}
