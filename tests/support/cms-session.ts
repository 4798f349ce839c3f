/**
 * What every CMS end-to-end test file does around its editor's session, once:
 * a copy of the project, the CMS served for it (tests/support/cms-site.ts, or
 * `npm start` itself), Chromium with the locale, time zone and dialog answers
 * the file asks for, a watch on every page's console and errors and on what
 * the backend is asked, the backend's answer to a request the next click
 * makes, and the tidy-up that proves the content it worked on (the copy's,
 * when the file promises to leave it as found) and the real content/ are as
 * they were.
 */
import type { Browser, BrowserContext, ConsoleMessage, Dialog, Page, Response } from 'playwright-core';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { copyProject, type ProjectCopy } from '../../tools/project-copy';
import { publishNow } from './cms-forms';
import { startCmsSite, type CmsSite } from './cms-site';
import { startDevServer, type DevServer } from './dev-server';
import { folderFingerprint } from './folder-fingerprint';

/** The real content/'s fingerprint: taken when a test file loads, compared when it ends. */
export function realContentFingerprint(): Record<string, string> {
  return folderFingerprint(resolve('content'));
}

/**
 * The CMS backend's answer to the page's next request for `action` (whose
 * params pass `params`): set up before the click that makes it.
 */
function backendAnswer(
  page: Page,
  backendUrl: string,
  action: string,
  params: (params: Record<string, unknown>) => boolean = () => true,
): Promise<Response> {
  return page.waitForResponse(
    (response) => {
      if (response.url() !== backendUrl || response.request().method() !== 'POST') return false;
      const request = JSON.parse(response.request().postData() ?? '{}') as { action?: string; params?: Record<string, unknown> };
      return request.action === action && params(request.params ?? {});
    },
    { timeout: 60_000 },
  );
}

/** How a CMS test file's session is set up; every option has the default most files want. */
export interface CmsSessionOptions {
  /** The start of the project copy's folder name (tools/project-copy.ts). */
  copyPrefix: string;
  /** What the file adds to the copy before anything starts (a file, a Git repository): part of the copy "as found". */
  prepare?: (root: string) => void;
  /**
   * What serves the CMS: the copy's /admin/ and the guarded backend in 'fs' mode (the default) or in
   * 'git' mode (the editorial workflow), as tests/support/cms-site.ts serves them; or 'dev', `npm start`
   * itself (tests/support/dev-server.ts).
   */
  server?: 'fs' | 'git' | 'dev';
  /** Added to the environment the CMS is made in (SITE_NOW, say), for 'fs' and 'git'. */
  env?: Record<string, string>;
  /** The browser's locale and time zone (Chromium's own when not given). */
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
  /** How the editor answers every page's dialogs (Decap's confirm, prompt, "leave?"): yes to all when not given. */
  onDialog?: (dialog: Dialog) => Promise<void>;
  /** Which console messages are problems: errors (the default), errors and warnings, or none (page errors always are). */
  console?: 'errors' | 'errors and warnings' | 'none';
  /** A console message that is not a problem, though its type says so. */
  ignoreConsole?: (message: ConsoleMessage, session: CmsSession) => boolean;
  /** Opens one page for the session when it starts (the default); without it the file opens its own (`newPage`). */
  openPage?: boolean;
  /** Logs in on /admin/ when the session starts and waits for this link (a collection's, or "Workflow"). */
  logInUntil?: string;
  /** Checks when the session ends that the copy's content/ is as it was found (after `prepare`). */
  leavesContentAsFound?: boolean;
}

/** What the CMS's backend was asked, in order: the action and the request's body. */
export interface BackendRequest {
  action: string;
  body: string;
}

/**
 * One editor's session with the CMS, for a test file: a copy of the project, the CMS served for it,
 * Chromium with the locale, time zone and dialog answers asked for, and a watch on every page's
 * problems and on what the backend is asked. `useCmsSession` starts it before the file's tests
 * and ends it after them; what it holds is there once it has started.
 */
export class CmsSession {
  /** The page errors and console messages that are problems, on every page of the session. */
  readonly problems: string[] = [];
  readonly backendRequests: BackendRequest[] = [];
  private readonly realBefore = realContentFingerprint();
  private started?: {
    project: ProjectCopy;
    copyBefore: Record<string, string>;
    cms?: CmsSite;
    dev?: DevServer;
    browser?: Browser;
    context?: BrowserContext;
    page?: Page;
  };

  constructor(readonly options: CmsSessionOptions) {}

  private get parts(): NonNullable<CmsSession['started']> {
    if (!this.started) throw new Error('The CMS session has not started: use it in a test or a hook after useCmsSession().');
    return this.started;
  }

