/**
 * npm run build (scripts/build.ts) in a copy of the project: two builds at
 * once never interleave, a build that fails or is stopped leaves dist/ as it
 * was, and a build whose output breaks the one-year rule is not used.
 * Adult B (content/reviews/adult-b-...mdx, published 2026-01-20) leaves the
 * site on 2027-01-20.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { siteToday } from '../../src/rules/dates';
import { checkWithdrawnReviews } from '../../src/rules/withdrawn-check';
import { buildSite, startBuild, type BuildResult } from '../../tools/build-site';
import { searchFragments } from '../support/built-site';
import { copyProject } from '../../tools/project-copy';
import { folderFingerprint } from '../support/folder-fingerprint';

const ADULT_B = 'adult-b-safeguarding-adults-review';
const LEAVES = '2027-01-20';
const project = copyProject('sg-build-atomic-');
const dist = join(project.root, 'dist');
const lock = join(project.root, '.build.lock');
const cache = { ASTRO_CACHE_DIR: join(project.root, '.cache') };
// The share images and optimised images the suite's own build made (the same pages), so the first build here does not make them again.
for (const folder of ['share-images', 'assets']) {
  if (existsSync(`node_modules/.astro/${folder}`))
    cpSync(`node_modules/.astro/${folder}`, join(cache.ASTRO_CACHE_DIR, folder), { recursive: true });
}
afterAll(() => project.remove());

/** What a build may leave beside dist/: nothing (no staging or retired folder, no lock). */
const leftovers = () => readdirSync(project.root).filter((name) => /^dist\.(building|old)-|^\.build\.lock/.test(name));

/** Pagefind's fragments are one per indexed page; a fragment of another build would repeat a page. */
function expectOneBuildsSearchIndex(output: string) {
  const fragments = searchFragments(dist);
  const indexed = Number(/Search index: (\d+) of \d+ pages/.exec(output)?.[1]);
  expect(fragments.length).toBe(indexed);
  expect(new Set(fragments.map((fragment) => fragment.url)).size).toBe(fragments.length);
}

/** Starts `first`, and `second` once the first holds the lock (so it must wait), and waits for both. */
async function twoBuildsAtOnce(first: Record<string, string>, second: Record<string, string>): Promise<[BuildResult, BuildResult]> {
  let holds: () => void;
  const lockTaken = new Promise<void>((resolve) => {
    holds = resolve;
  });
  const one = startBuild({ root: project.root, env: { ...cache, ...first } }, () => {
    if (existsSync(lock)) holds();
  });
  await lockTaken;
  const two = startBuild({ root: project.root, env: { ...cache, ...second } });
  return Promise.all([one, two]);
}

function expectWaited(first: BuildResult, second: BuildResult) {
  expect(first.status, first.output.slice(-3000)).toBe(0);
  expect(second.status, second.output.slice(-3000)).toBe(0);
  expect(second.output).toMatch(
    /\[build\] Another build is running in this folder \(process \d+, started .*: building dist\/ for \d{4}-\d{2}-\d{2}\)\. This build waits for it to finish/,
  );
  expect(second.output).toMatch(/\[build\] The other build has finished \(waited [\d.]+ s\); this build starts now\./);
  expect(first.output).not.toContain('Another build is running');
  expect(leftovers()).toEqual([]);
}

describe('two builds at once in one folder', () => {
  it('today, then the day Adult B leaves: the second waits, and dist/ is wholly the second, without Adult B', async () => {
    const [first, second] = await twoBuildsAtOnce({}, { SITE_NOW: LEAVES });
    expectWaited(first, second);
    expect(checkWithdrawnReviews(dist, project.root, LEAVES).problems).toEqual([]);
    expect(existsSync(join(dist, 'documents/reviews', ADULT_B))).toBe(false);
    expect(readFileSync(join(dist, `reviews/${ADULT_B}/index.html`), 'utf8')).toContain('(no longer on this website)');
    expect(
      searchFragments(dist).filter(
        (fragment) => fragment.url.includes(ADULT_B) || fragment.content.includes('Adult B was in his seventies'),
      ),
    ).toEqual([]);
    expectOneBuildsSearchIndex(second.output);
  });

  it("the day Adult B leaves, then today: dist/ is wholly today's build, with no search file of the other", async () => {
    const [first, second] = await twoBuildsAtOnce({ SITE_NOW: LEAVES }, {});
    expectWaited(first, second);
    const today = siteToday();
    expect(checkWithdrawnReviews(dist, project.root, today).problems).toEqual([]);
    expect(existsSync(join(dist, 'documents/reviews', ADULT_B))).toBe(today < LEAVES);
    expectOneBuildsSearchIndex(second.output);
  });
});

