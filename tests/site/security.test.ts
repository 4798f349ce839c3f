/**
 * Every built page in Chromium with its Content Security Policy in force:
 * served with the headers the build wrote to dist/_headers (as Netlify would
 * send them) and with the policy in the page's own <meta> element. Any
 * securitypolicyviolation event, console error or page error fails, naming
 * the page. Then the quick exit (button and Shift three times), search and
 * the CMS page must work under the same policies. Nothing leaves 127.0.0.1:
 * the exit site is answered by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import yaml from 'js-yaml';
import { launchChromium } from '../../tools/browser';
import { portIsFree } from '../support/ports';
import { builtPages, siteDist } from '../../tools/built-pages';
import { serveDirectory, type RunningServer } from '../../tools/static-server';
import { copyProject } from '../../tools/project-copy';
import { findInlineCode, isAdminPath, parsePolicy, readMetaPolicy } from '../../src/security/policy';
import { parseHeadersFile, type HeaderRule } from '../../src/security/headers-file';
import { headersForPath } from '../../tools/host-headers';

const dist = siteDist();
const pages = builtPages(dist).filter((path) => !isAdminPath(path));
const settings = yaml.load(readFileSync('content/settings/site.yaml', 'utf8')) as { exitUrl: string };
const EXIT_URL = settings.exitUrl;

let rules: HeaderRule[];
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  server = await serveDirectory(dist, (pathname) => headersForPath(rules, pathname));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  problems: string[];
  offSite: string[];
}

/** Origins, besides the test server, that a test lets through (a local backend). */
const allowedOrigins = new Set<string>();

