/**
 * Page weight and the performance budgets. A page's weight is every file the
 * browser fetches to show it (the HTML, and the CSS, JavaScript, fonts and
 * images it loads), counted as transferred: text files (HTML, CSS, JS, SVG,
 * JSON) as gzip sends them (zlib level 6, what most hosts use), other files
 * as they are. The budgets:
 * - every page is under 60 KB in total;
 * - a content page, words aside, is at most 16 KB: everything it loads, with
 *   its HTML counted without what is inside <main> (its frame: the head,
 *   header, breadcrumbs and footer), so a long report is not over budget for
 *   its words, but every byte of CSS, JavaScript, fonts and images counts.
 *   Content pages are the pages made by the templates of entries and general
 *   pages (CONTENT_TEMPLATES): home, a general page (/about/), the
 *   strategy, the threshold, a procedure, a bulletin, a review, a report and
 *   the not-found page; not the indexes or search, which list other pages;
 * - every page but search at most 5 KB of JavaScript; search, whose index
 *   loads as the person types, under 15 KB before they do;
 * - nothing blocks rendering but one CSS file: no second stylesheet, no
 *   classic script without async or defer, no CSS @import.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sectionOfPath, sectionTemplates } from '../src/site/sections';
import { readHtml, type HtmlHandler } from '../src/html/tokens';

export const KB = 1024;

export const BUDGET = {
  /** Everything a page transfers: under this. */
  totalBytes: 60 * KB,
  /** Everything a content page transfers, its HTML counted without what is inside <main>: at most this. */
  contentPageBytes: 16 * KB,
  /** JavaScript any page but search transfers: at most this. */
  pageScriptBytes: 5 * KB,
  /** JavaScript the search page transfers before a search: under this. */
  scriptBytes: 15 * KB,
  /** Render-blocking files: one stylesheet, and nothing else. */
  blockingStylesheets: 1,
  blockingScripts: 0,
} as const;

/** The templates whose pages are content pages (see the budgets above). */
export const CONTENT_TEMPLATES: readonly string[] = [
  'home',
  'page',
  'strategy',
  'threshold',
  'procedure',
  'bulletin',
  'review',
  'report',
  'not found',
];

/** Templates whose JavaScript may exceed BUDGET.pageScriptBytes (up to BUDGET.scriptBytes). */
const OWN_SCRIPT_BUDGET: readonly string[] = ['search'];

export type ResourceKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
export const RESOURCE_KINDS: readonly ResourceKind[] = ['html', 'css', 'js', 'font', 'image', 'other'];

export function resourceKind(path: string): ResourceKind {
  const extension = extname(new URL(path, 'http://x').pathname).toLowerCase();
  if (extension === '.html' || extension === '' || path.endsWith('/')) return 'html';
  if (extension === '.css') return 'css';
  if (extension === '.js' || extension === '.mjs') return 'js';
  if (['.woff', '.woff2', '.ttf', '.otf', '.eot'].includes(extension)) return 'font';
  if (['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif', '.ico', '.bmp'].includes(extension)) return 'image';
  return 'other';
}

const COMPRESSED_BY_HOSTS = ['.html', '.css', '.js', '.mjs', '.svg', '.json', '.xml', '.txt', '.ico', '.webmanifest'];

/** Bytes a host sends for this file: gzip for text, as-is for the rest. */
export function transferBytes(file: string, content: Buffer = readFileSync(file)): number {
  const extension = extname(file).toLowerCase();
  if (COMPRESSED_BY_HOSTS.includes(extension) || file.endsWith('/index.html')) return gzipSync(content, { level: 6 }).length;
  return content.length;
}

export interface LoadedResource {
  /** The site path, for example /_astro/Layout.css. */
  path: string;
  kind: ResourceKind;
  rawBytes: number;
  transferBytes: number;
  /** Chromium's view: did this file block the first render? */
  renderBlocking: boolean;
}

export interface PageWeight {
  path: string;
  template: string;
  resources: LoadedResource[];
  /** Transferred bytes by kind. */
  transfer: Record<ResourceKind, number>;
  raw: Record<ResourceKind, number>;
  totalTransfer: number;
  totalRaw: number;
  /** The page's frame: totalTransfer with the HTML counted without what is inside <main> (undefined when not measured). */
  frameTransfer?: number;
}

export function emptyByKind(): Record<ResourceKind, number> {
  return { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 };
}

