/**
 * After the build: checks each built page against its Content Security
 * Policy, allows any inline script or style by its hash (in the page's
 * <meta> policy and in the host's headers), and writes dist/_headers from
 * src/lib/security-policy.ts.
 *
 * A style="..." attribute or an onclick="..." handler on a public page would
 * be blocked by the policy, so the build names the page and the element and
 * stops.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  addHashesToPage, findInlineCode, headerRules, inlineHashes, isAdminPath, readMetaPolicy, renderHeadersFile,
} from '../lib/security-policy';

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((item) => item.isFile() && item.name.endsWith('.html'))
    .map((item) => join(item.parentPath, item.name));
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'safeguarding-security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const hashes = new Map<string, Record<string, string[]>>();
        const problems: string[] = [];
        let hashed = 0;
        for (const file of htmlFiles(site)) {
          const path = '/' + relative(site, file).split(sep).join('/');
          const html = readFileSync(file, 'utf8');
          if (isAdminPath(path)) {
            // The CMS's policy allows inline styles ('unsafe-inline', which a hash would switch
            // off), not inline scripts: those are allowed by hash, in its headers only.
            const scripts = inlineHashes(findInlineCode(html))['script-src'];
            if (scripts.length > 0) {
              const entry = hashes.get('admin') ?? { 'script-src': [] };
              entry['script-src'] = [...new Set([...(entry['script-src'] ?? []), ...scripts])];
              hashes.set('admin', entry);
            }
            continue;
          }
          if (readMetaPolicy(html) === undefined) problems.push(`${path}: has no Content-Security-Policy <meta> element (pages use src/layouts/Layout.astro)`);
          const code = findInlineCode(html);
          for (const element of code.styleAttributes) problems.push(`${path}: a style attribute, which the policy blocks: ${element.slice(0, 120)}`);
          for (const element of code.eventHandlers) problems.push(`${path}: an inline event handler, which the policy blocks: ${element.slice(0, 120)}`);
          const needed = inlineHashes(code);
          if (needed['script-src'].length + needed['style-src'].length === 0) continue;
          hashed += 1;
          writeFileSync(file, addHashesToPage(html, needed));
          const top = path.split('/')[1]!;
          const keys = top.endsWith('.html') ? (top === 'index.html' ? ['', top] : [top]) : [top];
          for (const key of keys) {
            const entry = hashes.get(key) ?? { 'script-src': [], 'style-src': [] };
            for (const name of ['script-src', 'style-src'] as const) entry[name] = [...new Set([...(entry[name] ?? []), ...needed[name]])];
            hashes.set(key, entry);
          }
        }
        if (problems.length > 0) {
          throw new Error(`The Content Security Policy would block parts of ${problems.length === 1 ? 'a page' : 'pages'}; use a class and the stylesheet, or a script file, instead:\n  ${problems.join('\n  ')}`);
        }
        const entries = readdirSync(site, { withFileTypes: true })
          .filter((item) => !item.name.startsWith('_headers') && !item.name.startsWith('_redirects'))
          .map((item) => (item.isDirectory() ? `${item.name}/` : item.name));
        writeFileSync(join(site, '_headers'), renderHeadersFile(headerRules(entries, hashes)));
        logger.info(`Security headers written to _headers${hashed ? `; ${hashed} page(s) have inline code allowed by hash` : ''}`);
      },
    },
  };
}
