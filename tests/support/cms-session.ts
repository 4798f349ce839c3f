/**
 * What every CMS end-to-end test file does around its editor's session: a
 * watch on the page's console and errors, the backend's answer to a request
 * the next click makes, and the tidy-up that proves the content it worked on
 * (the copy's, when the file promises to leave it as found) and the real
 * content/ are as they were.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { folderFingerprint } from './folder-fingerprint';
import type { ProjectCopy } from '../../tools/project-copy';

/** The real content/'s fingerprint: taken when a test file loads, compared when it ends. */
export function realContentFingerprint(): Record<string, string> {
  return folderFingerprint(resolve('content'));
}

/** Collects the page's console errors (and warnings, if asked) and its uncaught errors into `problems`. */
export function collectPageProblems(page: Page, problems: string[], options: { warnings?: boolean } = {}): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || (options.warnings && message.type() === 'warning'))
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/**
 * The CMS backend's answer to the page's next request for `action` (whose
 * params pass `params`): set up before the click that makes it.
 */
export function backendAnswer(
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

export interface CmsTestParts {
  browser?: Browser;
  site?: { close: () => Promise<void> };
  backend?: { stop: () => void };
  project?: ProjectCopy;
  /** The copy's content/ when the file started, if the file leaves it as found. */
  copyBefore?: Record<string, string>;
  /** realContentFingerprint() when the file loaded. */
  realBefore?: Record<string, string>;
}

/** Stops the browser, the site and the backend; checks the copy's and the real content/; removes the copy. */
export async function closeCmsTest(parts: CmsTestParts): Promise<void> {
  await parts.browser?.close();
  await parts.site?.close();
  parts.backend?.stop();
  if (parts.project && parts.copyBefore) expect(folderFingerprint(join(parts.project.root, 'content'))).toEqual(parts.copyBefore);
  parts.project?.remove();
  // Whatever happened in the file, the real content/ is as it was.
  if (parts.realBefore) expect(realContentFingerprint()).toEqual(parts.realBefore);
}
