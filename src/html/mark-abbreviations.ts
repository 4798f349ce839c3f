/**
 * Abbreviations explained at build time, with no script: in the HTML of an
 * entry's rendered body, the first use on the page of each abbreviation the
 * glossary knows becomes `<abbr>`, with what it stands for written in the
 * text before it the first time (GOV.UK style: "Multi-Agency Safeguarding
 * Hub (MASH+)"), and a link to its entry on /glossary/. When the author
 * already wrote it out that way, only the `<abbr>` and the link are added.
 * Later uses on the page stay as they are. "First" is per page, across
 * every body the page shows: the caller keeps one `PageAbbreviations` for
 * the page and passes the bodies in the page's order.
 *
 * The HTML is read with the project's tokenizer (src/html/tokens.ts), so
 * only text is ever changed: never attribute values, nor the text of
 * <code>, <pre>, <kbd>, <samp>, <script>, <style>, <svg>, <math>,
 * <textarea>, or an <abbr> the author wrote (that one still counts as the
 * page's first use). Inside a link the expansion and `<abbr>` are added but
 * no second link; in a heading the expansion is written but no link added.
 * Abbreviations everyone knows (`wellKnown`: NHS, UK) are left alone.
 * Everything inserted is glossary data, escaped.
 */
import { readHtml } from './tokens';
import { escapeAttribute, escapeText } from './markup';
import { glossaryHref, isExpandedAfter, isExpandedAt, usePattern, type Abbreviation } from '../content/abbreviations';

/** What one page has explained so far: the ids of the abbreviations already used on it. */
export interface PageAbbreviations {
  seen: Set<string>;
}

export function newPageAbbreviations(): PageAbbreviations {
  return { seen: new Set() };
}

/** Elements whose text is never changed. */
const UNTOUCHED = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'svg',
  'math',
  'textarea',
  'abbr',
  'title',
  'template',
  'noscript',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** One glossary term's pattern, made once per glossary. */
interface Finder {
  abbreviation: Abbreviation;
  pattern: RegExp;
}

const finders = new WeakMap<readonly Abbreviation[], Finder[]>();

function findersOf(glossary: readonly Abbreviation[]): Finder[] {
  let found = finders.get(glossary);
  if (!found) {
    found = glossary
      .filter((abbreviation) => !abbreviation.wellKnown)
      .map((abbreviation) => ({ abbreviation, pattern: usePattern(abbreviation) }));
    finders.set(glossary, found);
  }
  return found;
}

/**
 * Notes the abbreviations that text shown on the page before a body (a
 * summary, a list) writes out where it first uses them: the body then
 * leaves them as they are.
 */
export function noteExplainedIn(texts: readonly string[], glossary: readonly Abbreviation[], page: PageAbbreviations): void {
  for (const { abbreviation, pattern } of findersOf(glossary)) {
    if (page.seen.has(abbreviation.id)) continue;
    for (const text of texts) {
      pattern.lastIndex = 0;
      const match = pattern.exec(text);
      if (!match) continue;
      if (isExpandedAt(text, match.index, abbreviation) || isExpandedAfter(text, match.index + match[0].length, abbreviation))
        page.seen.add(abbreviation.id);
      break;
    }
  }
}

interface Use {
  index: number;
  written: string;
  abbreviation: Abbreviation;
}

/** The first use in `text` of each abbreviation not yet seen on the page, in order, without overlaps. */
function firstUses(text: string, glossary: readonly Finder[], seen: ReadonlySet<string>): Use[] {
  const uses: Use[] = [];
  for (const { abbreviation, pattern } of glossary) {
    if (seen.has(abbreviation.id)) continue;
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match) uses.push({ index: match.index, written: match[0], abbreviation });
  }
  uses.sort((a, b) => a.index - b.index || b.written.length - a.written.length);
  const kept: Use[] = [];
  for (const use of uses) if (!kept.some((other) => use.index < other.index + other.written.length)) kept.push(use);
  return kept;
}

/** The markup for one first use. */
function markUse(use: Use, context: { text: string; at: number }, where: { inLink: boolean; inHeading: boolean }): string {
  const { abbreviation, written } = use;
  const abbr = `<abbr class="sg-abbr">${escapeText(written)}</abbr>`;
  const linked =
    where.inLink || where.inHeading
      ? abbr
      : `<a class="govuk-link sg-glossary-link" href="${escapeAttribute(glossaryHref(abbreviation))}">${abbr}</a>`;
  const already =
    isExpandedAt(context.text, context.at, abbreviation) || isExpandedAfter(context.text, context.at + written.length, abbreviation);
  return already ? linked : `${escapeText(abbreviation.expansion)} (${linked})`;
}

