/**
 * The one-year rule, proved on a built folder: every review that is not
 * public today (src/rules/retention.ts) has nothing in it beyond its short
 * "available on request" page. scripts/build.ts runs this on every build
 * before the build may replace dist/; `npm run check:withdrawn` runs it on
 * any built folder.
 *
 * What counts as the review's material, looked for in every file (Pagefind's
 * gzip files decompressed):
 * - its text: each sentence of its summary and body of 6 words or more that
 *   no other content file also has, compared as words (tags, entities,
 *   punctuation and case ignored);
 * - its documents: anything under documents/reviews/<slug>/, a file with the
 *   same bytes as one of its documents anywhere (except as the document of a
 *   public review or a report that lists the same file), or a link to one;
 * - its share image: share-images/<key>.png of its full page, or a page that
 *   names it; and any share image no page uses (a leftover of another build);
 * - its address in a feed, the sitemap, the search index or any other file
 *   that is not an HTML page (pages may link to the short page);
 * - for a review not yet published, any page at its address, any link to
 *   that address (from the reviews list, the A to Z, the 404 page...) and its
 *   name ("Safeguarding Adults Review Adult E") anywhere, config.yml and the
 *   CMS's bundle included; for a withdrawn one, a short page without noindex.
 *
 * So that the check can never pass by looking in the wrong places, each
 * public review is looked for the same way: its page must show its text, its
 * share image and its documents must be where the check expects them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { visibleText } from '../content/abbreviations';
import { readHtml } from '../html/tokens';
import { entrySlug, readAllEntries, type RawEntry } from '../content/files';
import { entryData } from '../content/schemas';
import { documentHref, documentSourceFile } from '../content/documents';
import { reviewTitle } from '../site/page-titles';
import { retentionYearsFrom, reviewStatus, type ReviewState } from './retention';
import { SHARE_IMAGE_FOLDER, pageShareImageContent, shareImageKey } from '../share-images/share-image';
import { reviewHeading } from '../site/entry-page-headings';
import { SITE_URL } from '../site/site-address';

/** A sentence this long (in words) is specific enough to be the review's own. */
export const MIN_SENTENCE_WORDS = 6;

export interface ReviewDocument {
  name: string;
  href: string;
  bytes: number;
  sha256: string;
}

/** What identifies a review's material in a built site. */
export interface ReviewMarks {
  slug: string;
  /** The content file, as people find it: content/reviews/adult-b-....mdx */
  file: string;
  /** "Safeguarding Adults Review Adult B" */
  name: string;
  state: ReviewState;
  /** Normalised (normaliseText) sentences of its summary and body. */
  sentences: string[];
  documents: ReviewDocument[];
  /** The share image of its full page. */
  shareImageKey: string;
}

export interface RuleProblem {
  /** The review's name and file, or what else the problem is about. */
  review: string;
  /** The file in the built folder, relative to it. */
  file: string;
  problem: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '...',
};

/**
 * Text as words only: JSON escapes and HTML entities decoded, tags removed,
 * apostrophes dropped, everything that is not a letter or digit a single
 * space, lower case. The same sentence in MDX, HTML, XML or Pagefind's JSON
 * comes out the same.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\[nrt]/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (match, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? match;
    })
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc]/g, '')
    .replace(/[^a-z0-9\u00c0-\u1fff\u2070-\uffff]+/g, ' ')
    .trim();
}

/** The sentences a reader sees in a summary and an MDX body, normalised, of MIN_SENTENCE_WORDS words or more. */
export function reviewSentences(summary: string, body: string): string[] {
  const lines = `${summary}\n${visibleText(body)}`.split('\n').map((line) => line.replace(/^\s*(?:[-+]|\d+[.)])\s+/, ''));
  const sentences = lines.flatMap((line) => line.split(/(?<=[.!?])\s+/)).map(normaliseText);
  return [...new Set(sentences.filter((sentence) => sentence.split(' ').length >= MIN_SENTENCE_WORDS))];
}

/**
 * Finds whole sentences in normalised text (normaliseText) in one pass over
 * its words, however many sentences are looked for: the same answer as
 * ` ${text} `.includes(` ${sentence} `) for each sentence, without
 * searching the whole text once per sentence.
 */
export class SentenceFinder {
  private readonly byFirstWord = new Map<string, string[]>();
  /** The first words' lengths: a word of another length is passed over without being copied out. */
  private readonly firstLengths = new Set<number>();

