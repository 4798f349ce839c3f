/**
 * Fields marked `unique` in the content model (a bulletin's number, a
 * threshold level, a glossary term): no two entries of a collection may share a value. The
 * build checks every entry (src/content/files.ts checkAcrossEntries);
 * the CMS's number widget (cms/widgets/number-widget.ts) checks the entry
 * being edited against the others, as the editor types and before saving.
 * Both use the functions here, so they find the same duplicates.
 *
 * Plain functions, no Node.
 */
import type { Collection, Field } from './model';

export interface OtherEntry { slug: string; data: Record<string, unknown> }

/** The fields of a collection whose values must differ from entry to entry: a number, or a glossary term. */
export function uniqueFields(collection: Pick<Collection, 'fields'>): Field[] {
  return collection.fields.filter((field) => (field.kind === 'integer' || field.kind === 'string') && field.unique === true);
}

/** The same value, as the build reads it (17 and "17" are the same bulletin number). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || a === '' || b === undefined || b === null || b === '') return false;
  return String(a).trim() === String(b).trim();
}

/** The first other entry with `value` in `fieldName`; the entry being edited (`ownSlug`) does not count. */
export function findDuplicate(fieldName: string, value: unknown, others: readonly OtherEntry[], ownSlug?: string): OtherEntry | undefined {
  return others.find((other) => other.slug !== ownSlug && sameValue(other.data[fieldName], value));
}

/** "each bulletin needs its own bulletin number" */
export function needsItsOwn(field: Pick<Field, 'label'>, labelSingular: string): string {
  return `each ${labelSingular.toLowerCase()} needs its own ${field.label.toLowerCase()}`;
}

/** The CMS's message: "Bulletin number: 1 is already used by “COVID-19 partner bulletin 1”; each bulletin needs its own bulletin number". */
export function duplicateMessage(field: Pick<Field, 'label'>, labelSingular: string, value: unknown, other: OtherEntry): string {
  const title = typeof other.data.title === 'string' && other.data.title.trim() ? other.data.title.trim() : other.slug;
  return `${field.label}: ${String(value)} is already used by \u201c${title}\u201d; ${needsItsOwn(field, labelSingular)}`;
}
