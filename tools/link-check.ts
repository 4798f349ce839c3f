/**
 * Links and assets in a built site, checked without a network: every internal
 * address in HTML (href, src, srcset, poster, link rel, meta share images and
 * refresh; read by the HTML tokenizer, src/html/tokens.ts), in CSS (url() and @import, in files, <style> and style="") and in
 * sitemaps and feeds must name a file in the build, and a #fragment must name
 * an element on its page. External links are listed, never fetched.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { readHtml, type HtmlHandler } from '../src/html/tokens';
import { readPage } from '../src/html/built-pages';

export interface BrokenLink {
  /** The page or file that has the link, as a site path (/about/, /_astro/x.css). */
  from: string;
  /** The address as written. */
  url: string;
  /** Where it was found, for example a[href] or css url(). */
  where: string;
  reason: string;
}

export interface LinkReport {
  /** Files read: HTML pages, CSS and XML. */
  files: number;
  /** Internal addresses checked (each occurrence). */
  internal: number;
  broken: BrokenLink[];
  /** External addresses, each with the pages that link to it. Not fetched. */
  external: Map<string, string[]>;
  /** mailto:, tel: and other non-web addresses, with their pages. */
  other: Map<string, string[]>;
}

interface Reference {
  url: string;
  where: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, code: string) => {
    if (code[0] === '#')
      return String.fromCodePoint(code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? match;
  });
}

/** Addresses in CSS: url(...) and @import "...". */
export function cssReferences(css: string, where = 'css'): Reference[] {
  const found: Reference[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) {
    found.push({ url: match[1] ?? match[2] ?? match[3] ?? '', where: `${where} url()` });
  }
  for (const match of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi))
    found.push({ url: match[1] ?? match[2] ?? '', where: `${where} @import` });
  return found;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
const SHARE_META = new Set(['og:image', 'og:image:url', 'og:image:secure_url', 'og:url', 'twitter:image', 'og:audio', 'og:video']);

export interface ParsedPage {
  references: Reference[];
  ids: Set<string>;
  base: string | null;
}

/** The callbacks that gather a page's addresses and element ids (one reader of a page, src/html/tokens.ts). */
export function linkHandler(): { handler: HtmlHandler; result: () => ParsedPage } {
  const references: Reference[] = [];
  const ids = new Set<string>();
  let base: string | null = null;
  const handler: HtmlHandler = {
    startTag({ name: tag, attributes }) {
      const id = attributes.get('id');
      if (id) ids.add(id);
      if (tag === 'a' && attributes.has('name')) ids.add(attributes.get('name')!);
      if (tag === 'base' && attributes.has('href') && base === null) base = attributes.get('href')!;
      for (const name of URL_ATTRIBUTES[tag] ?? []) {
        const value = attributes.get(name);
        if (value === undefined) continue;
        if (name === 'srcset') {
          for (const candidate of value.split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) references.push({ url, where: `${tag}[srcset]` });
          }
        } else if (!(tag === 'form' && value === '')) {
          const rel = attributes.get('rel');
          references.push({ url: value.trim(), where: `${tag}${rel ? `[rel=${rel}]` : ''}[${name}]` });
        }
      }
      if (tag === 'meta') {
        const property = (attributes.get('property') ?? attributes.get('name') ?? '').toLowerCase();
        const content = attributes.get('content');
        if (content && SHARE_META.has(property)) references.push({ url: content.trim(), where: `meta[${property}]` });
        if (content && attributes.get('http-equiv')?.toLowerCase() === 'refresh') {
          const url = /url\s*=\s*['"]?([^'";]+)/i.exec(content)?.[1];
          if (url) references.push({ url: url.trim(), where: 'meta[refresh]' });
        }
      }
      const style = attributes.get('style');
      if (style) references.push(...cssReferences(style, `${tag}[style]`));
    },
    elementText(tag, text) {
      // Inline CSS.
      if (tag.name === 'style') references.push(...cssReferences(text, '<style>'));
    },
  };
  return { handler, result: () => ({ references, ids, base }) };
}

/** The addresses and the element ids of an HTML page. */
export function parseHtml(html: string): ParsedPage {
  const { handler, result } = linkHandler();
  readHtml(html, handler);
  return result();
}

