/**
 * What a first search costs a reader: every file the browser fetches from
 * opening /search/ to the first query's results on screen, counted as
 * transferred (after the host's gzip; Pagefind's own files as they are), by
 * what each file is. The budget: at most 100 KB in all at 1,000 entries.
 */
import { SEARCH_BUNDLE_FOLDER } from '../src/search/bundle';

export const FIRST_SEARCH_BUDGET_BYTES = 100 * 1024;

/** One file the browser received: its path on the site and the bytes that crossed the network for it. */
export interface Transfer {
  path: string;
  bytes: number;
}

export const TRANSFER_KINDS = [
  'HTML',
  'CSS',
  'JavaScript',
  'pagefind.js',
  'Pagefind worker',
  'Pagefind WebAssembly',
  'Pagefind entry',
  'Pagefind meta',
  'Pagefind index chunks',
  'Pagefind filters',
  'Pagefind fragments',
  'fonts',
  'images',
  'other',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

const PAGEFIND = `/${SEARCH_BUNDLE_FOLDER}/`;

/** What a file is, from its path on the site. */
export function transferKind(path: string): TransferKind {
  const clean = path.split(/[?#]/)[0]!;
  if (clean.startsWith(PAGEFIND)) {
    const name = clean.slice(PAGEFIND.length);
    if (name === 'pagefind.js') return 'pagefind.js';
    if (name === 'pagefind-worker.js') return 'Pagefind worker';
    if (name.startsWith('wasm.')) return 'Pagefind WebAssembly';
    if (name === 'pagefind-entry.json') return 'Pagefind entry';
    if (name.endsWith('.pf_meta')) return 'Pagefind meta';
    if (name.startsWith('index/')) return 'Pagefind index chunks';
    if (name.startsWith('filter/')) return 'Pagefind filters';
    if (name.startsWith('fragment/')) return 'Pagefind fragments';
    return 'other';
  }
  if (clean.endsWith('/') || clean.endsWith('.html')) return 'HTML';
  if (clean.endsWith('.css')) return 'CSS';
  if (/\.m?js$/.test(clean)) return 'JavaScript';
  if (/\.(woff2?|ttf|otf)$/.test(clean)) return 'fonts';
  if (/\.(png|jpe?g|gif|svg|webp|avif|ico)$/.test(clean)) return 'images';
  return 'other';
}

export interface KindTotal {
  kind: TransferKind;
  files: number;
  bytes: number;
}

/** Files and bytes by kind, in the order of TRANSFER_KINDS, leaving out kinds with no file. */
export function totalsByKind(transfers: readonly Transfer[]): KindTotal[] {
  return TRANSFER_KINDS.map((kind) => {
    const mine = transfers.filter((transfer) => transferKind(transfer.path) === kind);
    return { kind, files: mine.length, bytes: mine.reduce((total, transfer) => total + transfer.bytes, 0) };
  }).filter((total) => total.files > 0);
}

export function totalBytes(transfers: readonly Transfer[]): number {
  return transfers.reduce((total, transfer) => total + transfer.bytes, 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table of the kinds, with the total. */
export function transferTable(transfers: readonly Transfer[]): string {
  const rows = totalsByKind(transfers).map((total) => `| ${total.kind} | ${total.files} | ${kb(total.bytes)} |`);
  return [
    '| file | files | transferred |',
    '| --- | --- | --- |',
    ...rows,
    `| **total** | ${transfers.length} | **${kb(totalBytes(transfers))}** |`,
  ].join('\n');
}

/** Why a first search is over budget (nothing when it is within it): the total, and the heaviest kinds. */
export function firstSearchProblems(transfers: readonly Transfer[], budget = FIRST_SEARCH_BUDGET_BYTES): string[] {
  if (transfers.length === 0) return ['Nothing was transferred: the measurement saw no files at all.'];
  const total = totalBytes(transfers);
  if (total <= budget) return [];
  const heaviest = [...totalsByKind(transfers)].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  return [
    `The first search transferred ${kb(total)}, over the ${kb(budget)} budget; the heaviest: ${heaviest.map((item) => `${item.kind} ${kb(item.bytes)} in ${item.files} file${item.files === 1 ? '' : 's'}`).join(', ')}.`,
  ];
}
