/**
 * No broken internal link or missing asset anywhere in the built site: every
 * href, src, srcset, link rel, share image, CSS url() and sitemap entry names
 * a file that is there, and every #fragment an element on its page. External
 * links are listed (test-results/links/external-links.txt), never fetched: the
 * tests use no network.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks, formatExternalLinks } from '../../tools/link-check';
import { SITE_URL } from '../../src/site/site-address';
import { siteDist } from '../../tools/built-pages';

describe('links and assets in the built site', () => {
  it('has no broken internal link or missing asset, and lists the external links', () => {
    const report = checkLinks(siteDist(), SITE_URL);
    mkdirSync('test-results/links', { recursive: true });
    writeFileSync('test-results/links/external-links.txt', `${formatExternalLinks(report.external)}\n`);
    writeFileSync(
      'test-results/links/report.json',
      `${JSON.stringify(
        {
          files: report.files,
          internal: report.internal,
          broken: report.broken,
          external: Object.fromEntries(report.external),
          other: Object.fromEntries(report.other),
        },
        null,
        2,
      )}\n`,
    );
    console.log(
      `Links: ${report.internal} internal addresses in ${report.files} files checked; ${report.external.size} external addresses listed in test-results/links/external-links.txt (not fetched)`,
    );
    expect(report.files).toBeGreaterThan(20);
    expect(report.internal).toBeGreaterThan(500);
    expect(report.broken, `Broken links:\n${formatBrokenLinks(report.broken)}`).toEqual([]);
  });

  it('passes npm run check:links, the same check the daily publishing run makes on dist/', () => {
    const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/check-links.ts', siteDist()], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Links: no broken link \(\d+ internal addresses in \d+ files of /);
  });
});
