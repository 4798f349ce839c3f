/**
 * The Pagefind bundle in the built site: where it is, and which of the files
 * Pagefind writes the site does not use. The search page uses Pagefind's
 * JavaScript API only (pagefind.js, the WebAssembly and the index), never
 * its ready-made UIs, so those are not shipped. It runs Pagefind on the page
 * (src/scripts/search.ts: noWorker), so pagefind-worker.js is not loaded.
 */
export const SEARCH_BUNDLE_FOLDER = 'pagefind';

/** The address the search script imports at run time. */
export const SEARCH_API_PATH = `/${SEARCH_BUNDLE_FOLDER}/pagefind.js`;

/** Never indexed, even inside a page body: decoration hidden from assistive technology (the "!" of a warning). */
export const SEARCH_EXCLUDED_SELECTORS = ['[aria-hidden="true"]'] as const;

const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** True for a file at the top of the bundle folder that the site never loads. */
export function isUnusedBundleFile(name: string): boolean {
  return UNUSED.test(name);
}

/** How many pages the index holds, from Pagefind's pagefind-entry.json. */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: unknown }> };
  return Object.values(entry.languages ?? {}).reduce(
    (total, language) => total + (typeof language.page_count === 'number' ? language.page_count : 0),
    0,
  );
}
