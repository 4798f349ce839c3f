/**
 * The dev server's content problems (src/content/dev-problems.ts): what
 * an error stands for, which requests get the error page, the page itself
 * (escaped, with a policy that lets nothing from the file run), and the
 * watch that keeps the problems those of the files as they are.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONTENT_PROBLEMS_POLICY,
  ContentProblemsWatch,
  answersWithContentProblems,
  contentProblemsPage,
  contentSignature,
  isContentFileError,
  isPublicFile,
  isWatchedFile,
  problemsOfError,
  readContentProblems,
} from '../../src/content/dev-problems';
import { ContentError, formatProblem, type ContentProblem } from '../../src/content/schemas';
import { parseYaml } from '../../src/content/files';
import { fixtureFolder } from '../support/fixture-folder';

const folders: string[] = [];
const fixture = (files: Record<string, string>) => {
  const root = fixtureFolder(files, 'sg-dev-problems-');
  folders.push(root);
  return root;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const retention: ContentProblem = {
  file: 'content/settings/site.yaml',
  field: 'reviewRetentionYears',
  message: 'is 0; expected a whole number from 1 to 10',
};

describe('the problems an error stands for', () => {
  it("takes a ContentError's problems as they are", () => {
    const error = new ContentError([retention]);
    expect(isContentFileError(error)).toBe(true);
    expect(problemsOfError(error)).toEqual([retention]);
  });

  it("keeps the build's own words for a file whose settings cannot be read", () => {
    let error: unknown;
    try {
      parseYaml('number: [oops', 'content/bulletins/one.mdx');
    } catch (caught) {
      error = caught;
    }
    expect(isContentFileError(error)).toBe(true);
    const [problem] = problemsOfError(error);
    expect(problem!.file).toBe('content/bulletins/one.mdx');
    // The same line the build prints.
    expect(formatProblem(problem!)).toBe((error as Error).message);
  });

  it('does not take an error about something else for a content problem, but still shows it', () => {
    const error = new Error('ENOSPC: no space left on device');
    expect(isContentFileError(error)).toBe(false);
    expect(problemsOfError(error)).toEqual([
      { file: 'content/', field: '', message: 'could not be checked: ENOSPC: no space left on device' },
    ]);
  });

  it('reads every problem in a project, without throwing on a file that cannot be read', () => {
    const wrong = fixture({ 'content/settings/site.yaml': 'reviewRetentionYears: 0\n' });
    expect(readContentProblems(wrong).map(formatProblem)).toContain(
      'content/settings/site.yaml: field "reviewRetentionYears" is 0; expected a whole number from 1 to 10',
    );
    const unreadable = fixture({ 'content/settings/site.yaml': 'siteName: [oops\n' });
    expect(readContentProblems(unreadable).map(formatProblem).join('\n')).toMatch(
      /^content\/settings\/site\.yaml: the settings at the top of the file could not be read/,
    );
  });
});

describe('which requests get the error page', () => {
  const publicFiles = new Set(['/favicon.svg', '/images/safeguarding-diagram.png']);
  const answers = (path: string, method = 'GET') => answersWithContentProblems(method, path, (candidate) => publicFiles.has(candidate));

  it('every page, feed, document and share image of the site', () => {
    for (const path of [
      '/',
      '/reviews/',
      '/bulletins/covid-19-bulletin-1/',
      '/reviews/rss.xml',
      '/robots.txt',
      '/documents/reviews/child-a/report.pdf',
      '/share-images/0123abcd.png',
      '/no-such-page/',
    ]) {
      expect(answers(path), path).toBe(true);
    }
    expect(answers('/reviews/', 'HEAD')).toBe(true);
  });

  it("not the CMS, where the file can be fixed, the dev server's own modules, or the files in public/", () => {
    for (const path of [
      '/admin',
      '/admin/',
      '/admin/config.yml',
      '/admin/cms.js',
      '/@vite/client',
      '/@fs/tmp/x.js',
      '/@id/astro:scripts/page.js',
      '/_image',
      '/__vite_ping',
      '/node_modules/.vite/deps/x.js',
      '/src/styles/site.scss',
      '/favicon.svg',
      '/images/safeguarding-diagram.png',
    ]) {
      expect(answers(path), path).toBe(false);
    }
    expect(answers('/reviews/', 'POST')).toBe(false);
  });

  it('knows a public file only inside public/', () => {
    const root = fixture({ 'public/favicon.svg': '<svg/>', 'package.json': '{}' });
    const publicFolder = join(root, 'public');
    expect(isPublicFile(publicFolder, '/favicon.svg')).toBe(true);
    expect(isPublicFile(publicFolder, '/')).toBe(false);
    expect(isPublicFile(publicFolder, '/missing.png')).toBe(false);
    expect(isPublicFile(publicFolder, '/../package.json')).toBe(false);
  });
});

describe('the error page', () => {
  it("names the file, the field and what is expected, in the build's words", () => {
    const html = contentProblemsPage([retention]);
    expect(html).toContain('<h1>A content file needs fixing</h1>');
    expect(html).toContain(
      '<li>content/settings/site.yaml: field &quot;reviewRetentionYears&quot; is 0; expected a whole number from 1 to 10</li>',
    );
    expect(html).toContain('The site shows the last good version nowhere');
    expect(html).toContain('<a href="/admin/">/admin/</a>');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
  });

  it('counts the files, and every problem', () => {
    const html = contentProblemsPage([
      retention,
      { ...retention, field: 'phone' },
      { file: 'content/pages/about.mdx', field: 'body', line: 12, message: '<Unknown> is not a component pages can use.' },
    ]);
    expect(html).toContain('<h1>2 content files need fixing</h1>');
    expect(html).toContain('What to fix (3 problems)');
    expect(html).toContain('<li>content/pages/about.mdx, line 12: &lt;Unknown&gt; is not a component pages can use.</li>');
  });

  it('shows whatever the file holds as text: nothing from it becomes markup', () => {
    const hostile = '<script>document.title="ran"</script><img src=x onerror="alert(1)"> & \'quotes\'';
    const html = contentProblemsPage([
      { file: 'content/pages/<b>a</b>.mdx', field: '"><script>alert(2)</script>', message: `is "${hostile}"` },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      '&lt;script&gt;document.title=&quot;ran&quot;&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;',
    );
    // The page's only script is the dev server's client, from the dev server itself.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/@vite/client">']);
  });

  it('has a policy that allows its own style by hash, scripts only from the dev server, and nothing inline', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(contentProblemsPage([retention]))![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(CONTENT_PROBLEMS_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(CONTENT_PROBLEMS_POLICY).toContain("default-src 'none'");
    expect(CONTENT_PROBLEMS_POLICY).toContain("script-src 'self';");
    expect(CONTENT_PROBLEMS_POLICY).not.toContain('unsafe');
  });
});

describe('the watched files', () => {
  it('are content/ and the media library', () => {
    expect(isWatchedFile('/site', '/site/content/settings/site.yaml')).toBe(true);
    expect(isWatchedFile('/site', '/site/public/images/diagram.png')).toBe(true);
    expect(isWatchedFile('/site', '/site/contents/x.mdx')).toBe(false);
    expect(isWatchedFile('/site', '/site/src/pages/index.astro')).toBe(false);
    expect(isWatchedFile('/site', '/site/public/favicon.svg')).toBe(false);
  });

  it('have a signature that changes when a file is written, added or removed', () => {
    const root = fixture({ 'content/settings/site.yaml': 'reviewRetentionYears: 1\n' });
    const first = contentSignature(root);
    expect(contentSignature(root)).toBe(first);
    writeFileSync(join(root, 'content/settings/site.yaml'), 'reviewRetentionYears: 2\n');
    // Same size: the time tells.
    utimesSync(join(root, 'content/settings/site.yaml'), new Date(), new Date(Date.now() + 5000));
    const second = contentSignature(root);
    expect(second).not.toBe(first);
    mkdirSync(join(root, 'public/images'), { recursive: true });
    writeFileSync(join(root, 'public/images/a.png'), 'png');
    expect(contentSignature(root)).not.toBe(second);
  });
});

/** Lets promises run until `test` holds (it must, within a few turns). */
async function until(test: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !test(); turn += 1) await Promise.resolve();
  expect(test()).toBe(true);
}