/** What page weight reads in a page's HTML: its render-blocking files, and where what is inside <main> starts and ends. */
export interface HtmlWeightFacts {
  stylesheets: string[];
  scripts: string[];
  /** Offsets of the end of the first <main> start tag and the start of the last </main>, when the page has both. */
  main?: { start: number; end: number };
}

/**
 * The callbacks that gather HtmlWeightFacts (one reader of a page, src/html/tokens.ts):
 * render-blocking stylesheets (not print-only, alternate or disabled) and
 * classic scripts without async or defer, and where <main> is.
 */
export function htmlWeightHandler(): { handler: HtmlHandler; result: () => HtmlWeightFacts } {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  let mainStart: number | undefined;
  let mainEnd: number | undefined;
  const handler: HtmlHandler = {
    startTag({ name, attributes, end }) {
      if (name === 'main' && mainStart === undefined) mainStart = end;
      if (name === 'link') {
        const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
        const media = attributes.get('media')?.trim().toLowerCase();
        if (!rel.includes('stylesheet') || rel.includes('alternate') || attributes.has('disabled')) return;
        if (media === 'print' || media === 'not all') return;
        stylesheets.push(attributes.get('href')?.trim() || '(no href)');
      }
      if (name === 'script') {
        const src = attributes.get('src')?.trim();
        if (!src) return;
        const type = attributes.get('type')?.trim().toLowerCase();
        if (type === 'module' || attributes.has('async') || attributes.has('defer')) return;
        if (type && !['text/javascript', 'application/javascript'].includes(type)) return;
        scripts.push(src);
      }
    },
    endTag({ name, start }) {
      if (name === 'main') mainEnd = start;
    },
  };
  const result = (): HtmlWeightFacts => ({
    stylesheets,
    scripts,
    ...(mainStart !== undefined && mainEnd !== undefined && mainEnd >= mainStart ? { main: { start: mainStart, end: mainEnd } } : {}),
  });
  return { handler, result };
}

/** Reads a page's HTML once for page weight. */
export function htmlWeightFacts(html: string): HtmlWeightFacts {
  const { handler, result } = htmlWeightHandler();
  readHtml(html, handler);
  return result();
}

/**
 * Bytes a host sends for the page's HTML without what is inside <main>: the
 * frame every page of its template has, whatever its words. `facts` (from
 * htmlWeightFacts) saves reading the page again.
 */
export function frameHtmlBytes(html: string, facts: HtmlWeightFacts = htmlWeightFacts(html)): number {
  const frame = facts.main ? html.slice(0, facts.main.start) + html.slice(facts.main.end) : html;
  return gzipSync(Buffer.from(frame), { level: 6 }).length;
}

/** `frameHtml`: frameHtmlBytes of the page's HTML, to measure its frame against the content-page budget. */
export function summariseWeight(path: string, resources: readonly LoadedResource[], frameHtml?: number): PageWeight {
  const transfer = emptyByKind();
  const raw = emptyByKind();
  for (const resource of resources) {
    transfer[resource.kind] += resource.transferBytes;
    raw[resource.kind] += resource.rawBytes;
  }
  const totalTransfer = Object.values(transfer).reduce((sum, bytes) => sum + bytes, 0);
  return {
    path,
    template: templateOf(path),
    resources: [...resources],
    transfer,
    raw,
    totalTransfer,
    totalRaw: Object.values(raw).reduce((sum, bytes) => sum + bytes, 0),
    ...(frameHtml === undefined ? {} : { frameTransfer: totalTransfer - transfer.html + frameHtml }),
  };
}

/** Which template made a page, from its address and its section (src/site/sections.ts). */
export function templateOf(path: string): string {
  const section = sectionOfPath(path);
  const template = section && sectionTemplates(section);
  if (!template) return 'page';
  const second = path.split('/').filter(Boolean)[1];
  if (second === undefined) return template.page;
  const below = template.below?.[second];
  if (below) return below;
  // A long index's later pages (/bulletins/page/2/, src/rules/pagination.ts) are the list's.
  return template.entry && second !== 'page' ? template.entry : template.page;
}

/**
 * Render-blocking files by reading the HTML: stylesheets (not print-only or
 * disabled), classic scripts without async or defer. (CSS @import: cssImports.)
 */
export function renderBlockingInHtml(html: string): { stylesheets: string[]; scripts: string[] } {
  const { stylesheets, scripts } = htmlWeightFacts(html);
  return { stylesheets, scripts };
}

export function cssImports(css: string): string[] {
  return [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi)].map((match) => match[1]!);
}