  constructor(sentences: Iterable<string>) {
    for (const sentence of new Set(sentences)) {
      if (sentence === '') continue;
      const space = sentence.indexOf(' ');
      const first = space < 0 ? sentence : sentence.slice(0, space);
      this.byFirstWord.set(first, [...(this.byFirstWord.get(first) ?? []), sentence]);
      this.firstLengths.add(first.length);
    }
  }

  /** The sentences `text` (normalised, words separated by single spaces) has, each starting and ending at a word's edge. */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    if (this.byFirstWord.size === 0) return found;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf(' ', start);
      if (end < 0) end = text.length;
      const candidates = this.firstLengths.has(end - start) ? this.byFirstWord.get(text.slice(start, end)) : undefined;
      if (candidates) {
        for (const sentence of candidates) {
          const after = start + sentence.length;
          if (!found.has(sentence) && text.startsWith(sentence, start) && (after === text.length || text.charCodeAt(after) === 32))
            found.add(sentence);
        }
      }
      start = end + 1;
    }
    return found;
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every review in content/ with its state on `today` and the marks of its
 * material. A sentence that another content file also has is left out: it
 * is not the review's alone (the sample-content note, for instance).
 */
export function reviewMarks(
  root: string,
  today: string,
  siteUrl: string = SITE_URL,
  entries: readonly RawEntry[] = readAllEntries(root),
): ReviewMarks[] {
  const settings = entries.find((entry) => entry.collection === 'settings')?.data ?? {};
  const years = retentionYearsFrom(settings);
  const reviews = entries.filter((entry) => entry.collection === 'reviews');
  const candidates = new Map(reviews.map((entry) => [entry, reviewSentences(String(entry.data.summary ?? ''), entry.body)]));
  // Each entry's text read once for every review's sentences; a sentence another entry also has is not a review's own.
  const finder = new SentenceFinder([...candidates.values()].flat());
  const owners = new Map<string, RawEntry[]>();
  for (const [entry, sentences] of candidates)
    for (const sentence of sentences) owners.set(sentence, [...(owners.get(sentence) ?? []), entry]);
  const shared = new Map<RawEntry, Set<string>>(reviews.map((entry) => [entry, new Set<string>()]));
  for (const other of entries) {
    for (const sentence of finder.foundIn(normaliseText(`${JSON.stringify(other.data)} ${visibleText(other.body)}`))) {
      for (const owner of owners.get(sentence) ?? []) if (owner !== other) shared.get(owner)!.add(sentence);
    }
  }
  return reviews.map((entry) => {
    const slug = entrySlug(entry);
    const data = entryData('reviews', entry.file, entry.data);
    const sentences = candidates.get(entry)!.filter((sentence) => !shared.get(entry)!.has(sentence));
    const documents = (data.documents ?? []).map((document) => {
      const bytes = readFileSync(documentSourceFile(entry.absolutePath, document.file));
      return {
        name: basename(document.file),
        href: documentHref('reviews', slug, document.file),
        bytes: bytes.length,
        sha256: sha256(bytes),
      };
    });
    const name = reviewTitle(data.title, data.type);
    // The image its full page has: the layout's own rule (share-image.ts), headed as the page is (entry-page-headings.ts).
    const shareImage = shareImageKey(
      pageShareImageContent({ siteName: String(settings.siteName ?? ''), organisation: String(settings.organisation ?? '') }, siteUrl, {
        pathname: `/reviews/${slug}/`,
        ...reviewHeading(data),
        sample: data.sample === true,
      }),
    );
    return {
      slug,
      file: entry.file,
      name,
      state: reviewStatus(data.published, today, years).state,
      sentences,
      documents,
      shareImageKey: shareImage,
    };
  });
}

const TEXT_EXTENSIONS = /\.(html?|xml|json|txt|js|mjs|cjs|css|svg|webmanifest|ya?ml|md|csv|pf_fragment|pf_index|pf_meta|pf_filter)$/;

/** Whether a built file is read as text (images, documents and fonts are not: their names and bytes are checked). */
function isTextFile(path: string): boolean {
  const name = basename(path);
  return TEXT_EXTENSIONS.test(name) || !name.includes('.') || name.startsWith('_');
}

function builtFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((item) => item.isFile())
    .map((item) => relative(folder, join(item.parentPath, item.name)).split(sep).join('/'))
    .sort();
}

/** A built file's text: decompressed when gzip (Pagefind), undefined for images, documents and fonts. */
function fileText(path: string, bytes: Buffer): string | undefined {
  if (!isTextFile(path)) return undefined;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return bytes.toString('utf8');
    }
  }
  return bytes.toString('utf8');
}