/** A watch over a fake folder: `files` is what the check finds, `version` the signature. */
function fakeWatch(initial: readonly ContentProblem[] = []) {
  const state = {
    problems: [...initial] as ContentProblem[],
    version: 0,
    checks: 0,
    running: 0,
    most: 0,
    onCheck: undefined as (() => void) | undefined,
    holdReload: false,
  };
  const reports: string[][] = [];
  const reloads: { problemsDuring: number }[] = [];
  let releaseReload: (() => void) | undefined;
  const later: (() => void)[] = [];
  const watch: ContentProblemsWatch = new ContentProblemsWatch(
    {
      check: () => {
        state.checks += 1;
        state.running += 1;
        state.most = Math.max(state.most, state.running);
        const found = [...state.problems];
        state.onCheck?.();
        state.running -= 1;
        return found;
      },
      signature: () => String(state.version),
      reload: () =>
        new Promise<void>((done) => {
          reloads.push({ problemsDuring: watch.problems.length });
          if (state.holdReload) releaseReload = done;
          else done();
        }),
      changed: (problems) => reports.push(problems.map(formatProblem)),
      later: (then) => later.push(then),
      pause: () => Promise.resolve(),
    },
    initial,
  );
  return { watch, state, reports, reloads, later, releaseReload: () => releaseReload?.() };
}

