/**
 * The host's security headers: the rules for each path at the top of the
 * built site (each with its Content Security Policy from
 * src/security/policy.ts), written as dist/_headers for Netlify and
 * Cloudflare Pages, and read back (the build checks the file it wrote).
 */
import {
  BASELINE_DIRECTIVES,
  PUBLIC_ONLY_HEADERS,
  SECURITY_HEADERS,
  addSources,
  directivesFor,
  isAdminPath,
  serializePolicy,
} from './policy';

export interface HeaderRule {
  /** A Netlify path pattern: exact, or ending in /* for everything below. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

/** The path of the rule for an entry at the top of the built site: "/name/*" for a folder ("name/"), "/name" for a file. */
export function rulePathFor(entry: string): string {
  return entry.endsWith('/') ? `/${entry}*` : `/${entry}`;
}

/**
 * The host's rules. `entries` are the names at the top of the built site
 * (files and folders; folders end in "/"), and `extra` any sources pages
 * there need beyond their policy (hashes of inline code, the CMS's local
 * backend), by top-level name ("" for the home page).
 */
export function headerRules(
  entries: readonly string[],
  extra: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>> = new Map(),
): HeaderRule[] {
  const policy = (pathname: string, key: string) => serializePolicy(addSources(directivesFor(pathname), extra.get(key) ?? {}), 'header');
  const own = (pathname: string, key: string) => ({
    ...(isAdminPath(pathname) ? {} : PUBLIC_ONLY_HEADERS),
    'Content-Security-Policy': policy(pathname, key),
  });
  const rules: HeaderRule[] = [
    { path: '/*', headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': serializePolicy(BASELINE_DIRECTIVES, 'header') } },
    { path: '/', headers: own('/', '') },
  ];
  for (const entry of [...entries].sort()) {
    const folder = entry.endsWith('/');
    const name = folder ? entry.slice(0, -1) : entry;
    if (!name) continue;
    rules.push({ path: rulePathFor(entry), headers: own(folder ? `/${name}/` : `/${name}`, name) });
  }
  if (!entries.includes('admin/')) rules.push({ path: '/admin/*', headers: own('/admin/', 'admin') });
  return rules;
}

/** dist/_headers, for Netlify and Cloudflare Pages. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const lines = [
    '# Security headers, made by the build from src/security/policy.ts: do not edit.',
    '# Every rule that matches a path applies, so each path gets the baseline policy',
    '# of /* and its own policy; a browser enforces both.',
  ];
  for (const rule of rules) {
    lines.push('', rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a _headers file back into rules. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const current = rules.at(-1);
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: "${line.trim()}" is not under a path`);
    current.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}