describe('a build that fails or is stopped leaves dist/ byte for byte as it was', () => {
  // The last fails at the very end, in the security check after every page, the search index and the share images were written.
  const cases: { name: string; file: string; bytes: (text: string) => Buffer | string; says: string }[] = [
    {
      name: 'non-UTF-8 bytes in a content file',
      file: 'content/pages/privacy.mdx',
      bytes: (text) => Buffer.concat([Buffer.from(text.slice(0, 200)), Buffer.from([0xff, 0xfe, 0x41])]),
      says: 'is not saved as UTF-8 text',
    },
    {
      name: 'an unknown component in a body',
      file: 'content/pages/privacy.mdx',
      bytes: (text) => `${text}\n<Unknown>Hello</Unknown>\n`,
      says: 'Unknown',
    },
    {
      name: 'an event handler in a template, found after the whole site was built',
      file: 'src/pages/404.astro',
      bytes: (text) => `${text}\n<p onclick="alert(1)">Hello</p>\n`,
      says: '/404.html: an inline event handler',
    },
  ];
  it.each(cases)('$name', ({ file, bytes, says }) => {
    const before = folderFingerprint(dist);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const path = join(project.root, file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, bytes(original));
    let build: BuildResult;
    try {
      build = buildSite({ root: project.root, env: cache });
    } finally {
      writeFileSync(path, original);
    }
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(says);
    expect(build.output).toContain('[build] The build failed (see above); dist/ is unchanged.');
    expect(folderFingerprint(dist)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('Ctrl+C in the middle of the build', async () => {
    const before = folderFingerprint(dist);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    let building: () => void = () => {};
    const astroIsBuilding = new Promise<void>((resolve) => {
      building = resolve;
    });
    const child = startBuild({ root: project.root, env: cache }, (output) => {
      if (output.includes('Building static entrypoints')) building();
    });
    await astroIsBuilding;
    // To the process the test started (tsx, which hands it on to the build script), as a terminal would.
    process.kill(child.pid, 'SIGINT');
    const build = await child;
    expect(build.status).toBe(130);
    expect(build.output).toContain('[build] Stopped (SIGINT): dist/ is unchanged.');
    expect(folderFingerprint(dist)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });
});

describe('the one-year rule check', () => {
  it("stops a build that puts a withdrawn review's document in the site, naming the review, the file and what leaked", () => {
    const before = folderFingerprint(dist);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const leak = join(project.root, 'public/leak');
    mkdirSync(leak, { recursive: true });
    copyFileSync(join(project.root, `content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`), join(leak, 'old-report.pdf'));
    let build: BuildResult;
    try {
      build = buildSite({ root: project.root, env: { ...cache, SITE_NOW: LEAVES } });
    } finally {
      rmSync(leak, { recursive: true, force: true });
    }
    expect(build.status).toBe(1);
    expect(build.output).toContain(
      `[build] The one-year rule is broken in this build (today is ${LEAVES}); dist/ is unchanged. What is in the built site:\nSafeguarding Adults Review Adult B (content/reviews/${ADULT_B}.mdx, withdrawn):\n  leak/old-report.pdf: a copy of its document ${ADULT_B}-report.pdf`,
    );
    expect(folderFingerprint(dist)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('npm run check:withdrawn passes the built site, and finds each kind of leak put into a copy of it', () => {
    const check = (folder: string, day: string) =>
      spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/check-withdrawn.ts'), folder], {
        cwd: project.root,
        env: { ...process.env, SITE_NOW: day },
        encoding: 'utf8',
      });
    // dist/ is today's build (the last that succeeded).
    const clean = check(dist, siteToday());
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(
      /^One-year rule kept in .*dist for \d{4}-\d{2}-\d{2}: \d review\(s\) not public \(.*\) have nothing beyond their short page; \d public review\(s\) found where expected\.\n$/,
    );

    // A copy with Adult B's material put back, checked as on the day it leaves.
    const doctored = join(project.root, 'dist-doctored');
    cpSync(dist, doctored, { recursive: true });
    const url = `https://www.safeguardingsouthend.co.uk/reviews/${ADULT_B}/`;
    const sentence = 'Adult B was in his seventies and lived alone.';
    mkdirSync(join(doctored, 'documents/reviews', ADULT_B), { recursive: true });
    copyFileSync(
      join(project.root, `content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`),
      join(doctored, `documents/reviews/${ADULT_B}/${ADULT_B}-report.pdf`),
    );
    const edit = (path: string, change: (text: string) => string) =>
      writeFileSync(join(doctored, path), change(readFileSync(join(doctored, path), 'utf8')));
    edit('reviews/rss.xml', (text) => text.replace('</channel>', `<item><title>Adult B</title><link>${url}</link></item></channel>`));
    edit('sitemap-0.xml', (text) => text.replace('</urlset>', `<url><loc>${url}</loc></url></urlset>`));
    edit('bulletins/index.html', (text) => text.replace('</main>', `<p>${sentence}</p></main>`));
    writeFileSync(
      join(doctored, 'pagefind/fragment/en-gb_0000000.pf_fragment'),
      gzipSync(`pagefind_dcd${JSON.stringify({ url: `/reviews/${ADULT_B}/`, content: sentence })}`),
    );
    const run = check(doctored, LEAVES);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Safeguarding Adults Review Adult B (content/reviews/${ADULT_B}.mdx, withdrawn):`);
    for (const leak of [
      `documents/reviews/${ADULT_B}/${ADULT_B}-report.pdf: a document of the review is in the built site`,
      `reviews/rss.xml: a feed holds an item for it (/reviews/${ADULT_B}/)`,
      `sitemap-0.xml: the sitemap holds an entry for it (/reviews/${ADULT_B}/)`,
      'bulletins/index.html: a page holds its text: "adult b was in his seventies and lived alone"',
      'pagefind/fragment/en-gb_0000000.pf_fragment: the search index (Pagefind) holds its text: "adult b was in his seventies and lived alone"',
      `pagefind/fragment/en-gb_0000000.pf_fragment: the search index (Pagefind) holds its address (/reviews/${ADULT_B}/)`,
    ])
      expect(run.stderr).toContain(leak);
  });
});
