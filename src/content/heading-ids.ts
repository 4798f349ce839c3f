/**
 * Ids for the headings of an authored body shown inside a page section. The
 * compiler gives each heading an id from its text, unique within its own
 * body only; a page showing several bodies prefixes them with the section's
 * id ("level-2" + "more-about-this-level"), so every id on the page is unique
 * and each heading can still be linked to.
 */
export function prefixedId(prefix: string | undefined, id: unknown): string | undefined {
  if (typeof id !== 'string' || id === '') return undefined;
  return prefix ? `${prefix}-${id}` : id;
}
