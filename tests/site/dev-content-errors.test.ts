/**
 * `npm start` on a copy of the project: a content or settings file that
 * does not fit is shown on every page of the site (status 500: the file,
 * the field and what is expected, in the build's words), never the last
 * good version; when it is fixed the pages come back with the new content,
 * without a restart. Everything from the file is shown as text. Every wait
 * is on the page's own status and text, or on the browser's events.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { startDevServer, type Answer, type DevServer } from '../support/dev-server';
import { copyProject } from '../../tools/project-copy';

const project = copyProject('sg-dev-errors-');
cpSync(resolve('scripts'), join(project.root, 'scripts'), { recursive: true });

const SETTINGS = 'content/settings/site.yaml';
const BULLETIN = 'content/bulletins/covid-19-bulletin-1.mdx';
const PAGE = 'content/pages/privacy.mdx';
const original = (file: string) => readFileSync(resolve(file), 'utf8');
const write = (file: string, text: string | Buffer) => writeFileSync(join(project.root, file), text);
const withRetention = (years: string) => original(SETTINGS).replace(/^reviewRetentionYears: .*$/m, `reviewRetentionYears: ${years}`);

let server: DevServer | undefined;
let browser: Browser | undefined;

const showsProblem = (line: string) => (answer: Answer) => answer.status === 500 && answer.text.includes(line);
const showsContent = (words: string) => (answer: Answer) => answer.status === 200 && answer.text.includes(words);

beforeAll(async () => {
  // It starts with a settings file that does not fit: the site must still start, and say so.
  write(SETTINGS, withRetention('0'));
  server = await startDevServer(project.root);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.stop();
  project.remove();
});

/** The answer to `path`, and asking until it is `wanted`: npm start's own (tests/support/dev-server.ts). */
const get = (path: string) => server!.get(path);
const waitForAnswer = (path: string, what: string, wanted: (answer: Answer) => boolean) => server!.waitForAnswer(path, what, wanted);

const RETENTION_ZERO = `${SETTINGS}: field "reviewRetentionYears" is 0; expected a whole number from 1 to 10`;