/** A page that records policy violations, console errors, page errors and any request that leaves the test server. */
async function watchedPage(context: BrowserContext, label: () => string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  const offSite: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(`${label()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(
        `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${event.sample ? ` "${event.sample}"` : ''} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${label()}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${label()}: page error: ${error.message}`));
  await context.route(
    (url) => !url.href.startsWith(server.url) && !allowedOrigins.has(url.origin),
    async (route) => {
      const url = route.request().url();
      if (url.startsWith(EXIT_URL)) {
        await route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Exit site</title><p>Somewhere else</p>',
        });
        return;
      }
      offSite.push(`${label()}: ${url}`);
      await route.abort();
    },
  );
  return { page, problems, offSite };
}

describe('the Content Security Policy', () => {
  it("is strict on every public page: in the page and in the host's headers", () => {
    expect(pages.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const path of pages) {
      const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
      const html = readFileSync(file, 'utf8');
      const meta = readMetaPolicy(html);
      if (!meta) {
        failures.push(`${path}: no policy in a <meta> element`);
        continue;
      }
      const header = headersForPath(rules, path)['Content-Security-Policy'] ?? '';
      const policies = [meta, ...header.split(', ')];
      for (const policy of policies) {
        if (/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/.test(policy)) failures.push(`${path}: an unsafe source in "${policy}"`);
      }
      const fromHeader = header.split(', ').map(parsePolicy);
      if (!fromHeader.some((directives) => directives['frame-ancestors']?.join(' ') === "'none'"))
        failures.push(`${path}: no frame-ancestors 'none' in its headers`);
      const full = parsePolicy(meta);
      expect(full['object-src'], path).toEqual(["'none'"]);
      expect(full['base-uri'], path).toEqual(["'self'"]);
      expect(full['form-action'], path).toEqual(["'self'"]);
      const wasm = full['script-src']?.includes("'wasm-unsafe-eval'");
      if (wasm && !path.startsWith('/search/')) failures.push(`${path}: allows WebAssembly, which only search needs`);
      const code = findInlineCode(html);
      for (const element of code.styleAttributes) failures.push(`${path}: a style attribute: ${element}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('comes with the security headers on every page', () => {
    for (const path of ['/', '/about/', '/reviews/', '/search/', '/admin/', '/share-images/x.png', '/nowhere/']) {
      const headers = headersForPath(rules, path);
      expect(headers['Strict-Transport-Security'], path).toMatch(/^max-age=\d{8,}/);
      expect(headers['X-Content-Type-Options'], path).toBe('nosniff');
      expect(headers['Referrer-Policy'], path).toBeTruthy();
      expect(headers['Permissions-Policy'], path).toMatch(/camera=\(\)/);
      expect(headers['Content-Security-Policy'], path).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('lets every page load with no violation, console error or request off the site', async () => {
    const context = await browser.newContext();
    let current = '';
    const { page, problems, offSite } = await watchedPage(context, () => current);
    for (const path of pages) {
      current = path;
      const response = await page.goto(server.url + path, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      // Scripts are modules: let them run, and the exit button's JavaScript set itself up.
      const ran = await page
        .waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'), undefined, { timeout: 5000 })
        .then(
          () => true,
          () => false,
        );
      if (!ran) problems.push(`${path}: the site's script did not run, so Exit this page has no keyboard shortcut`);
      await page.waitForTimeout(50);
    }
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
    expect(offSite, offSite.join('\n')).toEqual([]);
  });

  it('lets the quick exit button leave for the exit site', async () => {
    const context = await browser.newContext();
    const { page, problems, offSite } = await watchedPage(context, () => 'exit button');
    await page.goto(`${server.url}/report-a-concern/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.govuk-exit-this-page__indicator') !== null);
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(EXIT_URL)),
      page.getByRole('button', { name: 'Emergency Exit this page' }).click(),
    ]);
    expect(page.url().startsWith(EXIT_URL)).toBe(true);
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
    expect(offSite).toEqual([]);
  });

  it('lets Shift pressed three times leave for the exit site', async () => {
    const context = await browser.newContext();
    const { page, problems, offSite } = await watchedPage(context, () => 'exit keys');
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.govuk-exit-this-page__indicator') !== null);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(EXIT_URL)),
      (async () => {
        for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift');
      })(),
    ]);
    expect(page.url().startsWith(EXIT_URL)).toBe(true);
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
    expect(offSite).toEqual([]);
  });

  it.skipIf(!existsSync(join(dist, 'search', 'index.html')))(
    'lets search find pages (WebAssembly, on the page: the site runs Pagefind without its worker)',
    async () => {
      const context = await browser.newContext();
      const { page, problems, offSite } = await watchedPage(context, () => 'search');
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(`${server.url}/search/?q=neglect`, { waitUntil: 'load' });
      const results = page.locator('#search-results li');
      await results.first().waitFor({ state: 'visible', timeout: 20_000 });
      expect(await results.count()).toBeGreaterThan(0);
      expect(workers, `workers: ${workers.join(', ')}`).toEqual([]);
      await context.close();
      expect(problems, problems.join('\n')).toEqual([]);
      expect(offSite).toEqual([]);
    },
  );

  it.skipIf(!existsSync(join(dist, 'admin', 'index.html')))('lets the CMS load under its own policy', async () => {
    const config = yaml.load(readFileSync(join(dist, 'admin', 'config.yml'), 'utf8')) as {
      backend: { name: string; proxy_url?: string };
      local_backend?: { url?: string } | boolean;
      collections: { label: string }[];
    };
    const localUrl = (typeof config.local_backend === 'object' ? config.local_backend.url : undefined) ?? config.backend.proxy_url;
    // The CMS edits files on this computer through decap-server: run one, on a copy of the
    // project, where the built CMS expects it (only reads happen here).
    let backend: { process: ChildProcess; remove: () => void } | undefined;
    if (localUrl) {
      const origin = new URL(localUrl).origin;
      const port = Number(new URL(localUrl).port);
      if (await portIsFree(port)) {
        const copy = copyProject('sg-cms-backend-');
        const child = spawn(process.execPath, [resolve('node_modules/decap-server/dist/index.js')], {
          cwd: copy.root,
          env: {
            ...process.env,
            PORT: String(port),
            BIND_HOST: '127.0.0.1',
            GIT_REPO_DIRECTORY: copy.root,
            MODE: 'fs',
            LOG_LEVEL: 'error',
          },
          stdio: 'ignore',
        });
        backend = { process: child, remove: copy.remove };
      }
      // Otherwise a decap-server is already running there (npm start): the test only reads through it.
      await waitForBackend(localUrl);
      allowedOrigins.add(origin);
    }
    try {
      const context = await browser.newContext();
      const { page, problems, offSite } = await watchedPage(context, () => 'CMS');
      const response = await page.goto(`${server.url}/admin/`, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy']).toMatch(/'unsafe-eval'/);
      const steps = async () => {
        if (localUrl) {
          await page.getByRole('button', { name: 'Login' }).click();
          // Its collections, read from the files through the local backend, and an entry in the editor with its preview.
          for (const collection of config.collections.slice(0, 3))
            await page.getByText(collection.label, { exact: true }).first().waitFor({ timeout: 60_000 });
          // The media library (public/images/), with its images shown from blob: addresses.
          await page.getByRole('button', { name: 'Media' }).click();
          await page.getByText('Media assets').waitFor({ timeout: 30_000 });
          await page.locator('img[src^="blob:"]').first().waitFor({ timeout: 30_000 });
          await page.keyboard.press('Escape');
          await page.getByText('Bulletins', { exact: true }).first().click();
          await page.locator('a[href*="/collections/bulletins/entries/"]').first().click();
          await page.locator('iframe').first().contentFrame().locator('h1').waitFor({ timeout: 30_000 });
        } else {
          await page.getByRole('button', { name: /GitHub/i }).waitFor({ timeout: 60_000 });
        }
      };
      // A step that times out says what the browser reported.
      await steps().catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${problems.join('\n')}`);
      });
      await page.waitForTimeout(500);
      await context.close();
      expect(problems, problems.join('\n')).toEqual([]);
      expect(offSite, offSite.join('\n')).toEqual([]);
    } finally {
      allowedOrigins.clear();
      backend?.process.kill();
      backend?.remove();
    }
  });
});

/** Waits until decap-server answers (asking it, rather than trying its port, which could race it). */
async function waitForBackend(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answered = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`decap-server did not answer at ${url}`);
}