/** Where in the site a file is, for messages. */
function kindOf(path: string, text: string): string {
  if (path.startsWith('pagefind/')) return 'the search index (Pagefind)';
  if (path.endsWith('.xml') && text.includes('<urlset')) return 'the sitemap';
  if (path.endsWith('.xml') && /<rss|<feed/.test(text)) return 'a feed';
  if (path.endsWith('.html')) return 'a page';
  return 'a file';
}

/** Whether a page tells search engines not to index it: <meta name="robots"> with noindex among its words, read by the HTML tokenizer (any order of attributes, any case, not in a comment). */
export function pageIsNoindex(html: string): boolean {
  let noindex = false;
  readHtml(html, {
    startTag({ name, attributes }) {
      if (
        name === 'meta' &&
        attributes.get('name')?.trim().toLowerCase() === 'robots' &&
        /(?:^|[\s,])noindex(?:$|[\s,])/i.test(attributes.get('content') ?? '')
      )
        noindex = true;
    },
  });
  return noindex;
}

function quote(sentence: string): string {
  return sentence.length > 80 ? `"${sentence.slice(0, 77)}..."` : `"${sentence}"`;
}

/**
 * Every piece of a hidden (withdrawn or scheduled) review's material in the
 * built folder `dist`, and every public review the check cannot see where it
 * expects it. Empty when the folder keeps the rule.
 */
export function findRuleProblems(dist: string, reviews: readonly ReviewMarks[], otherDocuments: readonly string[] = []): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const hidden = reviews.filter((review) => review.state !== 'public');
  const visible = reviews.filter((review) => review.state === 'public');
  // Where a public entry's own document is served: the same bytes there are that entry's, not a copy.
  const publicDocuments = new Set(
    [...visible.flatMap((review) => review.documents.map((document) => document.href)), ...otherDocuments].map((href) =>
      href.replace(/^\//, ''),
    ),
  );
  const label = (review: ReviewMarks) => `${review.name} (${review.file}, ${review.state})`;
  const documentSizes = new Set(hidden.flatMap((review) => review.documents.map((document) => document.bytes)));
  const usedImages = new Set<string>();
  const shownOnOwnPage = new Map<string, number>();
  const files = builtFiles(dist);
  // Every hidden review's sentences, looked for in one pass over each file's words.
  const finder = new SentenceFinder(hidden.flatMap((review) => review.sentences));
  const shareImageAddress = new RegExp(`/${SHARE_IMAGE_FOLDER}/([0-9a-f]+)\\.png`, 'g');

  for (const path of files) {
    // A file that is not text (an image, a document, a font) is read only when its size is a hidden review's document's.
    const size = isTextFile(path) ? undefined : statSync(join(dist, path)).size;
    const bytes = size === undefined || documentSizes.has(size) ? readFileSync(join(dist, path)) : undefined;
    const text = bytes === undefined ? undefined : fileText(path, bytes);
    const words = text === undefined ? '' : normaliseText(text);
    const inFile = finder.foundIn(words);
    const kind = text === undefined ? 'a file' : kindOf(path, text);
    const hash = bytes !== undefined && documentSizes.has(bytes.length) ? sha256(bytes) : undefined;
    if (text !== undefined && path.endsWith('.html')) {
      for (const match of text.matchAll(shareImageAddress)) usedImages.add(match[1]!);
    }
    for (const review of hidden) {
      const add = (problem: string) => problems.push({ review: label(review), file: path, problem });
      const ownPage = path === `reviews/${review.slug}/index.html`;
      if (path.startsWith(`documents/reviews/${review.slug}/`)) add('a document of the review is in the built site');
      for (const document of review.documents) {
        if (hash === document.sha256 && !path.startsWith(`documents/reviews/${review.slug}/`) && !publicDocuments.has(path))
          add(`a copy of its document ${document.name}`);
      }
      if (path === `${SHARE_IMAGE_FOLDER}/${review.shareImageKey}.png`) add('the share image of its full page');
      if (review.state === 'scheduled' && path.startsWith(`reviews/${review.slug}/`)) add('a page for a review that is not published yet');
      if (text === undefined) continue;
      if (review.state === 'withdrawn' && ownPage && !pageIsNoindex(text)) add('its short page is not marked noindex');
      if (review.state === 'scheduled') {
        if (path.endsWith('.html') && text.includes(`/reviews/${review.slug}/`))
          add(`${kind} links to its address (/reviews/${review.slug}/) before it is published`);
        const name = normaliseText(review.name);
        if (name && ` ${words} `.includes(` ${name} `)) add(`${kind} names it ("${review.name}") before it is published`);
      }
      const found = review.sentences.filter((sentence) => inFile.has(sentence));
      if (found.length > 0)
        add(`${kind} holds its text: ${quote(found[0]!)}${found.length > 1 ? ` and ${found.length - 1} more sentence(s)` : ''}`);
      for (const document of review.documents) {
        if (text.includes(document.href)) add(`${kind} links to its document ${document.href}`);
      }
      if (text.includes(`${SHARE_IMAGE_FOLDER}/${review.shareImageKey}.png`)) add(`${kind} names the share image of its full page`);
      if (!path.endsWith('.html') && text.includes(`/reviews/${review.slug}/`)) {
        const entry = kind === 'the sitemap' ? 'an entry for it' : kind === 'a feed' ? 'an item for it' : 'its address';
        add(`${kind} holds ${entry} (/reviews/${review.slug}/)`);
      }
    }
    for (const review of visible) {
      if (path !== `reviews/${review.slug}/index.html`) continue;
      const own = new SentenceFinder(review.sentences).foundIn(words);
      shownOnOwnPage.set(review.slug, review.sentences.filter((sentence) => own.has(sentence)).length);
    }
  }

  for (const path of files) {
    const image = new RegExp(`^${SHARE_IMAGE_FOLDER}/([0-9a-f]+)\\.png$`).exec(path)?.[1];
    if (image && !usedImages.has(image))
      problems.push({
        review: '(no page)',
        file: path,
        problem: 'a share image that no page uses: a leftover, which may show a withdrawn review',
      });
  }

  // The controls: if the check cannot see a public review, it cannot see a withdrawn one either.
  const stale = 'so the check no longer matches how the site is built (update src/rules/withdrawn-check.ts)';
  const present = new Set(files);
  for (const review of visible) {
    const add = (file: string, problem: string) =>
      problems.push({ review: `${review.name} (${review.file}, public)`, file, problem: `${problem}, ${stale}` });
    const page = `reviews/${review.slug}/index.html`;
    if (!present.has(page)) add(page, 'the page of this public review is not where the check looks');
    else if (review.sentences.length > 0 && !shownOnOwnPage.get(review.slug))
      add(page, `none of its ${review.sentences.length} sentences were found on its own page`);
    if (!present.has(`${SHARE_IMAGE_FOLDER}/${review.shareImageKey}.png`))
      add(`${SHARE_IMAGE_FOLDER}/${review.shareImageKey}.png`, 'its share image is not under the name the check expects');
    for (const document of review.documents) {
      if (!present.has(document.href.slice(1))) add(document.href.slice(1), 'its document is not where the check expects it');
    }
  }
  return problems;
}

