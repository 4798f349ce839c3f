/**
 * The site's Content Security Policy and security headers, in one place.
 *
 * Every page carries its policy in a <meta http-equiv> element (so it holds
 * on any host, and in the tests), and the build writes the same policies,
 * plus frame-ancestors and the other security headers, into dist/_headers for
 * Netlify-style hosts (src/integrations/security-headers.ts). docs/building-and-deploying.md has
 * the nginx equivalent, made by nginxSnippet() below.
 *
 * Public pages: scripts and styles only from the site itself, never inline
 * (no 'unsafe-inline', no 'unsafe-eval'). Inline code is allowed only when
 * it is on the reviewed list of template code below (TRUSTED_INLINE_CODE),
 * by its hash; anything else inline fails the build. Search (/search/ and
 * Pagefind's files in /pagefind/) may also compile WebAssembly.
 *
 * The CMS at /admin/ gets its own, looser policy, scoped to /admin/ only.
 */
import { createHash } from 'node:crypto';
import { scanBuiltPage, type InlineCode } from './built-page-scan';

export type Directives = Readonly<Record<string, readonly string[]>>;

/** Paths where Pagefind runs: the search page, and its worker and files. */
export const SEARCH_PATHS = ['/search/', '/pagefind/'] as const;

/** The policy of every public page (and file) except search. */
export const PUBLIC_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The CMS (Decap, built from cms/ into /admin/). What it needs beyond the
 * public policy, and why (each found by loading it under a stricter one):
 * - script-src 'unsafe-eval': Decap checks its configuration with ajv, which
 *   compiles each schema with new Function(); without it the CMS stops with
 *   "Evaluating a string as JavaScript violates ... 'unsafe-eval'".
 * - style-src 'unsafe-inline': Decap's React components are styled by
 *   emotion, which writes <style> elements at run time.
 * - img-src blob:: the media library and image previews show files the
 *   CMS has read or is about to upload as blob: addresses; GitHub's avatar
 *   host for the signed-in editor. (data: is not needed.)
 * - connect-src blob:: Decap keeps a backup of an unsaved entry and its new
 *   files in the browser, reading them back with fetch() from blob: addresses.
 * - connect-src GitHub's API and status page, for the production backend
 *   (Decap checks GitHub's status before saving). When the CMS
 *   edits files on this computer, its page adds decap-server's address
 *   (src/cms/env.ts), and the build adds it to the headers too.
 * - frame-src 'self': the preview pane is a same-origin frame.
 */
export const ADMIN_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'blob:', 'https://avatars.githubusercontent.com'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'blob:', 'https://api.github.com', 'https://www.githubstatus.com'],
  'worker-src': ["'self'"],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * For every response of the host, whatever else applies: the directives
 * that both the public and the CMS policies share. Hosts that merge rules
 * (Netlify, Cloudflare Pages) send it alongside the path's own policy.
 */
export const BASELINE_DIRECTIVES: Directives = {
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a <meta> element cannot carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** Security headers sent with every response, besides the policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  // Nobody's visit to a safeguarding site should be told to the next site.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  // Nothing of this site may be loaded by another site's page (its images, documents, scripts).
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Sent with every path except /admin/: a page opened from another site gets
 * no handle on this one, and this one none on it. Not on the CMS, whose
 * GitHub sign-in window reports back to the page that opened it.
 */
export const PUBLIC_ONLY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function isSearchPath(pathname: string): boolean {
  return SEARCH_PATHS.some((prefix) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix));
}

export function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/** The directives for a path on the site. */
export function directivesFor(pathname: string): Directives {
  if (isAdminPath(pathname)) return ADMIN_DIRECTIVES;
  if (isSearchPath(pathname)) return addSources(PUBLIC_DIRECTIVES, { 'script-src': ["'wasm-unsafe-eval'"] });
  return PUBLIC_DIRECTIVES;
}