/** Everything over budget on a page, in words. */
export function budgetProblems(
  weight: PageWeight,
  blocking: { stylesheets: readonly string[]; scripts: readonly string[]; imports: readonly string[] },
): string[] {
  const problems: string[] = [];
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  if (weight.totalTransfer >= BUDGET.totalBytes) {
    const biggest = [...weight.resources]
      .sort((a, b) => b.transferBytes - a.transferBytes)
      .slice(0, 3)
      .map((resource) => `${resource.path} ${kb(resource.transferBytes)}`);
    problems.push(
      `${weight.path} transfers ${kb(weight.totalTransfer)}; the budget is under ${kb(BUDGET.totalBytes)} (largest: ${biggest.join(', ')})`,
    );
  }
  if (CONTENT_TEMPLATES.includes(weight.template) && weight.frameTransfer !== undefined && weight.frameTransfer > BUDGET.contentPageBytes) {
    const kinds = (['css', 'js', 'font', 'image', 'other'] as const)
      .filter((kind) => weight.transfer[kind] > 0)
      .map((kind) => `${kind} ${kb(weight.transfer[kind])}`);
    problems.push(
      `${weight.path} is a content page (${weight.template}) that transfers ${kb(weight.frameTransfer)} besides what is inside <main>; the budget is at most ${kb(BUDGET.contentPageBytes)} (${[`HTML frame ${kb(weight.frameTransfer - weight.totalTransfer + weight.transfer.html)}`, ...kinds].join(', ')})`,
    );
  }
  if (OWN_SCRIPT_BUDGET.includes(weight.template)) {
    if (weight.transfer.js >= BUDGET.scriptBytes)
      problems.push(`${weight.path} transfers ${kb(weight.transfer.js)} of JavaScript; the budget is under ${kb(BUDGET.scriptBytes)}`);
  } else if (weight.transfer.js > BUDGET.pageScriptBytes) {
    problems.push(
      `${weight.path} transfers ${kb(weight.transfer.js)} of JavaScript; the budget is at most ${kb(BUDGET.pageScriptBytes)} (only search may have more)`,
    );
  }
  if (blocking.stylesheets.length > BUDGET.blockingStylesheets) {
    problems.push(
      `${weight.path} has ${blocking.stylesheets.length} render-blocking stylesheets (${blocking.stylesheets.join(', ')}); only one CSS file may block rendering`,
    );
  }
  if (blocking.scripts.length > BUDGET.blockingScripts) {
    problems.push(
      `${weight.path} has render-blocking scripts (${blocking.scripts.join(', ')}); load scripts as modules, or with defer or async`,
    );
  }
  if (blocking.imports.length > 0) {
    problems.push(`${weight.path}'s CSS uses @import (${blocking.imports.join(', ')}), which blocks rendering until a second file arrives`);
  }
  return problems;
}

/** The heaviest page of each template: the figure a budget applies to. */
export function heaviestByTemplate(weights: readonly PageWeight[]): Map<string, PageWeight> {
  const heaviest = new Map<string, PageWeight>();
  for (const weight of weights) {
    const current = heaviest.get(weight.template);
    if (!current || weight.totalTransfer > current.totalTransfer) heaviest.set(weight.template, weight);
  }
  return new Map([...heaviest].sort(([a], [b]) => a.localeCompare(b)));
}

/** A table of the heaviest page per template, bytes transferred by kind. */
export function formatWeightTable(weights: ReadonlyMap<string, PageWeight>): string {
  const kb = (bytes: number) => (bytes / KB).toFixed(1).padStart(7);
  const header = `${'template'.padEnd(16)}${'html'.padStart(7)}${'css'.padStart(7)}${'js'.padStart(7)}${'fonts'.padStart(7)}${'images'.padStart(7)}${'other'.padStart(7)}${'total'.padStart(7)}${'frame'.padStart(7)}  ${'(KB transferred; raw total)'}  heaviest page`;
  const rows = [...weights.values()].map(
    (weight) =>
      `${weight.template.padEnd(16)}${kb(weight.transfer.html)}${kb(weight.transfer.css)}${kb(weight.transfer.js)}${kb(weight.transfer.font)}${kb(weight.transfer.image)}${kb(weight.transfer.other)}${kb(weight.totalTransfer)}${weight.frameTransfer === undefined ? '      -' : kb(weight.frameTransfer)}  ${`${(weight.totalRaw / KB).toFixed(1)} KB raw`.padEnd(27)}  ${weight.path}`,
  );
  return [header, ...rows].join('\n');
}
