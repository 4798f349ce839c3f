/**
 * One walk over a built site's HTML pages: each page is read from disk once
 * and tokenized once (src/html/tokens.ts), and every reader that asked
 * is handed the same tags. The build's checks (the security policy scan,
 * the share images pages name), the link check and the page weight read
 * pages this way, so adding a reader adds its own work and no second parse.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readHtml, type EndTag, type HtmlHandler, type StartTag } from './tokens';

/** A page of the built site: its file, relative to the site's folder, with "/" between folders ("about/index.html"). */
export interface BuiltPage {
  file: string;
  html: string;
}

/**
 * A reader of pages: for each page, the callbacks it wants for that page
 * (or nothing, to skip it), and `end`, called when the page has been read.
 */
export interface PageReader {
  page(page: BuiltPage): (HtmlHandler & { end?(): void }) | undefined;
}

/** The HTML files of a built site, relative to its folder, sorted. */
export function builtHtmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((item) => item.isFile() && item.name.endsWith('.html'))
    .map((item) => relative(folder, join(item.parentPath, item.name)).split(sep).join('/'))
    .sort();
}

/** Reads one page once for every reader. */
export function readPage(page: BuiltPage, readers: readonly PageReader[]): void {
  const handlers = readers.map((reader) => reader.page(page)).filter((handler) => handler !== undefined);
  if (handlers.length === 0) return;
  const wanting = <K extends keyof HtmlHandler>(name: K) => handlers.filter((handler) => handler[name] !== undefined);
  const starts = wanting('startTag');
  const ends = wanting('endTag');
  const texts = wanting('elementText');
  const words = wanting('text');
  const combined: HtmlHandler = {};
  if (starts.length > 0)
    combined.startTag = (tag: StartTag) => {
      for (const handler of starts) handler.startTag!(tag);
    };
  if (ends.length > 0)
    combined.endTag = (tag: EndTag) => {
      for (const handler of ends) handler.endTag!(tag);
    };
  if (texts.length > 0)
    combined.elementText = (tag: StartTag, text: string) => {
      for (const handler of texts) handler.elementText!(tag, text);
    };
  if (words.length > 0)
    combined.text = (text: string) => {
      for (const handler of words) handler.text!(text);
    };
  readHtml(page.html, combined);
  for (const handler of handlers) handler.end?.();
}

/** Reads every HTML page under `folder` once, for all `readers`; returns how many pages were read. */
export function walkBuiltPages(folder: string, readers: readonly PageReader[]): number {
  const files = builtHtmlFiles(folder);
  for (const file of files) readPage({ file, html: readFileSync(join(folder, file), 'utf8') }, readers);
  return files.length;
}

/** The site path of a built page's file: /about/ for about/index.html, /404.html for 404.html. */
export function pagePath(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}
