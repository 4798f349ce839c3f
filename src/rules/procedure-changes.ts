/**
 * Procedures' changes: each procedure keeps a list of `{date, summary}` in its
 * frontmatter. Its page shows them under "What changed", newest first
 * (src/pages/procedures/[slug].astro, and the CMS preview); every procedure's
 * changes together are /procedures/changes/ and its feed,
 * /procedures/changes.xml (src/site/feeds.ts). The CMS preview bundles this
 * module: plain functions, importing nothing but types.
 */
import type { IsoDate } from './dates';

export interface ProcedureChange {
  date: IsoDate;
  summary: string;
}

/** The id of a procedure's "What changed" section, which /procedures/changes/ and the feed link to. */
export const WHAT_CHANGED_ID = 'what-changed';

/** The title of the page listing every change (/procedures/changes/), and its name in the search page's A to Z. */
export const PROCEDURE_CHANGES_TITLE = 'Changes to procedures';

/** Under a procedure's "What changed" (its page and its CMS preview): the link to /procedures/changes/. */
export const ALL_CHANGES_LINK_TEXT = 'Changes to all procedures, and how to follow them';

/** A procedure's changes, newest first; changes of one day keep the order they were written in. */
export function changesNewestFirst<T extends { date: string }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
}

/** One change of one procedure, for the list of every change and the feed. */
export interface ListedChange extends ProcedureChange {
  /** The procedure's file name. */
  slug: string;
  title: string;
  sample: boolean;
  /**
   * Stable while the change is not edited: the procedure, the date and a
   * hash of the sentence ("rapid-review/2019-06-30/1a2b3c4d"). Adding,
   * removing or reordering other changes leaves it as it was; a corrected
   * sentence is a new id (a feed reader shows the correction).
   */
  id: string;
}

interface ProcedureWithChanges {
  id: string;
  data: { title: string; changes?: readonly ProcedureChange[] | undefined; sample?: boolean | undefined };
}

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint of a sentence (not a secret). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Every change of every procedure, newest first; on one day, by procedure
 * title, then in the order each procedure lists them. Each has an id no other
 * has (the same sentence twice on one day of one procedure: "…-2").
 */
export function allProcedureChanges(procedures: readonly ProcedureWithChanges[]): ListedChange[] {
  const listed = procedures.flatMap((procedure) => {
    const used = new Map<string, number>();
    return (procedure.data.changes ?? []).map((change): ListedChange => {
      const base = `${procedure.id}/${change.date}/${shortHash(change.summary)}`;
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      return {
        date: change.date,
        summary: change.summary,
        slug: procedure.id,
        title: procedure.data.title,
        sample: procedure.data.sample === true,
        id: seen === 1 ? base : `${base}-${seen}`,
      };
    });
  });
  return changesNewestFirst(listed.sort((a, b) => a.title.localeCompare(b.title, 'en-GB')));
}
