/**
 * After the build: checks each built page against its Content Security
 * Policy and writes dist/_headers from src/security/policy.ts.
 *
 * The policy trusts only the site's own code. Inline script or style is
 * allowed (by its hash, in the page's <meta> policy and the host's headers)
 * only when it is on the reviewed list of template code, TRUSTED_INLINE_CODE;
 * anything else inline, a style="..." attribute, an onclick="..." handler,
 * an <iframe>, <object>, <embed> or <base>, or an address such as
 * javascript:, stops the build with the page and the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  ADMIN_DIRECTIVES,
  addHashesToPage,
  extraSources,
  inlineHashes,
  isAdminPath,
  parsePolicy,
  untrustedInlineCode,
} from '../security/policy';
import { headerRules, renderHeadersFile } from '../security/headers-file';
import { builtSiteScan, forgetBuiltSiteScan } from '../build/site-scan';
import { entriesOfBuildTasks } from '../build/tasks';
import { topLevelEntries } from '../build/site-entries';
import { writeFileAtomically } from '../build/atomic-file';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'safeguarding-security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Sources to add to the host's policy for each top-level name ("" is the home page).
        const extra = new Map<string, Record<string, string[]>>();
        const add = (key: string, sources: Readonly<Record<string, readonly string[]>>) => {
          const entry = extra.get(key) ?? {};
          for (const [name, list] of Object.entries(sources))
            if (list.length > 0) entry[name] = [...new Set([...(entry[name] ?? []), ...list])];
          extra.set(key, entry);
        };
        const problems: string[] = [];
        let hashed = 0;
        // The one read of the built pages, shared with the share images' check (src/build/site-scan.ts).
        const scan = builtSiteScan(site);
        forgetBuiltSiteScan();
        for (const [name, code] of scan.pages) {
          const path = `/${name}`;
          const file = join(site, name);
          const untrusted = untrustedInlineCode(code);
          for (const item of untrusted) {
            problems.push(
              `${path}: an inline <${item.kind}> that is not on the reviewed list of the site's own code (TRUSTED_INLINE_CODE in src/security/policy.ts, hash ${item.hash}): ${item.text.replace(/\s+/g, ' ').slice(0, 120)}`,
            );
          }
          for (const element of code.unsafe) problems.push(`${path}: ${element.slice(0, 200)}`);
          for (const element of code.eventHandlers)
            problems.push(`${path}: an inline event handler, which the policy blocks: ${element.slice(0, 120)}`);
          if (isAdminPath(path)) {
            // The CMS's page sets its own policy from this module (src/cms/env.ts), with the
            // local backend's address when it has one: the host's headers allow the same. Its
            // policy allows inline styles ('unsafe-inline', which a hash would switch off) for
            // Decap's own styling at run time; inline scripts only from the reviewed list.
            if (code.metaPolicy) add('admin', extraSources(parsePolicy(code.metaPolicy), ADMIN_DIRECTIVES));
            const scripts = { 'script-src': inlineHashes(code)['script-src'] };
            if (scripts['script-src'].length > 0 && untrusted.length === 0) {
              add('admin', scripts);
              writeFileAtomically(file, addHashesToPage(readFileSync(file, 'utf8'), scripts));
            }
            continue;
          }
          if (code.metaPolicy === undefined)
            problems.push(`${path}: has no Content-Security-Policy <meta> element (pages use src/layouts/Layout.astro)`);
          for (const element of code.styleAttributes)
            problems.push(`${path}: a style attribute, which the policy blocks: ${element.slice(0, 120)}`);
          if (untrusted.length > 0) continue;
          const needed = inlineHashes(code);
          if (needed['script-src'].length + needed['style-src'].length === 0) continue;
          hashed += 1;
          writeFileAtomically(file, addHashesToPage(readFileSync(file, 'utf8'), needed));
          const top = path.split('/')[1]!;
          for (const key of top === 'index.html' ? ['', top] : [top]) add(key, needed);
        }
        if (problems.length > 0) {
          throw new Error(
            `Built ${problems.length === 1 ? 'a page holds' : 'pages hold'} code or elements the site does not trust; templates use a class and the stylesheet, or a script file, instead:\n  ${problems.join('\n  ')}`,
          );
        }
        // What is in the site now, and what work still running will add (the search index may finish after this).
        const entries = [...new Set([...topLevelEntries(site), ...entriesOfBuildTasks()])];
        writeFileAtomically(join(site, '_headers'), renderHeadersFile(headerRules(entries, extra)));
        logger.info(
          `Security headers written to _headers${hashed ? `; ${hashed} page(s) have reviewed template code allowed by hash` : ''} (${scan.pages.size} pages read once for the policy and the share images in ${Math.round(scan.milliseconds)} ms)`,
        );
      },
    },
  };
}
