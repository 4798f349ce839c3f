/**
 * npm run check:links (scripts/check-links.ts), the link check the daily
 * publishing run makes on dist/: what it says, and its exit code, for a
 * folder with and without broken links.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../tools/link-check';
import { linkCheckOutcome } from '../../tools/link-check-outcome';
import { fixtureFolder } from '../support/fixture-folder';

const SITE = 'https://www.example.org';
const page = (body: string) => `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`;
const good = () =>
  fixtureFolder(
    {
      'index.html': page('<h1 id="top">Home</h1><a href="/about/">About</a> <a href="https://www.gov.uk/">GOV.UK</a>'),
      'about/index.html': page('<a href="/#top">Home</a><p id="x">x</p>'),
    },
    'sg-links-cli-',
  );
const broken = () =>
  fixtureFolder(
    {
      'index.html': page('<a href="/about/">About</a> <img src="/missing.png" alt="M">'),
      'about/index.html': page('<a href="/about/#nowhere">Here</a>'),
    },
    'sg-links-cli-',
  );

const cli = (args: string[]) =>
  spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/check-links.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: SITE },
  });

describe('the link check of a built site', () => {
  it('passes a site with no broken link, saying how much it checked', () => {
    const outcome = linkCheckOutcome(checkLinks(good(), SITE), 'dist');
    expect(outcome).toEqual({
      ok: true,
      text: 'Links: no broken link (2 internal addresses in 2 files of dist checked; 1 external addresses not fetched).',
    });
  });

  it('fails a site with broken links, naming each page, address and reason', () => {
    const outcome = linkCheckOutcome(checkLinks(broken(), SITE), 'dist');
    expect(outcome.ok).toBe(false);
    expect(outcome.text).toMatch(/^Links: 2 broken links \(3 internal addresses in 2 files of dist checked\)/);
    expect(outcome.text).toContain('/: img[src] "/missing.png": there is no file at /missing.png');
    expect(outcome.text).toContain('/about/: a[href] "/about/#nowhere": /about/ has no element with id "nowhere"');
  });

  it('fails a folder with nothing built in it', () => {
    expect(linkCheckOutcome(checkLinks(fixtureFolder({ 'notes.txt': 'x' }), SITE), 'dist')).toMatchObject({
      ok: false,
      text: expect.stringContaining('build the site first'),
    });
  });
});

describe('npm run check:links', () => {
  it('exits 0 on a good site and 1, with the broken links, on a broken one or a missing folder', () => {
    const passed = cli([good()]);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stdout).toContain('Links: no broken link');

    const failed = cli([broken()]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('2 broken links');
    expect(failed.stderr).toContain('"/missing.png": there is no file at /missing.png');

    const missing = cli([join(good(), 'no-such-folder')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('build the site first');
  });
});
