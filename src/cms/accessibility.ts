/**
 * The CMS's own screens (/admin/), as accessible as the project can make
 * them, and an honest list of what only Decap can fix.
 *
 * - The names the project gives to Decap's unnamed controls (cms/accessibility.ts
 *   puts them on the page): a list item's buttons are named from the list's
 *   label, the item's place and its summary; the rich text editor from its
 *   field's label; the preview frame from the entry's title.
 * - DECAP_FINDINGS: what axe-core still finds on the CMS's screens that only
 *   Decap can fix, screen by screen, with Decap's issue where one exists.
 *   tests/site/cms-accessibility.test.ts checks the screens find exactly
 *   these (a new fault fails it, and so does a fault Decap has fixed), and
 *   the accessibility statement lists them (its staff-facing tools section).
 *
 * Plain data and functions: the CMS bundle, the statement and the tests use them.
 */

/** The preview pane's frame title: "Preview of Adult B", or of what the entry is while it has no title. */
export function previewFrameTitle(entryTitle: unknown, labelSingular: string): string {
  const title = typeof entryTitle === 'string' ? entryTitle.replace(/\s+/g, ' ').trim() : '';
  return title ? `Preview of ${title}` : `Preview of this ${labelSingular.toLowerCase()} (no title yet)`;
}

/**
 * What a list item's buttons say it holds: the one text box of a list of
 * single values (a theme, a spelling) holds the item; an item of several
 * fields (a document, a procedure's change) is summed up by Decap's summary
 * line, written from the list's summary template ("{{fields.date}}:
 * {{fields.summary}}"), never by its first box (a date's Day box says only "30").
 */
export function listItemSummary(textBoxValues: readonly string[], summaryLine: string): string {
  return textBoxValues.length === 1 ? (textBoxValues[0] ?? '') : summaryLine;
}

/** A list item as its buttons name it: "Documents, item 1: Learning briefing". */
export function listItemName(listLabel: string, position: number, summary: string): string {
  const label =
    listLabel
      .replace(/\s*\(optional\)\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim() || 'List';
  // A summary of empty fields (": " for a new change) says nothing.
  const written = summary.replace(/\s+/g, ' ').trim();
  const text = /[\p{L}\p{N}]/u.test(written) ? written : '';
  return `${label}, item ${position}${text ? `: ${text}` : ''}`;
}

/** The names of the three controls at the top of a list item, in Decap's order. */
export function listItemControlNames(item: string): { toggle: string; move: string; remove: string } {
  return { toggle: `Show or hide ${item}`, move: `Move ${item}`, remove: `Remove ${item}` };
}

/** The media library dialog's name when Decap gives it none. */
export const MEDIA_DIALOG_NAME = 'Media library';

/** The CMS screens the accessibility test checks, in its order. */
export const CMS_SCREENS = [
  { id: 'collection', what: 'the list of collections, with the Pages collection' },
  { id: 'entries', what: "a collection's list of entries (Bulletins)" },
  { id: 'bulletin', what: "a bulletin's editor" },
  { id: 'review', what: "a review's editor, with its documents" },
  { id: 'briefing', what: "a learning briefing's editor, with its review chosen and the list of reviews open" },
  { id: 'procedure', what: 'a procedure\'s editor, with a change in its "What changed" list and every editor component in its body' },
  { id: 'glossary', what: "a glossary term's editor, with its other spellings" },
  { id: 'settings', what: 'the site settings' },
  { id: 'media', what: 'the media library' },
] as const;

export type CmsScreen = (typeof CMS_SCREENS)[number]['id'];

export interface DecapIssue {
  url: string;
  title: string;
  open: boolean;
}

export interface DecapFinding {
  /** axe-core's rule. */
  rule: string;
  /** How many elements axe finds, on each screen where it finds any. */
  counts: Partial<Record<CmsScreen, number>>;
  /** What does not work, for the statement. */
  problem: string;
  /** The WCAG 2.2 success criteria it fails, if any (a best practice fails none). */
  criteria: string[];
  /** Decap's issue, when one exists; otherwise it is not yet reported. */
  issue: DecapIssue | null;
}

const ISSUE_1333: DecapIssue = { url: 'https://github.com/decaporg/decap-cms/issues/1333', title: 'Accessiblity #a11y issues', open: true };

/**
 * What only Decap can fix, as axe-core 4 finds it on the screens above with
 * the project's enhancements in place. Each was looked at: the element is
 * Decap's own, and naming or restyling it from outside would not be stable.
 */
export const DECAP_FINDINGS: readonly DecapFinding[] = [
  {
    rule: 'nested-interactive',
    counts: { bulletin: 2, review: 2, briefing: 2, procedure: 2, glossary: 2 },
    problem:
      'In the rich text editor\'s toolbar, the "Headings" menu and the "+" menu (add a warning, a table and so on) are each a button inside another button, which assistive technologies may announce wrongly or skip.',
    criteria: ['4.1.2 Name, role, value'],
    issue: null,
  },
  {
    rule: 'region',
    counts: { bulletin: 4, review: 4, briefing: 4, procedure: 4, glossary: 4, settings: 4 },
    problem:
      'The entry editor has no landmarks (main content, navigation): a screen reader user cannot jump between the form, the preview and the header.',
    criteria: [],
    issue: ISSUE_1333,
  },
];

/** Every other axe finding on the CMS's screens is the project's to fix: none are left. */
export function expectedFindings(screen: CmsScreen): { rule: string; count: number }[] {
  return DECAP_FINDINGS.flatMap((finding) => (finding.counts[screen] ? [{ rule: finding.rule, count: finding.counts[screen]! }] : []));
}

/**
 * Faults in Decap that axe cannot find but a person using the CMS meets,
 * each checked by hand in the CMS this project installs (Decap 3, in
 * Chromium: the media library's file cards have tabindex="-1", and Enter
 * and Space on a focused card select nothing; a click does).
 */
export const DECAP_MANUAL_FINDINGS: readonly { problem: string; criteria: string[]; issue: DecapIssue | null }[] = [
  {
    problem:
      'In the media library, a file cannot be reached or chosen with the keyboard (its card is not in the tab order, and Enter and Space do nothing), and a screen reader is not told which file is selected.',
    criteria: ['2.1.1 Keyboard', '4.1.2 Name, role, value'],
    issue: {
      url: 'https://github.com/decaporg/decap-cms/issues/7077',
      title: 'Selecting an item from the media gallery is not keyboard accessible and has no role or state',
      open: true,
    },
  },
];
