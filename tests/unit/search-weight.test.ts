import { describe, expect, it } from 'vitest';
import {
  FIRST_SEARCH_BUDGET_BYTES,
  firstSearchProblems,
  totalBytes,
  totalsByKind,
  transferKind,
  transferTable,
  type Transfer,
} from '../../tools/search-weight';
import { isCompressedByHost } from '../../tools/static-server';

const KB = 1024;

/** A first search as it should be: the page, its CSS and script, Pagefind, one index chunk, ten fragments. */
const light: Transfer[] = [
  { path: '/search/', bytes: 9 * KB },
  { path: '/_astro/Layout.abc.css', bytes: 13 * KB },
  { path: '/_astro/search.astro_astro_type_script_index_0_lang.abc.js', bytes: 4 * KB },
  { path: '/pagefind/pagefind.js', bytes: 6 * KB },
  { path: '/pagefind/pagefind-worker.js', bytes: 6 * KB },
  { path: '/pagefind/pagefind-entry.json', bytes: 300 },
  { path: '/pagefind/wasm.en.pagefind', bytes: 40 * KB },
  { path: '/pagefind/pagefind.en_1a2b3c.pf_meta', bytes: 2 * KB },
  { path: '/pagefind/index/en_4d5e6f.pf_index', bytes: 8 * KB },
  ...Array.from({ length: 10 }, (_, index) => ({ path: `/pagefind/fragment/en_${index}.pf_fragment`, bytes: 600 })),
];

describe('what each file of a first search is', () => {
  it("names Pagefind's files by their part of the bundle, and the page's by type", () => {
    expect(light.map((transfer) => transferKind(transfer.path))).toEqual([
      'HTML',
      'CSS',
      'JavaScript',
      'pagefind.js',
      'Pagefind worker',
      'Pagefind entry',
      'Pagefind WebAssembly',
      'Pagefind meta',
      'Pagefind index chunks',
      ...Array<string>(10).fill('Pagefind fragments'),
    ]);
    expect(transferKind('/pagefind/filter/en_0a1b.pf_filter')).toBe('Pagefind filters');
    expect(transferKind('/search/?q=neglect')).toBe('HTML');
    expect(transferKind('/fonts/noto-sans.woff2')).toBe('fonts');
  });

  it('totals by kind, in a fixed order, and prints them as a table with the total', () => {
    expect(totalsByKind(light).find((total) => total.kind === 'Pagefind fragments')).toEqual({
      kind: 'Pagefind fragments',
      files: 10,
      bytes: 6000,
    });
    const table = transferTable(light);
    expect(table.split('\n')).toHaveLength(2 + 10 + 1);
    expect(table).toContain('| Pagefind fragments | 10 | 5.9 KB |');
    expect(table).toContain(`| **total** | ${light.length} | **${(totalBytes(light) / KB).toFixed(1)} KB** |`);
  });
});

describe('the first-search budget', () => {
  it('is 100 KB, and a light first search is within it', () => {
    expect(FIRST_SEARCH_BUDGET_BYTES).toBe(100 * KB);
    expect(totalBytes(light)).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET_BYTES);
    expect(firstSearchProblems(light)).toEqual([]);
  });

  it('fails a heavy first search, naming the heaviest parts', () => {
    // Every result's fragment loaded at once, and every filter: what a search that calls .data() on all results costs.
    const heavy = [
      ...light,
      ...Array.from({ length: 300 }, (_, index) => ({ path: `/pagefind/fragment/en_more${index}.pf_fragment`, bytes: 600 })),
      { path: '/pagefind/filter/en_aa.pf_filter', bytes: 3 * KB },
    ];
    const problems = firstSearchProblems(heavy);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^The first search transferred 2\d\d\.\d KB, over the 100\.0 KB budget; the heaviest: Pagefind fragments 181\.6 KB in 310 files, Pagefind WebAssembly 40\.0 KB in 1 file, CSS 13\.0 KB in 1 file\.$/,
    );
  });

  it('fails a measurement that saw nothing, rather than passing it', () => {
    expect(firstSearchProblems([])).toEqual(['Nothing was transferred: the measurement saw no files at all.']);
  });

  it('counts a file exactly at the budget as within it', () => {
    expect(firstSearchProblems([{ path: '/search/', bytes: FIRST_SEARCH_BUDGET_BYTES }])).toEqual([]);
    expect(firstSearchProblems([{ path: '/search/', bytes: FIRST_SEARCH_BUDGET_BYTES + 1 }])).toHaveLength(1);
  });
});

describe('what the test server gzips, as the host does', () => {
  it("compresses text types and leaves binary ones, including Pagefind's own gzipped files, as they are", () => {
    for (const type of [
      'text/html; charset=utf-8',
      'text/css; charset=utf-8',
      'text/javascript; charset=utf-8',
      'application/json',
      'image/svg+xml',
      'application/xml',
    ]) {
      expect(isCompressedByHost(type), type).toBe(true);
    }
    for (const type of ['application/octet-stream', 'application/wasm', 'image/png', 'font/woff2', 'application/pdf']) {
      expect(isCompressedByHost(type), type).toBe(false);
    }
  });
});