/** The problems for people: which review, which file, what leaked. */
export function formatRuleProblems(problems: readonly RuleProblem[]): string {
  const byReview = new Map<string, RuleProblem[]>();
  for (const problem of problems) byReview.set(problem.review, [...(byReview.get(problem.review) ?? []), problem]);
  return [...byReview]
    .map(([review, list]) => `${review}:\n${list.map((item) => `  ${item.file}: ${item.problem}`).join('\n')}`)
    .join('\n');
}

/**
 * The check for the project at `root` on `today`, from its content alone:
 * the reviews' marks and the reports' documents. scripts/build.ts reads
 * them while Astro builds, then checks the built folder with `check`.
 */
export function withdrawnCheckFor(root: string, today: string): { reviews: ReviewMarks[]; check: (dist: string) => RuleProblem[] } {
  const entries = readAllEntries(root);
  const reviews = reviewMarks(root, today, SITE_URL, entries);
  const reports = entries
    .filter((entry) => entry.collection === 'reports')
    .flatMap((entry) =>
      (entryData('reports', entry.file, entry.data).documents ?? []).map((document) =>
        documentHref('reports', entrySlug(entry), document.file),
      ),
    );
  return {
    reviews,
    check: (dist) => {
      if (!existsSync(dist)) throw new Error(`${dist} does not exist: build the site first (npm run build).`);
      return findRuleProblems(dist, reviews, reports);
    },
  };
}

/** Checks the built folder `dist` for the project at `root` on `today`. */
export function checkWithdrawnReviews(dist: string, root: string, today: string): { problems: RuleProblem[]; reviews: ReviewMarks[] } {
  if (!existsSync(dist)) throw new Error(`${dist} does not exist: build the site first (npm run build).`);
  const { reviews, check } = withdrawnCheckFor(root, today);
  return { problems: check(dist), reviews };
}
