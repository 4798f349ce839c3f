/**
 * Measures what Chromium fetches to show a page (Resource Timing, with
 * Chromium's own render-blocking flag), and sizes each file from the built
 * site as a compressing host would send it (tools/page-weight.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  cssImports,
  frameHtmlBytes,
  htmlWeightFacts,
  resourceKind,
  summariseWeight,
  transferBytes,
  type LoadedResource,
  type PageWeight,
} from './page-weight';

export interface MeasuredPage {
  weight: PageWeight;
  blocking: { stylesheets: string[]; scripts: string[]; imports: string[] };
  /** Files fetched from anywhere but the site itself (there must be none). */
  thirdParty: string[];
}

function fileFor(distDir: string, path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  const file = join(distDir, ...clean.split('/').filter(Boolean));
  if (clean.endsWith('/')) return join(file, 'index.html');
  return existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
}

export async function measurePage(page: Page, siteUrl: string, distDir: string, path: string): Promise<MeasuredPage> {
  await page.goto(siteUrl + path, { waitUntil: 'load' });
  const origin = new URL(siteUrl).origin;
  const seen = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[];
    const icons = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((link) => link.href);
    return {
      resources: entries.map((entry) => ({ url: entry.name, blocking: entry.renderBlockingStatus === 'blocking' })),
      icons,
    };
  });
  const urls = new Map<string, boolean>();
  for (const resource of seen.resources) urls.set(resource.url, resource.blocking);
  for (const icon of seen.icons) if (!urls.has(icon)) urls.set(icon, false);

  const thirdParty: string[] = [];
  const htmlFile = fileFor(distDir, path);
  const html = readFileSync(htmlFile);
  const resources: LoadedResource[] = [
    { path, kind: 'html', rawBytes: html.length, transferBytes: transferBytes(htmlFile, html), renderBlocking: false },
  ];
  const imports: string[] = [];
  for (const [url, blocking] of urls) {
    if (!url.startsWith(origin)) {
      thirdParty.push(url);
      continue;
    }
    const resourcePath = url.slice(origin.length);
    const file = fileFor(distDir, resourcePath);
    if (!existsSync(file)) continue; // a missing file is the link check's to report
    const content = readFileSync(file);
    const kind = resourceKind(resourcePath);
    resources.push({
      path: resourcePath,
      kind,
      rawBytes: content.length,
      transferBytes: transferBytes(file, content),
      renderBlocking: blocking,
    });
    if (kind === 'css') imports.push(...cssImports(content.toString('utf8')));
  }

  const text = html.toString('utf8');
  const fromHtml = htmlWeightFacts(text);
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const blockingByBrowser = resources.filter((resource) => resource.renderBlocking);
  return {
    weight: summariseWeight(path, resources, frameHtmlBytes(text, fromHtml)),
    blocking: {
      stylesheets: union(
        fromHtml.stylesheets.map((href) => new URL(href, siteUrl + path).pathname),
        blockingByBrowser.filter((resource) => resource.kind === 'css').map((resource) => resource.path),
      ),
      scripts: union(
        fromHtml.scripts.map((src) => new URL(src, siteUrl + path).pathname),
        blockingByBrowser.filter((resource) => resource.kind === 'js').map((resource) => resource.path),
      ),
      imports,
    },
    thirdParty,
  };
}