describe('the watch', () => {
  it('remembers a problem as soon as the file is checked, and says so once', async () => {
    const { watch, state, reports } = fakeWatch();
    expect(watch.problems).toEqual([]);
    state.problems = [retention];
    await watch.changed();
    expect(watch.problems).toEqual([retention]);
    await watch.changed();
    expect(reports).toEqual([[formatProblem(retention)]]);
  });

  it('keeps showing the problem until the content is reloaded, then shows the content', async () => {
    const { watch, state, reports, reloads, releaseReload } = fakeWatch([retention]);
    state.holdReload = true;
    state.problems = [];
    const done = watch.changed();
    await until(() => reloads.length === 1);
    // Reloading: requests still get the problem.
    expect(reloads).toEqual([{ problemsDuring: 1 }]);
    expect(watch.problems).toEqual([retention]);
    let settled = false;
    void watch.settled().then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    releaseReload();
    await done;
    expect(watch.problems).toEqual([]);
    expect(reports).toEqual([[]]);
  });

  it('reads the content again after a save that fits, and not when nothing changed', async () => {
    const { watch, state, reloads, reports } = fakeWatch();
    state.version += 1;
    await watch.changed();
    expect(reloads).toHaveLength(1);
    await watch.changed();
    expect(reloads).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  it('checks again when a file changes while it checks', async () => {
    const { watch, state } = fakeWatch();
    // The first check reads the file half-written: it changes while it is read.
    state.problems = [retention];
    state.onCheck = () => {
      state.onCheck = undefined;
      state.version += 1;
      state.problems = [];
    };
    await watch.changed();
    expect(watch.problems).toEqual([]);
    expect(state.checks).toBe(2);
  });

  it('looks again a little after each check, for a change the watcher did not pass on', async () => {
    const { watch, state, later } = fakeWatch();
    // The save empties the file first: the check sees that, and the watcher drops the event for the rest.
    state.problems = [retention];
    await watch.changed();
    expect(watch.problems).toEqual([retention]);
    state.version += 1;
    state.problems = [];
    const checks = state.checks;
    later.shift()!();
    await watch.settled();
    expect(state.checks).toBe(checks + 1);
    expect(watch.problems).toEqual([]);
    // Nothing changed since: nothing is checked.
    later.shift()!();
    await watch.settled();
    expect(state.checks).toBe(checks + 1);
  });

  it('makes one check of changes that come together, and one more of a change during a check, never two at once', async () => {
    const { watch, state } = fakeWatch();
    state.problems = [retention];
    await Promise.all([watch.changed(), watch.changed(), watch.changed()]);
    expect(watch.problems).toEqual([retention]);
    expect(state.checks).toBe(1);
    state.onCheck = () => {
      state.onCheck = undefined;
      void watch.changed();
    };
    await watch.changed();
    expect(state.most).toBe(1);
    expect(state.checks).toBe(3);
  });

  it('does not clear a problem whose file was broken again while the content reloaded', async () => {
    const { watch, state, reloads, releaseReload } = fakeWatch([retention]);
    state.holdReload = true;
    state.problems = [];
    const done = watch.changed();
    await until(() => reloads.length === 1);
    const other = { ...retention, message: 'is 11; expected a whole number from 1 to 10' };
    state.problems = [other];
    void watch.changed();
    releaseReload();
    await done;
    expect(watch.problems).toEqual([other]);
  });
});
