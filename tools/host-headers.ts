/**
 * What a host does with the site's headers, for the tests and the docs: the
 * headers a Netlify-style host sends for a path from dist/_headers (the test
 * server sends the same), and the same headers written for nginx
 * (docs/building-and-deploying.md holds it word for word).
 */
import { PUBLIC_ONLY_HEADERS, SECURITY_HEADERS, directivesFor, serializePolicy } from '../src/security/policy';
import type { HeaderRule } from '../src/security/headers-file';

function matches(pattern: string, pathname: string): boolean {
  if (pattern.endsWith('/*')) return pathname.startsWith(pattern.slice(0, -1)) || pathname === pattern.slice(0, -2);
  return pathname === pattern;
}

/**
 * The headers a Netlify-style host sends for a path: every matching rule
 * applies, and a header set by more than one rule is sent with the values
 * joined by ", " (for Content-Security-Policy: several policies, all enforced).
 */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.path, pathname)) continue;
    for (const [name, value] of Object.entries(rule.headers)) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** The same headers for nginx, as documented in docs/building-and-deploying.md. */
export function nginxSnippet(): string {
  const common = Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} "${value}" always;`);
  const publicOnly = Object.entries(PUBLIC_ONLY_HEADERS).map(([name, value]) => `add_header ${name} "${value}" always;`);
  const csp = (pathname: string) => `add_header Content-Security-Policy "${serializePolicy(directivesFor(pathname), 'header')}" always;`;
  const indent = (lines: string[]) => lines.map((line) => `    ${line}`);
  return [
    '# In the server block that serves dist/. nginx drops inherited add_header',
    '# lines in a location that has its own, so each location repeats them.',
    ...common,
    ...publicOnly,
    csp('/'),
    '',
    'location /search/ {',
    ...indent([...common, ...publicOnly, csp('/search/')]),
    '}',
    'location /pagefind/ {',
    ...indent([...common, ...publicOnly, csp('/pagefind/')]),
    '}',
    'location /admin/ {',
    ...indent([...common, csp('/admin/')]),
    '}',
  ].join('\n');
}