describe('npm start, when a content file does not fit', () => {
  it('starts with a settings file that does not fit, shows it on every page, and shows the new value once it is fixed', async () => {
    const shown = await waitForAnswer('/reviews/', 'the settings problem', showsProblem(RETENTION_ZERO));
    expect(shown.text).toContain('A content file needs fixing');
    expect(shown.text).toContain('The site shows the last good version nowhere');
    expect(shown.text).not.toContain('stays on this website for');
    // Every page of the site, and what pages are made from; not the CMS, where the file can be fixed.
    for (const path of ['/', '/bulletins/', '/reviews/rss.xml', '/no-such-page/']) expect((await get(path))?.status, path).toBe(500);
    expect((await get('/admin/'))?.status).toBe(200);
    expect((await get('/favicon.svg'))?.status).toBe(200);
    expect(server!.log()).toContain(RETENTION_ZERO);

    write(SETTINGS, withRetention('2'));
    await waitForAnswer('/reviews/', 'the new retention period', showsContent('stays on this website for 2 years'));
    expect((await get('/'))?.status).toBe(200);
  });

  it('shows a settings value that stops fitting while the site runs (reviewRetentionYears: 0), and the new value once fixed', async () => {
    await waitForAnswer('/reviews/', 'the site', showsContent('stays on this website for 2 years'));
    write(SETTINGS, withRetention('0'));
    await waitForAnswer('/reviews/', 'the settings problem', showsProblem(RETENTION_ZERO));
    // Not the old value with status 200, on any page.
    expect((await get('/bulletins/'))?.status).toBe(500);
    write(SETTINGS, withRetention('3'));
    await waitForAnswer('/reviews/', 'the new retention period', showsContent('stays on this website for 3 years'));
  });

  it('shows a bulletin missing a required field, on the list of bulletins too, and the fixed bulletin after', async () => {
    const summary = /^summary: .*$/m;
    write(
      BULLETIN,
      original(BULLETIN)
        .replace(summary, '')
        .replace(/\n\n---/, '\n---'),
    );
    const line = `${BULLETIN}: field "summary" is missing; it is required (text)`;
    await waitForAnswer('/bulletins/', 'the missing summary', showsProblem(line));
    expect((await get('/bulletins/covid-19-bulletin-1/'))?.status).toBe(500);
    write(BULLETIN, original(BULLETIN).replace(summary, 'summary: A summary written while the site was running.'));
    await waitForAnswer('/bulletins/', 'the new summary', showsContent('A summary written while the site was running.'));
  });

  it('shows a body with an unknown component, with its line, and the fixed page after', async () => {
    const text = original(PAGE).replace(/\n*$/, '\n');
    const lines = text.split('\n').length;
    write(PAGE, `${text}\n<Unknown />\n`);
    const line = `${PAGE}, line ${lines + 1}: <Unknown> is not a component pages can use.`;
    await waitForAnswer('/privacy/', 'the unknown component', showsProblem(line));
    expect((await get('/contact/'))?.status).toBe(500);
    write(PAGE, `${text}\nA sentence added while the site was running.\n`);
    await waitForAnswer('/privacy/', 'the new sentence', showsContent('A sentence added while the site was running.'));
    // A save that fits shows as it is, too.
    write(PAGE, `${text}\nAnother sentence, saved when the page was already right.\n`);
    await waitForAnswer('/privacy/', 'the other sentence', showsContent('Another sentence, saved when the page was already right.'));
  });

  it('shows settings that cannot be read as YAML, and a file that is not UTF-8', async () => {
    write(SETTINGS, `${withRetention('3')}address: [unclosed\n`);
    await waitForAnswer('/', 'the YAML problem', showsProblem(`${SETTINGS}: the settings at the top of the file could not be read`));
    write(SETTINGS, withRetention('3'));
    await waitForAnswer('/reviews/', 'the site', showsContent('stays on this website for 3 years'));

    write(BULLETIN, Buffer.concat([Buffer.from(original(BULLETIN)), Buffer.from([0xff, 0xfe, 0x41])]));
    await waitForAnswer('/bulletins/', 'the encoding problem', showsProblem(`${BULLETIN}: field "(file)" is not saved as UTF-8 text`));
    write(BULLETIN, original(BULLETIN));
    await waitForAnswer('/bulletins/covid-19-bulletin-1/', 'the bulletin', (answer) => answer.status === 200);
  });

  it('in Chromium: the page a person has open shows the problem, a <script> in it as text, and comes back by itself when fixed', async () => {
    const page: Page = await browser!.newPage();
    const ran: string[] = [];
    page.on('dialog', (dialog) => {
      ran.push(dialog.message());
      void dialog.dismiss();
    });
    // The dev server's client on the page is connected: it is what reloads the page when a file is saved.
    const connected = () =>
      page.waitForEvent('console', {
        predicate: (message: ConsoleMessage) => message.text().includes('[vite] connected'),
        timeout: 60_000,
      });
    try {
      let ready = connected();
      await page.goto(`${server!.site}/bulletins/`);
      await ready;
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bulletins');

      const hostile = '<script>window.__ran = true; alert(1)</script>';
      write(BULLETIN, original(BULLETIN).replace(/^number: .*$/m, `number: "${hostile}"`));
      // The open page reloads by itself to the problem.
      await page.getByRole('heading', { level: 1, name: 'A content file needs fixing' }).waitFor({ timeout: 60_000 });
      // The file's own words, as text (the page may first show the file as the save began: empty).
      await page
        .getByRole('listitem')
        .filter({ hasText: `${BULLETIN}: field "number" is "${hostile}"; expected a whole number from 1` })
        .waitFor({ timeout: 60_000 });
      expect(await page.getByRole('listitem').allTextContents()).toEqual([
        `${BULLETIN}: field "number" is "${hostile}"; expected a whole number from 1`,
      ]);
      expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
      expect(await page.locator('script', { hasText: '__ran' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: '/admin/' }).getAttribute('href')).toBe('/admin/');

      // Its own client connected again, the fix brings the page back by itself.
      ready = connected();
      await page.reload();
      await ready;
      write(BULLETIN, original(BULLETIN));
      await page.getByRole('heading', { level: 1, name: 'Bulletins', exact: true }).waitFor({ timeout: 60_000 });
      expect(await page.getByText('COVID-19 partner bulletin 1', { exact: true }).count()).toBe(1);
      expect(ran).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
