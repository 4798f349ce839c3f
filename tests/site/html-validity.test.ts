/**
 * Valid HTML on every built page, /admin/ included, checked by html-validate
 * with its recommended rules (tests/support/html-validity.ts says which rules
 * are changed and why). Each finding names the page, line, column and rule.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, siteDist } from '../../tools/built-pages';
import { formatFindings, validateBuiltFile, type HtmlFinding } from '../support/html-validity';

function fileOf(path: string): string {
  return join(siteDist(), path.endsWith('/') ? `${path}index.html` : path);
}

describe('valid HTML (html-validate, recommended rules)', () => {
  it('every built page is valid', async () => {
    const pages = builtPages(siteDist());
    const found: HtmlFinding[] = [];
    for (const path of pages) found.push(...(await validateBuiltFile(fileOf(path), path)));
    mkdirSync('test-results/html', { recursive: true });
    writeFileSync('test-results/html/html-validate.json', `${JSON.stringify({ pages: pages.length, findings: found }, null, 2)}\n`);
    console.log(`html-validate: ${pages.length} pages, ${found.length} findings`);
    expect(pages.length).toBeGreaterThan(30);
    expect(found, formatFindings(found)).toEqual([]);
  });
});
