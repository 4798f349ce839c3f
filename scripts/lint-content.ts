/**
 * npm run lint:content: checks everything in content/ for what an editor can
 * get wrong that a reader would notice: headings, link text, alternative text,
 * documents, tables, procedures past their review date, abbreviations
 * not written out where a page first uses them (in fields the build does not
 * write out), and all-capitals words the glossary does not know. Errors (exit code
 * 1) must be fixed; warnings are listed. The same check runs in `npm test`.
 *
 *   npm run lint:content             check the project's content/
 *   npm run lint:content -- --json   the findings as JSON, for tools
 */
import { resolve } from 'node:path';
import { formatFindings, lintContent } from '../src/content/lint.ts';
import { siteToday } from '../src/rules/dates.ts';

const root = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.');
const findings = lintContent(root, siteToday());
if (process.argv.includes('--json')) console.log(JSON.stringify(findings, null, 2));
else console.log(formatFindings(findings));
process.exitCode = findings.some((finding) => finding.severity === 'error') ? 1 : 0;