/** Addresses in a sitemap or a feed. */
export function xmlReferences(xml: string): Reference[] {
  const found: Reference[] = [];
  for (const match of xml.matchAll(/<(loc|link|guid)\b[^>]*>\s*(?:<!\[CDATA\[)?\s*(https?:\/\/[^<\s\]]+)/gi)) {
    found.push({ url: decodeEntities(match[2]!), where: `<${match[1]!.toLowerCase()}>` });
  }
  for (const match of xml.matchAll(/<[\w:]+\s[^>]*\b(?:href|url)="([^"]+)"/gi))
    found.push({ url: decodeEntities(match[1]!), where: 'xml attribute' });
  return found;
}

function walk(directory: string): string[] {
  const files: string[] = [];
  for (const item of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, item.name);
    if (item.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

/** The site path of a built file: /about/ for about/index.html. */
export function sitePath(directory: string, file: string): string {
  const path = '/' + relative(directory, file).split(sep).join('/');
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * Checks every HTML, CSS and XML file in `directory` (a built site that will
 * be served from `siteUrl`, which internal absolute addresses start with).
 */
export function checkLinks(directory: string, siteUrl: string): LinkReport {
  const origin = new URL(siteUrl).origin;
  const files = walk(directory).filter((file) => ['.html', '.css', '.xml'].includes(extname(file)));
  const pageIds = new Map<string, Set<string> | null>();
  const parsed = new Map<string, { path: string; references: Reference[]; base: string | null }>();
  for (const file of files) {
    const path = sitePath(directory, file);
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.html')) {
      const { handler, result } = linkHandler();
      readPage({ file: relative(directory, file).split(sep).join('/'), html: text }, [{ page: () => handler }]);
      const page = result();
      pageIds.set(path, page.ids);
      parsed.set(file, { path, references: page.references, base: page.base });
    } else if (file.endsWith('.css')) {
      parsed.set(file, { path, references: cssReferences(text), base: null });
    } else {
      parsed.set(file, { path, references: xmlReferences(text), base: null });
    }
  }

  const report: LinkReport = { files: files.length, internal: 0, broken: [], external: new Map(), other: new Map() };
  const note = (map: Map<string, string[]>, url: string, from: string) => {
    const pages = map.get(url) ?? [];
    if (!pages.includes(from)) pages.push(from);
    map.set(url, pages);
  };
  const idsOf = (path: string): Set<string> | null => {
    if (!pageIds.has(path)) {
      const file = join(directory, ...path.split('/').filter(Boolean), path.endsWith('/') ? 'index.html' : '');
      pageIds.set(path, existsSync(file) && file.endsWith('.html') ? parseHtml(readFileSync(file, 'utf8')).ids : null);
    }
    return pageIds.get(path) ?? null;
  };

  for (const { path: from, references, base } of parsed.values()) {
    const pageUrl = new URL(from, origin);
    const baseUrl = base ? new URL(base, pageUrl) : pageUrl;
    for (const { url: written, where } of references) {
      const broken = (reason: string) => report.broken.push({ from, url: written, where, reason });
      if (written === '' || written === '#') {
        if (where.startsWith('a[') || where.startsWith('area[')) broken('the link goes nowhere (its address is empty or "#")');
        continue;
      }
      if (/^(data|blob|about):/i.test(written)) continue;
      if (/^javascript:/i.test(written)) {
        broken('a javascript: address is not a link; use a button');
        continue;
      }
      let url: URL;
      try {
        url = new URL(written, baseUrl);
      } catch {
        broken('the address is not valid');
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        note(report.other, written, from);
        continue;
      }
      if (url.origin !== origin) {
        note(report.external, url.href, from);
        continue;
      }
      report.internal += 1;
      let target: string;
      try {
        target = decodeURIComponent(url.pathname);
      } catch {
        broken('the address has a bad %-escape');
        continue;
      }
      const segments = target.split('/').filter(Boolean);
      const file = join(directory, ...segments);
      if (!file.startsWith(directory)) {
        broken('the address points outside the site');
        continue;
      }
      let page: string | null = null;
      if (target.endsWith('/')) {
        if (existsSync(join(file, 'index.html'))) page = target;
        else {
          broken(`there is no page at ${target}`);
          continue;
        }
      } else if (existsSync(file) && statSync(file).isFile()) {
        page = target.endsWith('.html') ? target : null;
      } else if (existsSync(join(file, 'index.html'))) {
        broken(`the page is at ${target}/ (with a slash at the end); link to that`);
        continue;
      } else {
        broken(`there is no file at ${target}`);
        continue;
      }
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (fragment && page && where !== 'meta[og:url]' && !where.startsWith('link[rel=canonical]')) {
        const ids = idsOf(page);
        if (ids && !ids.has(fragment)) broken(`${page} has no element with id "${fragment}" for #${fragment} to go to`);
      }
    }
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  report.broken.sort((a, b) => byCodePoint(a.from, b.from) || byCodePoint(a.url, b.url));
  for (const map of [report.external, report.other]) for (const pages of map.values()) pages.sort();
  return report;
}

export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((link) => `${link.from}: ${link.where} "${link.url}": ${link.reason}`).join('\n');
}

export function formatExternalLinks(external: ReadonlyMap<string, readonly string[]>): string {
  return [...external.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([url, pages]) =>
        `${url}  (${pages.length === 1 ? pages[0] : `${pages.length} pages: ${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', ...' : ''}`})`,
    )
    .join('\n');
}
