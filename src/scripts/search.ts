// The search page, on Pagefind's JavaScript API (the built /pagefind/ files,
// loaded from this site only). The page's own GET form works without this
// script; with it, results show as you type, filters apply when ticked, the
// address keeps the query and filters (reload, back and forward work), and a
// polite live region says how many results there are. Results are built with
// text nodes, never HTML. The logic is in src/search/search.ts.
import {
  FILTER_PARAMS,
  SEARCH_BROKEN_TEXT,
  excerptParts,
  hasFilters,
  isSampleResult,
  pagefindFilters,
  parseSearchParams,
  resultCountText,
  resultMetaText,
  searchParamsFor,
  type SearchState,
} from '../search/search';
import { SEARCH_API_PATH } from '../search/bundle';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, options?: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: Record<string, unknown>) => Promise<PagefindResponse | null>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 300;
/** Below this width the filters start closed, so results are not pushed off the screen. */
const NARROW = '(max-width: 40.0525em)';

let pagefind: Promise<PagefindApi> | undefined;

/** Loads Pagefind once: on the first search, or when the search box gets focus. */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ SEARCH_API_PATH)) as PagefindApi;
    // noWorker: Pagefind searches on the page rather than in a worker of its own, so the browser does not
    // download its engine twice (pagefind-worker.js repeats pagefind.js: 12 KB gzipped). At 1,000 and 5,000
    // pages a query takes a few milliseconds either way (scripts/search-bench.ts).
    await api.options({ excerptLength: 30, noWorker: true });
    await api.init();
    return api;
  })();
  return pagefind;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The search page has no #${id}`);
  return found as T;
}

function start(form: HTMLFormElement) {
  const input = element<HTMLInputElement>('search-query');
  const status = element<HTMLParagraphElement>('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const advice = element<HTMLDivElement>('search-advice');
  const adviceFilters = element<HTMLLIElement>('search-advice-filters');
  const fallback = element<HTMLDivElement>('search-fallback');
  const filters = element<HTMLDetailsElement>('search-filters');
  const clear = element<HTMLButtonElement>('search-clear');
  const apply = element<HTMLButtonElement>('search-apply');
  const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"][form="search-form"]')];
  const baseTitle = document.title;

  let sequence = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;

  // The script is running: filters apply as they are ticked, and the message for browsers without JavaScript goes.
  fallback.hidden = true;
  apply.hidden = true;
  clear.hidden = false;

  function stateFromControls(): SearchState {
    const params = new URLSearchParams();
    params.set('q', input.value);
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    return parseSearchParams(params);
  }

  function showControls(state: SearchState) {
    input.value = state.query;
    for (const box of boxes) {
      box.checked =
        box.name === FILTER_PARAMS.type
          ? (state.types as readonly string[]).includes(box.value)
          : (state.audiences as readonly string[]).includes(box.value);
    }
  }

  function keepInAddress(state: SearchState, push: boolean) {
    const params = searchParamsFor(state).toString();
    const url = `${location.pathname}${params ? `?${params}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function resultItem(data: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'sg-search-result';
    const heading = document.createElement('h2');
    heading.className = 'govuk-heading-s sg-search-result__title';
    const link = document.createElement('a');
    link.className = 'govuk-link';
    link.href = data.url;
    link.textContent = data.meta.title?.trim() || data.url;
    heading.append(link);
    item.append(heading);
    const metaText = resultMetaText(data.meta);
    const sample = isSampleResult(data.meta);
    if (metaText || sample) {
      const meta = document.createElement('p');
      meta.className = 'sg-meta sg-search-result__meta';
      meta.textContent = metaText;
      if (sample) {
        // As SampleListTag.astro, beside every link to a sample entry.
        const tag = document.createElement('strong');
        tag.className = 'govuk-tag govuk-tag--orange sg-sample-label';
        tag.textContent = 'Sample content';
        meta.append(metaText ? ' · ' : '', tag);
      }
      item.append(meta);
    }
    const parts = excerptParts(data.excerpt);
    if (parts.length > 0) {
      const excerpt = document.createElement('p');
      excerpt.className = 'govuk-body sg-search-result__excerpt';
      for (const part of parts) {
        if (part.mark) {
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          excerpt.append(mark);
        } else {
          excerpt.append(document.createTextNode(part.text));
        }
      }
      item.append(excerpt);
    }
    return item;
  }

  /** Shows the next page of results; with `focus`, moves focus to the first of them. */
  async function showMore(focus: boolean): Promise<boolean> {
    const mine = sequence;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (mine !== sequence) return false;
    const items = data.map(resultItem);
    list.append(...items);
    shown += batch.length;
    list.hidden = shown === 0;
    more.hidden = shown >= results.length;
    if (focus) items[0]?.querySelector('a')?.focus();
    return true;
  }

  function showNothing() {
    sequence += 1;
    results = [];
    shown = 0;
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    advice.hidden = true;
    status.textContent = '';
    document.title = baseTitle;
  }

  /** Says once, in the live region (always on the page, so it is announced), that search is not working and what to do instead. */
  function showBroken() {
    showNothing();
    status.textContent = SEARCH_BROKEN_TEXT;
  }

  async function run(state: SearchState) {
    if (!state.query && !hasFilters(state)) {
      showNothing();
      return;
    }
    const mine = ++sequence;
    let response: PagefindResponse | null;
    try {
      const api = await loadPagefind();
      response = await api.search(state.query || null, { filters: pagefindFilters(state) });
    } catch (error) {
      console.error(error);
      if (mine === sequence) showBroken();
      return;
    }
    if (mine !== sequence || !response) return;
    results = response.results;
    shown = 0;
    list.replaceChildren();
    if (!(await showMore(false))) return;
    advice.hidden = results.length > 0;
    adviceFilters.hidden = !hasFilters(state);
    const text = resultCountText(results.length, state);
    status.textContent = text;
    document.title = `${text} - ${baseTitle}`;
  }

  input.addEventListener(
    'focus',
    () => {
      loadPagefind().catch(() => undefined);
    },
    { once: true },
  );

  input.addEventListener('input', () => {
    clearTimeout(typing);
    const state = stateFromControls();
    typing = setTimeout(() => {
      keepInAddress(state, false);
      void run(state);
    }, TYPING_DELAY_MS);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    const state = stateFromControls();
    keepInAddress(state, true);
    void run(state);
  });

  for (const box of boxes) {
    box.addEventListener('change', () => {
      clearTimeout(typing);
      const state = stateFromControls();
      keepInAddress(state, true);
      void run(state);
    });
  }

  clear.addEventListener('click', () => {
    clearTimeout(typing);
    for (const box of boxes) box.checked = false;
    const state = stateFromControls();
    keepInAddress(state, true);
    void run(state);
  });

  more.addEventListener('click', () => {
    void showMore(true);
  });

  window.addEventListener('popstate', () => {
    clearTimeout(typing);
    const state = parseSearchParams(new URLSearchParams(location.search));
    showControls(state);
    void run(state);
  });

  const initial = parseSearchParams(new URLSearchParams(location.search));
  showControls(initial);
  if (window.matchMedia(NARROW).matches && !hasFilters(initial)) filters.open = false;
  if (initial.query || hasFilters(initial)) void run(initial);
}

const searchForm = document.getElementById('search-form');
if (searchForm instanceof HTMLFormElement) start(searchForm);