  private part<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`This CMS session has no ${what} (see its options).`);
    return value;
  }

  get root(): string {
    return this.parts.project.root;
  }
  /** The copy's content/ as it was found (fingerprints by file). */
  get copyBefore(): Record<string, string> {
    return this.parts.copyBefore;
  }
  get siteUrl(): string {
    return this.parts.dev?.site ?? this.part(this.parts.cms, 'site').site.url;
  }
  get backendUrl(): string {
    return this.parts.dev?.backend ?? this.part(this.parts.cms, 'backend').backend.url;
  }
  /** What the backend (or npm start) has printed so far. */
  backendLog(): string {
    return this.parts.dev?.log() ?? this.part(this.parts.cms, 'backend').backend.log();
  }
  get dev(): DevServer {
    return this.part(this.parts.dev, 'npm start');
  }
  get browser(): Browser {
    return this.part(this.parts.browser, 'browser');
  }
  get context(): BrowserContext {
    return this.part(this.parts.context, 'browser context');
  }
  /** The page it opened when it started, or the last one `newPage` opened. */
  get page(): Page {
    return this.part(this.parts.page, 'page yet');
  }

  /** A new tab, watched as every page of the session is; from now on the session's `page`. */
  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    this.parts.page = page;
    return page;
  }

  /** A path in the project copy. */
  inCopy(path: string): string {
    return join(this.root, path);
  }

  /** The backend's answer to `page`'s next request for `action` (set up before the click that makes it). */
  backendAnswer(action: string, params?: (params: Record<string, unknown>) => boolean, page: Page = this.page): Promise<Response> {
    return backendAnswer(page, this.backendUrl, action, params);
  }

  /** Publishes the entry on `page` ("Publish", then "Publish now"): the backend saves it, and Decap says so. */
  async publish(page: Page = this.page): Promise<void> {
    const saved = this.backendAnswer('persistEntry', undefined, page);
    await publishNow(page);
    expect((await saved).status()).toBe(200);
    await page.getByText('Changes saved', { exact: false }).first().waitFor();
  }

  async start(): Promise<void> {
    const { options } = this;
    const project = copyProject(options.copyPrefix);
    this.started = { project, copyBefore: {} };
    options.prepare?.(project.root);
    this.started.copyBefore = folderFingerprint(join(project.root, 'content'));
    if (options.server === 'dev') this.started.dev = await startDevServer(project.root);
    else this.started.cms = await startCmsSite(project.root, options.server ?? 'fs', options.env);
    const browser = (this.started.browser = await launchChromium());
    const context = (this.started.context = await browser.newContext({
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      viewport: options.viewport ?? { width: 1280, height: 1000 },
    }));
    context.on('page', (page) => this.watch(page));
    if (options.openPage === false) return;
    const page = (this.started.page = await context.newPage());
    if (!options.logInUntil) return;
    await page.goto(`${this.siteUrl}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click({ timeout: 60_000 });
    await page.getByRole('link', { name: options.logInUntil, exact: true }).waitFor({ timeout: 60_000 });
  }

  private watch(page: Page): void {
    const { options } = this;
    page.on('dialog', (dialog) => void (options.onDialog ? options.onDialog(dialog) : dialog.accept()));
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const type = message.type();
      const problem = (options.console !== 'none' && type === 'error') || (options.console === 'errors and warnings' && type === 'warning');
      if (problem && !options.ignoreConsole?.(message, this)) this.problems.push(`${type}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (request.url() !== this.backendUrl || request.method() !== 'POST') return;
      const body = request.postData() ?? '{}';
      this.backendRequests.push({ action: (JSON.parse(body) as { action?: string }).action ?? '', body });
    });
  }

  /** Stops the browser, the CMS and its backend; checks the copy's content/ if asked, and the real one; removes the copy. */
  async close(): Promise<void> {
    const started = this.started;
    try {
      await started?.browser?.close();
      await started?.cms?.site.close();
      started?.cms?.backend.stop();
      started?.dev?.stop();
      if (started && this.options.leavesContentAsFound)
        expect(folderFingerprint(join(started.project.root, 'content'))).toEqual(started.copyBefore);
    } finally {
      started?.project.remove();
    }
    // Whatever happened in the file, the real content/ is as it was.
    expect(realContentFingerprint()).toEqual(this.realBefore);
  }
}

/** A CMS session for the test file: started before its tests (in a hook registered here, so before the file's own), ended after them. */
export function useCmsSession(options: CmsSessionOptions): CmsSession {
  const session = new CmsSession(options);
  beforeAll(() => session.start(), 300_000);
  afterAll(() => session.close());
  return session;
}
