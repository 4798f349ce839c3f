/**
 * Before a save, the fields marked `unique` in the content model (a
 * bulletin's number, a threshold level) are checked against every other
 * entry of the collection, as the backend has them (decap-server here,
 * GitHub on the live site). The number widget (cms/widgets/
 * unique-number-widget.ts) says it as the editor types; this is what makes
 * Publish refuse it however fast the editor is, since Decap waits for its
 * preSave handlers and does not wait for a widget's check.
 */
import { currentBackend } from 'decap-cms-core/dist/esm/backend';
import { store } from 'decap-cms-core/dist/esm/redux';
import type { Collection } from '../src/content/model';
import { duplicateMessage, findDuplicate, uniqueFields } from '../src/content/unique-values';

/** "Not saved: Bulletin number: 1 is already used by ..." for the first field taken, or undefined. */
export async function duplicateBeforeSave(
  collection: Collection,
  data: Record<string, unknown>,
  ownSlug: string | undefined,
): Promise<string | undefined> {
  const fields = uniqueFields(collection).filter(
    (field) => data[field.name] !== undefined && data[field.name] !== null && data[field.name] !== '',
  );
  if (fields.length === 0) return undefined;
  const state = store.getState();
  const entries = await currentBackend(state.config).listAllEntries(state.collections.get(collection.name));
  const others = entries.map((entry) => ({ slug: entry.slug, data: entry.data }));
  for (const field of fields) {
    const duplicate = findDuplicate(field.name, data[field.name], others, ownSlug);
    if (duplicate) return `Not saved: ${duplicateMessage(field, collection.labelSingular, data[field.name], duplicate)}.`;
  }
  return undefined;
}