/**
 * The body's HTML with the first use of each glossary abbreviation on the
 * page marked and written out. `page` says what earlier bodies of the page
 * already explained, and is updated.
 */
export function markAbbreviations(html: string, glossary: readonly Abbreviation[], page: PageAbbreviations): string {
  const terms = findersOf(glossary);
  if (terms.length === 0) return html;
  const out: string[] = [];
  let cursor = 0;
  let pending: string[] = [];
  // The text read so far in this body, so "Full name (" before a use is found across inline tags.
  let readSoFar = '';
  const open = { untouched: 0, abbrs: 0, links: 0, headings: 0 };

  const flush = (until: number) => {
    const raw = html.slice(cursor, until);
    const text = pending.join('');
    pending = [];
    cursor = until;
    // A comment's text is never handed over: such a run is left as it is.
    const editable = open.untouched === 0 && !raw.includes('<') && text !== '';
    const uses = editable ? firstUses(text, terms, page.seen) : [];
    if (uses.length === 0) {
      out.push(raw);
      if (open.untouched === 0) readSoFar = (readSoFar + text).slice(-400);
      else if (text !== '' && open.abbrs > 0) {
        // Text in an author's <abbr> counts as a use, so the page does not explain it again later.
        for (const { abbreviation, pattern } of terms) {
          pattern.lastIndex = 0;
          if (pattern.test(text)) page.seen.add(abbreviation.id);
        }
      }
      return;
    }
    let from = 0;
    const where = { inLink: open.links > 0, inHeading: open.headings > 0 };
    for (const use of uses) {
      out.push(escapeText(text.slice(from, use.index)));
      const context = readSoFar + text;
      out.push(markUse(use, { text: context, at: readSoFar.length + use.index }, where));
      page.seen.add(use.abbreviation.id);
      from = use.index + use.written.length;
    }
    out.push(escapeText(text.slice(from)));
    readSoFar = (readSoFar + text).slice(-400);
  };

  readHtml(html, {
    text(chars) {
      pending.push(chars);
    },
    startTag(tag) {
      flush(tag.start);
      out.push(html.slice(tag.start, tag.end));
      cursor = tag.end;
      if (tag.selfClosing) return;
      if (UNTOUCHED.has(tag.name)) open.untouched += 1;
      if (tag.name === 'abbr') open.abbrs += 1;
      else if (tag.name === 'a') open.links += 1;
      else if (HEADINGS.has(tag.name)) open.headings += 1;
    },
    endTag(tag) {
      flush(tag.start);
      out.push(html.slice(tag.start, tag.end));
      cursor = tag.end;
      if (UNTOUCHED.has(tag.name)) open.untouched = Math.max(0, open.untouched - 1);
      if (tag.name === 'abbr') open.abbrs = Math.max(0, open.abbrs - 1);
      else if (tag.name === 'a') open.links = Math.max(0, open.links - 1);
      else if (HEADINGS.has(tag.name)) open.headings = Math.max(0, open.headings - 1);
    },
    elementText() {
      // A script's or style's text: inside an untouched element, copied with the rest.
    },
  });
  flush(html.length);
  return out.join('');
}

/**
 * One page's bodies, marked in the page's order. Astro renders a page's
 * components concurrently, so a body's HTML may be ready before the body
 * above it; each body takes its turn when its component starts (in the
 * page's order, before anything is awaited) and is marked only after the
 * bodies before it. Kept per page: `page` is the page's Astro.locals.
 */
export interface BodyTurn {
  /** `shownBefore`: the text of the fields the page shows above this body (src/content/page-text.ts). */
  mark(html: string, glossary: readonly Abbreviation[], shownBefore?: readonly string[]): Promise<string>;
}

const pages = new WeakMap<object, { abbreviations: PageAbbreviations; last: Promise<void> }>();

export function takeBodyTurn(page: object): BodyTurn {
  let state = pages.get(page);
  if (!state) {
    state = { abbreviations: newPageAbbreviations(), last: Promise.resolve() };
    pages.set(page, state);
  }
  const { abbreviations } = state;
  const before = state.last;
  let done!: () => void;
  state.last = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    async mark(html, glossary, shownBefore = []) {
      try {
        await before;
        noteExplainedIn(shownBefore, glossary, abbreviations);
        return markAbbreviations(html, glossary, abbreviations);
      } finally {
        done();
      }
    },
  };
}
