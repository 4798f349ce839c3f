/**
 * The editor on screen is always the entry of the address.
 *
 * Decap's Editor (decap-cms-core src/components/Editor/Editor.js) loads its
 * entry only when it is first drawn (componentDidMount), and its router keeps
 * the same Editor when the address moves straight to another entry's editor.
 * So going from one entry to another by the address bar, Back or Forward
 * kept the first entry's form under the second's address, and Save wrote it
 * into the first entry's file. Here, once Decap has let such a move happen
 * (asking its own "leave?" question first when there are unsaved changes),
 * the page is loaded again at the new address, where the Editor loads that
 * entry, its local backup and its own "leave?" question.
 *
 * When the editor answers "stay" to that question, Decap keeps the form but
 * not always the address (the history package only moves back to addresses
 * it made itself): the address is put back to the entry on screen.
 */
import { history } from 'decap-cms-core/dist/esm/routing/history';
import { editorMustReopen } from '../src/cms/entry-route';

const pathOf = (location: { pathname: string; search: string }): string => `${location.pathname}${location.search}`;

/** Call before CMS.init(): it must hear address changes before Decap's own router does. */
export function followEditorAddress(): void {
  let shown = pathOf(history.location);
  // The person has already answered Decap's "leave?" question for this move: the reload that opens the
  // new address must not ask again (the browser's own "Leave site?" from Decap's beforeunload handler).
  // Added before CMS.init(), so it runs before Decap's handler and can stop it.
  let reopening = false;
  window.addEventListener('beforeunload', (event) => {
    if (reopening) event.stopImmediatePropagation();
  });
  history.listen((location, action) => {
    const from = shown;
    shown = pathOf(location);
    if (!editorMustReopen(from, location.pathname, action)) return;
    const target = pathOf(location);
    // After every listener has heard this move (Decap has already asked its "leave?" question), the page is
    // loaded afresh at the new address: the one way to open an editor that nothing can interrupt half done.
    // (Closing the Editor by a list address and opening it again took two address changes, and a reload
    // between them, such as a person pressing F5 just after pasting an address, landed on the list.)
    queueMicrotask(() => {
      if (pathOf(history.location) !== target) return;
      reopening = true;
      window.location.reload();
    });
  });

  // "Stay": the history package moves back by history.go() only to an address it made itself.
  let movingBack = false;
  const go = window.history.go.bind(window.history);
  window.history.go = (delta?: number) => {
    movingBack = true;
    go(delta);
  };
  // Added after the history package's own listener (its first listen() above added it), so this runs after Decap decided.
  window.addEventListener('hashchange', (event) => {
    // The history package rewrote the address (a missing "/"): the next change is the one to check.
    if (new URL(event.newURL).hash !== window.location.hash) return;
    if (movingBack) {
      movingBack = false;
      return;
    }
    const onScreen = history.createHref(history.location);
    if (decodeURI(window.location.hash) !== decodeURI(onScreen)) window.location.replace(onScreen);
  });
}
