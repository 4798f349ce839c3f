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
 * the Editor is closed (the collection's list, drawn at once) and opened
 * again at the new address, where it loads that entry, its local backup and
 * its own "leave?" question.
 *
 * When the editor answers "stay" to that question, Decap keeps the form but
 * not always the address (the history package only moves back to addresses
 * it made itself): the address is put back to the entry on screen.
 */
import { flushSync } from 'react-dom';
import { history } from 'decap-cms-core/dist/esm/routing/history';
import { collectionPathOf, editorMustReopen } from '../src/lib/cms-entry-route';

const pathOf = (location: { pathname: string; search: string }): string => `${location.pathname}${location.search}`;

/** Call before CMS.init(): it must hear address changes before Decap's own router does. */
export function followEditorAddress(): void {
  let shown = pathOf(history.location);
  history.listen((location, action) => {
    const from = shown;
    shown = pathOf(location);
    if (!editorMustReopen(from, location.pathname, action)) return;
    const target = pathOf(location);
    const list = collectionPathOf(location.pathname);
    // After every listener has heard this move (Decap's Editor lets go of it), before anything is drawn.
    queueMicrotask(() => {
      if (pathOf(history.location) !== target || !list) return;
      flushSync(() => history.replace(list));
      history.replace(target);
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
