/**
 * Which editor an address of the CMS opens, for cms/entry-route.ts. Decap's
 * Editor loads its entry once, when it is first drawn; the router keeps the
 * same Editor when the address moves straight to another entry's editor, so
 * the CMS must open it again (see there).
 */

/** How the address changed, in the words of Decap's router (the history package). */
export type AddressChange = 'POP' | 'PUSH' | 'REPLACE';

/**
 * The editor an address (the path after /admin/#) shows, as
 * "collection/entries/slug" or "collection/new"; undefined for every other
 * screen (a collection's list, the media library, the workflow).
 */
export function editorOf(path: string): string | undefined {
  const match = /^\/collections\/([^/?#]+)\/(?:(new)(?:[/?#]|$)|entries\/([^?#]+))/.exec(path);
  if (!match) return undefined;
  return match[2] ? `${match[1]}/new` : `${match[1]}/entries/${match[3]!.replace(/\/+$/, '')}`;
}

/**
 * Whether a move from `from` to `to` leaves the Editor on screen holding the
 * entry of `from`: a move between two different editors by the address bar,
 * Back or Forward (POP). Decap's own moves between editors (REPLACE, after a
 * save gives an entry its address) load the new entry themselves.
 */
export function editorMustReopen(from: string, to: string, change: AddressChange): boolean {
  if (change !== 'POP') return false;
  const before = editorOf(from);
  const after = editorOf(to);
  return before !== undefined && after !== undefined && before !== after;
}
