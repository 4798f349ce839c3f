/**
 * A local backup, when the editor accepts it, restores the text.
 *
 * Decap's Editor asks for an entry's local backup and loads the entry at the
 * same time (decap-cms-core Editor.js componentDidMount). The backup, read
 * from the browser, usually comes first: the editor accepts it, and then the
 * entry arrives from the server and replaces the restored text in the form
 * (and the editor's toolbar, drawn before the entry had come, fails with
 * "Failed to load preview: Cannot read properties of undefined (reading
 * 'get')"). Here the backup is handed over only once the entry's own text is
 * in the form, so accepting it is the last word.
 */
import { Backend } from 'decap-cms-core/dist/esm/backend';
import { store } from 'decap-cms-core/dist/esm/redux';
import { history } from 'decap-cms-core/dist/esm/routing/history';
import { editorOf } from '../src/cms/entry-route';

/** Resolves true when the entry's own text is in the form (or it failed to load), false if the editor left it first. */
function entryInForm(collection: string, slug: string): Promise<boolean> {
  const editor = `${collection}/entries/${slug}`;
  const state = (): boolean | undefined => {
    const { entryDraft, entries } = store.getState();
    if (entryDraft.getIn(['entry', 'collection']) === collection && entryDraft.getIn(['entry', 'slug']) === slug) return true;
    if (entries.getIn(['entities', `${collection}.${slug}`, 'error'])) return true;
    if (editorOf(history.location.pathname) !== editor) return false;
    return undefined;
  };
  return new Promise((done) => {
    const now = state();
    if (now !== undefined) return done(now);
    const stop = store.subscribe(() => {
      const next = state();
      if (next === undefined) return;
      stop();
      done(next);
    });
  });
}

/** Call before CMS.init(). */
export function restoreBackupsAfterTheEntry(): void {
  const read = Backend.prototype.getLocalDraftBackup;
  Backend.prototype.getLocalDraftBackup = async function getLocalDraftBackup(collection, slug) {
    const backup = await read.call(this, collection, slug);
    // A new entry (no slug) has nothing to load: its backup is offered at once, as Decap does.
    if (!backup.entry || !slug) return backup;
    return (await entryInForm(collection.get('name'), slug)) ? backup : {};
  };
}