/** A copy of `directives` with more sources (each once, in order). */
export function addSources(directives: Directives, extra: Readonly<Record<string, readonly string[]>>): Directives {
  const result: Record<string, readonly string[]> = { ...directives };
  for (const [name, sources] of Object.entries(extra)) {
    if (sources.length === 0) continue;
    result[name] = [...new Set([...(result[name] ?? directives['default-src'] ?? []), ...sources])];
  }
  return result;
}

/** Sources `policy` allows beyond `base`, in the directives `base` has. */
export function extraSources(policy: Directives, base: Directives): Record<string, string[]> {
  const extra: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(policy)) {
    const known = base[name];
    if (!known) continue;
    const added = sources.filter((source) => !known.includes(source));
    if (added.length > 0) extra[name] = added;
  }
  return extra;
}

/** The policy as text, for a header or for a <meta> element (which leaves out header-only directives). */
export function serializePolicy(directives: Directives, delivery: 'header' | 'meta'): string {
  return Object.entries(directives)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Reads a policy back into directives. */
export function parsePolicy(policy: string): Directives {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !(name.toLowerCase() in directives)) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/** The policy for a page's <meta http-equiv="Content-Security-Policy">. */
export function pageMetaPolicy(pathname: string): string {
  return serializePolicy(directivesFor(pathname), 'meta');
}

/** A CSP hash source for a script's or style's text, as the browser computes it. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export type { InlineCode } from './built-page-scan';

/** The inline code in a built HTML page that a policy must allow or that it blocks. */
export function findInlineCode(html: string): InlineCode {
  const { scripts, styles, styleAttributes, eventHandlers } = scanBuiltPage(html);
  return { scripts, styles, styleAttributes, eventHandlers };
}

/**
 * The only inline scripts and styles the policy may allow, by hash: code the
 * site's own templates write, each reviewed and listed here with where it
 * comes from. Today the templates write none (every script and style is a
 * file in /_astro/), so the list is empty. Anything else inline in a built
 * page (from content, a package or a template nobody reviewed) fails the
 * build, naming the page and the code; it is never allowed by hash.
 *
 * To allow a new piece of template code: read it, then add its hash
 * (hashSource(text), which the build's error message gives) and a line on
 * where it comes from.
 */
export const TRUSTED_INLINE_CODE: readonly { hash: string; kind: 'script' | 'style'; from: string }[] = [];

/** Inline code in a page that is not on the reviewed list. */
export function untrustedInlineCode(
  code: Pick<InlineCode, 'scripts' | 'styles'>,
): { kind: 'script' | 'style'; text: string; hash: string }[] {
  const trusted = (kind: 'script' | 'style', text: string) =>
    TRUSTED_INLINE_CODE.some((item) => item.kind === kind && item.hash === hashSource(text));
  return [
    ...code.scripts.filter((text) => !trusted('script', text)).map((text) => ({ kind: 'script' as const, text, hash: hashSource(text) })),
    ...code.styles.filter((text) => !trusted('style', text)).map((text) => ({ kind: 'style' as const, text, hash: hashSource(text) })),
  ];
}

const META_POLICY = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The policy in a built page's <meta> element, if it has one. */
export function readMetaPolicy(html: string): string | undefined {
  const match = META_POLICY.exec(html);
  return match ? decodeAttribute(match[1]!) : undefined;
}

/** The hashes a page's inline scripts and styles need. */
export function inlineHashes(code: Pick<InlineCode, 'scripts' | 'styles'>): { 'script-src': string[]; 'style-src': string[] } {
  return { 'script-src': [...new Set(code.scripts.map(hashSource))], 'style-src': [...new Set(code.styles.map(hashSource))] };
}

/** Adds hashes to the policy in a built page's <meta> element. */
export function addHashesToPage(html: string, hashes: Readonly<Record<string, readonly string[]>>): string {
  if (Object.values(hashes).every((list) => list.length === 0)) return html;
  const policy = readMetaPolicy(html);
  if (policy === undefined) return html;
  const updated = serializePolicy(addSources(parsePolicy(policy), hashes), 'meta');
  return html.replace(META_POLICY, (element) => element.replace(/content="[^"]*"/i, `content="${encodeAttribute(updated)}"`));
}
